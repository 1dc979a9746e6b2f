/// Reads dates as reports print them: `2021/01/30`, `2020-03-09`, `2019.2.15`, `2021年2月19日`,
/// `二〇二一年二月十九日`.
enum DateReader {
    /// The ISO form of the date at the start of `text` (or filling it, with `wholeText`).
    static func isoDate(in text: Substring, wholeText: Bool = false) -> String? {
        let text = Substring(chineseNumeralsToDigits(String(text.prefix(40))))
        var index = text.startIndex
        func number(maxDigits: Int) -> Int? {
            let start = index
            while index < text.endIndex, text[index].isASCII, text[index].isNumber, text.distance(from: start, to: index) < maxDigits {
                index = text.index(after: index)
            }
            return start == index ? nil : Int(text[start..<index])
        }
        func separator(_ allowed: Set<Character>) -> Bool {
            while index < text.endIndex, text[index] == " " { index = text.index(after: index) }
            guard index < text.endIndex, allowed.contains(text[index]) else { return false }
            index = text.index(after: index)
            while index < text.endIndex, text[index] == " " { index = text.index(after: index) }
            return true
        }
        guard let year = number(maxDigits: 4), (1990...2100).contains(year), separator(["-", "/", ".", "年"]),
              let month = number(maxDigits: 2), (1...12).contains(month), separator(["-", "/", ".", "月"]),
              let day = number(maxDigits: 2), (1...31).contains(day) else { return nil }
        var afterDay = index
        while afterDay < text.endIndex, text[afterDay] == " " { afterDay = text.index(after: afterDay) }
        if afterDay < text.endIndex, text[afterDay] == "日" { index = text.index(after: afterDay) }
        if wholeText && !text[index...].allSatisfy({ $0 == " " }) { return nil }
        return "\(year)-\(month < 10 ? "0" : "")\(month)-\(day < 10 ? "0" : "")\(day)"
    }

    /// `二〇二一年二月十九日` → `2021年2月19日`; other text is left as it is.
    static func chineseNumeralsToDigits(_ text: String) -> String {
        let digits: [Character: Character] = ["〇": "0", "○": "0", "零": "0", "一": "1", "二": "2", "三": "3", "四": "4",
                                              "五": "5", "六": "6", "七": "7", "八": "8", "九": "9"]
        guard text.contains(where: { digits[$0] != nil }) && text.contains("年") else { return text }
        var result = ""
        let characters = Array(text)
        var index = 0
        while index < characters.count {
            let character = characters[index]
            if character == "十" {
                let before = index > 0 ? digits[characters[index - 1]] : nil
                let after = index + 1 < characters.count ? digits[characters[index + 1]] : nil
                if before == nil { result.append("1") }
                if after == nil { result.append("0") }
            } else if let digit = digits[character] {
                result.append(digit)
            } else {
                result.append(character)
            }
            index += 1
        }
        return result
    }
}

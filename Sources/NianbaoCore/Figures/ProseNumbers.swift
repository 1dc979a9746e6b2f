import Foundation

/// A number stated in a clause, with the unit printed after it.
struct ProseNumber: Sendable {
    enum Unit: Sendable, Equatable {
        /// 条, 件, 宗, 起 …: a count.
        case count
        /// 元, 万元, 亿元: money, the value already in yuan.
        case yuan
        /// Nothing after the number but the clause's end (`申请数为2`).
        case none
    }

    var value: Decimal
    var unit: Unit
    /// The count or money word as printed (条, 件, 万元), empty for `none`.
    var word: String
    /// Where the number starts and where its unit ends, in the clause key.
    var start: Int
    var end: Int
}

/// Numbers in a clause key: Arabic digits (a decimal point allowed) or Chinese numerals before a count
/// word (`一件`, `两起`). Dates, percentages, ordinals (第3次) and approximations (3000余人次) are not
/// figures and are left out.
enum ProseNumbers {
    static let countWords: [String] = ["人次", "条", "件", "宗", "起", "项", "个", "次", "份", "篇", "例", "家", "封", "人"]
    /// Chinese numerals are read only before these: `一个`, `一次`, `一起` (together) are too often not counts.
    static let chineseCountWords: Set<String> = ["条", "件", "宗", "项", "份", "篇", "例"]
    static let moneyWords: [(word: String, factor: Decimal)] = [("亿元", 100_000_000), ("万元", 10_000), ("元", 1)]
    /// A number followed by one of these is not a figure: a date, a share, an approximation.
    static let notAFigure: [String] = ["%", "％", "‰", "年", "月", "日", "号", "时", "分", "岁", "余", "多", "以上", "左右", "多万"]
    static let digitsOfHan: [Unicode.Scalar: Int] = ["零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
                                                     "六": 6, "七": 7, "八": 8, "九": 9]
    static let powersOfHan: [Unicode.Scalar: Int] = ["十": 10, "百": 100, "千": 1000]

    static func isDigit(_ scalar: Unicode.Scalar) -> Bool { scalar.value >= 0x30 && scalar.value <= 0x39 }

    static func find(in key: [Unicode.Scalar]) -> [ProseNumber] {
        var found: [ProseNumber] = []
        var index = 0
        while index < key.count {
            if isDigit(key[index]) {
                var end = index
                while end < key.count, isDigit(key[end]) || (key[end] == "." && end + 1 < key.count && isDigit(key[end + 1])
                                                             && end > index) {
                    end += 1
                }
                if let number = figure(key, start: index, end: end, text: String(String.UnicodeScalarView(key[index..<end])),
                                       chinese: false) {
                    found.append(number)
                }
                index = end
            } else if digitsOfHan[key[index]] != nil || powersOfHan[key[index]] != nil {
                var end = index
                while end < key.count, digitsOfHan[key[end]] != nil || powersOfHan[key[end]] != nil { end += 1 }
                // A lone 零 is a word of its own (零件, 零星).
                if let value = hanValue(key[index..<end]), value > 0,
                   let number = figure(key, start: index, end: end, text: String(value), chinese: true) {
                    found.append(number)
                }
                index = end
            } else {
                index += 1
            }
        }
        return found
    }

    /// The number at `start..<end` when what follows makes it a figure.
    private static func figure(_ key: [Unicode.Scalar], start: Int, end: Int, text: String, chinese: Bool) -> ProseNumber? {
        guard start == 0 || key[start - 1] != "第", let value = Decimal(string: text) else { return nil }
        let rest = String(String.UnicodeScalarView(key[end..<min(key.count, end + 3)]))
        if notAFigure.contains(where: rest.hasPrefix) { return nil }
        if !chinese, let money = moneyWords.first(where: { rest.hasPrefix($0.word) }) {
            return ProseNumber(value: value * money.factor, unit: .yuan, word: money.word, start: start, end: end + money.word.unicodeScalars.count)
        }
        if let word = countWords.first(where: rest.hasPrefix), !chinese || chineseCountWords.contains(word) {
            return ProseNumber(value: value, unit: .count, word: word, start: start, end: end + word.unicodeScalars.count)
        }
        // `申请数为2`: a bare number ends the clause right after 为 or 是.
        if !chinese, end == key.count, start > 0, key[start - 1] == "为" || key[start - 1] == "是" {
            return ProseNumber(value: value, unit: .none, word: "", start: start, end: end)
        }
        return nil
    }

    /// 十二 = 12, 二十 = 20, 一百零五 = 105, 三 = 3; nil for anything else (一一, 十十).
    static func hanValue(_ scalars: ArraySlice<Unicode.Scalar>) -> Int? {
        var total = 0
        var pending: Int?
        for scalar in scalars {
            if let digit = digitsOfHan[scalar] {
                guard pending == nil || (digit == 0) else { return nil }
                pending = digit == 0 ? nil : digit
            } else if let power = powersOfHan[scalar] {
                total += (pending ?? (total == 0 ? 1 : 0)) * power
                guard pending != nil || total == power else { return nil }
                pending = nil
            }
        }
        return total + (pending ?? 0)
    }
}

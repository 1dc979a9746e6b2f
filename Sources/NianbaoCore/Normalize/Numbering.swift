/// The numbering in front of a heading or a row label: `一、` `（三）` `(2)` `1.` `—、` (a dash typed for 一).
public struct Numbering: Equatable, Sendable {
    public enum Style: Equatable, Sendable {
        /// `一、`, `1、`, `1.`: part headings and numbered rows.
        case delimited
        /// `（一）`, `(2)`: sub-headings and row groups.
        case parenthesized
    }

    public var ordinal: Int
    public var style: Style
    /// What follows the numbering, leading spaces removed.
    public var rest: Substring

    /// Reads the numbering at the start of `text` (width-folded); nil when it has none.
    public static func read(_ text: String) -> Numbering? {
        read(Substring(text))
    }

    public static func read(_ text: Substring) -> Numbering? {
        // Most texts start with none of the characters numbering starts with: settled by one scalar.
        guard let first = text.unicodeScalars.first(where: { $0 != " " && $0 != "\t" }),
              openers.contains(first.value) else { return nil }
        var index = text.startIndex
        skipSpaces(text, &index)
        guard index < text.endIndex else { return nil }

        if text[index] == "(" {
            var cursor = text.index(after: index)
            skipSpaces(text, &cursor)
            let digitsStart = cursor
            while cursor < text.endIndex, isOrdinalCharacter(text[cursor]) { cursor = text.index(after: cursor) }
            guard cursor > digitsStart, let ordinal = ordinalValue(text[digitsStart..<cursor]) else { return nil }
            skipSpaces(text, &cursor)
            guard cursor < text.endIndex, text[cursor] == ")" else { return nil }
            cursor = text.index(after: cursor)
            skipSpaces(text, &cursor)
            return Numbering(ordinal: ordinal, style: .parenthesized, rest: text[cursor...])
        }

        if dashes.contains(text[index]) {
            var cursor = text.index(after: index)
            while cursor < text.endIndex, dashes.contains(text[cursor]) { cursor = text.index(after: cursor) }
            guard cursor < text.endIndex, text[cursor] == "、" else { return nil }
            cursor = text.index(after: cursor)
            skipSpaces(text, &cursor)
            return Numbering(ordinal: 1, style: .delimited, rest: text[cursor...])
        }

        var cursor = index
        while cursor < text.endIndex, isOrdinalCharacter(text[cursor]) { cursor = text.index(after: cursor) }
        guard cursor > index, cursor < text.endIndex, delimiters.contains(text[cursor]),
              let ordinal = ordinalValue(text[index..<cursor]) else { return nil }
        // `188.64` is a number, not the numbering `188.`
        let afterDelimiter = text.index(after: cursor)
        if text[cursor] == ".", afterDelimiter < text.endIndex, text[afterDelimiter].isASCII, text[afterDelimiter].isNumber {
            return nil
        }
        var restStart = afterDelimiter
        skipSpaces(text, &restStart)
        return Numbering(ordinal: ordinal, style: .delimited, rest: text[restStart...])
    }

    private static let dashes: Set<Character> = ["—", "-", "–", "－", "─"]
    private static let delimiters: Set<Character> = ["、", ".", "．", ",", "，"]
    private static let chineseDigits: [Character: Int] = [
        "〇": 0, "零": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
    ]

    /// The scalars a numbering can start with: `(`, a dash or an ordinal character.
    private static let openers: Set<UInt32> = Set(
        (["(", "十"] + Array(dashes) + Array(chineseDigits.keys) + (0...9).map { Character(String($0)) })
            .map { $0.unicodeScalars.first!.value })

    @inline(__always)
    static func isOrdinalCharacter(_ character: Character) -> Bool {
        (character.isASCII && character.isNumber) || chineseDigits[character] != nil || character == "十"
    }

    /// `十二` → 12, `二十` → 20, `3` → 3; nil for anything else.
    static func ordinalValue(_ text: Substring) -> Int? {
        if text.allSatisfy({ $0.isASCII && $0.isNumber }) { return text.count <= 3 ? Int(text) : nil }
        if let tenIndex = text.firstIndex(of: "十") {
            let tensPart = text[..<tenIndex], onesPart = text[text.index(after: tenIndex)...]
            let tens = tensPart.isEmpty ? 1 : (tensPart.count == 1 ? chineseDigits[tensPart.first!] : nil)
            let ones = onesPart.isEmpty ? 0 : (onesPart.count == 1 ? chineseDigits[onesPart.first!] : nil)
            guard let tens, let ones else { return nil }
            return tens * 10 + ones
        }
        guard text.count == 1, let digit = chineseDigits[text.first!] else { return nil }
        return digit
    }

    private static func skipSpaces(_ text: Substring, _ index: inout Substring.Index) {
        while index < text.endIndex, text[index] == " " || text[index] == "\t" { index = text.index(after: index) }
    }
}

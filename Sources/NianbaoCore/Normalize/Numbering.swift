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
        guard let first = text.unicodeScalars.first(where: { $0 != " " && $0 != "\t" }), isOpener(first.value) else { return nil }
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

        if isDash(text[index]) {
            var cursor = text.index(after: index)
            while cursor < text.endIndex, isDash(text[cursor]) { cursor = text.index(after: cursor) }
            guard cursor < text.endIndex, text[cursor] == "、" else { return nil }
            cursor = text.index(after: cursor)
            skipSpaces(text, &cursor)
            return Numbering(ordinal: 1, style: .delimited, rest: text[cursor...])
        }

        var cursor = index
        while cursor < text.endIndex, isOrdinalCharacter(text[cursor]) { cursor = text.index(after: cursor) }
        guard cursor > index, cursor < text.endIndex, isDelimiter(text[cursor]),
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

    // Characters are told by their one scalar, not hashed: this runs on every token of a report.
    @inline(__always)
    private static func scalar(_ character: Character) -> UInt32? {
        let scalars = character.unicodeScalars
        return scalars.count == 1 ? scalars.first!.value : nil
    }

    /// — - – － ─
    @inline(__always)
    private static func isDash(_ value: UInt32?) -> Bool {
        switch value {
        case 0x2014, 0x2D, 0x2013, 0xFF0D, 0x2500: return true
        default: return false
        }
    }

    @inline(__always)
    private static func isDash(_ character: Character) -> Bool {
        isDash(scalar(character))
    }

    /// 、 . ． , ，
    @inline(__always)
    private static func isDelimiter(_ character: Character) -> Bool {
        switch scalar(character) {
        case 0x3001, 0x2E, 0xFF0E, 0x2C, 0xFF0C: return true
        default: return false
        }
    }

    /// 〇 零 一 二 三 四 五 六 七 八 九 → 0–9.
    @inline(__always)
    private static func chineseDigit(_ value: UInt32?) -> Int? {
        switch value {
        case 0x3007, 0x96F6: return 0
        case 0x4E00: return 1
        case 0x4E8C: return 2
        case 0x4E09: return 3
        case 0x56DB: return 4
        case 0x4E94: return 5
        case 0x516D: return 6
        case 0x4E03: return 7
        case 0x516B: return 8
        case 0x4E5D: return 9
        default: return nil
        }
    }

    private static let ten: UInt32 = 0x5341

    /// A numbering can start with `(`, a dash or an ordinal character.
    @inline(__always)
    private static func isOpener(_ value: UInt32) -> Bool {
        (value >= 0x30 && value <= 0x39) || value == 0x28 || value == ten || chineseDigit(value) != nil || isDash(value)
    }

    @inline(__always)
    static func isOrdinalCharacter(_ character: Character) -> Bool {
        if character.isASCII { return character.isNumber }
        let value = scalar(character)
        return value == ten || chineseDigit(value) != nil
    }

    /// `十二` → 12, `二十` → 20, `3` → 3; nil for anything else.
    static func ordinalValue(_ text: Substring) -> Int? {
        if text.allSatisfy({ $0.isASCII && $0.isNumber }) { return text.count <= 3 ? Int(text) : nil }
        if let tenIndex = text.firstIndex(of: "十") {
            let tensPart = text[..<tenIndex], onesPart = text[text.index(after: tenIndex)...]
            let tens = tensPart.isEmpty ? 1 : (tensPart.count == 1 ? chineseDigit(scalar(tensPart.first!)) : nil)
            let ones = onesPart.isEmpty ? 0 : (onesPart.count == 1 ? chineseDigit(scalar(onesPart.first!)) : nil)
            guard let tens, let ones else { return nil }
            return tens * 10 + ones
        }
        guard text.count == 1, let digit = chineseDigit(scalar(text.first!)) else { return nil }
        return digit
    }

    private static func skipSpaces(_ text: Substring, _ index: inout Substring.Index) {
        while index < text.endIndex, text[index] == " " || text[index] == "\t" { index = text.index(after: index) }
    }
}

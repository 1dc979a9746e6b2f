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

    /// Read scalar by scalar: this runs on every token of a report, and stepping Characters (grapheme
    /// breaking) cost more than the rest of the label key.
    public static func read(_ text: Substring) -> Numbering? {
        let scalars = text.unicodeScalars
        var index = scalars.startIndex
        skipSpaces(scalars, &index)
        // Most texts start with none of the scalars numbering starts with: settled by one scalar.
        guard index < scalars.endIndex, isOpener(scalars[index].value) else { return nil }

        if scalars[index] == "(" {
            var cursor = scalars.index(after: index)
            skipSpaces(scalars, &cursor)
            let digitsStart = cursor
            while cursor < scalars.endIndex, isOrdinal(scalars[cursor].value) { cursor = scalars.index(after: cursor) }
            guard cursor > digitsStart, let ordinal = ordinalValue(scalars[digitsStart..<cursor]) else { return nil }
            skipSpaces(scalars, &cursor)
            guard cursor < scalars.endIndex, scalars[cursor] == ")" else { return nil }
            cursor = scalars.index(after: cursor)
            skipSpaces(scalars, &cursor)
            return Numbering(ordinal: ordinal, style: .parenthesized, rest: Substring(scalars[cursor...]))
        }

        if isDash(scalars[index].value) {
            var cursor = scalars.index(after: index)
            while cursor < scalars.endIndex, isDash(scalars[cursor].value) { cursor = scalars.index(after: cursor) }
            guard cursor < scalars.endIndex, scalars[cursor] == "、" else { return nil }
            cursor = scalars.index(after: cursor)
            skipSpaces(scalars, &cursor)
            return Numbering(ordinal: 1, style: .delimited, rest: Substring(scalars[cursor...]))
        }

        var cursor = index
        while cursor < scalars.endIndex, isOrdinal(scalars[cursor].value) { cursor = scalars.index(after: cursor) }
        let ordinalEnd = cursor
        // `一 、`: a stray space before 、 (never before `.` or `,`, where it would make numbers headings).
        var probe = cursor
        skipSpaces(scalars, &probe)
        if probe > cursor, probe < scalars.endIndex, scalars[probe] == "、" { cursor = probe }
        guard ordinalEnd > index, cursor < scalars.endIndex, isDelimiter(scalars[cursor].value),
              let ordinal = ordinalValue(scalars[index..<ordinalEnd]) else { return nil }
        // `188.64` is a number, not the numbering `188.`
        let afterDelimiter = scalars.index(after: cursor)
        if scalars[cursor] == ".", afterDelimiter < scalars.endIndex, isASCIIDigit(scalars[afterDelimiter].value) {
            return nil
        }
        var restStart = afterDelimiter
        skipSpaces(scalars, &restStart)
        return Numbering(ordinal: ordinal, style: .delimited, rest: Substring(scalars[restStart...]))
    }

    /// — - – － ─
    @inline(__always)
    private static func isDash(_ value: UInt32) -> Bool {
        switch value {
        case 0x2014, 0x2D, 0x2013, 0xFF0D, 0x2500: return true
        default: return false
        }
    }

    /// 、 . ． , ，
    @inline(__always)
    private static func isDelimiter(_ value: UInt32) -> Bool {
        switch value {
        case 0x3001, 0x2E, 0xFF0E, 0x2C, 0xFF0C: return true
        default: return false
        }
    }

    /// 〇 零 一 二 三 四 五 六 七 八 九 → 0–9.
    @inline(__always)
    private static func chineseDigit(_ value: UInt32) -> Int? {
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
        isOrdinal(value) || value == 0x28 || isDash(value)
    }

    @inline(__always)
    private static func isASCIIDigit(_ value: UInt32) -> Bool {
        value >= 0x30 && value <= 0x39
    }

    @inline(__always)
    static func isOrdinal(_ value: UInt32) -> Bool {
        isASCIIDigit(value) || value == ten || chineseDigit(value) != nil
    }

    /// `十二` → 12, `二十` → 20, `3` → 3; nil for anything else.
    static func ordinalValue(_ text: Substring.UnicodeScalarView) -> Int? {
        let values = text.map(\.value)
        if values.allSatisfy(isASCIIDigit) {
            return values.count <= 3 ? values.reduce(0) { $0 * 10 + Int($1 - 0x30) } : nil
        }
        if let tenIndex = values.firstIndex(of: ten) {
            let tensPart = values[..<tenIndex], onesPart = values[(tenIndex + 1)...]
            let tens = tensPart.isEmpty ? 1 : (tensPart.count == 1 ? chineseDigit(tensPart.first!) : nil)
            let ones = onesPart.isEmpty ? 0 : (onesPart.count == 1 ? chineseDigit(onesPart.first!) : nil)
            guard let tens, let ones else { return nil }
            return tens * 10 + ones
        }
        guard values.count == 1 else { return nil }
        return chineseDigit(values[0])
    }

    private static func skipSpaces(_ scalars: Substring.UnicodeScalarView, _ index: inout Substring.UnicodeScalarView.Index) {
        while index < scalars.endIndex, scalars[index] == " " || scalars[index] == "\t" { index = scalars.index(after: index) }
    }
}

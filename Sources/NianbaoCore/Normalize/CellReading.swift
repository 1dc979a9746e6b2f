import Foundation

/// What a table cell's text says, read without guessing: a number (with its sign, decimals,
/// thousands separators, a money unit and a note as printed), a placeholder for "nothing", or text.
public enum CellReading: Equatable, Sendable {
    case number(Decimal, unit: MoneyUnit?, note: String?)
    /// Empty, or a placeholder such as `/`, `—`, `-`, `无`.
    case placeholder
    case text

    /// Reads a cell. `text` should be width-folded and in simplified script.
    public init(_ text: String) {
        // No number, placeholder or number with a short note is this long: running text.
        guard text.utf8.count <= 160 else {
            self = .text
            return
        }
        let hasSpace = text.unicodeScalars.contains { TextScanning.isSpace($0.value) }
        // Digits on both sides of white space are several numbers (`2 1 3`), never one: joining
        // them would invent a number the report never printed.
        if hasSpace && CellReading.spaceSeparatesDigits(text) {
            self = .text
            return
        }
        let compact = hasSpace
            ? String(String.UnicodeScalarView(text.unicodeScalars.filter { !TextScanning.isSpace($0.value) }))
            : text
        if CellReading.placeholders.contains(compact) {
            self = .placeholder
            return
        }
        self = CellReading.readNumber(compact) ?? .text
    }

    /// Whether white space stands between two parts of a numeral (digits, `,` or `.`).
    static func spaceSeparatesDigits(_ text: String) -> Bool {
        var previous: Unicode.Scalar?
        var sawSpace = false
        for scalar in text.unicodeScalars {
            if TextScanning.isSpace(scalar.value) {
                sawSpace = previous != nil
                continue
            }
            if sawSpace, let previous, isNumeral(previous), isNumeral(scalar) { return true }
            previous = scalar
            sawSpace = false
        }
        return false
    }

    private static func isNumeral(_ scalar: Unicode.Scalar) -> Bool {
        (0x30...0x39).contains(scalar.value) || scalar == "," || scalar == "."
    }

    public var isValue: Bool {
        if case .text = self { return false }
        return true
    }

    /// The number read, nil for a placeholder or text.
    var number: Decimal? {
        if case .number(let value, _, _) = self { return value }
        return nil
    }

    static let placeholders: Set<String> = [
        "", "/", "\\", "-", "--", "---", "—", "——", "–", "──", "─", "无", "無", "空", "/-", "-/-", "×", "…", "……",
        "&nbsp;",
    ]

    /// Whether a word is a money unit alone (`万元`), which a capture may set off from its number by a space.
    static func isMoneyUnit(_ word: String) -> Bool {
        suffixes.contains { $0.0 == word && $0.1 != nil }
    }

    /// Units that may follow a number; only money units change the value.
    private static let suffixes: [(String, MoneyUnit?)] = [
        ("万元", .tenThousandYuan), ("亿元", .hundredMillionYuan), ("元", .yuan),
        ("件", nil), ("个", nil), ("项", nil), ("条", nil), ("次", nil), ("人", nil), ("家", nil), ("场", nil),
    ]

    private static func readNumber(_ text: String) -> CellReading? {
        // Most cells are plain whole numbers.
        if text.utf8.count <= 18, text.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), let whole = Int(text) {
            return .number(Decimal(whole), unit: nil, note: nil)
        }
        var scalars = Substring(text)
        var sign = ""
        if let first = scalars.first, first == "+" || first == "-" {
            sign = first == "-" ? "-" : ""
            scalars = scalars.dropFirst()
        }
        let digitsEnd = scalars.firstIndex { !($0.isASCII && ($0.isNumber || $0 == "," || $0 == ".")) } ?? scalars.endIndex
        let digits = scalars[..<digitsEnd]
        guard let plain = validNumeral(digits) else { return nil }
        var rest = scalars[digitsEnd...]
        // A unit set off by one space (`188.64 万元`, a PDF's text) is the same cell's unit.
        if rest.first == " ", rest.dropFirst().first != " " { rest = rest.dropFirst() }

        var unit: MoneyUnit?
        for (suffix, money) in suffixes where rest.hasPrefix(suffix) {
            unit = money
            rest = rest.dropFirst(suffix.count)
            break
        }
        var note: String?
        if !rest.isEmpty {
            guard rest.first == "(", rest.last == ")", rest.count > 2 else { return nil }
            note = String(rest.dropFirst().dropLast())
        }
        guard let value = decimal(sign + plain) else { return nil }
        return .number(value, unit: unit, note: note)
    }

    private static let posix = Locale(identifier: "en_US_POSIX")

    /// Whole numbers of up to 18 digits are built exactly from an Int; others go through Decimal's parser.
    private static func decimal(_ text: String) -> Decimal? {
        if text.utf8.count <= 18, !text.utf8.contains(UInt8(ascii: ".")), let whole = Int(text) { return Decimal(whole) }
        return Decimal(string: text, locale: posix)
    }

    /// `1,234.5` → `1234.5`; nil unless the digits are well formed (groups of three after a comma).
    private static func validNumeral(_ digits: Substring) -> String? {
        guard let first = digits.first, first.isNumber else { return nil }
        let parts = digits.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, let whole = parts.first, !whole.isEmpty else { return nil }
        if parts.count == 2, parts[1].isEmpty || parts[1].contains(",") { return nil }
        let groups = whole.split(separator: ",", omittingEmptySubsequences: false)
        if groups.count > 1 {
            guard (1...3).contains(groups[0].count), groups.dropFirst().allSatisfy({ $0.count == 3 }) else { return nil }
        }
        return digits.contains(",") ? String(digits.filter { $0 != "," }) : String(digits)
    }
}

/// A money unit printed in a cell or a column header.
public enum MoneyUnit: String, Sendable {
    case yuan = "元"
    case tenThousandYuan = "万元"
    case hundredMillionYuan = "亿元"

    public var multiplier: Decimal {
        switch self {
        case .yuan: return 1
        case .tenThousandYuan: return 10_000
        case .hundredMillionYuan: return 100_000_000
        }
    }

    /// The unit a header states (`采购总金额（万元）`, `本年收费金额（单位：万元）`), read from its label key.
    public static func stated(in key: Substring) -> MoneyUnit? {
        if key.contains("亿元") { return .hundredMillionYuan }
        if key.contains("万元") { return .tenThousandYuan }
        if key.contains("元") { return .yuan }
        return nil
    }
}

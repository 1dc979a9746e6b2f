import Foundation

/// One value of an output row; empty values are written as an empty CSV field and JSON null.
public enum FieldValue: Sendable, Equatable {
    case text(String)
    case integer(Int)
    case number(Decimal)
    case empty

    public init(_ text: String) {
        self = text.isEmpty ? .empty : .text(text)
    }

    public init(_ integer: Int?) {
        self = integer.map(FieldValue.integer) ?? .empty
    }

    public init(_ number: Decimal?) {
        self = number.map(FieldValue.number) ?? .empty
    }

    /// Plain decimal notation, never exponent form: `1886400`, `110119389.995`, `-260`.
    static func plain(_ number: Decimal) -> String {
        if let whole = smallWholeNumber(number) { return String(whole) }
        var value = number
        var rounded = Decimal()
        NSDecimalRound(&rounded, &value, 12, .plain)
        return rounded.description
    }

    /// Most values are counts: whole numbers that fit an Int are written from the Int, ten times
    /// quicker than rounding and Decimal's general formatter. The round trip proves the Int exact.
    static func smallWholeNumber(_ number: Decimal) -> Int? {
        guard !number.isNaN, number.exponent >= 0 else { return nil }
        let whole = Int(truncating: number as NSNumber)
        return Decimal(whole) == number ? whole : nil
    }
}

import Foundation

/// Which value of a row goes to which cell, decided only from what the capture shows. A value is
/// never put in a column the capture does not place it in: a row of values on one line that is
/// short of cells (the capture dropped blank cells, and which is unknown) and a number whose digits
/// ran together are unparsed with a finding, never shifted or split by guess.
enum RowPlacement: Equatable {
    /// A token (or none) per column.
    case aligned([Int?])
    /// One token whose digits, one per cell, fill the row (`0000000` for seven cells).
    case digits(Int)
    /// Placed by their places on a layout capture's line (`LayoutColumns`); nil where the layout
    /// shows an empty cell (blank).
    case positioned([Int?])
    /// Placed by the row's arithmetic (`ArithmeticPlacement`): a token, blank (nil), or, for the
    /// columns in `undecided`, a cell whose value the arithmetic leaves open (missing).
    case proven([Int?], undecided: [Int])
    /// Nothing can be placed: every cell is unparsed, with these values as found.
    case unplaceable([Int], check: String, reason: String)

    /// `sums`: the row's own identities (its total is the sum of its parts), which may prove where
    /// the values of a short row stand (`ArithmeticPlacement`).
    /// `reference`: a full row of values of the same table on a line of its own, when there is one.
    static func decide(_ values: [Int], columns: Int, sums: [ArithmeticPlacement.Sum], tokens: [Token], reference: [Int]? = nil) -> RowPlacement {
        if values.count > columns && RowPlacement.shareALine(values, in: tokens) {
            return .unplaceable(values, check: "extra_cells",
                                reason: "\(values.count) values in a row of \(columns) cells, on a line: which are the row's is not shown")
        }
        if values.count >= columns { return .aligned((0..<columns).map { values[$0] }) }
        if values.isEmpty { return .aligned([Int?](repeating: nil, count: columns)) }
        if columns >= 2, values.count == 1, let digits = bareDigits(tokens[values[0]]), digits >= 2 {
            if digits == columns && columns >= 3 { return .digits(values[0]) }
            return .unplaceable(values, check: "cells_joined",
                                reason: "one number of \(digits) digits for \(columns) cells: the digits of several cells may have run together")
        }
        if RowPlacement.shareALine(values, in: tokens), let reference, let placed = LayoutColumns.place(values, reference: reference, tokens: tokens) {
            return .positioned(placed)
        }
        // A capture that dropped the row's empty cells (on one line, or one value per line): the
        // values stand where the row's own arithmetic puts them, if it puts them in one way only.
        let numbers = values.map { tokens[$0].reading.number }
        if let slots = ArithmeticPlacement.place(numbers, columns: columns, sums: sums) { return proven(slots, values: values) }
        return .unplaceable(values, check: "row_short",
                            reason: "\(values.count) value\(values.count == 1 ? "" : "s") for \(columns) cells: the capture dropped cells, "
                                + "and neither its layout nor the row's arithmetic shows which")
    }

    /// The number of digits of a token that is digits only (ASCII after folding), else nil.
    private static func bareDigits(_ token: Token) -> Int? {
        let folded = token.folded.utf8
        guard !folded.isEmpty, folded.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
        return folded.count
    }
}

extension RowPlacement {
    /// The placement the arithmetic's slots give; unplaceable when it decides no value's column.
    static func proven(_ slots: [ArithmeticPlacement.Slot], values: [Int]) -> RowPlacement {
        var columns = [Int?](repeating: nil, count: slots.count)
        var undecided: [Int] = []
        for (column, slot) in slots.enumerated() {
            switch slot {
            case .value(let index): columns[column] = values[index]
            case .blank: break
            case .undecided: undecided.append(column)
            }
        }
        guard columns.contains(where: { $0 != nil }) else {
            return .unplaceable(values, check: "row_short", reason: "\(values.count) values for \(slots.count) cells: the row's arithmetic "
                                + "fits them in several ways and fixes none")
        }
        return .proven(columns, undecided: undecided)
    }

    /// Whether two of the values were cut out of one line of a text capture (a row of values).
    static func shareALine(_ values: [Int], in tokens: [Token]) -> Bool {
        values.contains { tokens[$0].lead != nil }
    }
}

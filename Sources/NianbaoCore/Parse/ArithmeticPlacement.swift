import Foundation

/// Where a short row's values stand, proven by arithmetic (issue 22): the capture kept the row's values
/// in order but dropped its empty cells, so each value may stand in any later column than the one
/// before. A placement is proven when exactly one way of putting the values in order into the columns
/// (the other cells blank) satisfies the table's own identities on the numbers as printed: a row's
/// total is the sum of its other columns (`t3_row_total`, `t4_total`), and the table's column
/// identities (`ColumnIdentities`). A cell is proven when every satisfying placement puts the same value
/// (or nothing) there; where they differ it is not (missing, with a finding), and with no satisfying
/// placement the row stays unparsed.
enum ArithmeticPlacement {
    /// A group of columns whose last is the sum of the others.
    struct Sum {
        var parts: [Int]
        var total: Int
    }

    /// What the satisfying placements agree on, per column: the value (its index among `values`),
    /// blank, or undecided where they differ. nil when no placement satisfies the identities.
    enum Slot: Equatable { case value(Int), blank, undecided }

    /// Values are the numbers as printed (nil for a placeholder, counted 0). `expected`: column → the
    /// value the table's column identities require there (`ColumnIdentities`).
    static func place(_ values: [Decimal?], columns: Int, sums: [Sum], expected: [Int: Decimal] = [:]) -> [Slot]? {
        guard !values.isEmpty, values.count <= columns, !sums.isEmpty || !expected.isEmpty else { return nil }
        // Too many ways to try is no proof either (never reached by the national tables: C(15,7) = 6435).
        guard combinations(columns, values.count) <= 20_000 else { return nil }
        var agreed: [Slot]?
        var chosen: [Int] = []
        func search(_ next: Int, _ from: Int) {
            if next == values.count {
                var row = [Decimal](repeating: 0, count: columns)
                for (value, column) in zip(values, chosen) { row[column] = value ?? 0 }
                guard sums.allSatisfy({ sum in sum.parts.reduce(Decimal(0)) { $0 + row[$1] } == row[sum.total] }),
                      expected.allSatisfy({ row[$0.key] == $0.value }) else { return }
                var slots = [Slot](repeating: .blank, count: columns)
                for (index, column) in chosen.enumerated() { slots[column] = .value(index) }
                agreed = agreed.map { zip($0, slots).map { $0 == $1 ? $0 : .undecided } } ?? slots
                return
            }
            let remaining = values.count - next
            guard from <= columns - remaining else { return }
            for column in from...(columns - remaining) {
                chosen.append(column)
                search(next + 1, column + 1)
                chosen.removeLast()
            }
        }
        search(0, 0)
        return agreed
    }

    static func combinations(_ n: Int, _ k: Int) -> Int {
        guard k >= 0, k <= n else { return 0 }
        var result = 1
        for i in 0..<min(k, n - k) { result = result * (n - i) / (i + 1) }
        return result
    }
}

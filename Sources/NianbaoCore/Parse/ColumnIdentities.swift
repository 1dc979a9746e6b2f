import Foundation

/// What the table's column identities (SPEC §2: `t3_balance`, `t3_results_sum`) say a row's cells must
/// be, from the other rows' values as read: new + carried over = total processed + carried forward,
/// total processed = the sum of the result rows. A column's value is expected only when every other
/// term of an identity is known (a number, or a blank as 0); a short row's values may then be proven
/// to stand where they equal it (`ArithmeticPlacement`).
enum ColumnIdentities {
    /// Per row, per column: the value as read, 0 for a blank, nil when not known (missing, unparsed).
    typealias Known = [[Decimal?]]

    static func expected(row: Int, block: BlockSpec, rules: TableSpec.Rules, known: Known) -> [Int: Decimal] {
        let roles = block.rows.map(\.role)
        var identities: [(left: [Int], right: [Int])] = []
        if rules.balance != nil {
            let intake = roles.indices.filter { roles[$0] == .intake }
            let outflow = roles.indices.filter { roles[$0] == .resultTotal || roles[$0] == .carriedForward }
            if !intake.isEmpty && !outflow.isEmpty { identities.append((intake, outflow)) }
        }
        if rules.resultsSum != nil, let total = roles.firstIndex(of: .resultTotal) {
            let results = roles.indices.filter { roles[$0] == .result }
            if !results.isEmpty { identities.append(([total], results)) }
        }
        var expected: [Int: Decimal] = [:]
        for column in block.columns.indices {
            for (left, right) in identities {
                let onLeft = left.contains(row)
                guard onLeft || right.contains(row) else { continue }
                // The row's value = (the other side's sum) − (its own side's other terms).
                guard let other = sum(onLeft ? right : left, column, known),
                      let own = sum((onLeft ? left : right).filter { $0 != row }, column, known) else { continue }
                let value = other - own
                if let previous = expected[column], previous != value {
                    // The identities disagree on this page: neither proves anything.
                    return [:]
                }
                expected[column] = value
            }
        }
        return expected
    }

    private static func sum(_ rows: [Int], _ column: Int, _ known: Known) -> Decimal? {
        var total = Decimal(0)
        for row in rows {
            guard column < known[row].count, let value = known[row][column] else { return nil }
            total += value
        }
        return total
    }

    /// The identities a full grid of a block's values (blanks as 0) satisfies, as ids: a row's total
    /// (the row's index), a column's balance (1000 + column), a column's result sum (2000 + column).
    static func satisfied(_ grid: [[Decimal]], block: BlockSpec, rules: TableSpec.Rules, sums: [ArithmeticPlacement.Sum]) -> Set<Int> {
        var ids = Set<Int>()
        for (index, row) in grid.enumerated() {
            if !sums.isEmpty, sums.allSatisfy({ sum in sum.parts.reduce(Decimal(0)) { $0 + row[$1] } == row[sum.total] }) { ids.insert(index) }
        }
        let roles = block.rows.map(\.role)
        let known = grid.map { $0.map { Optional($0) } }
        for column in block.columns.indices {
            for (offset, rule) in [(1000, rules.balance), (2000, rules.resultsSum)] where rule != nil {
                // The identity holds when each of its rows' value equals what the others make it.
                let rows = roles.indices.filter { roles[$0] == (offset == 1000 ? .carriedForward : .resultTotal) }
                guard let row = rows.first else { continue }
                let expected = Self.expected(row: row, block: block, rules: offset == 1000 ? TableSpec.Rules(balance: rule) : TableSpec.Rules(resultsSum: rule), known: known)
                if expected[column] == grid[row][column] { ids.insert(offset + column) }
            }
        }
        return ids
    }
}

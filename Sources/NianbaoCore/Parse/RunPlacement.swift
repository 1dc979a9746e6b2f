import Foundation

/// Table 4 read as a run of values (its three rows of five cells in one line of the page): a capture
/// that dropped the empty cells gives fewer values than cells, one per line, and nothing shows which
/// cells they were. Cutting the run into rows of five would shift every value after the first dropped
/// cell (`5 2 7 8 1 9` for review 5/·/·/2/7 and direct litigation 8/·/·/1/9 became review 5/2/7/8/1).
/// The run is placed across the whole table by its arithmetic instead (each row's total is the sum of
/// its parts, `ArithmeticPlacement`): a cell every satisfying placement agrees on is placed, one they
/// differ on is missing, and with no satisfying placement the table is unparsed.
enum RunPlacement {
    /// One placement per row of the block, or nil when no cell can be proven.
    static func place(_ run: [Int], block: BlockSpec, sums rowSums: [ArithmeticPlacement.Sum], tokens: [Token]) -> [RowPlacement]? {
        let columns = block.columns.count
        let rows = block.rows.count
        guard !rowSums.isEmpty else { return nil }
        // The rows' identities, shifted to each row's place in the run.
        let sums = (0..<rows).flatMap { row in
            rowSums.map { ArithmeticPlacement.Sum(parts: $0.parts.map { row * columns + $0 }, total: row * columns + $0.total) }
        }
        let numbers = run.map { tokens[$0].reading.number }
        guard let slots = ArithmeticPlacement.place(numbers, columns: rows * columns, sums: sums),
              slots.contains(where: { if case .value = $0 { return true } else { return false } }) else { return nil }
        return (0..<rows).map { row in
            var placed = [Int?](repeating: nil, count: columns)
            var undecided: [Int] = []
            for column in 0..<columns {
                switch slots[row * columns + column] {
                case .value(let index): placed[column] = run[index]
                case .blank: break
                case .undecided: undecided.append(column)
                }
            }
            return .proven(placed, undecided: undecided)
        }
    }
}

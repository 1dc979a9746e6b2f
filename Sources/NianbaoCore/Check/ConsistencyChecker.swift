import Foundation

/// The check stage: tests the report's own arithmetic (SPEC §2 consistency rules) with the rules
/// each table spec names. Blank cells count as 0; a rule touching a missing or unparsed cell is
/// skipped, and the skips are reported once per rule. No number is ever changed.
public enum ConsistencyChecker {
    public static func check(cells: [Cell], template: TemplateSpec) -> [Finding] {
        var findings: [Finding] = []
        for table in template.tables {
            let grid = CellGrid(cells: cells, table: table)
            var skipped: [String: [String]] = [:]
            for (blockIndex, block) in table.blocks.enumerated() {
                func rows(_ roles: RowSpec.Role...) -> [Int] { block.rows.indices.filter { roles.contains(block.rows[$0].role) } }
                func rowNames(_ rows: [Int]) -> String { rows.map { block.rows[$0].code }.joined(separator: " + ") }
                if let rule = table.rules.balance {
                    let intake = rows(.intake)
                    let outflow = rows(.resultTotal, .carriedForward)
                    for (columnIndex, column) in block.columns.enumerated() where !intake.isEmpty && !outflow.isEmpty {
                        compare(rule: rule, scope: column.code,
                                expected: grid.sum(block: blockIndex, rows: intake, columns: [columnIndex]),
                                actual: grid.sum(block: blockIndex, rows: outflow, columns: [columnIndex]),
                                message: "\(rowNames(intake)) = \(rowNames(outflow)) in column \(column.code)",
                                findings: &findings, skipped: &skipped)
                    }
                }
                if let rule = table.rules.resultsSum, let total = block.rows.firstIndex(where: { $0.role == .resultTotal }) {
                    let results = rows(.result)
                    for (columnIndex, column) in block.columns.enumerated() {
                        compare(rule: rule, scope: column.code,
                                expected: grid.sum(block: blockIndex, rows: results, columns: [columnIndex]),
                                actual: grid.sum(block: blockIndex, rows: [total], columns: [columnIndex]),
                                message: "\(block.rows[total].code) = sum of the \(results.count) result rows in column \(column.code)",
                                findings: &findings, skipped: &skipped)
                    }
                }
                if let rule = table.rules.rowTotal, let totalIndex = block.totalColumn {
                    let parts = block.columns.indices.filter { block.columns[$0].role == .part }
                    for (rowIndex, row) in block.rows.enumerated() {
                        compare(rule: rule, scope: row.code,
                                expected: grid.sum(block: blockIndex, rows: [rowIndex], columns: parts),
                                actual: grid.sum(block: blockIndex, rows: [rowIndex], columns: [totalIndex]),
                                message: "\(block.columns[totalIndex].code) = sum of \(parts.map { block.columns[$0].code }.joined(separator: " + ")) in row \(row.code)",
                                findings: &findings, skipped: &skipped)
                    }
                }
            }
            for (rule, scopes) in skipped.sorted(by: { $0.key < $1.key }) {
                findings.append(Finding(
                    check: "rule_skipped", scope: rule,
                    message: "\(rule) not tested for \(scopes.joined(separator: ", ")): it touches missing or unparsed cells"
                ))
            }
        }
        return findings
    }

    /// The message is only built for a rule that fails: most hold.
    private static func compare(rule: String, scope: String, expected: Decimal?, actual: Decimal?, message: @autoclosure () -> String,
                                findings: inout [Finding], skipped: inout [String: [String]]) {
        guard let expected, let actual else {
            skipped[rule, default: []].append(scope)
            return
        }
        if expected != actual {
            findings.append(Finding(check: rule, scope: scope, severity: .error, expected: expected, actual: actual,
                                    message: "\(message()) does not hold: expected \(expected), found \(actual)"))
        }
    }

}

/// The cells of one table in the order its spec lists them (block, row, column), so that the rules
/// sum by position, with no lookup by codes and no copy of a cell.
struct CellGrid {
    private enum Slot {
        case absent
        case blank
        case reported(Decimal)
        case unreadable
    }

    private var slots: [Slot]
    /// The position of each block's first cell, and each block's number of columns.
    private let blockStarts: [Int]
    private let columnCounts: [Int]

    init(cells: [Cell], table: TableSpec) {
        var starts: [Int] = [], total = 0
        for block in table.blocks {
            starts.append(total)
            total += block.rows.count * block.columns.count
        }
        blockStarts = starts
        columnCounts = table.blocks.map(\.columns.count)
        slots = Array(repeating: .absent, count: total)
        let ofTable = cells.indices.filter { cells[$0].table == table.kind }
        // The parser emits every cell of the spec in the spec's order: then each cell's place is
        // confirmed by its codes and taken as it comes.
        var inOrder = ofTable.count == total
        if inOrder {
            Self.forEachPlace(of: table) { position, block, row, column in
                let cell = cells[ofTable[position]]
                guard cell.item == block, cell.row == row, cell.column == column else {
                    inOrder = false
                    return false
                }
                slots[position] = Self.slot(cell)
                return true
            }
        }
        guard !inOrder else { return }
        // Any other set of cells (a subset, another order): placed by their codes, the last one of
        // a place winning; cells the spec does not define are not read.
        slots = Array(repeating: .absent, count: total)
        var places: [String: Int] = [:]
        Self.forEachPlace(of: table) { position, block, row, column in
            places[Self.place(block, row, column)] = position
            return true
        }
        for index in ofTable {
            let cell = cells[index]
            if let place = places[Self.place(cell.item, cell.row, cell.column)] { slots[place] = Self.slot(cell) }
        }
    }

    /// Calls `body` with each place of the table's spec in order (block, row, column) and its
    /// codes, until it returns false.
    private static func forEachPlace(of table: TableSpec, _ body: (Int, String, String, String) -> Bool) {
        var position = 0
        for block in table.blocks {
            for row in block.rows {
                for column in block.columns {
                    guard body(position, block.code, row.code, column.code) else { return }
                    position += 1
                }
            }
        }
    }

    private static func place(_ block: String, _ row: String, _ column: String) -> String {
        "\(block)\u{1F}\(row)\u{1F}\(column)"
    }

    private static func slot(_ cell: Cell) -> Slot {
        switch cell.status {
        case .reported: return .reported(cell.value ?? 0)
        case .blank: return .blank
        case .missing, .unparsed: return .unreadable
        }
    }

    /// The sum of the cells at these row and column positions of a block, blank as 0; nil when any
    /// cell is absent, missing or unparsed.
    func sum(block: Int, rows: [Int], columns: [Int]) -> Decimal? {
        var total = Decimal(0)
        for row in rows {
            let rowStart = blockStarts[block] + row * columnCounts[block]
            for column in columns {
                switch slots[rowStart + column] {
                case .reported(let value): total += value
                case .blank: break
                case .absent, .unreadable: return nil
                }
            }
        }
        return total
    }
}

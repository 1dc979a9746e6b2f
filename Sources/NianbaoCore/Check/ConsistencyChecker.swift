import Foundation

/// The check stage: tests the report's own arithmetic (SPEC §2 consistency rules) with the rules
/// each table spec names. Blank cells count as 0; a rule touching a missing or unparsed cell is
/// skipped, and the skips are reported once per rule. No number is ever changed.
public enum ConsistencyChecker {
    public static func check(cells: [Cell], template: TemplateSpec) -> [Finding] {
        var findings: [Finding] = []
        for table in template.tables {
            let grid = CellGrid(cells: cells.filter { $0.table == table.kind })
            var skipped: [String: [String]] = [:]
            for block in table.blocks {
                if let rule = table.rules.balance {
                    for column in block.columns {
                        let intake = block.rows.filter { $0.role == .intake }
                        let outflow = block.rows.filter { $0.role == .resultTotal || $0.role == .carriedForward }
                        guard !intake.isEmpty, !outflow.isEmpty else { continue }
                        compare(rule: rule, scope: column.code,
                                expected: grid.sum(block, rows: intake, columns: [column]),
                                actual: grid.sum(block, rows: outflow, columns: [column]),
                                message: "\(names(intake)) = \(names(outflow)) in column \(column.code)",
                                findings: &findings, skipped: &skipped)
                    }
                }
                if let rule = table.rules.resultsSum, let total = block.rows.first(where: { $0.role == .resultTotal }) {
                    let results = block.rows.filter { $0.role == .result }
                    for column in block.columns {
                        compare(rule: rule, scope: column.code,
                                expected: grid.sum(block, rows: results, columns: [column]),
                                actual: grid.sum(block, rows: [total], columns: [column]),
                                message: "\(total.code) = sum of the \(results.count) result rows in column \(column.code)",
                                findings: &findings, skipped: &skipped)
                    }
                }
                if let rule = table.rules.rowTotal, let totalIndex = block.totalColumn {
                    let parts = block.columns.filter { $0.role == .part }
                    for row in block.rows {
                        compare(rule: rule, scope: row.code,
                                expected: grid.sum(block, rows: [row], columns: parts),
                                actual: grid.sum(block, rows: [row], columns: [block.columns[totalIndex]]),
                                message: "\(block.columns[totalIndex].code) = sum of \(parts.map(\.code).joined(separator: " + ")) in row \(row.code)",
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

    private static func names(_ rows: [RowSpec]) -> String {
        rows.map(\.code).joined(separator: " + ")
    }
}

/// The cells of one table by block, row and column, summed the way the rules need.
struct CellGrid {
    private struct Key: Hashable {
        var block: String
        var row: String
        var column: String
    }

    private var cells: [Key: Cell] = [:]

    init(cells: [Cell]) {
        for cell in cells { self.cells[Key(block: cell.item, row: cell.row, column: cell.column)] = cell }
    }

    /// The sum of the cells, blank as 0; nil when any cell is missing or unparsed.
    func sum(_ block: BlockSpec, rows: [RowSpec], columns: [ColumnSpec]) -> Decimal? {
        var total = Decimal(0)
        for row in rows {
            for column in columns {
                guard let cell = cells[Key(block: block.code, row: row.code, column: column.code)] else { return nil }
                switch cell.status {
                case .reported: total += cell.value ?? 0
                case .blank: break
                case .missing, .unparsed: return nil
                }
            }
        }
        return total
    }
}

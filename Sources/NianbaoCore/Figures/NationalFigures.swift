import Foundation

/// Figures from the national tables (SPEC §5): which table-3 and table-4 cells give each figure, one
/// cell (`table`) or the sum of several (`derived`). The same for gb2019 and gb2021. A new figure is a
/// line of data here.
enum NationalFigures {
    struct Source: Sendable {
        var figure: String
        /// The cells, as `row/column` scope names of their table.
        var table: TableKind
        var cells: [String]
    }

    static let sources: [Source] = [
        Source(figure: "applications_received", table: .applications, cells: ["new_received/total"]),
        Source(figure: "applications_carried_over", table: .applications, cells: ["carried_over/total"]),
        Source(figure: "granted", table: .applications, cells: ["granted/total"]),
        Source(figure: "partially_granted", table: .applications, cells: ["partially_granted/total"]),
        Source(figure: "withheld", table: .applications, cells: [
            "withheld_state_secret/total", "withheld_prohibited_by_law/total", "withheld_security_stability/total",
            "withheld_third_party/total", "withheld_internal_affairs/total", "withheld_process_info/total",
            "withheld_enforcement_file/total", "withheld_admin_query/total",
        ]),
        Source(figure: "not_held", table: .applications, cells: ["unavailable_not_held/total"]),
        Source(figure: "reviews", table: .reviewsLitigation, cells: ["review/total"]),
        Source(figure: "litigation", table: .reviewsLitigation, cells: ["litigation_direct/total", "litigation_after_review/total"]),
    ]

    /// The figures a report's national-table cells give; none for a report without those tables.
    /// A figure whose cells are missing or unparsed is `missing`; a blank cell counts as 0 in a
    /// sum (as in the checks) but alone states nothing.
    static func read(_ cells: [Cell]) -> [Figure] {
        // Only the cells of the figures' rows are looked up, by table and scope.
        let wanted = Set(sources.flatMap(\.cells))
        var byScope: [TableKind: [String: Cell]] = [:]
        for cell in cells where cell.table != .activeDisclosure && cell.column == "total" {
            let scope = cell.scopeName
            if wanted.contains(scope) { byScope[cell.table, default: [:]][scope] = cell }
        }
        guard !byScope.isEmpty else { return [] }
        return sources.compactMap { source -> Figure? in
            let found = source.cells.compactMap { byScope[source.table]?[$0] }
            guard found.count == source.cells.count else { return nil }
            let method: Figure.Method = found.count == 1 ? .table : .derived
            let sourceText: String = found.map { cell -> String in
                let place = cell.source.isEmpty ? "" : " (\(cell.source))"
                return "\(source.table.rawValue) \(cell.scopeName)\(place)"
            }.joined(separator: " + ")
            let quote: String = found.map(\.raw).joined(separator: " + ")
            let unreadable = found.contains { $0.status == .missing || $0.status == .unparsed }
            let reported = found.filter { $0.status == .reported }
            // A figure the cells do not state has no method, source or quote (SPEC §5).
            guard !unreadable, !reported.isEmpty else { return Figure(figure: source.figure, status: .missing, method: nil, source: "", quote: "") }
            return Figure(figure: source.figure, value: reported.reduce(Decimal(0)) { $0 + ($1.value ?? 0) }, unit: "count",
                          status: .reported, method: method, source: sourceText, quote: quote)
        }
    }
}

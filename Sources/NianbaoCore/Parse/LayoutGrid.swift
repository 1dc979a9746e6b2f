import Foundation

/// A table of a layout capture (`pdftotext -layout`) whose rows leave empty cells as gaps, with no row
/// full enough to measure the others against (Shanghai 2019 leaves every zero empty): its columns are
/// found from where the values stand. The values' places cluster into a few positions per page; each
/// way of giving those positions to the table's columns, in order, places every row at once. A way is
/// proven when it satisfies every identity of the table (row totals, column balances, result sums) that
/// any other way satisfies; where several ways do, a cell is proven only where they all agree (the
/// others are left open). With one way only (as many positions as columns) the layout proves it alone;
/// when every way satisfies the same identities, nothing is proven.
enum LayoutGrid {
    /// How far apart (in half columns) two values' middles may stand in one column.
    static let tolerance = 3
    /// More ways than this are no proof.
    static let maximumWays = 5_000

    /// Per row and column: the token there (`.value` holds the token index), blank, or undecided where
    /// the proven ways differ; nil when nothing is proven.
    /// `satisfied`: the identities a grid of values (blanks 0) satisfies, as ids.
    static func place(rows: [[Int]], columns: Int, tokens: [Token], satisfied: ([[Decimal]]) -> Set<Int>) -> [[ArithmeticPlacement.Slot]]? {
        let valued = rows.filter { !$0.isEmpty }
        guard !valued.isEmpty, valued.allSatisfy({ row in isLaidOut(row, tokens) }) else { return nil }
        // Positions per page, clustered.
        var pages: [Int: [Int]] = [:]
        for row in valued { for token in row { pages[tokens[token].page, default: []].append(tokens[token].column!) } }
        var clusters: [Int: [ClosedRange<Int>]] = [:]
        for (page, positions) in pages {
            var ranges: [ClosedRange<Int>] = []
            for position in positions.sorted() {
                if let last = ranges.last, position - last.upperBound <= tolerance { ranges[ranges.count - 1] = last.lowerBound...position }
                else { ranges.append(position...position) }
            }
            guard ranges.count <= columns else { return nil }
            clusters[page] = ranges
        }
        let order = clusters.keys.sorted()
        var ways = 1
        for page in order { ways *= ArithmeticPlacement.combinations(columns, clusters[page]!.count) }
        guard ways <= maximumWays else { return nil }
        let choices = order.map { increasingMaps(clusters[$0]!.count, into: columns) }
        // Every way, its grid and the identities it satisfies.
        var results: [(placement: [[Int?]], satisfied: Set<Int>)] = []
        var pick = [Int](repeating: 0, count: order.count)
        repeat {
            var maps: [Int: [Int]] = [:]
            for (index, page) in order.enumerated() { maps[page] = choices[index][pick[index]] }
            if let placement = grid(rows, columns: columns, tokens: tokens, clusters: clusters, maps: maps) {
                let values = placement.map { row in row.map { $0.flatMap { tokens[$0].reading.number } ?? 0 } }
                results.append((placement, satisfied(values)))
            }
        } while advance(&pick, limits: choices.map(\.count))
        guard let best = results.max(by: { $0.satisfied.count < $1.satisfied.count })?.satisfied,
              results.allSatisfy({ $0.satisfied.isSubset(of: best) }) else { return nil }
        // The ways that satisfy all the identities any way satisfies; a cell is proven where they agree.
        let proven = results.filter { $0.satisfied == best }
        if proven.count == results.count && results.count > 1 { return nil }
        var agreed: [[ArithmeticPlacement.Slot]] = proven[0].placement.map { row in row.map { $0.map { .value($0) } ?? .blank } }
        for way in proven.dropFirst() {
            for (row, cells) in way.placement.enumerated() {
                for (column, token) in cells.enumerated() where agreed[row][column] != (token.map { .value($0) } ?? .blank) {
                    agreed[row][column] = .undecided
                }
            }
        }
        return agreed
    }

    /// Every value of the row stands on one line of a padded layout, its place known.
    private static func isLaidOut(_ row: [Int], _ tokens: [Token]) -> Bool {
        guard row.allSatisfy({ tokens[$0].column != nil }) else { return false }
        let line = tokens[row[0]].location
        return row.allSatisfy { tokens[$0].location == line } && row.dropFirst().allSatisfy { tokens[$0].lead.map(ValueRuns.isGap) ?? false }
    }

    private static func grid(_ rows: [[Int]], columns: Int, tokens: [Token], clusters: [Int: [ClosedRange<Int>]],
                             maps: [Int: [Int]]) -> [[Int?]]? {
        var placement: [[Int?]] = []
        for row in rows {
            var cells = [Int?](repeating: nil, count: columns)
            for token in row {
                let page = tokens[token].page, position = tokens[token].column!
                guard let cluster = clusters[page]!.firstIndex(where: { $0.contains(position) }) else { return nil }
                let column = maps[page]![cluster]
                guard cells[column] == nil else { return nil }
                cells[column] = token
            }
            placement.append(cells)
        }
        return placement
    }

    /// Every increasing map of `count` positions into `columns` columns.
    static func increasingMaps(_ count: Int, into columns: Int) -> [[Int]] {
        var maps: [[Int]] = []
        var chosen: [Int] = []
        func search(_ from: Int) {
            if chosen.count == count { maps.append(chosen); return }
            let remaining = count - chosen.count
            guard from <= columns - remaining else { return }
            for column in from...(columns - remaining) {
                chosen.append(column)
                search(column + 1)
                chosen.removeLast()
            }
        }
        search(0)
        return maps
    }

    private static func advance(_ pick: inout [Int], limits: [Int]) -> Bool {
        for index in pick.indices.reversed() {
            pick[index] += 1
            if pick[index] < limits[index] { return true }
            pick[index] = 0
        }
        return false
    }
}

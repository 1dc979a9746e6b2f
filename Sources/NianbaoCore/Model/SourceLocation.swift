/// Where a piece of text was read, so that anyone can find it again in the original file.
public enum SourceLocation: Hashable, Sendable {
    /// 1-based line of a text file.
    case line(Int)
    /// 1-based table, row and column of the span-resolved grid of an HTML page.
    case grid(table: Int, row: Int, column: Int)

    /// The `source` column's wording: `line 233`, `table 3 row 5 col 4`.
    public var description: String {
        switch self {
        case .line(let line):
            return "line \(line)"
        case .grid(let table, let row, let column):
            return "table \(table) row \(row) col \(column)"
        }
    }
}

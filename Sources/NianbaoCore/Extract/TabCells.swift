/// A table copied out of a browser or a spreadsheet: a row a line, its cells between tabs, an empty
/// cell as two tabs in a row (`（一）予以公开\t258\t12\t\t\t1\t1\t`). Read as the rows of a pipe table,
/// so that its empty cells stay blank cells in their columns. Told by the capture: at least
/// `minimumRows` lines hold two tabs or more after their first word (a line's leading tabs are its
/// indentation, as seed 003 indents every cell).
enum TabCells {
    static let minimumRows = 3

    static func isTabbed(_ lines: [String]) -> Bool {
        var rows = 0
        for line in lines where line.containsByte(0x09) && internalTabs(line) >= 2 {
            rows += 1
            if rows >= minimumRows { return true }
        }
        return false
    }

    /// The cells of a line with a tab after its first word, trailing empty cells kept; nil otherwise.
    static func slots(of line: String) -> [String]? {
        guard internalTabs(line) >= 1 else { return nil }
        let body = line.drop { $0 == "\t" || $0 == " " }
        return body.split(separator: "\t", omittingEmptySubsequences: false).map { String($0).trimmingSpaces() }
    }

    /// Tab rows keep every cell's place from the left, so a row of values shorter than the table's
    /// rows of values lost only trailing empty cells (a line's trailing white space trimmed): blank
    /// ones, put back. Rows count their values after their labels (a group's first row has two labels).
    static func padTrailingCells(_ rows: inout [(slots: [String], location: SourceLocation)]) {
        let labels = rows.map { row in row.slots.prefix { !$0.isEmpty && !CellReading(WidthFolding.fold($0)).isValue }.count }
        let values = rows.indices.map { rows[$0].slots.count - labels[$0] }
        guard let width = values.max(), width > 0 else { return }
        for index in rows.indices where values[index] > 0 {
            rows[index].slots += Array(repeating: "", count: width - values[index])
        }
    }

    private static func internalTabs(_ line: String) -> Int {
        var line = line
        return line.withUTF8 { bytes in
            var index = 0
            while index < bytes.count, bytes[index] == 0x09 || bytes[index] == 0x20 { index += 1 }
            return bytes[index...].reduce(0) { $0 + ($1 == 0x09 ? 1 : 0) }
        }
    }
}

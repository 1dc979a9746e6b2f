/// Captures that close every table cell with a pipe. Two shapes are met on real pages:
/// - a cell a line, each closed (`规章 |` / `0 |` / `0 |`), an empty cell as a line holding only its
///   pipe, and a run of pipes (`|||`) for the cells a spanning cell covers: the one-cell-per-line
///   capture, with its empty cells shown;
/// - a row a line, each cell closed (`规章 | 0 | 0 | 0 |`): the pipe after the last cell ends the row
///   and is no empty cell of its own.
/// Told from other captures by the capture itself: most of its pipe lines are closed cells, or every
/// row of a pipe table ends with a pipe (html2text draws `label| 1| 2| ` with the last cell after the
/// last pipe, so its header rows never end empty).
enum ClosedCells {
    enum Line: Equatable {
        /// A cell's text.
        case cell(String)
        /// This many empty cells.
        case empty(Int)
    }

    /// Lines closing a cell needed before a capture is read as a cell a line (a page's furniture, `字号: |`,
    /// may close a few by chance).
    static let minimumCells = 8

    /// Whether the capture writes a cell a line, each closed by a pipe: at least `minimumCells` such
    /// lines, and more of them than lines that hold a row (several cells).
    static func isCellPerLine(_ lines: [String]) -> Bool {
        var closed = 0
        var rows = 0
        for line in lines where line.containsByte(UInt8(ascii: "|")) {
            switch shape(line) {
            case .cell: closed += 1
            case .empty: break
            case .row: rows += 1
            }
        }
        return closed >= minimumCells && closed > rows
    }

    enum Shape { case cell, empty, row }

    /// What a line holding a pipe is, told from its bytes in one pass (no copy): only pipes, one pipe
    /// closing some text, or anything else (a row of cells).
    static func shape(_ line: String) -> Shape {
        var line = line
        return line.withUTF8 { bytes in
            var pipes = 0, text = false, lastSolid: UInt8 = 0
            for byte in bytes where byte != 0x20 && byte != 0x09 {
                if byte == UInt8(ascii: "|") { pipes += 1 } else { text = true }
                lastSolid = byte
            }
            if !text { return .empty }
            return pipes == 1 && lastSolid == UInt8(ascii: "|") ? .cell : .row
        }
    }

    /// A closed cell (`0 |`, `信息内容 |`) or a line of only pipes; nil for anything else (a row, text).
    static func read(_ trimmed: String) -> Line? {
        let bytes = trimmed.utf8
        guard bytes.last == UInt8(ascii: "|") else { return nil }
        var pipes = 0
        var onlyPipes = true
        for byte in bytes {
            if byte == UInt8(ascii: "|") { pipes += 1 } else if byte != 0x20 { onlyPipes = false }
        }
        if onlyPipes { return .empty(pipes) }
        guard pipes == 1 else { return nil }
        let cell = String(trimmed.dropLast()).trimmingSpaces()
        return cell.isEmpty ? .empty(1) : .cell(cell)
    }

    /// Whether every row of a pipe table ends with an empty slot (a closing pipe): then that slot is no
    /// cell. Two rows at least, so that one row's empty last cell is not taken for it.
    static func closesRows(_ rows: [[String]]) -> Bool {
        rows.count >= 2 && rows.allSatisfy { $0.count >= 2 && $0.last == "" }
    }
}

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

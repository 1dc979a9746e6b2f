/// Captures that close every table cell with a pipe (or open it with one, `| 0`). Two shapes are met on real pages:
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
            var pipes = 0, text = false, firstSolid: UInt8 = 0, lastSolid: UInt8 = 0
            for byte in bytes where byte != 0x20 && byte != 0x09 {
                if byte == UInt8(ascii: "|") { pipes += 1 } else { text = true }
                if firstSolid == 0 { firstSolid = byte }
                lastSolid = byte
            }
            if !text { return .empty }
            let pipe = UInt8(ascii: "|")
            return pipes == 1 && (lastSolid == pipe || firstSolid == pipe) ? .cell : .row
        }
    }

    /// A closed cell (`0 |`, `信息内容 |`; opened, `| 0`) or a line of only pipes; nil for anything else (a row, text).
    static func read(_ trimmed: String) -> Line? {
        let bytes = trimmed.utf8
        let closing = bytes.last == UInt8(ascii: "|")
        guard closing || bytes.first == UInt8(ascii: "|") else { return nil }
        var pipes = 0
        var onlyPipes = true
        for byte in bytes {
            if byte == UInt8(ascii: "|") { pipes += 1 } else if byte != 0x20 { onlyPipes = false }
        }
        if onlyPipes { return .empty(pipes) }
        guard pipes == 1 else { return nil }
        let cell = String(closing ? trimmed.dropLast() : trimmed.dropFirst()).trimmingSpaces()
        return cell.isEmpty ? .empty(1) : .cell(cell)
    }

    /// Whether every row of a pipe table ends with an empty slot (a closing pipe): then that slot is no
    /// cell. Two rows at least, so that one row's empty last cell is not taken for it.
    static func closesRows(_ rows: [[String]]) -> Bool {
        rows.count >= 2 && rows.allSatisfy { $0.count >= 2 && $0.last == "" }
    }
}

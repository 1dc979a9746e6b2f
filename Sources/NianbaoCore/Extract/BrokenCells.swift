/// A cell that `pdftotext -layout` printed over three lines around its row: a number and its note
/// (`7(市自然资源局)`) centred on a row whose other cells fit one line comes out as `7(市自然资` above
/// the row and `源局)` below it, at the same column. The two parts are put back together into the
/// row's line at that column, so the row keeps all its cells; the lines above and below become
/// empty (line numbers stay). Anything else is left as it is.
enum BrokenCells {
    /// The opening part: indentation, a number, an opening bracket and text without its closing one.
    nonisolated(unsafe) private static let opening = /(\s+)([0-9][0-9,.]*[(（][^)）]*)/
    /// The closing part: indentation and text ending with the closing bracket.
    nonisolated(unsafe) private static let closing = /(\s+)([^\s()（）]*[)）])/

    static func mend(_ lines: inout [String]) {
        var index = 0
        while index + 2 < lines.count {
            defer { index += 1 }
            // Cheap tests first: the middle line must be a row of values, the others short.
            guard lines[index].utf8.count <= 120, lines[index + 2].utf8.count <= 120,
                  lines[index].utf8.first == 0x20, lines[index + 2].utf8.first == 0x20,
                  lines[index].contains(where: { $0 == "(" || $0 == "（" }),
                  let top = lines[index].wholeMatch(of: opening), let bottom = lines[index + 2].wholeMatch(of: closing) else { continue }
            let column = DisplayWidth.of(String(top.1))
            guard abs(DisplayWidth.of(String(bottom.1)) - column) <= 2 else { continue }
            let row = lines[index + 1]
            guard let merged = insert(String(top.2) + String(bottom.2), atColumn: column, into: row) else { continue }
            lines[index] = ""
            lines[index + 1] = merged
            lines[index + 2] = ""
            index += 2
        }
    }

    /// The row with the text put in at a display column that falls in a gap of two spaces or more
    /// between its values; nil when the column falls inside a word.
    static func insert(_ text: String, atColumn column: Int, into row: String) -> String? {
        var width = 0
        var offset = row.startIndex
        for character in row {
            if width >= column { break }
            width += DisplayWidth.of(String(character))
            offset = row.index(after: offset)
        }
        guard width == column || width == column + 1 else { return nil }
        let before = row[..<offset], after = row[offset...]
        // The column must lie in white space on both sides, with a number on each side of the gap.
        guard before.hasSuffix(" "), after.hasPrefix(" ") || after.isEmpty,
              before.last(where: { $0 != " " })?.isNumber == true else { return nil }
        return before + text + " " + after
    }
}

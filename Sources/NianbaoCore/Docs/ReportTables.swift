import Foundation

/// A report page's tables and text.
extension ReportPage {
    /// The columns of each table's rows, columns and (table 2) blocks.
    static func axes(_ kind: TableKind) -> (block: String?, row: String, column: String) {
        switch kind {
        case .activeDisclosure: return ("item", "category", "metric")
        case .applications: return (nil, "row", "applicant")
        case .reviewsLitigation: return (nil, "proceeding", "outcome")
        }
    }

    /// Findings by the scope they name, for the table they can concern (t3_ rules table 3, t4_ table 4).
    func findingsByScope(_ kind: TableKind) -> [String: [Row]] {
        var byScope: [String: [Row]] = [:]
        for check in checks {
            let name = check["check"]
            if name.hasPrefix("t3_") && kind != .applications { continue }
            if name.hasPrefix("t4_") && kind != .reviewsLitigation { continue }
            byScope[check["scope"], default: []].append(check)
        }
        return byScope
    }

    func table(_ kind: TableKind, _ html: inout HTMLText) {
        let rows = cells[kind] ?? []
        let axes = Self.axes(kind)
        let schemaName = OutputSchema.forTable(kind).name
        let flagged = findingsByScope(kind)
        let schema = OutputSchema.forTable(kind)
        let blockColumn = axes.block.flatMap { Row.position(of: $0, in: schema) }
        let rowColumn = Row.position(of: axes.row, in: schema), columnColumn = Row.position(of: axes.column, in: schema)
        let columns = CellColumns(schema)
        func blockOf(_ row: Row) -> String { blockColumn == nil ? "" : row.value(at: blockColumn) }
        var blocks: [String] = []
        for row in rows where blocks.last != blockOf(row) && !blocks.contains(blockOf(row)) { blocks.append(blockOf(row)) }
        let rowLabels = Codebook.labels("\(schemaName).\(axes.row)"), columnLabels = Codebook.labels("\(schemaName).\(axes.column)")
        for block in blocks {
            // The block's grid: rows and columns in the order they first come, each cell at its place.
            // Cells come row by row, so a row's index is looked up only when the row changes.
            var rowCodes: [String] = [], columnCodes: [String] = [], grid: [[Row?]] = []
            var rowIndex: [String: Int] = [:], current = -1
            for cell in rows where blockOf(cell) == block {
                let row = cell.value(at: rowColumn), column = cell.value(at: columnColumn)
                if current < 0 || rowCodes[current] != row {
                    if let known = rowIndex[row] {
                        current = known
                    } else {
                        current = rowCodes.count
                        rowIndex[row] = current
                        rowCodes.append(row)
                        grid.append(Array(repeating: nil, count: columnCodes.count))
                    }
                }
                let place: Int
                if let known = columnCodes.firstIndex(of: column) {
                    place = known
                } else {
                    place = columnCodes.count
                    columnCodes.append(column)
                    for index in grid.indices { grid[index].append(nil) }
                }
                grid[current][place] = cell
            }
            if !block.isEmpty {
                html.raw("<h3>")
                html.text(Codebook.label("active_disclosure.item", block))
                html.raw(" <code>\(block)</code></h3>")
            }
            html.raw("<table class=\"grid\" data-table=\"\(kind.rawValue)\"><thead><tr><th></th>")
            for column in columnCodes {
                html.raw("<th>")
                html.text(columnLabels[column] ?? column)
                html.raw("<br><code>")
                html.raw(column)
                html.raw("</code></th>")
            }
            html.raw("</tr></thead><tbody>")
            for (index, rowCode) in rowCodes.enumerated() {
                html.raw("<tr><th>")
                html.text(rowLabels[rowCode] ?? rowCode)
                html.raw(" <code>")
                html.raw(rowCode)
                html.raw("</code>")
                // Most pages flag nothing: no lookups then.
                for finding in flagged.isEmpty ? [] : flagged[rowCode] ?? [] { note(finding, &html) }
                html.raw("</th>")
                let rowScope = block.isEmpty ? rowCode + "/" : block + "/" + rowCode + "/"
                for (place, column) in columnCodes.enumerated() {
                    guard let cell = grid[index][place] else { html.raw("<td></td>"); continue }
                    // The scope is only made into a string to look findings up by it.
                    let concerns = flagged.isEmpty ? [] : (flagged[rowScope + column] ?? []) + (flagged[column] ?? [])
                    render(cell, columns, scope: (rowScope, column), findings: concerns, &html)
                }
                html.raw("</tr>")
            }
            html.raw("</tbody></table>")
        }
    }

    /// The positions of a cell table's columns.
    struct CellColumns {
        let status: Int?, value: Int?, unit: Int?, raw: Int?, source: Int?

        init(_ schema: OutputSchema) {
            status = Row.position(of: "status", in: schema)
            value = Row.position(of: "value", in: schema)
            unit = Row.position(of: "unit", in: schema)
            raw = Row.position(of: "raw", in: schema)
            source = Row.position(of: "source", in: schema)
        }
    }

    /// `scope`: the cell's block and row (`art20_1/regulations/`) and its column.
    private func render(_ cell: Row, _ columns: CellColumns, scope: (row: String, column: String), findings: [Row], _ html: inout HTMLText) {
        let status = cell.value(at: columns.status), raw = cell.value(at: columns.raw), source = cell.value(at: columns.source)
        // Appended piece by piece: this runs for every cell of every page.
        html.raw("<td class=\"cell ")
        html.raw(status)
        if !findings.isEmpty { html.raw(" flagged") }
        html.raw("\" data-status=\"")
        html.raw(status)
        html.raw("\" data-scope=\"")
        html.text(scope.row)
        html.text(scope.column)
        // The tooltip: scope, status, where it was read, the raw text and the findings on it.
        html.raw("\" title=\"")
        html.text(scope.row)
        html.text(scope.column)
        html.raw(" · ")
        html.raw(status)
        if !source.isEmpty { html.raw(" · "); html.text(source) }
        if !raw.isEmpty { html.raw(" · raw: "); html.text(raw) }
        for finding in findings { html.raw(" · "); html.text("\(finding["check"]): \(finding["message"])") }
        html.raw("\">")
        switch status {
        case "reported":
            let unit = cell.value(at: columns.unit)
            html.text(cell.value(at: columns.value))
            if !unit.isEmpty && unit != "count" { html.raw(" "); html.text(unit) }
        case "blank": html.text(raw.isEmpty ? "（空）" : raw)
        case "missing": html.raw("缺失")
        default: html.text(raw)
        }
        html.raw("</td>")
    }

    private func note(_ finding: Row, _ html: inout HTMLText) {
        html.raw("<div class=\"finding sev-\(finding["severity"])\" data-check=\"\(finding["check"])\">⚑ ")
        html.text("\(finding["check"]): \(finding["message"])")
        html.raw("</div>")
    }

    /// The parts by heading, topic and length; their text is in `sections.csv`, not again here (the
    /// page shows what checks a number: each prose figure's sentence, the tables' cells).
    func text(_ html: inout HTMLText) {
        html.raw("<h2 id=\"sections\">正文 <code>sections</code></h2><p class=\"muted\">The parts' text is in <code>sections.csv</code> ")
        html.raw("(<code>report_id</code>, <code>section</code>); each prose figure's sentence is quoted above.</p>")
        html.raw("<table><thead><tr><th>部分 section</th><th>标题 heading</th><th>主题 topic</th><th>字数 characters</th></tr></thead><tbody>")
        for (index, section) in sections.enumerated() {
            html.raw("<tr data-section=\"\(section["section"])\"><td class=\"n\">\(section["section"])</td><td>")
            html.text(section["section"] == "0" ? "引言（第一部分之前）" : section["heading_raw"])
            html.raw("</td><td><code>\(section["topic"])</code></td><td class=\"n\">\(shown.characters[safe: index] ?? 0)</td></tr>")
        }
        html.raw("</tbody></table>")
    }

}

/// The sentence around a quote: back to the end of the sentence before, on to the end of its own,
/// at most `reach` characters each way. Found and walked on the UTF-8 bytes (a page has several).
enum QuoteContext {
    static let reach = 80
    /// 。！？； and a line break, as UTF-8.
    private static let ends: [[UInt8]] = [[0xE3, 0x80, 0x82], [0xEF, 0xBC, 0x81], [0xEF, 0xBC, 0x9F], [0xEF, 0xBC, 0x9B], [0x0A]]

    static func around(_ quote: String, in texts: [String]) -> (String, String)? {
        let needle = Array(quote.utf8)
        for var text in texts {
            let found = text.withUTF8 { bytes -> (String, String)? in
                guard let offset = ByteSearch.firstOffset(bytes, needle) else { return nil }
                var start = offset, steps = 0
                while start > 0 && steps < reach {
                    var previous = start - 1
                    while previous > 0 && bytes[previous] & 0xC0 == 0x80 { previous -= 1 }
                    if isEnd(bytes, at: previous) { break }
                    start = previous
                    steps += 1
                }
                var end = offset + needle.count
                steps = 0
                while end < bytes.count && steps < reach {
                    let stop = isEnd(bytes, at: end)
                    end = min(end + TextScanning.scalarLength(lead: bytes[end]), bytes.count)
                    steps += 1
                    if stop { break }
                }
                return (String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<offset]), as: UTF8.self),
                        String(decoding: UnsafeBufferPointer(rebasing: bytes[(offset + needle.count)..<end]), as: UTF8.self))
            }
            if let (before, after) = found { return (before, after.trimmingCharacters(in: .newlines)) }
        }
        return nil
    }

    /// How many characters (Unicode scalars) a text holds: its bytes less the continuation bytes
    /// (10xxxxxx), counted eight bytes at a time.
    static func characters(_ text: String) -> Int {
        var text = text
        return text.withUTF8 { bytes in
            guard let base = bytes.baseAddress else { return 0 }
            let words = bytes.count / 8
            var continuations = 0
            for word in 0..<words {
                let value = UInt64(littleEndian: UnsafeRawPointer(base + word * 8).loadUnaligned(as: UInt64.self))
                // Bit 7 set and bit 6 clear, in each byte.
                continuations += (value & ~(value << 1) & 0x8080_8080_8080_8080).nonzeroBitCount
            }
            for index in (words * 8)..<bytes.count where bytes[index] & 0xC0 == 0x80 { continuations += 1 }
            return bytes.count - continuations
        }
    }

    private static func isEnd(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        ends.contains { end in index + end.count <= bytes.count && end.indices.allSatisfy { bytes[index + $0] == end[$0] } }
    }
}

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
        func blockOf(_ row: Row) -> String {
            guard let column = axes.block else { return "" }
            return row[column]
        }
        var blocks: [String] = []
        for row in rows where !blocks.contains(blockOf(row)) { blocks.append(blockOf(row)) }
        for block in blocks {
            let members = rows.filter { blockOf($0) == block }
            var rowCodes: [String] = [], columnCodes: [String] = []
            for cell in members {
                if !rowCodes.contains(cell[axes.row]) { rowCodes.append(cell[axes.row]) }
                if !columnCodes.contains(cell[axes.column]) { columnCodes.append(cell[axes.column]) }
            }
            if !block.isEmpty {
                html.raw("<h3>")
                html.text(Codebook.label("active_disclosure.item", block))
                html.raw(" <code>\(block)</code></h3>")
            }
            html.raw("<table class=\"grid\" data-table=\"\(kind.rawValue)\"><thead><tr><th></th>")
            for column in columnCodes {
                html.raw("<th>")
                html.text(Codebook.label("\(schemaName).\(axes.column)", column))
                html.raw("<br><code>\(column)</code></th>")
            }
            html.raw("</tr></thead><tbody>")
            var byKey: [String: Row] = [:]
            for cell in members { byKey[cell[axes.row] + "/" + cell[axes.column]] = cell }
            for rowCode in rowCodes {
                html.raw("<tr><th>")
                html.text(Codebook.label("\(schemaName).\(axes.row)", rowCode))
                html.raw(" <code>\(rowCode)</code>")
                for finding in flagged[rowCode] ?? [] { note(finding, &html) }
                html.raw("</th>")
                for column in columnCodes {
                    guard let cell = byKey[rowCode + "/" + column] else { html.raw("<td></td>"); continue }
                    let scope = block.isEmpty ? "\(rowCode)/\(column)" : "\(block)/\(rowCode)/\(column)"
                    let concerns = (flagged[scope] ?? []) + (flagged[column] ?? [])
                    render(cell, scope: scope, findings: concerns, &html)
                }
                html.raw("</tr>")
            }
            html.raw("</tbody></table>")
        }
    }

    private func render(_ cell: Row, scope: String, findings: [Row], _ html: inout HTMLText) {
        let status = cell["status"]
        var title = "\(scope) · \(status)"
        if !cell["source"].isEmpty { title += " · \(cell["source"])" }
        if !cell["raw"].isEmpty { title += " · raw: \(cell["raw"])" }
        for finding in findings { title += " · \(finding["check"]): \(finding["message"])" }
        html.raw("<td class=\"cell \(status)\(findings.isEmpty ? "" : " flagged")\" data-status=\"\(status)\" data-scope=\"")
        html.text(scope)
        html.raw("\" title=\"")
        html.text(title)
        html.raw("\">")
        switch status {
        case "reported": html.text(cell["value"] + (cell["unit"].isEmpty || cell["unit"] == "count" ? "" : " " + cell["unit"]))
        case "blank": html.text(cell["raw"].isEmpty ? "（空）" : cell["raw"])
        case "missing": html.raw("缺失")
        default: html.text(cell["raw"])
        }
        html.raw("</td>")
    }

    private func note(_ finding: Row, _ html: inout HTMLText) {
        html.raw("<div class=\"finding sev-\(finding["severity"])\" data-check=\"\(finding["check"])\">⚑ ")
        html.text("\(finding["check"]): \(finding["message"])")
        html.raw("</div>")
    }

    func text(_ html: inout HTMLText) {
        html.raw("<h2 id=\"sections\">正文 <code>sections</code></h2>")
        for section in sections {
            html.raw("<h3 data-section=\"\(section["section"])\">")
            html.text(section["section"] == "0" ? "引言（第一部分之前）" : section["heading_raw"])
            html.raw(" <code>\(section["topic"])</code></h3><pre class=\"text\">")
            html.text(section["text"])
            html.raw("</pre>")
        }
    }
}

/// The index page's figure coverage (issue 21): per figure, how many reports chosen for the panel
/// state a value, leave it missing or ambiguous, and where table and text disagree; and the
/// statistics-table labels no figure maps yet, with how many reports print them.
extension IndexPage {
    func figureCoverage(_ html: inout HTMLText) {
        html.raw("<h2 id=\"figures\">数字覆盖 figure coverage (reports chosen for the panel, this year's figures)</h2>")
        guard !overview.figureStatus.isEmpty else { html.raw("<p class=\"muted\">无 — none.</p>"); return }
        html.raw("<table id=\"figure-coverage\"><thead><tr>")
        for header in ["数字 figure", "有值 reported", "缺失 missing", "歧义 ambiguous", "表文不一 conflicts"] {
            html.raw("<th class=\"sortable\">\(header)</th>")
        }
        html.raw("</tr></thead><tbody>")
        let order = FigureCatalog.entries.map(\.code)
        for code in overview.figureStatus.keys.sorted(by: { (order.firstIndex(of: $0) ?? .max, $0) < (order.firstIndex(of: $1) ?? .max, $1) }) {
            let counts = overview.figureStatus[code]!
            html.raw("<tr data-figure=\"\(code)\"><td>")
            html.text(Codebook.label("figures.figure", code))
            html.raw(" <code>\(code)</code></td>")
            for status in ["reported", "missing", "ambiguous"] {
                html.raw("<td class=\"n\" data-status=\"\(status)\">\(counts[status] ?? 0)</td>")
            }
            html.raw("<td class=\"n\">\(overview.figureConflicts[code] ?? 0)</td></tr>")
        }
        html.raw("</tbody></table>")
        html.raw("<h3 id=\"unknown-labels\">统计表未识别指标 statistics-table labels no figure maps</h3>")
        guard !overview.unknownLabels.isEmpty else { html.raw("<p class=\"muted\">无 — none.</p>"); return }
        html.raw("<table id=\"unknown-labels-table\"><thead><tr><th>指标 label</th><th>报告数 reports</th></tr></thead><tbody>")
        for (label, count) in overview.unknownLabels.sorted(by: { ($1.value, $0.key) < ($0.value, $1.key) }) {
            html.raw("<tr><td>")
            html.text(label)
            html.raw("</td><td class=\"n\">\(count)</td></tr>")
        }
        html.raw("</tbody></table>")
    }
}

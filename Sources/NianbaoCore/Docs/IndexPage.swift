import Foundation

/// `index.html`: what came in, what is complete, what looks wrong, and the panel, at a glance.
/// Byte-identical for the same dataset: no times, everything sorted.
struct IndexPage {
    let overview: DatasetOverview
    let parserVersion: String

    static let templateColors = ["gb2021": "#2563eb", "gb2019": "#0d9488", "legacy": "#9333ea", "unknown": "#64748b"]
    static let statusShade = ["complete": 1.0, "partial": 0.6, "narrative": 0.35]

    func render() -> [UInt8] {
        var html = HTMLText(capacity: 65_536)
        html.raw(DocsStyle.head(title: "nianbao 数据集概览"))
        html.raw("<h1>政府信息公开工作年度报告数据集 <span class=\"muted\">nianbao dataset</span></h1>")
        html.raw("<p class=\"muted\">parser <code id=\"parser-version\">\(parserVersion)</code> · <a href=\"reports.html\" id=\"all-reports\">报告列表 every report</a> · <a href=\"datapackage.json\">datapackage.json</a> · <a href=\"codes.csv\">codes.csv</a></p>")
        stats(&html)
        coverage(&html)
        findings(&html)
        figureCoverage(&html)
        attention(&html)
        panel(&html)
        rejects(&html)
        html.raw(DocsStyle.sortScript)
        html.raw("</body></html>\n")
        return html.bytes
    }

    private func stats(_ html: inout HTMLText) {
        let organsPlaced = overview.organs.filter { !$0["region_code"].isEmpty }.count
        let items: [(String, String, Int)] = [
            ("files", "文件 files seen", overview.reports + overview.rejects), ("reports", "报告 reports", overview.reports),
            ("rejects", "拒收 rejects", overview.rejects), ("copies", "副本 copies", overview.copies),
            ("organs", "机关 organs", overview.organs.count), ("organs-placed", "有区划代码 with region", organsPlaced),
            ("attention", "需关注 attention", overview.attention.count),
        ]
        html.raw("<div class=\"stats\">")
        for (id, label, count) in items {
            html.raw("<div class=\"stat\"><b id=\"count-\(id)\" data-count=\"\(count)\">\(count)</b>")
            html.text(label)
            html.raw("</div>")
        }
        html.raw("</div>")
    }

    /// Reports by year, stacked by template and status, as an inline SVG, with the numbers beside.
    private func coverage(_ html: inout HTMLText) {
        html.raw("<h2 id=\"coverage\">覆盖 coverage: reports by year × template × status</h2>")
        let years = overview.coverage.keys.sorted()
        let keys = Set(overview.coverage.values.flatMap(\.keys)).sorted()
        let widest = max(1, overview.coverage.values.map { $0.values.reduce(0, +) }.max() ?? 1)
        let barWidth = 600.0, rowHeight = 22
        html.raw("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"760\" height=\"\(years.count * rowHeight + 10)\" role=\"img\" aria-label=\"reports by year\">")
        for (index, year) in years.enumerated() {
            let y = index * rowHeight + 4
            html.raw("<text x=\"0\" y=\"\(y + 14)\" font-size=\"12\">\(year)</text>")
            var x = 50.0
            for key in keys {
                guard let count = overview.coverage[year]?[key], count > 0 else { continue }
                let width = barWidth * Double(count) / Double(widest)
                html.raw("<rect x=\"\(Self.format(x))\" y=\"\(y)\" width=\"\(Self.format(width))\" height=\"16\" fill=\"\(color(key))\"><title>\(year) \(key): \(count)</title></rect>")
                x += width
            }
            html.raw("<text x=\"\(Self.format(x + 6))\" y=\"\(y + 14)\" font-size=\"12\">\(overview.coverage[year]!.values.reduce(0, +))</text>")
        }
        html.raw("</svg><div class=\"legend\">")
        for key in keys { html.raw("<span><i class=\"sw\" style=\"background:\(color(key))\"></i>\(key)</span>") }
        html.raw("</div><table id=\"coverage-table\"><thead><tr><th>年度 year</th>")
        for key in keys { html.raw("<th>\(key)</th>") }
        html.raw("<th>合计 total</th></tr></thead><tbody>")
        for year in years {
            html.raw("<tr><td>\(year)</td>")
            for key in keys { html.raw("<td class=\"n\">\(overview.coverage[year]?[key] ?? 0)</td>") }
            html.raw("<td class=\"n\">\(overview.coverage[year]!.values.reduce(0, +))</td></tr>")
        }
        html.raw("</tbody></table>")
    }

    private func color(_ key: String) -> String {
        let parts = key.split(separator: "/").map(String.init)
        let base = Self.templateColors[parts[0]] ?? "#64748b"
        let shade = Self.statusShade[parts.count > 1 ? parts[1] : ""] ?? 0.5
        return base + String(format: "%02x", Int(shade * 255))
    }

    private func findings(_ html: inout HTMLText) {
        html.raw("<h2 id=\"findings\">检查结果 findings by check and severity</h2>")
        guard !overview.findings.isEmpty else { html.raw("<p class=\"muted\">无 — none.</p>"); return }
        html.raw("<table id=\"findings-table\"><thead><tr><th>检查 check</th><th>严重性 severity</th><th>数量 count</th></tr></thead><tbody>")
        for (key, count) in overview.findings.sorted(by: { $0.key < $1.key }) {
            let parts = key.split(separator: "/").map(String.init)
            html.raw("<tr data-check=\"\(parts[0])\"><td>")
            html.text(Codebook.label("checks.check", parts[0]))
            html.raw(" <code>\(parts[0])</code></td><td class=\"sev-\(parts[1])\">\(parts[1])</td><td class=\"n\" data-count=\"\(count)\">\(count)</td></tr>")
        }
        html.raw("</tbody></table>")
    }

    private func attention(_ html: inout HTMLText) {
        html.raw("<h2 id=\"attention\">需关注 attention: reports with errors, missing tables or missing cells (chosen copies; other copies are linked from their pages)</h2>")
        guard !overview.attention.isEmpty else { html.raw("<p class=\"muted\">无 — none.</p>"); return }
        html.raw("<table id=\"attention-table\"><thead><tr>")
        for header in ["报告 report", "机关 organ", "年度 year", "模板 template", "状态 status", "错误 errors", "警告 warnings", "缺表 missing tables"] {
            html.raw("<th class=\"sortable\">\(header)</th>")
        }
        html.raw("</tr></thead><tbody>")
        let sorted = overview.attention.sorted { ($0.errors, $0.missingTables, $1.reportID) > ($1.errors, $1.missingTables, $0.reportID) }
        for entry in sorted {
            html.raw("<tr data-report=\"\(entry.reportID)\"><td><a href=\"reports/\(entry.reportID).html\">")
            html.text(entry.title)
            html.raw("</a></td><td>")
            html.text(entry.organ)
            html.raw("</td><td>\(entry.year)</td><td>\(entry.template)</td><td>\(entry.status)</td>")
            html.raw("<td class=\"n\">\(entry.errors)</td><td class=\"n\">\(entry.warnings)</td><td class=\"n\">\(entry.missingTables)</td></tr>")
        }
        html.raw("</tbody></table>")
    }

    static func format(_ value: Double) -> String { String(format: "%.1f", value) }
}

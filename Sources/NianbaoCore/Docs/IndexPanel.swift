/// The index page's panel views (per year totals across organs; per organ, applications received
/// over the years as a small chart) and the rejects by reason.
extension IndexPage {
    static let totals = ["applications_received", "granted", "withheld", "reviews", "litigation"]

    func panel(_ html: inout HTMLText) {
        html.raw("<h2 id=\"panel\">面板 panel: organ × year</h2>")
        guard !overview.panel.isEmpty else { html.raw("<p class=\"muted\">无 — no organ identified.</p>"); return }
        html.raw("<h3>每年合计 totals per year (each report once)</h3><table id=\"panel-years\"><thead><tr><th>年度 year</th><th>机关 organs</th>")
        for code in Self.totals {
            html.raw("<th>")
            html.text(Codebook.label("figures.figure", code))
            html.raw("<br><code>\(code)</code></th>")
        }
        html.raw("</tr></thead><tbody>")
        var byYear: [String: [ReportPage.Row]] = [:]
        for row in overview.panel { byYear[row["year"], default: []].append(row) }
        for year in byYear.keys.sorted() {
            let rows = byYear[year]!
            html.raw("<tr data-year=\"\(year)\"><td>\(year)</td><td class=\"n\">\(rows.count)</td>")
            for code in Self.totals {
                let values = rows.compactMap { Double($0[code]) }
                html.raw("<td class=\"n\" title=\"\(values.count) of \(rows.count) organs report it\">\(values.isEmpty ? "" : Self.plain(values.reduce(0, +)))</td>")
            }
            html.raw("</tr>")
        }
        html.raw("</tbody></table><h3>机关 organs: applications received over the years</h3><table id=\"panel-organs\"><thead><tr>")
        for header in ["机关 organ", "区划 region", "层级 level", "类型 kind", "年度 years", "收到申请 applications_received"] {
            html.raw("<th class=\"sortable\">\(header)</th>")
        }
        html.raw("</tr></thead><tbody>")
        var byOrgan: [String: [ReportPage.Row]] = [:]
        for row in overview.panel { byOrgan[row["organ_id"], default: []].append(row) }
        for organ in overview.organs {
            let years = byOrgan[organ["organ_id"]] ?? []
            html.raw("<tr data-organ=\"\(organ["organ_id"])\"><td>")
            html.text(organ["name"])
            html.raw(" <code>\(organ["organ_id"])</code></td><td>")
            html.text(organ["region_code"].isEmpty ? "—" : "\(organ["region_code"]) \(organ["region_name"])")
            html.raw("</td><td>\(organ["level"])</td><td>\(organ["kind"])</td><td>")
            for (index, row) in years.enumerated() {
                html.raw("\(index > 0 ? " " : "")<a href=\"reports/\(row["report_id"]).html\">\(row["year"])</a>")
            }
            html.raw("</td><td>")
            sparkline(years, &html)
            html.raw("</td></tr>")
        }
        html.raw("</tbody></table>")
    }

    /// Applications received per year as a small line (points where reported), with the values.
    private func sparkline(_ years: [ReportPage.Row], _ html: inout HTMLText) {
        let points = years.compactMap { row -> (Int, Double)? in
            guard let year = Int(row["year"]), let value = Double(row["applications_received"]) else { return nil }
            return (year, value)
        }
        guard !points.isEmpty else { html.raw("<span class=\"muted\">—</span>"); return }
        let first = points.map(\.0).min()!, last = max(points.map(\.0).max()!, first + 1)
        let top = max(points.map(\.1).max()!, 1)
        let coordinates = points.map { point in
            "\(Self.format(4 + 112 * Double(point.0 - first) / Double(last - first))),\(Self.format(22 - 18 * point.1 / top))"
        }
        html.raw("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"120\" height=\"26\" class=\"spark\"><polyline fill=\"none\" stroke=\"#2563eb\" stroke-width=\"1.5\" points=\"\(coordinates.joined(separator: " "))\"/>")
        for coordinate in coordinates {
            let xy = coordinate.split(separator: ",")
            html.raw("<circle cx=\"\(xy[0])\" cy=\"\(xy[1])\" r=\"2\" fill=\"#2563eb\"/>")
        }
        html.raw("</svg> ")
        html.text(points.map { "\($0.0): \(Self.plain($0.1))" }.joined(separator: ", "))
    }

    func rejects(_ html: inout HTMLText) {
        html.raw("<h2 id=\"rejects\">拒收 rejects by reason</h2>")
        guard !overview.rejectReasons.isEmpty else { html.raw("<p class=\"muted\">无 — none.</p>"); return }
        html.raw("<table id=\"rejects-table\"><thead><tr><th>原因 reason</th><th>文件 files</th></tr></thead><tbody>")
        for (reason, count) in overview.rejectReasons.sorted(by: { $0.key < $1.key }) {
            html.raw("<tr><td>")
            html.text(reason)
            html.raw("</td><td class=\"n\">\(count)</td></tr>")
        }
        html.raw("</tbody></table><p class=\"muted\">Every rejected file and its reason: <a href=\"rejects.csv\">rejects.csv</a>.</p>")
    }

    static func plain(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}

/// `reports.html`: every report of the dataset in one sortable table, each linking its page; a copy
/// is marked and links the copy the panel takes. Written a row at a time as the pages are (report_id
/// order), so that the whole list is never held in memory.
struct ReportList {
    static let name = "reports.html"
    private var html = HTMLText(capacity: 1 << 16)
    private(set) var count = 0

    init() {
        html.raw(DocsStyle.head(title: "nianbao 报告列表"))
        html.raw("<nav><a href=\"index.html\">← 数据集概览 <code>index</code></a></nav>")
        html.raw("<h1>报告列表 <span class=\"muted\">every report</span></h1>")
        html.raw("<table id=\"report-list\"><thead><tr>")
        for header in ["报告 report", "机关 organ", "年度 year", "模板 template", "状态 status", "错误 errors", "发现 findings", "副本 copy of"] {
            html.raw("<th class=\"sortable\">\(header)</th>")
        }
        html.raw("</tr></thead><tbody>")
    }

    mutating func add(_ report: ReportPage.Row) {
        count += 1
        let id = report["report_id"]
        html.raw("<tr data-report=\"\(id)\"\(report["copy_of"].isEmpty ? "" : " class=\"copy\"")><td><a href=\"reports/\(id).html\">")
        html.text(report["title"].isEmpty ? report["source_path"] : report["title"])
        html.raw("</a></td><td>")
        html.text(report["organ"])
        html.raw("</td><td>\(report["year"])</td><td>\(report["template"])</td><td>\(report["status"])</td>")
        html.raw("<td class=\"n\">\(report["errors"])</td><td class=\"n\">\(report["warnings"])</td><td>")
        if !report["copy_of"].isEmpty { html.raw("<a href=\"reports/\(report["copy_of"]).html\">\(report["copy_of"])</a>") }
        html.raw("</td></tr>")
    }

    mutating func render() -> [UInt8] {
        html.raw("</tbody></table>")
        html.raw(DocsStyle.sortScript)
        html.raw("</body></html>\n")
        return html.bytes
    }
}

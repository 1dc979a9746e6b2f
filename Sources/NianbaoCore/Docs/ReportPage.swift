/// One report's page (`reports/REPORT_ID.html`): its metadata, findings, figures, the three tables
/// laid out as printed with each cell's status (a number, blank, missing and unparsed look different,
/// each cell's source and raw text in its title, cells a finding concerns outlined and the finding
/// beside them), each prose figure in its sentence, and its parts (their text is in sections.csv).
struct ReportPage {
    /// A dataset row by column name.
    struct Row {
        let values: [String?]
        /// Its table's column positions (one reference: a row is copied often while pages are made).
        let columns: Columns

        init(values: [String?], schema: OutputSchema) {
            self.values = values
            columns = Columns.of(schema)
        }

        /// The value of a column; empty when null or when the table has no such column (`unit` of table 3).
        subscript(_ name: String) -> String { value(at: columns.positions[name]) }

        /// The value at a column position found once with `position(of:in:)`.
        @inline(__always)
        func value(at index: Int?) -> String {
            guard let index, index < values.count else { return "" }
            return values[index] ?? ""
        }

        static func position(of name: String, in schema: OutputSchema) -> Int? { Columns.of(schema).positions[name] }

        /// A table's column positions by name, made once per table.
        final class Columns: Sendable {
            let positions: [String: Int]

            private init(_ schema: OutputSchema) {
                positions = Dictionary(uniqueKeysWithValues: schema.fields.enumerated().map { ($1.name, $0) })
            }

            private static let byTable: [String: Columns] = Dictionary(uniqueKeysWithValues: OutputSchema.all.map { ($0.name, Columns($0)) })
            private static let none = Columns(OutputSchema(name: "", title: "", fields: [], primaryKey: [], referencesReports: false))

            static func of(_ schema: OutputSchema) -> Columns { byTable[schema.name] ?? none }
        }
    }

    let report: Row
    let cells: [TableKind: [Row]]
    let sections: [Row]
    let figures: [Row]
    let checks: [Row]
    let organ: Row?
    /// The other copies of this report's organ-year, when the panel takes this one.
    var copies: [String] = []
    /// What the page shows of the parts' text (their lengths, the prose quotes' sentences), worked out
    /// once (`prepareText`) for the page and its digest.
    private(set) var shown = ShownText()

    struct ShownText {
        var characters: [Int] = []
        /// By figure row: the text before and after its quote in its sentence; nil when not shown so.
        var contexts: [(before: String, after: String)?] = []
    }

    mutating func prepareText() {
        let texts = sections.map { $0["text"] }
        shown.characters = texts.map(QuoteContext.characters)
        shown.contexts = figures.map { figure in
            figure["method"] == "prose" && !figure["quote"].isEmpty ? QuoteContext.around(figure["quote"], in: texts) : nil
        }
    }

    static let tableTitles: [(TableKind, String)] = [
        (.activeDisclosure, "表二 主动公开政府信息情况"), (.applications, "表三 收到和处理政府信息公开申请情况"),
        (.reviewsLitigation, "表四 政府信息公开行政复议、行政诉讼情况"),
    ]

    /// The page; `body`: its figures, tables and parts as the worker that parsed the report rendered
    /// them (`PageBody`), else rendered here from the rows.
    func render(digest: String? = nil, body: [UInt8]? = nil) -> [UInt8] {
        var html = HTMLText(capacity: 32_768 + (body?.count ?? 0))
        let title = report["title"].isEmpty ? report["source_path"] : report["title"]
        html.raw(DocsStyle.head(title: title, digest: digest))
        html.raw("<nav><a href=\"../index.html\">← 数据集概览 <code>index</code></a></nav>")
        html.element("h1", "", title)
        metadata(&html)
        findings(&html)
        if let body { html.append(body) } else { self.body(&html) }
        html.raw("</body></html>\n")
        return html.bytes
    }

    /// What the report's own rows decide: its figures, its tables (cells flagged by its checks), its parts.
    func body(_ html: inout HTMLText) {
        figureTable(&html)
        for (kind, heading) in Self.tableTitles where !(cells[kind] ?? []).isEmpty {
            html.raw("<h2 id=\"\(kind.rawValue)\">")
            html.text(heading)
            html.raw(" <code>\(kind.rawValue)</code></h2>")
            table(kind, &html)
        }
        text(&html)
    }

    private func metadata(_ html: inout HTMLText) {
        html.raw("<table class=\"meta\" id=\"metadata\"><tbody>")
        var fields: [(String, String, String)] = [
            ("report_id", "报告编号", report["report_id"]), ("source_path", "文件", report["source_path"]),
            ("source_format", "格式", "\(report["source_format"]) · \(report["encoding"]) · \(report["script"])"),
            ("organ", "发布机关", report["organ"]), ("year", "年度", report["year"]), ("published_on", "发布日期", report["published_on"]),
            ("template", "模板", report["template"]), ("status", "状态", report["status"]), ("source_url", "原文链接", report["source_url"]),
        ]
        if let organ {
            fields.append(("organ_id", "机关", "\(organ["name"]) (\(organ["organ_id"]))"))
            fields.append(("region_code", "行政区划", organ["region_code"].isEmpty ? "—" : "\(organ["region_code"]) \(organ["region_name"])"))
            fields.append(("level", "层级 · 类型", "\(organ["level"]) · \(organ["kind"])"))
        }
        for (code, label, value) in fields {
            html.raw("<tr><th>")
            html.text(label)
            html.raw(" <code>\(code)</code></th><td data-field=\"\(code)\">")
            html.text(value)
            html.raw("</td></tr>")
        }
        if !report["copy_of"].isEmpty {
            html.raw("<tr><th>副本 <code>copy_of</code></th><td data-field=\"copy_of\">another copy of <a href=\"\(report["copy_of"]).html\">")
            html.text(report["copy_of"])
            html.raw("</a>, which the panel takes</td></tr>")
        }
        if !copies.isEmpty {
            html.raw("<tr><th>其他副本 <code>copies</code></th><td data-field=\"copies\">")
            html.raw(copies.map { "<a href=\"\($0).html\">\($0)</a>" }.joined(separator: " · "))
            html.raw(" (other files of the same organ's report for the year)</td></tr>")
        }
        html.raw("</tbody></table>")
    }

    private func findings(_ html: inout HTMLText) {
        html.raw("<h2 id=\"findings\">检查结果 <code>checks</code> (\(checks.count))</h2>")
        guard !checks.isEmpty else { html.raw("<p class=\"muted\">无 — no findings.</p>"); return }
        html.raw("<table><thead><tr><th>严重性 severity</th><th>检查 check</th><th>范围 scope</th><th>期望 expected</th><th>实际 actual</th><th>说明 message</th></tr></thead><tbody>")
        for check in checks {
            html.raw("<tr class=\"finding\" data-check=\"\(check["check"])\"><td class=\"sev-\(check["severity"])\">\(check["severity"])</td><td>")
            html.text(Codebook.label("checks.check", check["check"]))
            html.raw(" <code>\(check["check"])</code></td><td><code>")
            html.text(check["scope"])
            html.raw("</code></td><td class=\"n\">\(check["expected"])</td><td class=\"n\">\(check["actual"])</td><td>")
            html.text(check["message"])
            html.raw("</td></tr>")
        }
        html.raw("</tbody></table>")
    }

    private func figureTable(_ html: inout HTMLText) {
        html.raw("<h2 id=\"figures\">数字 <code>figures</code></h2>")
        guard !figures.isEmpty else { html.raw("<p class=\"muted\">无</p>"); return }
        html.raw("<table><thead><tr><th>数字 figure</th><th>期间 period</th><th>数值 value</th><th>状态 status</th><th>方法 method</th><th>来源 source</th><th>原文 quote</th></tr></thead><tbody>")
        for (index, figure) in figures.enumerated() {
            html.raw("<tr data-figure=\"\(figure["figure"])\"><td>")
            html.text(Codebook.label("figures.figure", figure["figure"]))
            html.raw(" <code>\(figure["figure"])</code></td><td>\(figure["period"])</td><td class=\"cell \(figure["status"])\">")
            html.text(figure["status"] == "reported" ? "\(figure["value"]) \(figure["unit"] == "count" ? "" : figure["unit"])" : figure["status"])
            html.raw("</td><td>\(figure["status"])</td><td>\(figure["method"])</td><td class=\"src\">")
            html.text(figure["source"])
            html.raw("</td><td class=\"quote\">")
            if let context = shown.contexts[safe: index] ?? nil {
                html.text(context.before)
                html.raw("<mark>")
                html.text(figure["quote"])
                html.raw("</mark>")
                html.text(context.after)
            } else {
                html.text(figure["quote"])
            }
            html.raw("</td></tr>")
        }
        html.raw("</tbody></table>")
    }
}

/// The small code columns of the dataset (formats, scripts, templates, statuses, units, periods,
/// methods, severities): each code with its Chinese label and what it means. `codes.csv` lists them
/// and `datapackage.json` declares them as enums from here, so the two never disagree.
enum CodeLists {
    typealias Code = (code: String, label: String, definition: String)

    static let cellStatus: [Code] = [
        ("reported", "已填报", "a number was read from the cell; value holds it"),
        ("blank", "空白", "the cell is there but empty or a placeholder (/, —, -, 无, &nbsp;): never 0 in value"),
        ("missing", "缺失", "the template expects the cell and the source lacks it (a short row, a lost table)"),
        ("unparsed", "无法解析", "the cell holds text that is not a number, or values the capture does not place; raw keeps it"),
    ]
    static let units: [Code] = [
        ("count", "件/条", "a count"),
        ("yuan", "元", "money in yuan (万元 ×10⁴, 亿元 ×10⁸ converted)"),
        ("unspecified", "未注明", "money printed without a unit: the number as printed, with a unit_unspecified finding"),
    ]

    static let lists: [(column: String, codes: [Code])] = [
        ("reports.source_format", [("text", "文本", "a raw text capture"), ("html", "网页", "an HTML page"),
                                   ("pdf", "PDF", "a PDF document with a text layer (read through poppler)"),
                                   ("docx", "Word", "a Word document (.docx)")]),
        ("reports.script", [("simplified", "简体", "written in simplified script"), ("traditional", "繁体", "written in traditional script"),
                            ("mixed", "简繁混合", "both scripts in substantial amounts")]),
        ("reports.template", [
            ("gb2019", "2019年版格式", "the national format of 2019–2020 reports (table 2 with 本年新制作数量, 第二十条第（九）项)"),
            ("gb2021", "2021年版格式", "the national format from 2021 on (table 2 with 本年制发件数, table 3 with three （六） rows)"),
            ("legacy", "2008—2018年报告", "a report under the 2007 regulation: its own parts, maybe a statistics table"),
            ("unknown", "未识别格式", "a disclosure report whose tables match neither national format"),
        ]),
        ("reports.status", [
            ("complete", "完整", "every table of its template found with all cells"),
            ("partial", "不完整", "a table or cells of its template missing"),
            ("narrative", "叙述型", "a legacy or unknown-format report: parts (and figures) only"),
        ]),
        ("active_disclosure.status", cellStatus), ("applications.status", cellStatus), ("reviews_litigation.status", cellStatus),
        ("active_disclosure.unit", units),
        ("figures.period", [("year", "本年度", "the year reported on"), ("cumulative", "累计", "a total to date (历年累计, 截至…)")]),
        ("figures.unit", units),
        ("figures.status", [
            ("reported", "已填报", "one value stated (a table cell, a sum of cells, or the text)"),
            ("missing", "未提及", "a core figure the report does not state: no value, method, source or quote"),
            ("ambiguous", "说法不一", "the report's text states different values: none picked, every candidate in a figure_ambiguous finding"),
        ]),
        ("figures.method", [
            ("table", "表格单元格", "one cell of a national table (2019+)"),
            ("derived", "单元格合计", "a sum of national-table cells, each listed in source"),
            ("statistics_table", "统计表", "a row of a legacy statistics table (政府信息公开情况统计表)"),
            ("prose", "正文", "a clause of the report's text, quoted verbatim"),
        ]),
        ("checks.severity", [("error", "错误", "a broken identity of the report's own arithmetic"), ("warning", "提示", "every other finding")]),
    ]

    static func codes(_ column: String) -> [String] {
        lists.first { $0.column == column }?.codes.map(\.code) ?? []
    }
}

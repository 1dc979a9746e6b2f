/// Every finding a run can write (`checks.check`), with its Chinese label and what it means: the
/// code list of the checks table and its lines of `codes.csv`. A new check is a line here.
enum CheckCatalog {
    static let entries: [(code: String, label: String, definition: String)] = [
        ("t3_balance", "收支平衡", "table 3, each applicant column: new_received + carried_over = total_processed + carried_forward"),
        ("t3_results_sum", "办理结果合计", "table 3, each applicant column: total_processed = the sum of the result rows"),
        ("t3_row_total", "行合计", "table 3, each row: total = the sum of the six applicant columns"),
        ("t4_total", "复议诉讼合计", "table 4, each proceeding: total = upheld + corrected + other + pending"),
        ("cross_year_carry", "跨年结转", "carried_over.total of year N = carried_forward.total of the same organ's year N-1"),
        ("rule_skipped", "规则跳过", "a rule was not tested where it touches missing or unparsed cells"),
        ("table_missing", "表格缺失", "no value of a table was found; all its cells are missing"),
        ("cells_missing", "单元格缺失", "a row has fewer values than cells, or was not found"),
        ("extra_cells", "多余数值", "a row has more values than cells, or a number fits no row"),
        ("cell_note", "单元格附注", "a note stood next to a number"),
        ("unit_unspecified", "金额无单位", "money printed without a unit"),
        ("template_unknown", "模板未知", "the tables match no template and the year gives none"),
        ("text_dropped", "正文遗漏", "less than 95% of the report's text is in a section"),
        ("row_short", "行数值不足", "values on one line fewer than the cells and no column fixes them: unparsed"),
        ("cells_joined", "数值粘连", "one number for several cells"),
        ("metadata_missing", "元数据缺失", "title, organ, year or published_on not found"),
        ("figure_ambiguous", "数字歧义", "the report states different values for one figure: every candidate listed, none picked"),
        ("figure_conflict", "表文数字不一致", "a table cell gives a figure and the text states another value: the cell's value kept, both quoted"),
        ("figure_sum", "数字合计不符", "figures that must add up do not: channels vs applications received, outcomes vs responses, website + gazette vs items disclosed"),
        ("statistics_label_unknown", "统计表指标未识别", "a statistics-table row whose label maps to no figure: the label quoted, not read"),
        ("statistics_row_short", "统计表行数值不足", "a text statistics-table row with fewer values than value columns: not placed"),
        ("organ_region", "行政区划不确定", "no GB/T 2260 division is certain for the organ: several fit, or none"),
        ("copy_conflict", "副本数字不一致", "another copy of the same organ's report for the year has other figures"),
    ]

    static let codes = entries.map(\.code)
}

/// Tables 3 and 4, shared by gb2019 and gb2021 but for the rows of （六）其他处理.
enum NationalTables {
    static let applicants: [ColumnSpec] = [
        ColumnSpec("natural_person", ["自然人"]),
        ColumnSpec("commercial", ["商业企业"]),
        ColumnSpec("research", ["科研机构"]),
        ColumnSpec("social_welfare", ["社会公益组织"]),
        ColumnSpec("legal_service", ["法律服务机构"]),
        ColumnSpec("other_org", ["其他"]),
        ColumnSpec("total", ["总计"], role: .total),
    ]

    static let resultGroups = ["本年度办理结果", "不予公开", "无法提供", "不予处理"]

    /// Rows of table 3 with `otherProcessing` standing where the templates differ.
    static func applicationRows(otherProcessing: [RowSpec]) -> [RowSpec] {
        [
            RowSpec("new_received", ["本年新收政府信息公开申请数量"], role: .intake),
            RowSpec("carried_over", ["上年结转政府信息公开申请数量"], role: .intake),
            RowSpec("granted", ["予以公开"], role: .result),
            RowSpec("partially_granted", ["部分公开"], role: .result),
            RowSpec("withheld_state_secret", ["属于国家秘密"], number: 1, role: .result),
            RowSpec("withheld_prohibited_by_law", ["其他法律行政法规禁止公开"], number: 2, role: .result),
            RowSpec("withheld_security_stability", ["危及“三安全一稳定”", "危及三安全一稳定"], number: 3, role: .result),
            RowSpec("withheld_third_party", ["保护第三方合法权益"], number: 4, role: .result),
            RowSpec("withheld_internal_affairs", ["属于三类内部事务信息"], number: 5, role: .result),
            RowSpec("withheld_process_info", ["属于四类过程性信息"], number: 6, role: .result),
            RowSpec("withheld_enforcement_file", ["属于行政执法案卷"], number: 7, role: .result),
            // tw2sp turns Taiwan's 查詢 into 查找: the variant catches traditional-script pages.
            RowSpec("withheld_admin_query", ["属于行政查询事项", "属于行政查找事项"], number: 8, role: .result),
            RowSpec("unavailable_not_held", ["本机关不掌握相关政府信息"], number: 1, role: .result),
            RowSpec("unavailable_needs_creation", ["没有现成信息需要另行制作"], number: 2, role: .result),
            RowSpec("unavailable_unclear", ["补正后申请内容仍不明确"], number: 3, role: .result),
            RowSpec("not_processed_petition", ["信访举报投诉类申请"], number: 1, role: .result),
            RowSpec("not_processed_duplicate", ["重复申请"], number: 2, role: .result),
            RowSpec("not_processed_publication", ["要求提供公开出版物"], number: 3, role: .result),
            RowSpec("not_processed_excessive", ["无正当理由大量反复申请"], number: 4, role: .result),
            RowSpec("not_processed_reconfirm", ["要求行政机关确认或重新出具已获取信息"], number: 5, role: .result),
        ] + otherProcessing + [
            RowSpec("total_processed", ["总计"], role: .resultTotal),
            RowSpec("carried_forward", ["结转下年度继续办理"], role: .carriedForward),
        ]
    }

    static func applications(otherProcessing: [RowSpec], extraGroups: [String] = []) -> TableSpec {
        TableSpec(
            kind: .applications,
            part: 3,
            layout: .labelledRows,
            blocks: [BlockSpec(rows: applicationRows(otherProcessing: otherProcessing), columns: applicants)],
            groups: resultGroups + extraGroups,
            headerLabels: ["申请人情况", "法人或其他组织", "本列数据的勾稽关系为"],
            rules: .init(rowTotal: "t3_row_total", balance: "t3_balance", resultsSum: "t3_results_sum")
        )
    }

    static let reviewsLitigation = TableSpec(
        kind: .reviewsLitigation,
        part: 4,
        layout: .valueRun(anchors: ["行政复议", "行政诉讼"]),
        blocks: [BlockSpec(
            rows: [
                RowSpec("review", ["行政复议"]),
                RowSpec("litigation_direct", ["未经复议直接起诉"]),
                RowSpec("litigation_after_review", ["复议后起诉"]),
            ],
            columns: [
                ColumnSpec("upheld", ["结果维持"]),
                ColumnSpec("corrected", ["结果纠正"]),
                ColumnSpec("other", ["其他结果"]),
                ColumnSpec("pending", ["尚未审结"]),
                ColumnSpec("total", ["总计"], role: .total),
            ]
        )],
        rules: .init(rowTotal: "t4_total")
    )
}

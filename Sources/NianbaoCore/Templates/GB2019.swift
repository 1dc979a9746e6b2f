extension TemplateSpec {
    /// The 2019 national format, used for the years 2019–2020.
    public static let gb2019 = TemplateSpec(
        code: "gb2019",
        years: 2019...2020,
        markers: ["本年新制作数量", "本年新公开数量", "对外公开总数量", "政府集中采购", "采购总金额"],
        hasNationalParts: true,
        tables: [
            TableSpec(
                kind: .activeDisclosure,
                part: 2,
                layout: .labelledRows,
                blocks: [
                    BlockSpec(
                        code: "art20_1", captions: ["第二十条第（一）项"],
                        rows: [RowSpec("regulations", ["规章"]), RowSpec("normative_documents", ["规范性文件", "行政规范性文件"])],
                        columns: [
                            ColumnSpec("made", ["本年新制作数量"]),
                            ColumnSpec("published", ["本年新公开数量"]),
                            ColumnSpec("total_published", ["对外公开总数量"]),
                        ]
                    ),
                    BlockSpec(
                        code: "art20_5", captions: ["第二十条第（五）项"],
                        rows: [RowSpec("licensing", ["行政许可"]), RowSpec("other_services", ["其他对外管理服务事项"])],
                        columns: projectColumns
                    ),
                    BlockSpec(
                        code: "art20_6", captions: ["第二十条第（六）项"],
                        rows: [RowSpec("punishment", ["行政处罚"]), RowSpec("coercion", ["行政强制"])],
                        columns: projectColumns
                    ),
                    BlockSpec(
                        code: "art20_8", captions: ["第二十条第（八）项"],
                        rows: [RowSpec("admin_fees", ["行政事业性收费"])],
                        columns: Array(projectColumns.prefix(2))
                    ),
                    BlockSpec(
                        code: "art20_9", captions: ["第二十条第（九）项"],
                        rows: [RowSpec("central_procurement", ["政府集中采购"])],
                        columns: [
                            ColumnSpec("procurement_count", ["采购项目数量"]),
                            ColumnSpec("procurement_amount", ["采购总金额"], quantity: .money),
                        ]
                    ),
                ],
                headerLabels: ["信息内容"]
            ),
            NationalTables.applications(otherProcessing: [RowSpec("other_processing", ["其他处理"], role: .result)]),
            NationalTables.reviewsLitigation,
        ]
    )

    /// Columns of the licensing, punishment and fee clauses in gb2019.
    private static let projectColumns = [
        ColumnSpec("prev_count", ["上一年项目数量"]),
        ColumnSpec("change", ["本年增/减", "本年增减"]),
        ColumnSpec("decisions", ["处理决定数量"]),
    ]
}

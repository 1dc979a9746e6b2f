extension TemplateSpec {
    /// The 2021 national format, used from the year 2021 on.
    public static let gb2021 = TemplateSpec(
        code: "gb2021",
        years: 2021...2999,
        markers: ["本年制发件数", "本年废止件数", "现行有效件数", "本年收费金额", "申请人无正当理由逾期不补正",
                  "申请人逾期未按收费通知要求缴纳费用"],
        hasNationalParts: true,
        tables: [
            TableSpec(
                kind: .activeDisclosure,
                part: 2,
                layout: .labelledRows,
                blocks: [
                    BlockSpec(
                        code: "art20_1", captions: ["第二十条第（一）项"],
                        rows: [RowSpec("regulations", ["规章"]), RowSpec("normative_documents", ["行政规范性文件", "规范性文件"])],
                        columns: [
                            ColumnSpec("made", ["本年制发件数"]),
                            ColumnSpec("repealed", ["本年废止件数"]),
                            ColumnSpec("in_force", ["现行有效件数"]),
                        ]
                    ),
                    BlockSpec(
                        code: "art20_5", captions: ["第二十条第（五）项"],
                        rows: [RowSpec("licensing", ["行政许可"])],
                        columns: [ColumnSpec("decisions", ["本年处理决定数量"])]
                    ),
                    BlockSpec(
                        code: "art20_6", captions: ["第二十条第（六）项"],
                        rows: [RowSpec("punishment", ["行政处罚"]), RowSpec("coercion", ["行政强制"])],
                        columns: [ColumnSpec("decisions", ["本年处理决定数量"])]
                    ),
                    BlockSpec(
                        code: "art20_8", captions: ["第二十条第（八）项"],
                        rows: [RowSpec("admin_fees", ["行政事业性收费"])],
                        columns: [ColumnSpec("fee_amount", ["本年收费金额"], quantity: .money)]
                    ),
                ],
                headerLabels: ["信息内容"]
            ),
            NationalTables.applications(
                otherProcessing: [
                    RowSpec("other_no_correction", ["申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
                                                    "申请人无正当理由逾期不补正"], group: "其他处理", role: .result),
                    RowSpec("other_no_fee", ["申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
                                             "申请人逾期未按收费通知要求缴纳费用"], group: "其他处理", role: .result),
                    RowSpec("other_other", ["其他"], group: "其他处理", role: .result),
                ],
                extraGroups: ["其他处理"]
            ),
            NationalTables.reviewsLitigation,
        ]
    )
}

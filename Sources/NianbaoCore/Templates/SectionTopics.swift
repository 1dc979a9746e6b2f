/// `sections.topic` (SPEC §5): what a report part is about, in both eras. A national part's topic
/// follows from its number (`PartSpec.topic`); a legacy report's own headings are matched against
/// the keywords below, in this order, the first topic with a keyword in the heading winning (so
/// that 依申请公开收费情况 is about fees, not requests). A new wording is a keyword here.
public enum SectionTopics {
    public static let codes = ["preamble", "overview", "active", "on_request", "fees", "review_litigation", "problems", "other",
                               "consultations", "statistics"]

    /// Each topic's Chinese label, for `codes.csv`.
    static let labels: [(String, String)] = [
        ("preamble", "引言（第一部分之前的正文）"), ("overview", "概述/总体情况"), ("active", "主动公开政府信息情况"),
        ("on_request", "依申请公开政府信息情况"), ("fees", "收费及减免情况"), ("review_litigation", "行政复议、行政诉讼情况"),
        ("problems", "存在的主要问题及改进情况"), ("other", "其他需要报告的事项"), ("consultations", "咨询处理情况"),
        ("statistics", "统计表"),
    ]

    static let legacyKeywords: [(topic: String, keys: [String])] = [
        ("statistics", ["统计表", "统计数据", "情况统计"]),
        ("consultations", ["咨询", "谘询"]),  // 谘: the simplified 諮 printed before 2013, not folded by OpenCC
        ("fees", ["收费", "费用", "减免"]),
        ("review_litigation", ["复议", "诉讼", "申诉"]),
        ("on_request", ["依申请", "申请公开", "公开申请"]),
        ("active", ["主动公开"]),
        ("problems", ["问题", "不足", "改进", "下一步", "努力方向", "工作打算", "工作计划"]),
        ("overview", ["概述", "概况", "总体", "基本情况"]),
        ("other", ["其他", "其它"]),
    ].map { entry in (entry.0, entry.1.map(LabelKey.make)) }

    /// The topic of a legacy heading's label key, or "" when none fits.
    static func legacy(headingKey key: String) -> String {
        legacyKeywords.first { $0.keys.contains(where: key.containsBytes) }?.topic ?? ""
    }
}

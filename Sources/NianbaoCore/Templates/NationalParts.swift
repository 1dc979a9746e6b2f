/// The six parts of a national-format report, with the keywords that identify each heading
/// whatever its exact wording (SPEC §1).
public struct PartSpec: Sendable {
    public let number: Int
    /// The canonical simplified heading written to `sections.heading`.
    public let heading: String
    /// Keys of which a heading must contain at least one, besides its ordinal.
    public let keywords: [String]
    /// `sections.topic` (SPEC §5).
    public let topic: String

    public init(_ number: Int, _ heading: String, topic: String, keywords: [String]) {
        self.number = number
        self.heading = heading
        self.topic = topic
        self.keywords = keywords.map(LabelKey.make)
    }

    public static let national: [PartSpec] = [
        PartSpec(1, "一、总体情况", topic: "overview", keywords: ["总体情况", "概述", "总体"]),
        PartSpec(2, "二、主动公开政府信息情况", topic: "active", keywords: ["主动公开"]),
        PartSpec(3, "三、收到和处理政府信息公开申请情况", topic: "on_request", keywords: ["公开申请", "申请情况", "收到和处理", "依申请"]),
        PartSpec(4, "四、政府信息公开行政复议、行政诉讼情况", topic: "review_litigation", keywords: ["行政复议", "行政诉讼"]),
        PartSpec(5, "五、存在的主要问题及改进情况", topic: "problems", keywords: ["问题", "改进"]),
        PartSpec(6, "六、其他需要报告的事项", topic: "other", keywords: ["其他需要报告", "其他事项", "其他"]),
    ]
}

/// What a page on a disclosure site may be when it is not an annual report (SPEC §2, `rejects`): the
/// words its title uses for itself. A kind found in the title rejects the page unless its body carries
/// the report (`ReportRecognition`). A new kind or wording is a line here.
struct PageKind: Sendable {
    /// How the reject reason names the page (`a letter (函)`).
    var name: String
    /// Words that name the kind anywhere in the title.
    var words: [String] = []
    /// Words that name the kind only at the title's end (`…的函`, `…的通知`): inside a title they are
    /// often part of a name (函授, 通知书).
    var endings: [String] = []
    /// Which titles the words are read in: a report's title names a form or a plan only as its subject,
    /// while `图解…年度报告` or `关于公布…年度报告` are about the report.
    var titles: Titles = .otherTitles

    enum Titles: Sendable { case otherTitles, reportTitles, anyTitle }
}

enum PageKinds {
    static let all: [PageKind] = [
        PageKind(name: "a letter (函)", endings: ["函", "复函", "的函"]),
        PageKind(name: "a notice (通知、通告、公告)", endings: ["通知", "通告", "公告"]),
        PageKind(name: "a work plan or key points (要点、计划、方案)", words: ["工作要点", "要点", "工作计划", "实施方案", "工作方案", "工作安排"]),
        PageKind(name: "a disclosure guide (指南)", words: ["指南"]),
        PageKind(name: "a disclosure catalogue (目录)", words: ["目录"]),
        PageKind(name: "news or an explanation about a report (解读、新闻)", words: ["解读", "图解", "新闻", "发布会", "答记者问"],
                 titles: .anyTitle),
        PageKind(name: "a page announcing a report (发布、公布、印发)", words: ["发布", "公布", "印发", "转发"], titles: .reportTitles),
        PageKind(name: "a statistics form (统计表), not a report", words: ["统计报表", "统计表"]),
        // `2022年上半年政府信息公开数据统计`: figures of half a year are not the year's.
        PageKind(name: "statistics for part of a year or a statistics release (上半年、季度、数据统计)",
                 words: ["上半年", "下半年", "季度", "数据统计", "统计数据"]),
    ]

    /// A title names an annual report on disclosure: disclosure wording and report wording.
    static let disclosureWords = ["信息公开", "政务公开", "信息公開", "政務公開"]
    static let reportWords = ["年度报告", "年报", "工作报告", "年度工作报告"]
}

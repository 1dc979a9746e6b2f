/// How reports state a figure in words (SPEC §5, `method` = prose): the words a clause must hold, the
/// words that make it about something else (the traps: items vs. applications, spending vs. fees,
/// consultations, combined counts), and for zero in words the negation that must come before the
/// object. The first phrase a number fits wins, so specific phrases stand before general ones. A new
/// wording is a line here.
struct ProsePhrase: Sendable {
    enum Kind: Sendable {
        /// A count printed as a number: `共受理信息公开申请1件`.
        case count
        /// Money printed with 元/万元/亿元: `收取费用120元`.
        case money
        /// Zero in words: a negation before the object, no number (`未发生…行政复议`).
        case zero
    }

    var figure: String
    var kind: Kind
    /// Each group needs one of its words in the clause; for `zero` the first group is the object the
    /// negation must stand before.
    var all: [[String]]
    /// None of these may be in the clause.
    var none: [String] = []
    /// When several phrases give candidates for one figure, only the highest tier counts.
    var tier = 2
    /// The parts (`sections.topic`) the phrase is read in; nil for any.
    var topics: Set<String>? = nil
    /// The count words the figure is counted in; nil for any.
    var units: Set<String>? = nil
    /// For `zero`: the words that deny the object (fees also 不收, 免收, 免费).
    var negations: [String] = ProsePhrases.negations
    /// What the clause must be about (SPEC §5, scope): one of these words in it, or else the paragraph
    /// stands in one of `subjectTopics` and its sentence names none of `foreignContexts`. nil: any clause.
    var subject: [String]? = nil
    var subjectTopics: Set<String> = []
    /// The phrase counts a carry-over from last year (上年结转): 上年 does not make it another year's.
    var carryOver = false
    /// Words that, earlier in the sentence, make the count theirs (`制发公文707件，主动公开673件` counts
    /// documents) unless the clause names `ownObject` itself (`…，主动公开政府信息120条`).
    var sentenceNone: [String] = []
    var ownObject: [String] = []

    /// Everything the phrase says, in a fixed order (sets sorted): part of the parser version.
    var fingerprint: String {
        [figure, "\(kind)", "\(all)", "\(none)", "\(tier)", "\(topics.map { $0.sorted() } ?? [])", "\(units.map { $0.sorted() } ?? [])",
         "\(negations)", "\(subject ?? [])", "\(subjectTopics.sorted())", "\(carryOver)", "\(sentenceNone)", "\(ownObject)"].joined(separator: "/")
    }
}

/// A phrase with its words as scalars, compiled once: a clause is searched for them many times.
final class CompiledPhrase: Sendable {
    let phrase: ProsePhrase
    /// Each group of which one word must stand in the clause, and the words none of which may.
    let all: [[MaskedWord]]
    let none: [MaskedWord]
    let subject: [[Unicode.Scalar]]?
    let sentenceNone: [[Unicode.Scalar]]
    let ownObject: [[Unicode.Scalar]]
    /// The units a number must carry, as a list (a few short words: compared, not hashed).
    let units: [String]?

    init(_ phrase: ProsePhrase) {
        self.phrase = phrase
        all = phrase.all.map { $0.map { MaskedWord(Array($0.unicodeScalars)) } }
        none = phrase.none.map { MaskedWord(Array($0.unicodeScalars)) }
        units = phrase.units.map { $0.sorted() }
        subject = phrase.subject.map { $0.map { Array($0.unicodeScalars) } }
        sentenceNone = phrase.sentenceNone.map { Array($0.unicodeScalars) }
        ownObject = phrase.ownObject.map { Array($0.unicodeScalars) }
    }
}

enum ProsePhrases {
    static let compiled = all.map(CompiledPhrase.init)
    static func scalars(_ words: [String]) -> [[Unicode.Scalar]] { words.map { Array($0.unicodeScalars) } }

    static let negations = ["没有", "未", "无", "没", "尚无", "均无"]
    static let feeNegations = negations + ["不收", "免收", "免费"]
    /// A number after these in its clause compares with another year or is a change, not the figure.
    static let otherPeriod = ["上年", "去年", "上一年", "前一年", "同比", "增加", "减少", "增长", "下降", "提高", "降低", "比20"]
    /// A clause about next year (`72件申请…顺延到下年度答复`, `结转下年度`) states no figure of this year.
    static let nextPeriod = ["下年", "下一年", "顺延", "明年"]
    /// A number after these in its clause is counted since before the year…
    static let cumulative = ["历年", "累计至今", "截至目前", "截止目前", "条例实施以来", "截至", "截止", "累计"]
    /// …unless the clause scopes it to the year (本年度累计, 自2016年1月1日到12月31日累计) without 截至.
    static let thisYear = ["本年", "全年", "年度", "当年", "今年", "一年来", "一年中", "年内"]
    static let untilDate = ["截至", "截止", "历年", "至今", "以来"]
    /// A clause that only says 总计2401条 is the total of the numbers before it in its sentence.
    static let totalWords = ["总计", "合计", "共计", "总共", "共", "累计", "各类", "信息", "政府信息", "达", "为", "有"]
    /// A number after these in its clause is counted for a part of the organ's area or by one channel:
    /// a part of the figure, the total only when nothing else states it.
    static let partQualifiers = ["各乡镇", "各乡", "各镇", "各街道", "县直各", "市直各", "区直各", "各单位", "各部门", "通过网站", "通过门户网站",
                                 "通过政府网站"]
    /// A sentence part after 其中 lists parts of the figure before it.
    static let partMarker = "其中"
    /// So does one after a clause framed 在…中 (`在主动公开的信息中，政策法规类的信息4条…`): among those.
    static let amongFrame = (opening: Unicode.Scalar("在"), of: Unicode.Scalar("的"), closing: Unicode.Scalar("中"))
    /// Paragraphs without any of these are not read (most of a national report's text).
    static let triggers = ["公开", "发布", "申请", "复议", "诉讼", "申诉", "收费", "费用", "收取", "答复"]
    /// Without a digit a paragraph states a figure only in words: a negation, or a numeral before 件/宗/条.
    static let wordedFigures = ["没", "未", "无", "不收", "免", "件", "宗", "条"]

    /// Where the count of items disclosed may be read without the words 主动公开: the disclosure part
    /// itself, the overview, the text before the first part, an unnamed part.
    static let activeTopics: Set<String> = ["active", "overview", "preamble", "", "other"]
    static let itemUnits: Set<String> = ["条", "件", "项", "篇", "份"]
    static let notApplications = ["咨询", "答复", "回复", "办结", "同意", "不予", "否决", "不存在", "复议", "诉讼", "申诉", "收费",
                                  "费用", "当面", "传真", "邮件", "网上申请", "网络申请", "信函", "形式", "留言", "信箱", "来信",
                                  "来访", "结转", "上年"]
    /// Documents issued (印发文件177件) are not items disclosed; nor is a count of one kind of document
    /// (主动公开规章12件，行政规范性文件43件，人事任免文件106件: the parts by kind, never the items disclosed).
    static let notActive = ["依申请", "不予", "申请", "咨询", "未公开", "不公开", "留言", "信箱", "印发", "制发", "发文"] + documentKinds
    static let documentKinds = ["规章", "规范性文件", "文件", "公文", "档案", "人事任免"]
    static let itemWords = ["信息"]
    /// A count of 申请 is a disclosure application only when its clause says so, or it stands in the part
    /// about applications; counts of a service hall, approvals, hotlines or mailboxes never are.
    static let applicationSubject = ["信息公开", "依申请", "公开申请", "政务公开"]
    static let applicationTopics: Set<String> = ["on_request", "statistics"]
    static let foreignContexts = ["窗口", "审批", "办件", "行政许可", "便民服务", "政务服务", "热线", "信箱", "留言", "来信来访", "信访",
                                  "服务大厅", "服务中心"]
    static let carryOverWords = ["结转"]
    /// Whose count a number is (SPEC §5, scope): the organ's own level (市本级), or a wider one (全市,
    /// 市直部门, 各县区). When a report states a figure for its own level, a wider scope's value is not it.
    static let ownScopeWords = ["本级"]
    static let widerScopeWords = ["全市", "全县", "全区", "全省", "全镇", "市直", "县直", "区直", "省直", "各县", "各区", "各级", "各部门",
                                  "各单位", "各乡镇", "系统内"]

    static let all: [ProsePhrase] = [
        // Items disclosed: 主动公开 named, else 公开…信息, else 发布…信息 in the disclosure part.
        ProsePhrase(figure: "active_disclosed", kind: .count, all: [["主动公开"]], none: notActive, tier: 3,
                    topics: activeTopics.union(["on_request", "problems", "statistics"]), units: itemUnits,
                    sentenceNone: documentKinds, ownObject: itemWords),
        ProsePhrase(figure: "active_disclosed", kind: .count, all: [["公开"], ["信息"]], none: notActive, tier: 2,
                    topics: activeTopics, units: itemUnits, sentenceNone: documentKinds, ownObject: itemWords),
        ProsePhrase(figure: "active_disclosed", kind: .count, all: [["发布"], ["信息"]], none: notActive, tier: 1,
                    topics: ["active"], units: itemUnits, sentenceNone: documentKinds, ownObject: itemWords),

        // Applications by channel, then in all.
        ProsePhrase(figure: "applications_in_person", kind: .count, all: [["当面", "现场申请"], ["申请"]], none: ["咨询"],
                    subject: applicationSubject, subjectTopics: applicationTopics),
        ProsePhrase(figure: "applications_fax", kind: .count, all: [["传真"], ["申请"]], none: ["咨询"],
                    subject: applicationSubject, subjectTopics: applicationTopics),
        ProsePhrase(figure: "applications_email", kind: .count, all: [["电子邮件", "邮件", "电子邮箱"], ["申请"]], none: ["咨询"],
                    subject: applicationSubject, subjectTopics: applicationTopics),
        ProsePhrase(figure: "applications_online", kind: .count, all: [["网上申请", "网络申请", "在线申请", "网上提交", "网上提出"]],
                    none: ["咨询"], subject: applicationSubject, subjectTopics: applicationTopics),
        ProsePhrase(figure: "applications_letter", kind: .count, all: [["信函"], ["申请"]], none: ["咨询"],
                    subject: applicationSubject, subjectTopics: applicationTopics),
        ProsePhrase(figure: "applications_other", kind: .count, all: [["其他形式", "其它形式"], ["申请"]], none: ["咨询"],
                    subject: applicationSubject, subjectTopics: applicationTopics),
        ProsePhrase(figure: "applications_carried_over", kind: .count, all: [["结转"], ["申请"]], none: ["下年", "下一年", "转入下"],
                    subject: applicationSubject, subjectTopics: applicationTopics, carryOver: true),
        // 受理依申请公开政府信息5件: applications accepted (items offered for request are counted in 条).
        ProsePhrase(figure: "applications_received", kind: .count, all: [["受理", "收到", "接到"], ["依申请公开"]],
                    none: notApplications, units: ["件", "宗", "份", "个", "次", "起"],
                    subject: applicationSubject, subjectTopics: applicationTopics),
        ProsePhrase(figure: "applications_received", kind: .count,
                    all: [["申请"], ["收到", "受理", "接到", "接收", "申请数", "申请总数", "提出", "共"]],
                    none: notApplications + ["依申请公开信息", "依申请公开政府信息", "依申请公开的信息", "依申请公开的政府信息"],
                    subject: applicationSubject, subjectTopics: applicationTopics),
        // 市本级依申请办件28件: the cases on request handled.
        ProsePhrase(figure: "applications_received", kind: .count, all: [["依申请办件", "依申请件数"]], none: notApplications,
                    units: ["件", "宗", "份"], subject: applicationSubject, subjectTopics: applicationTopics),
        // 依申请公开0件: a count in 件 of 依申请公开 alone is the applications.
        ProsePhrase(figure: "applications_received", kind: .count, all: [["依申请公开"]],
                    none: notApplications + ["信息", "文件", "目录", "事项"], tier: 1, units: ["件", "宗", "份"],
                    subject: applicationSubject, subjectTopics: applicationTopics),
        ProsePhrase(figure: "applications_received", kind: .zero, all: [["申请"]],
                    none: ["咨询", "复议", "诉讼", "申诉", "收费", "费用", "答复", "申请人", "结转"],
                    subject: applicationSubject, subjectTopics: applicationTopics),

        // What became of them.
        ProsePhrase(figure: "not_held", kind: .count, all: [["信息不存在", "不存在"], ["答复", "申请", "否决"]]),
        ProsePhrase(figure: "outside_remit", kind: .count, all: [["非本机关", "不属于本"], ["答复", "申请"]]),
        // 同意公开或部分公开共81件 counts two outcomes together: neither.
        ProsePhrase(figure: "partially_granted", kind: .count, all: [["部分公开", "同意部分"]],
                    none: ["不同意", "不予", "咨询", "同意公开", "予以公开", "全部公开"]),
        ProsePhrase(figure: "withheld", kind: .count, all: [["不予公开", "不同意公开", "否决公开", "不公开"], ["答复", "申请"]],
                    none: ["不存在", "非本", "不属于", "部分", "咨询"]),
        ProsePhrase(figure: "granted", kind: .count, all: [["同意公开", "予以公开", "全部公开", "准予公开"]],
                    none: ["部分", "不同意", "不予", "咨询"]),
        ProsePhrase(figure: "responses", kind: .count, all: [["答复", "回复"], ["申请"]],
                    none: ["信箱", "留言", "咨询", "同意", "不予", "否决", "部分", "不存在", "非本", "不属于", "复议", "诉讼"]),

        // Review, litigation and complaints: one count names one of them; a count that names several
        // (复议、诉讼或申诉1件) cannot be split and gives none. Zero in words covers every one it names.
        ProsePhrase(figure: "reviews", kind: .count, all: [["复议"]], none: ["诉讼", "申诉", "费用", "支出", "咨询"]),
        ProsePhrase(figure: "litigation", kind: .count, all: [["诉讼"]], none: ["复议", "申诉", "费用", "支出", "咨询"]),
        ProsePhrase(figure: "complaints", kind: .count, all: [["申诉"]], none: ["复议", "诉讼", "费用", "支出", "咨询"]),
        ProsePhrase(figure: "reviews", kind: .zero, all: [["复议"]], none: ["费用", "支出"]),
        ProsePhrase(figure: "litigation", kind: .zero, all: [["诉讼"]], none: ["费用", "支出"]),
        ProsePhrase(figure: "complaints", kind: .zero, all: [["申诉", "投诉", "举报"]], none: ["费用", "支出"]),
        ProsePhrase(figure: "withheld", kind: .zero, all: [["不予公开"]], none: ["部分", "咨询", "复议", "诉讼"]),

        // Fees collected, never money spent on the work.
        ProsePhrase(figure: "disclosure_fees", kind: .money, all: [["收取", "收费"]],
                    none: ["支出", "经费", "建设", "预算", "投入", "成本"]),
        ProsePhrase(figure: "disclosure_fees", kind: .zero, all: [["收费", "费用"]],
                    none: ["支出", "经费", "建设", "预算", "投入", "成本", "诉讼"], negations: feeNegations),
    ]
}

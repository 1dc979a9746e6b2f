/// The legacy statistics table (政府信息公开情况统计表, SPEC §5): which row label gives which figure,
/// and which header names a value column's period. Labels are matched on their label key (numbering,
/// 其中： and punctuation dropped) by containment, the first entry that fits winning, so the longer
/// label stands first (不同意公开答复数 before 同意公开答复数). A province's variant is a word here.
enum StatisticsLabels {
    static let figures: [(figure: String, labels: [String])] = [
        ("partially_granted", ["同意部分公开答复数", "同意部分公开", "部分公开答复数"]),
        ("withheld", ["否决公开答复数", "不同意公开答复数", "不同意公开", "不予公开答复数", "不予公开"]),
        ("granted", ["同意公开答复数", "同意公开"]),
        ("not_held", ["信息不存在"]),
        ("outside_remit", ["非本机关职责", "不属于本行政机关公开", "不属于本机关", "非本行政机关"]),
        ("responses", ["对申请的答复数", "对申请的答复总数", "已答复申请数", "申请答复数", "答复申请数", "答复总数"]),
        ("applications_in_person", ["当面申请数", "当面申请"]),
        ("applications_fax", ["传真申请数", "传真申请"]),
        ("applications_email", ["电子邮件申请数", "电子邮件申请", "邮件申请"]),
        ("applications_online", ["网上申请数", "网络申请数", "网上申请", "网络申请"]),
        ("applications_letter", ["信函申请数", "信函申请"]),
        ("applications_other", ["其它形式申请数", "其他形式申请数", "其它形式申请", "其他形式申请"]),
        ("applications_received", ["受理依申请公开信息总数", "收到申请数", "依申请公开信息数", "申请总数", "收到申请"]),
        ("active_via_website", ["政府网站公开", "网站公开"]),
        ("active_via_gazette", ["政府公报公开", "公报公开"]),
        ("active_disclosed", ["主动公开政府信息数", "主动公开信息数", "主动公开信息总数", "主动公开文件数", "主动公开数"]),
        ("reviews", ["行政复议数", "行政复议"]),
        ("litigation", ["行政诉讼数", "行政诉讼"]),
        ("complaints", ["行政申诉数", "举报投诉数", "行政申诉", "举报投诉"]),
        ("disclosure_fees", ["依申请公开收取的费用", "收取的费用", "收费金额", "收取费用", "收费数额"]),
    ].map { entry in (entry.0, entry.1.map(LabelKey.make)) }

    /// The header row: a label column and at least one value column.
    static let labelHeaders = ["指标名称", "指标", "项目"].map(LabelKey.make)
    static let unitHeaders = ["计量单位", "单位"].map(LabelKey.make)
    static let yearHeaders = ["本年度", "本年", "当年", "数量", "数值", "本期"].map(LabelKey.make)
    static let cumulativeHeaders = ["累计"].map(LabelKey.make)
    /// A period to date, whatever year it names (截至2013年底).
    static let toDateHeaders = ["历年", "截至", "截止", "以来", "至今"].map(LabelKey.make)
    /// Units printed in the unit column.
    static let countUnits = ["条", "件", "项", "个", "次", "宗", "起", "人次", "份"]

    /// Words that each name one figure of a combined label (`信函、传真申请数`, `接受行政诉讼、举报数`):
    /// a label that joins two of them (、 或 和 及 与 /) counts them together.
    static let combinedParts: [(word: String, figure: String)] = [
        ("当面", "applications_in_person"), ("传真", "applications_fax"), ("电子邮件", "applications_email"),
        ("邮件", "applications_email"), ("网上", "applications_online"), ("网络", "applications_online"),
        ("信函", "applications_letter"), ("复议", "reviews"), ("诉讼", "litigation"), ("申诉", "complaints"),
        ("举报", "complaints"), ("投诉", "complaints"),
    ]
    static let joiners: Set<Character> = ["、", "或", "和", "及", "与", "/", "，", ","]

    /// The figures a combined label counts together, nil for a label of one figure. Read on the
    /// printed (folded) label, whose 、 the label key drops.
    static func combinedFigures(ofLabel folded: String) -> [String]? {
        guard folded.contains(where: joiners.contains) else { return nil }
        var named: [(position: String.Index, figure: String)] = []
        for (word, figure) in combinedParts {
            var searchStart = folded.startIndex
            while let range = folded.range(of: word, range: searchStart..<folded.endIndex) {
                // 电子邮件 holds 邮件: a word inside a longer one already found is the same mention.
                if !named.contains(where: { $0.position <= range.lowerBound && folded.distance(from: $0.position, to: range.lowerBound) < 3 && $0.figure == figure }) {
                    named.append((range.lowerBound, figure))
                }
                searchStart = range.upperBound
            }
        }
        guard named.count >= 2 else { return nil }
        var figures: [String] = []
        for (_, figure) in named.sorted(by: { $0.position < $1.position }) where !figures.contains(figure) { figures.append(figure) }
        return figures
    }

    static func figure(ofLabelKey key: String) -> String? {
        let key = key.hasPrefix("其中") ? String(key.dropFirst(2)) : key
        return figures.first { $0.labels.contains(where: key.containsBytes) }?.figure
    }
}

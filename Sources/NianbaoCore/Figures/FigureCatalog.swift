/// The harmonised figure codes of SPEC §5, in the order rows are written: the same codes for every
/// era. `core` figures get a `missing` row when a report does not state them. A new code is a line here.
enum FigureCatalog {
    struct Entry: Sendable {
        var code: String
        /// The statistics table's label (SPEC §5), for `codes.csv`.
        var label: String
        var money = false
        var core = false
        /// What is counted, for `codes.csv` and the data dictionary.
        var definition = ""
    }

    static let entries: [Entry] = [
        Entry(code: "active_disclosed", label: "主动公开政府信息数", core: true, definition: "items of government information the organ disclosed on its own initiative in the year (条/件 of information, not documents issued)"),
        Entry(code: "active_via_website", label: "政府网站公开", definition: "of the items disclosed on the organ's initiative, those published on its website"),
        Entry(code: "active_via_gazette", label: "政府公报公开", definition: "of the items disclosed on the organ's initiative, those published in its government gazette"),
        Entry(code: "applications_received", label: "收到申请数", core: true, definition: "applications for disclosure (依申请公开) the organ received in the year (2019+: table 3 new_received total)"),
        Entry(code: "applications_carried_over", label: "上年结转申请数", definition: "applications carried over from the previous year (2019+: table 3 carried_over total)"),
        Entry(code: "applications_in_person", label: "当面申请数", definition: "applications received in person"),
        Entry(code: "applications_fax", label: "传真申请数", definition: "applications received by fax"),
        Entry(code: "applications_email", label: "电子邮件申请数", definition: "applications received by e-mail"),
        Entry(code: "applications_online", label: "网上申请数", definition: "applications received online (website, online form)"),
        Entry(code: "applications_letter", label: "信函申请数", definition: "applications received by letter"),
        Entry(code: "applications_other", label: "其他形式申请数", definition: "applications received in other ways"),
        Entry(code: "responses", label: "对申请的答复数", definition: "applications answered in the year"),
        Entry(code: "granted", label: "同意公开答复数", core: true, definition: "applications answered with full disclosure (2019+: table 3 granted total)"),
        Entry(code: "partially_granted", label: "同意部分公开答复数", definition: "applications answered with partial disclosure"),
        Entry(code: "withheld", label: "不予公开答复数", core: true, definition: "applications refused disclosure (2019+: the sum of the eight withheld rows' totals)"),
        Entry(code: "not_held", label: "信息不存在", definition: "applications answered that the information does not exist or the organ does not hold it"),
        Entry(code: "outside_remit", label: "非本机关职责", definition: "applications answered as outside the organ's remit"),
        Entry(code: "reviews", label: "行政复议数", core: true, definition: "administrative reviews (行政复议) over disclosure brought against the organ in the year"),
        Entry(code: "litigation", label: "行政诉讼数", core: true, definition: "lawsuits (行政诉讼) over disclosure against the organ in the year (2019+: direct + after review)"),
        Entry(code: "complaints", label: "行政申诉数", definition: "administrative complaints and reports (行政申诉、举报投诉) over disclosure"),
        Entry(code: "disclosure_fees", label: "依申请公开收取的费用", money: true, definition: "fees collected for answering applications, in yuan (never money spent on the work)"),
    ]

    static let codes = entries.map(\.code)
    static let order: [String: Int] = Dictionary(uniqueKeysWithValues: entries.enumerated().map { ($1.code, $0) })
    static let core = entries.filter(\.core).map(\.code)

    static func isMoney(_ code: String) -> Bool { entries.first { $0.code == code }?.money ?? false }

    /// Row order: figure code as listed, then `year` before `cumulative`.
    static func precedes(_ a: Figure, _ b: Figure) -> Bool {
        let (x, y) = (order[a.figure] ?? Int.max, order[b.figure] ?? Int.max)
        return x != y ? x < y : (a.period == "year" && b.period != "year")
    }
}

/// The harmonised figure codes of SPEC §5, in the order rows are written: the same codes for every
/// era. `core` figures get a `missing` row when a report does not state them. A new code is a line here.
enum FigureCatalog {
    struct Entry: Sendable {
        var code: String
        /// The statistics table's label (SPEC §5), for `codes.csv`.
        var label: String
        var money = false
        var core = false
    }

    static let entries: [Entry] = [
        Entry(code: "active_disclosed", label: "主动公开政府信息数", core: true),
        Entry(code: "active_via_website", label: "政府网站公开"),
        Entry(code: "active_via_gazette", label: "政府公报公开"),
        Entry(code: "applications_received", label: "收到申请数", core: true),
        Entry(code: "applications_carried_over", label: "上年结转申请数"),
        Entry(code: "applications_in_person", label: "当面申请数"),
        Entry(code: "applications_fax", label: "传真申请数"),
        Entry(code: "applications_email", label: "电子邮件申请数"),
        Entry(code: "applications_online", label: "网上申请数"),
        Entry(code: "applications_letter", label: "信函申请数"),
        Entry(code: "applications_other", label: "其他形式申请数"),
        Entry(code: "responses", label: "对申请的答复数"),
        Entry(code: "granted", label: "同意公开答复数", core: true),
        Entry(code: "partially_granted", label: "同意部分公开答复数"),
        Entry(code: "withheld", label: "不予公开答复数", core: true),
        Entry(code: "not_held", label: "信息不存在"),
        Entry(code: "outside_remit", label: "非本机关职责"),
        Entry(code: "reviews", label: "行政复议数", core: true),
        Entry(code: "litigation", label: "行政诉讼数", core: true),
        Entry(code: "complaints", label: "行政申诉数"),
        Entry(code: "disclosure_fees", label: "依申请公开收取的费用", money: true),
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

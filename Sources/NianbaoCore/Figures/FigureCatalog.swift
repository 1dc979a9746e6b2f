/// The harmonised figure codes of SPEC §5, in the order rows are written: the same codes for every
/// era. `core` figures get a `missing` row when a report does not state them. A new code is a line here.
enum FigureCatalog {
    struct Entry: Sendable {
        var code: String
        var money = false
        var core = false
    }

    static let entries: [Entry] = [
        Entry(code: "active_disclosed", core: true),
        Entry(code: "active_via_website"),
        Entry(code: "active_via_gazette"),
        Entry(code: "applications_received", core: true),
        Entry(code: "applications_carried_over"),
        Entry(code: "applications_in_person"),
        Entry(code: "applications_fax"),
        Entry(code: "applications_email"),
        Entry(code: "applications_online"),
        Entry(code: "applications_letter"),
        Entry(code: "applications_other"),
        Entry(code: "responses"),
        Entry(code: "granted", core: true),
        Entry(code: "partially_granted"),
        Entry(code: "withheld", core: true),
        Entry(code: "not_held"),
        Entry(code: "outside_remit"),
        Entry(code: "reviews", core: true),
        Entry(code: "litigation", core: true),
        Entry(code: "complaints"),
        Entry(code: "disclosure_fees", money: true),
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

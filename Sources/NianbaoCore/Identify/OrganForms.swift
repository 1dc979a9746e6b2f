/// How the name of a publishing body is written, as data (issue 16): the short forms of body names
/// and their full forms, and what a name's ending says about the body's kind and level. A new
/// variant is a line here.
enum OrganForms {
    /// Short form → full form, applied to the end of a name (longest first). 发改局 and 发展和改革局
    /// are one body; 市政府办 and 市人民政府办公室 too.
    static let expansions: [(short: String, full: String)] = [
        ("政府办公厅", "人民政府办公厅"), ("政府办公室", "人民政府办公室"), ("人民政府办", "人民政府办公室"),
        ("政府办", "人民政府办公室"), ("府办", "人民政府办公室"), ("党政办", "党政综合办公室"),
        ("发改局", "发展和改革局"), ("发改委", "发展和改革委员会"), ("发展改革委", "发展和改革委员会"),
        ("文广新局", "文化广电新闻出版局"), ("食药监局", "食品药品监督管理局"), ("人社局", "人力资源和社会保障局"),
        ("住建局", "住房和城乡建设局"), ("卫计局", "卫生和计划生育局"), ("卫健委", "卫生健康委员会"),
        ("管委会", "管理委员会"), ("经信局", "经济和信息化局"), ("国土局", "国土资源局"), ("民宗局", "民族宗教事务局"),
        ("政府", "人民政府"),
    ].sorted { $0.short.count > $1.short.count }

    /// A name that is only a place (白城市, 唐村镇) names its government.
    static let governmentBody = "人民政府"

    enum Kind: String, Sendable { case government, generalOffice = "general_office", department, township, other }

    /// Endings of full names and the kind they make, first match wins.
    static let kinds: [(ending: String, kind: Kind)] = [
        ("人民政府办公厅", .generalOffice), ("人民政府办公室", .generalOffice), ("党政综合办公室", .generalOffice),
        ("镇人民政府", .township), ("乡人民政府", .township), ("街道办事处", .township), ("人民政府", .government),
        ("局", .department), ("委员会", .department), ("厅", .department), ("委", .department), ("办公室", .department),
        ("署", .department), ("院", .department), ("办", .department), ("中心", .other),
    ]

    /// Town-level places: a name ending so (before its body) is a township's.
    static let townships = ["镇", "乡", "街道", "苏木"]
    /// National bodies start so.
    static let national = ["国务院", "国家", "中国", "中华人民共和国", "海关总署", "国家统计局"]

    /// Zones and new areas are run by an administrative committee: their name as a publisher is it
    /// (平潭综合实验区 = 平潭综合实验区管理委员会), as a city's name is its 人民政府 (SPEC §6).
    static let zoneEndings = ["综合实验区", "实验区", "试验区", "开发区", "高新区", "示范区", "工业园区", "园区", "合作区", "保税区", "新区"]
    static let zoneBody = "管理委员会"
    /// A 新区 that GB/T 2260 listed as a district before 2020 (浦东新区, 滨海新区) has a 人民政府.
    static let lastEditionOfDistricts = 2019

    /// The full form of a name (short body forms expanded; a zone's bare name gets 管理委员会).
    static func fullForm(_ name: String) -> String {
        for (short, full) in expansions where name.hasSuffix(short) && !name.hasSuffix(full) {
            return String(name.dropLast(short.count)) + full
        }
        if isZone(name) { return name + zoneBody }
        return name
    }

    static func isZone(_ name: String) -> Bool {
        guard let ending = zoneEndings.first(where: name.hasSuffix), name.count > ending.count else { return false }
        guard ending == "新区" else { return true }
        return Divisions.named(ZoneAliases.official(name), year: lastEditionOfDistricts).isEmpty
    }

    /// How the names of bodies end (局, 委员会, 研究室, 管理处, 中心 …), whatever their kind.
    static let bodyEndings = ["人民政府", "政府", "局", "委员会", "委", "厅", "办公室", "室", "办", "署", "院", "所", "站", "队", "处", "科",
                              "馆", "会", "社", "部", "中心", "事务所", "集团", "公司"]

    /// A name a report may give its publisher: a body's name (a known ending), a town's, a zone's, or a
    /// division's. Anything else (城市, a name whose first glyphs a PDF without fonts lost) is no organ.
    static func isOrganName(_ name: String, year: Int?) -> Bool {
        let full = fullForm(name)
        if bodyEndings.contains(where: full.hasSuffix) || townships.contains(where: name.hasSuffix) { return true }
        if !Divisions.named(ZoneAliases.official(name), year: year).isEmpty || !Divisions.named(ZoneAliases.official(name), year: nil).isEmpty {
            return true
        }
        // A place named with its parent (福州市晋安区).
        return isPlaces(name, year: year)
    }

    /// Whether the whole name is places (白城市, 福州市晋安区): it names their government.
    static func isPlaces(_ name: String, year: Int?) -> Bool {
        let resolution = RegionResolver.resolve(name: name, context: "", year: year)
        return resolution.remainder.isEmpty && (resolution.division != nil || !resolution.candidates.isEmpty)
    }
}

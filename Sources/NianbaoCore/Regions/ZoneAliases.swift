/// Special zones (新区, 开发区, 工业园区 administered as counties) by the names reports use for them,
/// mapped to the name the division table gives them (`DivisionData`: the 2018 revision lists the
/// development zones with statistical codes, the 2026 snapshot the state-level new areas). Only names
/// are listed here, never codes: a zone gets the code its table edition has for the report's year; in
/// a year no edition lists it, the place its name starts with (苏州 → 苏州市), or none and
/// `organ_region`. A new alias is a line here.
enum ZoneAliases {
    static let names: [(alias: String, official: String)] = [
        ("苏州园区", "苏州工业园区"), ("苏州市工业园区", "苏州工业园区"), ("苏州工业园", "苏州工业园区"),
        ("雄安新区管委会", "雄安新区管理委员会"), ("河北雄安新区", "雄安新区"), ("雄安", "雄安新区"),
        ("重庆两江新区", "两江新区"), ("甘肃兰州新区", "兰州新区"), ("天津滨海新区", "滨海新区"), ("上海浦东新区", "浦东新区"),
    ]

    /// The name with a zone's informal name at its start replaced by the table's name for it.
    static func official(_ name: String) -> String {
        for (alias, official) in names where name.hasPrefix(alias) && !name.hasPrefix(official) {
            return official + name.dropFirst(alias.count)
        }
        return name
    }
}

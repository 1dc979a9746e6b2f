/// One GB/T 2260 division in the editions it is valid in (`DivisionData`).
struct Division: Sendable, Equatable {
    enum Level: String, Sendable { case province, prefecture, county }

    var code: String
    var name: String
    var first: Int
    var last: Int

    var level: Level {
        if code.hasSuffix("0000") { return .province }
        return code.hasSuffix("00") ? .prefecture : .county
    }

    var provinceCode: String { String(code.prefix(2)) + "0000" }
    var prefectureCode: String { String(code.prefix(4)) + "00" }

    func isValid(in edition: Int) -> Bool { (first...last).contains(edition) }
}

/// The division table, indexed by name and by short name (沭阳 for 沭阳县, 厦门 for 厦门市), parsed once.
enum Divisions {
    /// Suffixes a place is also called without (longest first), so that 发改局 titles naming 沭阳 find 沭阳县.
    static let suffixes = ["特别行政区", "维吾尔自治区", "壮族自治区", "回族自治区", "自治区", "自治州", "自治县", "自治旗",
                           "地区", "林区", "新区", "省", "市", "县", "区", "盟", "旗"]

    static let all: [Division] = DivisionData.table.split(separator: "\n").map { line in
        let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
        return Division(code: String(fields[0]), name: String(fields[1]), first: Int(fields[2])!, last: Int(fields[3])!)
    }

    /// Every division by its full name and by its short name.
    static let byName: [String: [Division]] = {
        var index: [String: [Division]] = [:]
        for division in all {
            index[division.name, default: []].append(division)
            let short = shortName(division.name)
            if short != division.name { index[short, default: []].append(division) }
        }
        return index
    }()

    /// The longest name in the table, in characters: no place name is longer.
    static let longestName = all.map(\.name.count).max() ?? 0

    static func shortName(_ name: String) -> String {
        guard let suffix = suffixes.first(where: { name.hasSuffix($0) }) else { return name }
        let short = String(name.dropLast(suffix.count))
        return short.count >= 2 ? short : name
    }

    /// The edition a report year reads: its own for 2008–2019 (2008's before 2008), the snapshot
    /// from its year on; nil between, where no edition of the table is that year's.
    static func edition(for year: Int?) -> Int? {
        guard let year else { return DivisionData.editions.last }
        let editions = DivisionData.editions
        if year <= editions[0] { return editions[0] }
        if editions.contains(year) { return year }
        if year > editions.last! { return editions.last }
        return nil
    }

    /// The divisions valid in a year: for a year between the editions, those valid in both the
    /// edition before and the one after (unchanged divisions, whose code is certain).
    static func valid(_ division: Division, year: Int?) -> Bool {
        if let edition = edition(for: year) { return division.isValid(in: edition) }
        let editions = DivisionData.editions
        let before = editions.last { $0 < year! }!, after = editions.first { $0 > year! }!
        return division.isValid(in: before) && division.isValid(in: after)
    }

    static func named(_ name: String, year: Int?) -> [Division] {
        (byName[name] ?? []).filter { valid($0, year: year) }
    }

    static func withCode(_ code: String, year: Int?) -> Division? {
        all.first { $0.code == code && valid($0, year: year) }
    }
}

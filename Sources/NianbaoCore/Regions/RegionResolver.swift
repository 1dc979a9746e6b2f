/// Which county-level division (GB/T 2260, the edition valid in the report's year) an organ's name
/// places it in: the place names its name starts with, each narrowing the last (宿迁市 → 宿城区), and
/// when a name fits several divisions (朝阳区, in Beijing and in Changchun), the places the report's
/// own text, page fields and address name. Never a guess: a name that still fits several divisions,
/// or none, gives no code.
struct RegionResolution: Sendable, Equatable {
    var division: Division?
    /// The divisions the name could mean when it is not decided (for the finding).
    var candidates: [Division] = []
    /// The part of the organ's name after its place names (人民政府办公室, 发展和改革局, 唐村镇).
    var remainder: String
}

enum RegionResolver {
    /// `name`: the organ's name; `context`: other text of the report (title, page fields, preamble,
    /// signature, address) that may name the parent place.
    static func resolve(name: String, context: String, year: Int?) -> RegionResolution {
        var chain: [Division] = []
        var candidates: [Division] = []
        var rest = Substring(ZoneAliases.official(name))
        while let (matched, length) = longestPlace(at: rest, within: chain.last, year: year) {
            rest = rest.dropFirst(length)
            if matched.count == 1 {
                chain.append(matched[0])
                candidates = []
            } else {
                candidates = matched
                break
            }
        }
        if !candidates.isEmpty {
            // Several divisions share the name: the one whose province or prefecture the report names.
            let named = candidates.filter { candidate in
                parents(of: candidate, year: year).contains { parent in
                    context.contains(parent.name) || context.contains(Divisions.shortName(parent.name))
                }
            }
            if named.count == 1 {
                chain.append(named[0])
                candidates = []
            } else {
                return RegionResolution(division: nil, candidates: candidates, remainder: String(rest))
            }
        }
        return RegionResolution(division: chain.last, remainder: String(rest))
    }

    /// The longest place name at the start of `text` (a full name, or a short one followed by more
    /// text) valid in the year, inside `parent` when one is known.
    private static func longestPlace(at text: Substring, within parent: Division?, year: Int?) -> ([Division], Int)? {
        let limit = min(text.count, Divisions.longestName)
        guard limit >= 2 else { return nil }
        for length in stride(from: limit, through: 2, by: -1) {
            let word = String(text.prefix(length))
            var found = Divisions.named(word, year: year)
            if let parent { found = found.filter { isInside($0, parent) } }
            // A short name must leave something after it (沭阳 in 沭阳发改局, not the whole 沭阳), and not
            // a place word of its own (城关 in 城关镇 is a town, not 城关区).
            let next = text.dropFirst(length).first
            found = found.filter { $0.name == word || (next != nil && !"镇乡村街路区县市州旗盟".contains(next!)) }
            if !found.isEmpty { return (found, length) }
        }
        return nil
    }

    static func isInside(_ child: Division, _ parent: Division) -> Bool {
        guard child.code != parent.code else { return false }
        switch parent.level {
        case .province: return child.provinceCode == parent.code
        case .prefecture: return child.prefectureCode == parent.code
        case .county: return false
        }
    }

    static func parents(of division: Division, year: Int?) -> [Division] {
        [division.prefectureCode, division.provinceCode].filter { $0 != division.code }
            .compactMap { Divisions.withCode($0, year: year) }
    }
}

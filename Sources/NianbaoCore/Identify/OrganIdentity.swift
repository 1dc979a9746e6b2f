/// Who published a report (SPEC §6): its full name, the names it was given, its division, level and
/// kind, and an `organ_id` that is the same for every report of the body whatever form of its name a
/// year used: the hash of its county-level division code and its body name in full form
/// (`321322|发展和改革局` for 沭阳县发改局 and 沭阳县发展和改革局).
public struct OrganIdentity: Sendable, Equatable, Codable {
    public var organID = ""
    public var name = ""
    public var namesSeen: [String] = []
    public var regionCode = ""
    public var regionName = ""
    public var level = ""
    public var kind = ""
}

enum OrganIdentifier {
    static func identify(mentions: [String], context: String, year: Int?, findings: inout [Finding]) -> OrganIdentity {
        guard let primary = mentions.first else { return OrganIdentity() }
        var identity = OrganIdentity(namesSeen: mentions)
        // The fullest form of the same body among the mentions: 厦门市湖里区人民政府 over 湖里区人民政府,
        // 白城市人民政府 over 白城市, 邹城市唐村镇人民政府 over 唐村镇.
        let primaryFull = OrganForms.fullForm(primary)
        let full = mentions.map(OrganForms.fullForm).filter { candidate in
            candidate.hasSuffix(primaryFull) || candidate.hasSuffix(primaryFull + OrganForms.governmentBody)
        }.max { $0.count < $1.count } ?? primaryFull
        identity.name = full
        var resolution = RegionResolver.resolve(name: full, context: context, year: year)
        if resolution.division == nil, resolution.candidates.isEmpty {
            // A body whose name has no place (唐村镇人民政府): a place another mention gives.
            for other in mentions where other != primary {
                let found = RegionResolver.resolve(name: OrganForms.fullForm(other), context: context, year: year)
                if found.division != nil, OrganForms.fullForm(other).hasSuffix(resolution.remainder) {
                    resolution = RegionResolution(division: found.division, remainder: resolution.remainder)
                    break
                }
            }
        }
        if resolution.division == nil, resolution.candidates.isEmpty, let place = placeBefore(resolution.remainder, in: context, year: year) {
            // A town named after its county somewhere in the report (开平市沙塘镇圩东路1号, 武江区龙归镇人民政府).
            resolution = RegionResolution(division: place, remainder: resolution.remainder)
        }
        let remainder = OrganForms.fullForm(resolution.remainder)
        let isNational = OrganForms.national.contains(where: full.hasPrefix)
        let isTownship = OrganForms.townships.contains { remainder.contains($0) }
        if let division = resolution.division {
            identity.regionCode = division.code
            identity.regionName = division.name
        } else if !isNational {
            let message = resolution.candidates.isEmpty
                ? "\(full): no division of GB/T 2260 (\(year.map(String.init) ?? "latest") edition) found in the name or the report"
                : "\(full): the name fits \(resolution.candidates.map { "\($0.code) \($0.name)" }.joined(separator: ", ")); nothing in the report tells which"
            findings.append(Finding(check: "organ_region", scope: "organ", message: message))
        }
        identity.level = isNational ? "national" : isTownship ? "township" : resolution.division.map { $0.level.rawValue } ?? ""
        let body = remainder.isEmpty || isBareTownship(remainder) ? remainder + OrganForms.governmentBody : remainder
        identity.kind = (OrganForms.kinds.first { body.hasSuffix($0.ending) }?.kind ?? .other).rawValue
        if isTownship && identity.kind == OrganForms.Kind.government.rawValue { identity.kind = OrganForms.Kind.township.rawValue }
        identity.organID = organID(key: "\(identity.regionCode)|\(identity.regionCode.isEmpty ? full : body)")
        return identity
    }

    /// The county-level place printed right before a town's name in the report's text (one place,
    /// the same wherever the town is named), for a town whose own name gives none.
    static func placeBefore(_ name: String, in context: String, year: Int?) -> Division? {
        guard let town = OrganForms.townships.compactMap({ suffix -> String? in
            guard let range = name.range(of: suffix) else { return nil }
            return String(name[..<range.upperBound])
        }).first, town.count >= 2 else { return nil }
        var found: [Division] = []
        var searchStart = context.startIndex
        while let range = context.range(of: town, range: searchStart..<context.endIndex) {
            let before = context[..<range.lowerBound].suffix(12)
            for length in stride(from: before.count, through: 2, by: -1) {
                let word = String(before.suffix(length))
                let divisions = Divisions.named(word, year: year).filter { $0.name == word && $0.level == .county }
                if divisions.count == 1 { found.append(divisions[0]); break }
            }
            searchStart = range.upperBound
        }
        guard let first = found.first, found.allSatisfy({ $0 == first }) else { return nil }
        return first
    }

    static func isBareTownship(_ text: String) -> Bool { OrganForms.townships.contains(where: text.hasSuffix) }

    /// `o` and the first 12 hex digits of the key's SHA-256: the same on every machine and run.
    static func organID(key: String) -> String {
        "o" + ShortDigest.hex(of: key, bytes: 6)
    }
}

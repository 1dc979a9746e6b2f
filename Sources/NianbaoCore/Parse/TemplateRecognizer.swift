/// Decides a report's template from its tables' labels (SPEC §1), falling back on the year.
public enum TemplateRecognizer {
    public static func recognize(tokens: [Token], year: Int?, catalog: [TemplateSpec] = TemplateSpec.catalog) -> TemplateSpec {
        let keys = tokens.lazy.filter { $0.key.count <= 60 }.map(\.key).joined()
        let scored = catalog.map { template in (template, template.markers.filter { keys.contains($0) }.count) }
        let best = scored.map(\.1).max() ?? 0
        if best > 0 {
            let leaders = scored.filter { $0.1 == best }.map(\.0)
            if leaders.count == 1 { return leaders[0] }
            if let year, let byYear = leaders.first(where: { $0.years?.contains(year) == true }) { return byYear }
            return leaders[0]
        }
        if let year, let byYear = catalog.first(where: { $0.years?.contains(year) == true }) { return byYear }
        return .unknown
    }
}

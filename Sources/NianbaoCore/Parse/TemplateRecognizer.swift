/// Decides a report's template from its tables' labels (SPEC §1), falling back on the year.
public enum TemplateRecognizer {
    public static func recognize(tokens: [Token], year: Int?, catalog: [TemplateSpec] = TemplateSpec.catalog) -> TemplateSpec {
        // Markers sit in table labels, which are short; headers broken over cells join up again.
        let keys = tokens.filter { $0.key.utf8.count <= 180 }.map(\.key).joined()
        let scored = catalog.map { template in (template, template.markers.filter { keys.containsBytes($0) }.count) }
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

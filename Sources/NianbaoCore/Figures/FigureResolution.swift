import Foundation

/// One row per figure and period from everything a report gives (SPEC §5): the national tables'
/// figures as they are; otherwise the statistics table's and the prose's candidates weighed together.
/// Of the prose, only the strongest wording counts (`ProsePhrase.tier`), and parts (其中…) only when
/// nothing else states the figure. One value is `reported`; two or more different values are
/// `ambiguous`, every candidate listed in a `figure_ambiguous` finding, none picked. A core figure
/// stated nowhere gets a `missing` row.
enum FigureResolution {
    static func resolve(national: [Figure], candidates: [FigureCandidate]) -> (figures: [Figure], findings: [Finding]) {
        var figures = national
        var findings: [Finding] = []
        var settled = Set(national.map { "\($0.figure)/\($0.period)" })
        var groups: [String: [FigureCandidate]] = [:]
        var order: [String] = []
        for candidate in candidates {
            let key = "\(candidate.figure)/\(candidate.period)"
            guard !settled.contains(key) else { continue }
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(candidate)
        }
        for key in order {
            let (figure, finding) = weigh(groups[key]!)
            figures.append(figure)
            if let finding { findings.append(finding) }
            settled.insert(key)
        }
        for code in FigureCatalog.core where !settled.contains("\(code)/year") {
            figures.append(Figure(figure: code, status: .missing, method: nil, source: "", quote: ""))
        }
        return (figures.sorted(by: FigureCatalog.precedes), findings)
    }

    /// The figure one group of candidates (one figure, one period) gives.
    static func weigh(_ group: [FigureCandidate]) -> (Figure, Finding?) {
        let tables = group.filter { $0.method != .prose }
        var prose = group.filter { $0.method == .prose }
        if let best = prose.map(\.tier).max() { prose = prose.filter { $0.tier == best } }
        if prose.contains(where: { !$0.part }) { prose = prose.filter { !$0.part } }
        let counted = tables + prose
        var values: [Decimal] = []
        for candidate in counted where !values.contains(candidate.value) { values.append(candidate.value) }
        let first = counted[0]
        if values.count == 1 {
            return (Figure(figure: first.figure, period: first.period, value: first.value, unit: first.unit, status: .reported,
                           method: first.method, source: first.source, quote: first.quote), nil)
        }
        let listed = counted.map { "\($0.value) (\($0.source): “\($0.quote)”)" }.joined(separator: "; ")
        let scope = first.period == "year" ? first.figure : "\(first.figure)/\(first.period)"
        let finding = Finding(check: "figure_ambiguous", scope: scope,
                              message: "the report states \(values.count) different values for \(first.figure): \(listed)")
        let sources = counted.map(\.source).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
        return (Figure(figure: first.figure, period: first.period, value: nil, unit: "", status: .ambiguous, method: first.method,
                       source: sources.joined(separator: "; "), quote: ""), finding)
    }
}

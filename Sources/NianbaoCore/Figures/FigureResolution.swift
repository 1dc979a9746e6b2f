import Foundation

/// One row per figure and period from everything a report gives (SPEC §5, precedence and conflicts).
/// A table cell (national or statistics table) is the figure; prose that states another value for it
/// raises `figure_conflict` and never replaces it. Prose adds the figures no table gives: of the prose,
/// only the strongest wording counts (`ProsePhrase.tier`), and parts (其中, 各乡镇…) only when nothing
/// else states the figure. One value is `reported`; two or more different values are `ambiguous`, every
/// candidate listed in a `figure_ambiguous` finding, none picked. A core figure stated nowhere gets a
/// `missing` row.
enum FigureResolution {
    static func resolve(national: [Figure], candidates: [FigureCandidate]) -> (figures: [Figure], findings: [Finding]) {
        var figures: [Figure] = []
        var findings: [Finding] = []
        var groups: [String: [FigureCandidate]] = [:]
        var order: [String] = []
        for candidate in candidates {
            let key = "\(candidate.figure)/\(candidate.period)"
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(candidate)
        }
        var settled = Set<String>()
        // A national figure whose cells were not read states nothing: prose may give it.
        for figure in national where figure.status != .missing {
            let key = "\(figure.figure)/\(figure.period)"
            figures.append(figure)
            settled.insert(key)
            if figure.status == .reported, let value = figure.value,
               let conflict = conflict(value: value, source: figure.source, quote: figure.quote, prose: groups[key] ?? []) {
                findings.append(conflict)
            }
        }
        for key in order where !settled.contains(key) {
            let (figure, found) = weigh(groups[key]!)
            figures.append(figure)
            findings += found
            settled.insert(key)
        }
        for figure in national where !settled.contains("\(figure.figure)/\(figure.period)") {
            figures.append(figure)
            settled.insert("\(figure.figure)/\(figure.period)")
        }
        for code in FigureCatalog.core where !settled.contains("\(code)/year") {
            figures.append(Figure(figure: code, status: .missing, method: nil, source: "", quote: ""))
        }
        return (figures.sorted(by: FigureCatalog.precedes), findings)
    }

    /// The prose that counts: the organ's own level when the text names it beside a wider one, the
    /// strongest wording, and parts only when no whole is stated.
    static func counted(prose group: [FigureCandidate]) -> [FigureCandidate] {
        var prose = group.filter { $0.method == .prose }
        if prose.contains(where: { $0.scope == .own }) { prose = prose.filter { $0.scope != .wider } }
        if let best = prose.map(\.tier).max() { prose = prose.filter { $0.tier == best } }
        if prose.contains(where: { !$0.part }) { prose = prose.filter { !$0.part } }
        return prose
    }

    /// The figure one group of candidates (one figure, one period) gives, and its findings.
    static func weigh(_ group: [FigureCandidate]) -> (Figure, [Finding]) {
        let tables = group.filter { $0.method != .prose }
        let counted = tables.isEmpty ? counted(prose: group) : tables
        let values = distinct(counted.map(\.value))
        let first = counted[0]
        if values.count == 1 {
            let figure = Figure(figure: first.figure, period: first.period, value: first.value, unit: first.unit, status: .reported,
                                method: first.method, source: first.source, quote: first.quote)
            let conflicts = tables.isEmpty ? [] : [conflict(value: first.value, source: first.source, quote: first.quote, prose: group)].compactMap { $0 }
            return (figure, conflicts)
        }
        let listed = counted.map { "\($0.value) (\($0.source): “\($0.quote)”)" }.joined(separator: "; ")
        let finding = Finding(check: "figure_ambiguous", scope: scope(first.figure, first.period),
                              message: "the report states \(values.count) different values for \(first.figure): \(listed)")
        let sources = distinct(counted.map(\.source))
        return (Figure(figure: first.figure, period: first.period, value: nil, unit: "", status: .ambiguous, method: first.method,
                       source: sources.joined(separator: "; "), quote: ""), [finding])
    }

    /// `figure_conflict` when the prose that counts states another value than the table's cell.
    static func conflict(value: Decimal, source: String, quote: String, prose group: [FigureCandidate]) -> Finding? {
        // A part (其中…, 各乡镇…) differs from its total by nature: only a whole conflicts.
        let others = counted(prose: group.filter { !$0.part }).filter { $0.value != value }
        guard let first = others.first else { return nil }
        let listed = others.map { "\($0.value) (\($0.source): “\($0.quote)”)" }.joined(separator: "; ")
        return Finding(check: "figure_conflict", scope: scope(first.figure, first.period),
                       message: "the table gives \(value) (\(source): “\(quote)”), the text states \(listed); the table's value is kept")
    }

    private static func scope(_ figure: String, _ period: String) -> String { period == "year" ? figure : "\(figure)/\(period)" }

    private static func distinct<T: Equatable>(_ items: [T]) -> [T] {
        items.reduce(into: [T]()) { if !$0.contains($1) { $0.append($1) } }
    }
}

/// Is the page a disclosure annual report (SPEC §2, `rejects`)? Decided by what the page calls itself
/// and what its body carries: a title that names another kind of page (a letter, a notice, key points,
/// a guide, a catalogue, news, a form: `PageKinds`) rejects it unless the body is the report itself
/// (its parts, or its statistics table, under a name of the annual report); a page that lists several
/// reports' titles and has no parts is a list of links. Otherwise a page is a report when it has the
/// national parts, or disclosure wording with report wording or the legacy parts.
enum ReportRecognition {
    enum Verdict: Equatable {
        case report
        case notReport(String)
    }

    /// How far into the page its own title is looked for.
    static let headLines = 15

    static func verdict(_ tokens: [Token], nationalParts: Int, reportTitle: String, pageFields: [String: String]) -> Verdict {
        // The legacy parts are looked for only when the national ones are not there (most pages have them).
        let legacyTopics = nationalParts >= 3 ? 0 : topics(tokens)
        if let (kind, title) = namedKind(tokens, reportTitle: reportTitle, pageFields: pageFields) {
            let carriesReport = nationalParts >= 3 || (legacyTopics >= 2 && namesAnnualReport(tokens))
            if !carriesReport { return .notReport("not a disclosure annual report: \(kind.name), titled “\(title)”") }
            return .report
        }
        if nationalParts >= 3 { return .report }
        if legacyTopics < 2, reportTitles(tokens) >= 3 {
            return .notReport("not a disclosure annual report: a list of reports (their titles or links), no report parts")
        }
        // Read in the whole text (`folded`): a long paragraph's key covers only its start, and a
        // one-line capture is a single paragraph.
        guard tokens.contains(where: { $0.table == nil && PageKinds.disclosureWords.contains(where: $0.folded.containsBytes) }) else {
            return .notReport(ReportParser.Rejection.notADisclosureReport.description)
        }
        if tokens.contains(where: { $0.folded.containsBytes("报告") || $0.folded.containsBytes("年报") }) || legacyTopics >= 2 { return .report }
        // Pages served with pinyin after hard characters (`報(bào)告`): read without it.
        if tokens.contains(where: { token in
            token.folded.contains("(") && names(String(String.UnicodeScalarView(ProseClauses.readingKey(ArraySlice(token.folded.unicodeScalars)))),
                                                ["报告", "年报"])
        }) { return .report }
        return .notReport(ReportParser.Rejection.notADisclosureReport.description)
    }

    /// The kind the page's title names, with that title: the report title found (a report title may
    /// still be news or a notice about it), else the page's `<title>` or 标题 field, else the first
    /// title-like line of the head. nil when the title names a report and nothing else.
    private static func namedKind(_ tokens: [Token], reportTitle: String, pageFields: [String: String]) -> (PageKind, String)? {
        if !reportTitle.isEmpty { return kind(of: reportTitle).map { ($0, reportTitle) } }
        var titles = [pageFields["title"], pageFields["标题"]].compactMap { $0 }
        titles += tokens.prefix(headLines).filter { $0.table == nil }.map(\.folded).filter(isTitleLike)
        for title in titles {
            // A page's <title> often ends with the site's name after `_` or `|`.
            let own = String(title.split(whereSeparator: { "_|｜".contains($0) }).first ?? Substring(title)).trimmingSpaces()
            if let kind = kind(of: own) { return (kind, own) }
            if names(own, PageKinds.reportWords) { return nil }
        }
        return nil
    }

    /// A title-like line: short, disclosure wording, no sentence punctuation, not a navigation bar.
    private static func isTitleLike(_ line: String) -> Bool {
        line.hasAtMost(70) && names(line, PageKinds.disclosureWords)
            && !line.contains(where: { "，,。；;>»|/".contains($0) }) && !line.hasPrefix("根据") && !line.hasPrefix("本报告")
    }

    private static func kind(of title: String) -> PageKind? {
        let trimmed = title.trimmingCharacters(in: .init(charactersIn: " 。.》」”\""))
        let report = names(trimmed, PageKinds.reportWords)
        return PageKinds.all.first { kind in
            if kind.endings.contains(where: trimmed.hasSuffix) { return true }
            switch kind.titles {
            case .anyTitle: break
            case .otherTitles: guard !report else { return false }
            case .reportTitles: guard report else { return false }
            }
            return kind.words.contains(where: trimmed.contains)
        }
    }

    private static func names(_ text: String, _ words: [String]) -> Bool { words.contains(where: text.contains) }

    /// The 2007 regulation's topics among the legacy part headings.
    private static func topics(_ tokens: [Token]) -> Int {
        let topics = Set(PartLocator.legacy(in: tokens).map { SectionTopics.legacy(headingKey: tokens[$0.tokenIndex].key) })
        return topics.intersection(["active", "on_request", "fees", "review_litigation", "consultations"]).count
    }

    private static func namesAnnualReport(_ tokens: [Token]) -> Bool {
        tokens.contains { $0.table == nil && ($0.key.containsBytes("年度报告") || $0.key.containsBytes("年报")) }
    }

    /// Lines that are an annual report's title (a year, disclosure and report wording, no sentence).
    private static func reportTitles(_ tokens: [Token]) -> Int {
        var seen = Set<String>()
        for token in tokens where token.folded.hasAtMost(80) && names(token.folded, PageKinds.disclosureWords)
            && names(token.folded, ["年度报告", "年报"]) && !token.folded.contains(where: { "，,。；;".contains($0) })
            && TitleParts.year(in: token.folded) != nil {
            seen.insert(token.key)
        }
        return seen.count
    }
}

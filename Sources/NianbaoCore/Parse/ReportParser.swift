import Foundation

/// The parse stage: from a normalised document to parts, template, tables and metadata.
public enum ReportParser {
    public enum Rejection: Error, CustomStringConvertible {
        case notADisclosureReport
        /// What the page is instead, as `ReportRecognition` tells.
        case notAReport(String)

        public var description: String {
            switch self {
            case .notADisclosureReport:
                "not a government information disclosure annual report (no disclosure wording and no report parts found)"
            case .notAReport(let reason): reason
            }
        }
    }

    public static func parse(_ document: NormalizedDocument) throws -> ParsedReport {
        let tokens = document.tokens
        let nationalHeadings = PartLocator.national(in: tokens)
        var findings: [Finding] = []
        let metadata = MetadataReader.read(tokens, pageFields: document.source.pageFields,
                                           firstPart: nationalHeadings.first?.tokenIndex, findings: &findings)
        if case .notReport(let reason) = ReportRecognition.verdict(tokens, nationalParts: nationalHeadings.count, reportTitle: metadata.title,
                                                                  pageFields: document.source.pageFields) {
            throw Rejection.notAReport(reason)
        }
        let template = TemplateRecognizer.recognize(tokens: tokens, year: metadata.year)

        var cells: [Cell] = []
        var tableTokens = Set<Int>()
        for table in template.tables {
            let range = region(of: table.part, headings: nationalHeadings, tokenCount: tokens.count)
            let reading = TableReader(spec: table).read(tokens, range: range)
            cells += reading.cells
            findings += reading.findings
            tableTokens.formUnion(reading.consumed)
        }
        findings += ConsistencyChecker.check(cells: cells, template: template)
        try FileDeadline.check()

        // A report without the national tables may carry the legacy statistics table.
        let statistics = template.tables.isEmpty ? StatisticsTable.read(tokens, year: metadata.year) : StatisticsTable.Reading()
        tableTokens.formUnion(statistics.consumed)
        findings += statistics.findings
        let headings = template.hasNationalParts ? nationalHeadings : PartLocator.legacy(in: tokens).filter { !tableTokens.contains($0.tokenIndex) }
        let bodies = SectionBuilder.bodies(tokens: tokens, headings: headings, tableTokens: tableTokens)
        var sections = SectionBuilder.build(tokens: tokens, headings: headings, bodies: bodies) { number in
            template.hasNationalParts ? PartSpec.national.first { $0.number == number } : nil
        }
        let partTopics = sections.map(\.topic)
        // Text before the first part is the report's too (its preamble); page furniture is not.
        let preambleTokens = SectionBuilder.preambleTokens(tokens, before: headings.first?.tokenIndex ?? tokens.count,
                                                           tableTokens: tableTokens, title: metadata.title)
        if let preamble = SectionBuilder.preamble(tokens: tokens, body: preambleTokens) {
            sections.insert(preamble, at: 0)
        }
        if let dropped = TextCoverage.finding(tokens: tokens, preambleTokens: preambleTokens, sections: sections) {
            findings.append(dropped)
        }
        if template.code == TemplateSpec.unknown.code {
            findings.append(Finding(check: "template_unknown", scope: "template",
                                    message: "the tables match no known template and the year gives none; parts only"))
        }

        let status: ReportStatus
        if template.tables.isEmpty {
            status = .narrative
        } else {
            status = cells.contains { $0.status == .missing } ? .partial : .complete
        }
        try FileDeadline.check()
        // The text the figures are read from: the preamble's paragraphs and each part's, with its topic.
        var paragraphs = preambleTokens.map { ProseParagraph(token: tokens[$0], topic: "preamble") }
        for (body, topic) in zip(bodies, partTopics) { paragraphs += body.map { ProseParagraph(token: tokens[$0], topic: topic) } }
        let figures = FigureResolution.resolve(national: NationalFigures.read(cells),
                                               candidates: statistics.candidates + ProseFigures.candidates(in: paragraphs, year: metadata.year,
                                                                                                           nationalTables: !template.tables.isEmpty))
        findings += figures.findings + FigureChecker.check(figures.figures)
        // The identify stage: the publisher's name, division, level, kind and organ_id.
        let context = ([metadata.title, metadata.sourceURL] + document.source.pageFields.keys.sorted().map { document.source.pageFields[$0]! }
            + tokens.prefix(12).map(\.folded) + tokens.suffix(6).map(\.folded)).joined(separator: " ")
        let organ = OrganIdentifier.identify(mentions: metadata.organNames, context: context, year: metadata.year, findings: &findings)
        return ParsedReport(metadata: metadata, script: document.script, template: template.code, status: status,
                            sections: sections, cells: cells, findings: findings, figures: figures.figures, organ: organ)
    }

    /// The tokens of part `number`: from its heading to the next heading found. A part whose heading
    /// was not found is looked for between its neighbours.
    static func region(of number: Int, headings: [PartHeading], tokenCount: Int) -> Range<Int> {
        let start = headings.last { $0.number <= number }?.tokenIndex ?? 0
        let end = headings.first { $0.number > number }?.tokenIndex ?? tokenCount
        return start..<max(start, end)
    }
}

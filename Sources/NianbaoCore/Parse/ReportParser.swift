import Foundation

/// The parse stage: from a normalised document to parts, template, tables and metadata.
public enum ReportParser {
    public enum Rejection: Error, CustomStringConvertible {
        case notADisclosureReport

        public var description: String {
            "not a government information disclosure annual report (no disclosure wording and no report parts found)"
        }
    }

    public static func parse(_ document: NormalizedDocument) throws -> ParsedReport {
        let tokens = document.tokens
        let nationalHeadings = PartLocator.national(in: tokens)
        guard isDisclosureReport(tokens, nationalParts: nationalHeadings.count) else { throw Rejection.notADisclosureReport }

        var findings: [Finding] = []
        let metadata = MetadataReader.read(tokens, pageFields: document.source.pageFields,
                                           firstPart: nationalHeadings.first?.tokenIndex, findings: &findings)
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

        let sections: [Section]
        if template.hasNationalParts {
            sections = SectionBuilder.build(tokens: tokens, headings: nationalHeadings, tableTokens: tableTokens) { number in
                PartSpec.national.first { $0.number == number }
            }
        } else {
            sections = SectionBuilder.build(tokens: tokens, headings: PartLocator.legacy(in: tokens), tableTokens: tableTokens) { _ in nil }
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
        return ParsedReport(metadata: metadata, script: document.script, template: template.code, status: status,
                            sections: sections, cells: cells, findings: findings)
    }

    /// The tokens of part `number`: from its heading to the next heading found. A part whose heading
    /// was not found is looked for between its neighbours.
    static func region(of number: Int, headings: [PartHeading], tokenCount: Int) -> Range<Int> {
        let start = headings.last { $0.number <= number }?.tokenIndex ?? 0
        let end = headings.first { $0.number > number }?.tokenIndex ?? tokenCount
        return start..<max(start, end)
    }

    /// Disclosure wording anywhere, or at least three of the six national part headings.
    private static func isDisclosureReport(_ tokens: [Token], nationalParts: Int) -> Bool {
        if nationalParts >= 3 { return true }
        return tokens.contains { token in
            token.table == nil && (token.key.containsBytes("政府信息公开") || token.key.containsBytes("政务公开"))
        } && tokens.contains { $0.key.containsBytes("报告") || $0.key.containsBytes("年报") }
    }
}

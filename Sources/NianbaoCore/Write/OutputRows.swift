/// Builds the rows of each output table from processed reports, in the contract's column order.
enum OutputRows {
    static func report(_ report: ProcessedReport, warnings: Int) -> [FieldValue] {
        let parsed = report.parsed
        return [
            FieldValue(report.reportID), FieldValue(report.sourcePath), FieldValue(report.format.rawValue),
            FieldValue(report.encoding), FieldValue(parsed.script.rawValue), FieldValue(report.sha256),
            FieldValue(report.bytes), FieldValue(parsed.metadata.title), FieldValue(parsed.metadata.organ),
            FieldValue(parsed.metadata.year), FieldValue(parsed.metadata.publishedOn), FieldValue(parsed.template),
            FieldValue(parsed.status.rawValue), FieldValue(warnings),
        ]
    }

    static func cell(_ cell: Cell, reportID: String) -> [FieldValue] {
        var row: [FieldValue] = [FieldValue(reportID)]
        if cell.table == .activeDisclosure { row.append(FieldValue(cell.item)) }
        row += [FieldValue(cell.row), FieldValue(cell.column), FieldValue(cell.value)]
        if cell.table == .activeDisclosure { row.append(FieldValue(cell.unit)) }
        row += [FieldValue(cell.status.rawValue), FieldValue(cell.raw), FieldValue(cell.source)]
        return row
    }

    static func section(_ section: Section, reportID: String) -> [FieldValue] {
        [FieldValue(reportID), FieldValue(section.number), FieldValue(section.heading), FieldValue(section.headingRaw),
         FieldValue(section.text), FieldValue(section.textSimplified)]
    }

    static func finding(_ finding: Finding, reportID: String) -> [FieldValue] {
        [FieldValue(reportID), FieldValue(finding.check), FieldValue(finding.scope), FieldValue(finding.severity.rawValue),
         FieldValue(finding.expected), FieldValue(finding.actual), FieldValue(finding.message)]
    }

    static func reject(_ reject: Reject) -> [FieldValue] {
        [FieldValue(reject.sourcePath), FieldValue(reject.sha256), FieldValue(reject.reason)]
    }
}

/// Builds the rows of each output table from processed reports, in the contract's column order.
enum OutputRows {
    static func report(_ header: ReportHeader, sourcePath: String, warnings: Int, errors: Int, copyOf: String) -> [FieldValue] {
        [
            FieldValue(header.reportID), FieldValue(sourcePath), FieldValue(header.format), FieldValue(header.encoding),
            FieldValue(header.script), FieldValue(header.sha256), FieldValue(header.bytes), FieldValue(header.title),
            FieldValue(header.organ), FieldValue(header.year), FieldValue(header.publishedOn), FieldValue(header.template),
            FieldValue(header.status), FieldValue(warnings), FieldValue(header.sourceURL), FieldValue(header.identity.organID),
            FieldValue(copyOf), FieldValue(errors),
        ]
    }

    static func cell(_ cell: Cell, reportID: String) -> [FieldValue] {
        let disclosure = cell.table == .activeDisclosure
        var row: [FieldValue] = []
        row.reserveCapacity(disclosure ? 9 : 7)
        row.append(FieldValue(reportID))
        if disclosure { row.append(FieldValue(cell.item)) }
        row.append(FieldValue(cell.row))
        row.append(FieldValue(cell.column))
        row.append(FieldValue(cell.value))
        if disclosure { row.append(FieldValue(cell.unit)) }
        row.append(FieldValue(cell.status.rawValue))
        row.append(FieldValue(cell.raw))
        row.append(FieldValue(cell.source))
        return row
    }

    /// A part's row with its whole text (JSONL).
    static func section(_ section: Section, reportID: String) -> [FieldValue] {
        sectionPiece(section, reportID: reportID, text: section.text, simplified: section.textSimplified, piece: 1)
    }

    /// A part's rows for a spreadsheet (CSV): one, or one per piece of a text too long for a cell.
    static func sectionPieces(_ section: Section, reportID: String) -> [[FieldValue]] {
        let text = SpreadsheetPieces.split(section.text)
        // A simplified report's text is its simplified text: counted once.
        let simplified = section.textSimplified.hasSameBytes(as: section.text) ? text : SpreadsheetPieces.split(section.textSimplified)
        if text.count == 1 && simplified.count == 1 { return [self.section(section, reportID: reportID)] }
        return (0..<max(text.count, simplified.count)).map { index in
            sectionPiece(section, reportID: reportID, text: index < text.count ? String(text[index]) : "",
                         simplified: index < simplified.count ? String(simplified[index]) : "", piece: index + 1)
        }
    }

    private static func sectionPiece(_ section: Section, reportID: String, text: String, simplified: String, piece: Int) -> [FieldValue] {
        [FieldValue(reportID), FieldValue(section.number), FieldValue(section.heading), FieldValue(section.headingRaw),
         FieldValue(text), FieldValue(simplified), FieldValue(section.topic), FieldValue(piece)]
    }

    static func figure(_ figure: Figure, reportID: String) -> [FieldValue] {
        [FieldValue(reportID), FieldValue(figure.figure), FieldValue(figure.period), FieldValue(figure.value), FieldValue(figure.unit),
         FieldValue(figure.status.rawValue), FieldValue(figure.method?.rawValue ?? ""), FieldValue(figure.source), FieldValue(figure.quote)]
    }

    static func finding(_ finding: Finding, reportID: String) -> [FieldValue] {
        [FieldValue(reportID), FieldValue(finding.check), FieldValue(finding.scope), FieldValue(finding.severity.rawValue),
         FieldValue(finding.expected), FieldValue(finding.actual), FieldValue(finding.message)]
    }

    static func reject(_ reject: Reject) -> [FieldValue] {
        [FieldValue(reject.sourcePath), FieldValue(reject.sha256), FieldValue(reject.reason)]
    }
}

import Foundation

/// One parsed report as the write stage needs it: its `reports` fields and its rows of every other
/// table, already encoded as CSV and JSONL (by the worker that parsed it). The writer streams the
/// row tables' rows at once; the header and the report's own checks wait in the run's book until
/// every report is known.
public struct ReportFragment: Sendable {
    public var header: ReportHeader
    /// Encoded rows by output table name (cells, sections, the report's own checks).
    public var rows: [String: EncodedRows]
    /// Its page's figures, tables and parts, rendered while its rows are at hand (`PageBody`).
    var page: PageBody

    public struct EncodedRows: Sendable, Equatable {
        /// UTF-8 bytes of the CSV lines and of the JSONL lines.
        public var csv: [UInt8] = []
        public var jsonl: [UInt8] = []
    }

    public init(_ report: ProcessedReport) {
        let parsed = report.parsed
        let reportID = report.reportID
        header = ReportHeader(report)
        var rows: [String: EncodedRows] = [:]
        var pageRows: [String: [[FieldValue]]] = [:]
        // One table at a time, each with its encoder and bytes at hand: no lookups per row.
        // `bytes`: about what the rows will take, so that the buffers do not grow by doubling and copying.
        func encode(_ schema: OutputSchema, _ values: [[FieldValue]], bytes: Int) {
            pageRows[schema.name] = values
            let encoder = RowEncoder(schema: schema)
            var encoded = EncodedRows()
            encoded.csv.reserveCapacity(bytes)
            encoded.jsonl.reserveCapacity(bytes + bytes / 2)
            for row in values {
                encoder.appendCSV(row, to: &encoded.csv)
                encoder.appendJSON(row, to: &encoded.jsonl)
            }
            if !encoded.csv.isEmpty { rows[schema.name] = encoded }
        }
        for table in [TableKind.activeDisclosure, .applications, .reviewsLitigation] {
            // By index: a cell is read where it lies, never copied whole.
            let cells = parsed.cells.indices.filter { parsed.cells[$0].table == table }
            encode(OutputSchema.forTable(table), cells.map { OutputRows.cell(parsed.cells[$0], reportID: reportID) },
                   bytes: cells.count * 96)
        }
        // Sections: a text too long for a spreadsheet cell takes several CSV rows, one JSONL row.
        let sectionText = parsed.sections.reduce(0) { $0 + $1.text.utf8.count + $1.textSimplified.utf8.count + 128 }
        var sections = EncodedRows()
        sections.csv.reserveCapacity(sectionText + sectionText / 16)
        sections.jsonl.reserveCapacity(sectionText + sectionText / 8)
        let sectionRows = RowEncoder(schema: .sections)
        var sectionValues: [[FieldValue]] = []
        for section in parsed.sections.sorted(by: { $0.number < $1.number }) {
            for row in OutputRows.sectionPieces(section, reportID: reportID) { sectionRows.appendCSV(row, to: &sections.csv) }
            sectionValues.append(OutputRows.section(section, reportID: reportID))
            sectionRows.appendJSON(sectionValues[sectionValues.count - 1], to: &sections.jsonl)
        }
        if !sections.csv.isEmpty { rows[OutputSchema.sections.name] = sections }
        pageRows[OutputSchema.sections.name] = sectionValues
        encode(.figures, parsed.figures.map { OutputRows.figure($0, reportID: reportID) }, bytes: parsed.figures.count * 160)
        encode(.checks, parsed.findings.map { OutputRows.finding($0, reportID: reportID) }, bytes: parsed.findings.count * 160)
        self.rows = rows
        page = PageBody(rows: pageRows)
        header.pageBodyDigest = ShortDigest.hex(page.digest)
    }
}

/// What is known of a report without its rows: the `reports` columns (but for the path and the
/// warnings, which depend on the run) and what the cross-report checks and the summary need.
public struct ReportHeader: Codable, Sendable, Equatable {
    public var reportID: String
    public var sha256: String
    public var bytes: Int
    public var format: String
    public var encoding: String
    public var script: String
    public var title: String
    public var organ: String
    public var year: Int?
    public var publishedOn: String
    public var sourceURL: String
    public var template: String
    /// The fingerprint of the template's description when the report was parsed.
    public var templateFingerprint: String
    public var status: String
    /// The report's own findings, by check name.
    public var findingsByCheck: [String: Int]
    public var errors: Int
    /// carried_over.total and carried_forward.total of table 3 when reported or blank.
    public var carriedOverTotal: String?
    public var carriedForwardTotal: String?
    /// Who published it (SPEC §6), read from the report alone.
    public var identity: OrganIdentity
    /// Cells of its template the report lacks (`missing`): the fewer, the better a copy.
    public var missingCells: Int
    /// Its `year` figures that are `reported`, by code, as written (`FieldValue.plain`): the panel's
    /// columns, and what copies of one report are compared on.
    public var figures: [String: String]
    /// The digest of its page's body (`PageBody`, hex), kept in the run's book so that a later run that
    /// copies the report's rows can tell its page is unchanged without reading the rows back.
    public var pageBodyDigest: String?

    init(_ report: ProcessedReport) {
        let parsed = report.parsed
        reportID = report.reportID
        sha256 = report.sha256
        bytes = report.bytes
        format = report.format.rawValue
        encoding = report.encoding
        script = parsed.script.rawValue
        title = parsed.metadata.title
        organ = parsed.metadata.organ
        year = parsed.metadata.year
        publishedOn = parsed.metadata.publishedOn
        sourceURL = parsed.metadata.sourceURL
        template = parsed.template
        templateFingerprint = ParserVersion.fingerprint(of: parsed.template)
        status = parsed.status.rawValue
        findingsByCheck = parsed.findings.reduce(into: [:]) { $0[$1.check, default: 0] += 1 }
        errors = parsed.findings.filter { $0.severity == .error }.count
        func total(_ row: String) -> String? {
            let cells = parsed.cells
            guard let index = cells.firstIndex(where: { $0.table == .applications && $0.row == row && $0.column == "total" }) else {
                return nil
            }
            switch cells[index].status {
            case .reported: return cells[index].value.map(FieldValue.plain)
            case .blank: return "0"
            case .missing, .unparsed: return nil
            }
        }
        carriedOverTotal = total("carried_over")
        carriedForwardTotal = total("carried_forward")
        identity = parsed.organ
        missingCells = parsed.cells.filter { $0.status == .missing }.count
        figures = Dictionary(parsed.figures.compactMap { figure in
            figure.period == "year" && figure.status == .reported ? figure.value.map { (figure.figure, FieldValue.plain($0)) } : nil
        }, uniquingKeysWith: { first, _ in first })
    }

    public var ownFindings: Int { findingsByCheck.values.reduce(0, +) }
}

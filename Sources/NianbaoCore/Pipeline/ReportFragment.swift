import Foundation

/// One parsed report as the write stage needs it: its `reports` fields and its rows of every other
/// table, already encoded as CSV and JSONL (by the worker that parsed it). The writer streams the
/// row tables' rows at once; the header and the report's own checks wait in the run's book until
/// every report is known.
public struct ReportFragment: Sendable {
    public var header: ReportHeader
    /// Encoded rows by output table name (cells, sections, the report's own checks).
    public var rows: [String: EncodedRows]

    public struct EncodedRows: Sendable, Equatable {
        /// UTF-8 bytes of the CSV lines and of the JSONL lines.
        public var csv: [UInt8] = []
        public var jsonl: [UInt8] = []
    }

    public init(_ report: ProcessedReport) {
        let parsed = report.parsed
        header = ReportHeader(report)
        var rows: [String: EncodedRows] = [:]
        var encoders: [String: RowEncoder] = [:]
        func append(_ schema: OutputSchema, _ values: [FieldValue]) {
            let encoder = encoders[schema.name] ?? RowEncoder(schema: schema)
            encoders[schema.name] = encoder
            encoder.appendCSV(values, to: &rows[schema.name, default: EncodedRows()].csv)
            encoder.appendJSON(values, to: &rows[schema.name, default: EncodedRows()].jsonl)
        }
        for cell in parsed.cells { append(OutputSchema.forTable(cell.table), OutputRows.cell(cell, reportID: report.reportID)) }
        for section in parsed.sections.sorted(by: { $0.number < $1.number }) {
            append(.sections, OutputRows.section(section, reportID: report.reportID))
        }
        for finding in parsed.findings { append(.checks, OutputRows.finding(finding, reportID: report.reportID)) }
        self.rows = rows
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
        template = parsed.template
        templateFingerprint = ParserVersion.fingerprint(of: parsed.template)
        status = parsed.status.rawValue
        findingsByCheck = parsed.findings.reduce(into: [:]) { $0[$1.check, default: 0] += 1 }
        errors = parsed.findings.filter { $0.severity == .error }.count
        func total(_ row: String) -> String? {
            guard let cell = parsed.cells.first(where: { $0.table == .applications && $0.row == row && $0.column == "total" }) else { return nil }
            switch cell.status {
            case .reported: return cell.value.map(FieldValue.plain)
            case .blank: return "0"
            case .missing, .unparsed: return nil
            }
        }
        carriedOverTotal = total("carried_over")
        carriedForwardTotal = total("carried_forward")
    }

    public var ownFindings: Int { findingsByCheck.values.reduce(0, +) }
}

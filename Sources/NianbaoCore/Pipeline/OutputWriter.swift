import Foundation

/// The write stage: every table as CSV (UTF-8 with BOM) and JSONL, plus datapackage.json. The row
/// tables (cells and sections) are streamed report by report in report_id order while the run
/// handles its files, from the parse or copied from the previous run's output; `organs` and `panel`
/// (organ by organ), then `reports` and `checks`, which need every report of an organ for its copies
/// and the cross-year check, follow once all are handled, then the rejects in path order.
public final class OutputWriter {
    /// The dataset's files (what a fresh run must reproduce byte for byte).
    public static let fileNames: [String] = OutputSchema.all.flatMap { ["\($0.name).csv", "\($0.name).jsonl"] } + ["datapackage.json"]
    /// The tables whose rows are streamed, and cached in the output itself.
    static let rowTables = [OutputSchema.activeDisclosure, .applications, .reviewsLitigation, .sections, .figures].map(\.name)
    /// Their files, the only ones rows are copied into and out of.
    static let rowFileNames = Set(rowTables.flatMap { ["\($0).csv", "\($0).jsonl"] })

    private let folder: URL
    private let previous: URL?
    private var sinks: [String: TableSink] = [:]
    /// The row tables' files by name, and the previous output's as they are opened.
    private var rowFiles: [String: OutputFile] = [:]
    private var sources: [String: SourceFile] = [:]
    private let reportRows = RowEncoder(schema: .reports), checkRows = RowEncoder(schema: .checks), rejectRows = RowEncoder(schema: .rejects)
    private let organRows = RowEncoder(schema: .organs), panelRows = RowEncoder(schema: .panel)

    /// `previous`: the folder rows are copied from (nil when nothing is reused): the previous output, or
    /// for a merge the folder of the shards' outputs.
    public init(into folder: URL, previous: URL? = nil) throws {
        self.folder = folder
        self.previous = previous
        for schema in OutputSchema.all { sinks[schema.name] = try TableSink(schema: schema, folder: folder) }
        for name in Self.rowTables {
            for file in sinks[name]!.files { rowFiles[file.name] = file }
        }
    }

    /// One parsed report's rows of the row tables; returns where they landed.
    func appendRows(_ rows: [String: ReportFragment.EncodedRows]) throws -> [RowSpan] {
        var spans: [RowSpan] = []
        for name in Self.rowTables {
            guard let encoded = rows[name] else { continue }
            spans += try sinks[name]!.append(csv: encoded.csv, jsonl: encoded.jsonl)
        }
        return spans
    }

    /// Copies a report's rows out of the previous output; returns where they landed.
    func copyRows(_ spans: [RowSpan]) throws -> [RowSpan] {
        guard let previous else { throw FileBytes.Failure(path: folder.path, operation: "copy", code: ENOENT) }
        return try spans.map { span in
            guard let file = rowFiles[span.tableFile] else { throw FileBytes.Failure(path: span.file, operation: "copy", code: ENOENT) }
            if sources[span.file] == nil { sources[span.file] = try SourceFile(previous.appendingPathComponent(span.file)) }
            let landed = RowSpan(file: file.name, offset: file.position, length: span.length)
            try file.copy(from: sources[span.file]!, offset: span.offset, length: span.length)
            return landed
        }
    }

    /// One report's `reports` row, its own checks and then the findings that needed other reports.
    func appendReport(_ header: ReportHeader, sourcePath: String, ownChecks: ReportFragment.EncodedRows, crossReportFindings: [Finding],
                      copyOf: String) throws {
        let row = OutputRows.report(header, sourcePath: sourcePath, warnings: header.ownFindings + crossReportFindings.count,
                                   errors: header.errors + crossReportFindings.filter { $0.severity == .error }.count, copyOf: copyOf)
        try sinks["reports"]!.append(row, encoder: reportRows)
        _ = try sinks["checks"]!.append(csv: ownChecks.csv, jsonl: ownChecks.jsonl)
        for finding in crossReportFindings {
            try sinks["checks"]!.append(OutputRows.finding(finding, reportID: header.reportID), encoder: checkRows)
        }
    }

    /// One organ's `organs` row and its `panel` rows (organs come in organ_id order, years in order).
    func appendOrgan(_ organ: OrganYears) throws {
        try sinks["organs"]!.append(organ.organ, encoder: organRows)
        for row in organ.panel { try sinks["panel"]!.append(row, encoder: panelRows) }
    }

    public func append(_ reject: Reject) throws {
        try sinks["rejects"]!.append(OutputRows.reject(reject), encoder: rejectRows)
    }

    /// Closes (and syncs) every table and writes the data package descriptor; returns the stamps of
    /// the row tables' files, which the manifest keeps.
    @discardableResult
    func finish() throws -> [OutputFileStamp] {
        let codeRows = RowEncoder(schema: .codes)
        for entry in Codebook.entries {
            try sinks["codes"]!.append([FieldValue(entry.code), FieldValue(entry.column), FieldValue(entry.label), FieldValue(entry.definition)],
                                       encoder: codeRows)
        }
        var stamps: [OutputFileStamp] = []
        for name in sinks.keys.sorted() {
            let written = try sinks[name]!.close()
            if Self.rowTables.contains(name) { stamps += written }
        }
        sources.removeAll()
        try Data(DataPackage.describe(OutputSchema.all).pretty().utf8).write(to: folder.appendingPathComponent("datapackage.json"))
        return stamps
    }
}

/// One table's two files.
final class TableSink {
    private let csv: OutputFile
    private let jsonl: OutputFile

    init(schema: OutputSchema, folder: URL) throws {
        csv = try OutputFile(folder.appendingPathComponent("\(schema.name).csv"))
        jsonl = try OutputFile(folder.appendingPathComponent("\(schema.name).jsonl"))
        try csv.write("\u{FEFF}" + RowEncoder(schema: schema).csvHeader)
    }

    var files: [OutputFile] { [csv, jsonl] }

    /// Appends encoded rows; returns the spans they occupy (none for an empty piece).
    func append(csv text: [UInt8], jsonl lines: [UInt8]) throws -> [RowSpan] {
        var spans: [RowSpan] = []
        for (file, bytes) in [(csv, text), (jsonl, lines)] where !bytes.isEmpty {
            spans.append(RowSpan(file: file.name, offset: file.position, length: Int64(bytes.count)))
            try file.write(bytes)
        }
        return spans
    }

    func append(_ row: [FieldValue], encoder: RowEncoder) throws {
        var csvBytes: [UInt8] = [], jsonlBytes: [UInt8] = []
        encoder.appendCSV(row, to: &csvBytes)
        encoder.appendJSON(row, to: &jsonlBytes)
        _ = try append(csv: csvBytes, jsonl: jsonlBytes)
    }

    func close() throws -> [OutputFileStamp] {
        [try csv.close(), try jsonl.close()]
    }
}

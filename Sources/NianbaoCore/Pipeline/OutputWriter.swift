import Foundation

/// The write stage: every table as CSV (UTF-8 with BOM) and JSONL, plus datapackage.json, streamed
/// report by report into a folder: one report's fragment in memory at a time. Reports come in
/// report_id order, then rejects in path order.
public final class OutputWriter {
    /// The dataset's files (what a fresh run must reproduce byte for byte).
    public static let fileNames: [String] = OutputSchema.all.flatMap { ["\($0.name).csv", "\($0.name).jsonl"] } + ["datapackage.json"]

    private let folder: URL
    private var sinks: [String: TableSink] = [:]
    private let reportRows = RowEncoder(schema: .reports), checkRows = RowEncoder(schema: .checks), rejectRows = RowEncoder(schema: .rejects)
    private static let cellTables = [OutputSchema.activeDisclosure, .applications, .reviewsLitigation, .sections].map(\.name)

    public init(into folder: URL) throws {
        self.folder = folder
        for schema in OutputSchema.all { sinks[schema.name] = try TableSink(schema: schema, folder: folder) }
    }

    /// One report: its `reports` row, its rows of the cell tables, its own checks and then the
    /// findings that needed other reports.
    public func append(_ fragment: ReportFragment, sourcePath: String, crossReportFindings: [Finding]) throws {
        let header = fragment.header
        let row = OutputRows.report(header, sourcePath: sourcePath, warnings: header.ownFindings + crossReportFindings.count)
        try sinks["reports"]!.append(row, encoder: reportRows)
        for name in Self.cellTables {
            if let rows = fragment.rows[name] { try sinks[name]!.append(csv: rows.csv, jsonl: rows.jsonl) }
        }
        if let rows = fragment.rows["checks"] { try sinks["checks"]!.append(csv: rows.csv, jsonl: rows.jsonl) }
        for finding in crossReportFindings {
            try sinks["checks"]!.append(OutputRows.finding(finding, reportID: header.reportID), encoder: checkRows)
        }
    }

    public func append(_ reject: Reject) throws {
        try sinks["rejects"]!.append(OutputRows.reject(reject), encoder: rejectRows)
    }

    /// Closes (and syncs) every table and writes the data package descriptor.
    public func finish() throws {
        for sink in sinks.values { try sink.close() }
        try Data(DataPackage.describe(OutputSchema.all).pretty().utf8).write(to: folder.appendingPathComponent("datapackage.json"))
    }
}

/// One table's two files, written through buffers.
final class TableSink {
    private let csv: BufferedFile
    private let jsonl: BufferedFile

    init(schema: OutputSchema, folder: URL) throws {
        csv = try BufferedFile(folder.appendingPathComponent("\(schema.name).csv"))
        jsonl = try BufferedFile(folder.appendingPathComponent("\(schema.name).jsonl"))
        try csv.write("\u{FEFF}" + RowEncoder(schema: schema).csvHeader)
    }

    func append(csv text: [UInt8], jsonl line: [UInt8]) throws {
        try csv.write(text)
        try jsonl.write(line)
    }

    func append(_ row: [FieldValue], encoder: RowEncoder) throws {
        var csvBytes: [UInt8] = [], jsonlBytes: [UInt8] = []
        encoder.appendCSV(row, to: &csvBytes)
        encoder.appendJSON(row, to: &jsonlBytes)
        try append(csv: csvBytes, jsonl: jsonlBytes)
    }

    func close() throws {
        try csv.close()
        try jsonl.close()
    }
}

/// A file written in 1 MiB blocks; a failed write (a full disk) throws. Closing syncs it to disk,
/// since the output folder is swapped in right after.
final class BufferedFile {
    private let descriptor: Int32
    private let path: String
    private var buffer: [UInt8] = []
    private var closed = false
    private static let blockSize = 1 << 20

    init(_ url: URL) throws {
        path = url.path
        descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw FileBytes.Failure(path: path, operation: "create", code: errno) }
        buffer.reserveCapacity(Self.blockSize)
    }

    deinit {
        if !closed { Foundation.close(descriptor) }
    }

    func write(_ text: String) throws {
        try write(Array(text.utf8))
    }

    func write(_ bytes: [UInt8]) throws {
        try write(bytes[...])
    }

    func write(_ bytes: ArraySlice<UInt8>) throws {
        if buffer.count + bytes.count > Self.blockSize {
            try flush()
            // A piece larger than the buffer goes straight to the file.
            if bytes.count >= Self.blockSize { return try FileBytes.writeAll(bytes, to: descriptor, path: path) }
        }
        buffer.append(contentsOf: bytes)
    }

    private func flush() throws {
        guard !buffer.isEmpty else { return }
        try FileBytes.writeAll(buffer[...], to: descriptor, path: path)
        buffer.removeAll(keepingCapacity: true)
    }

    func close() throws {
        try flush()
        closed = true
        if fsync(descriptor) != 0 {
            let code = errno
            Foundation.close(descriptor)
            throw FileBytes.Failure(path: path, operation: "sync", code: code)
        }
        if Foundation.close(descriptor) != 0 { throw FileBytes.Failure(path: path, operation: "close", code: errno) }
    }
}

import Foundation

/// The write stage: every table as CSV (UTF-8 with BOM) and JSONL, plus datapackage.json, written
/// into a staging folder beside the output folder and then swapped in, so that readers never see a
/// half-written dataset.
public enum OutputWriter {
    public static let fileNames: [String] = OutputSchema.all.flatMap { ["\($0.name).csv", "\($0.name).jsonl"] } + ["datapackage.json"]

    public static func write(_ dataset: Dataset, to output: URL) throws {
        let fileManager = FileManager.default
        let parent = output.deletingLastPathComponent()
        try fileManager.createDirectory(at: parent, withIntermediateDirectories: true)
        let staging = parent.appendingPathComponent(".\(output.lastPathComponent).staging-\(getpid())")
        try? fileManager.removeItem(at: staging)
        try fileManager.createDirectory(at: staging, withIntermediateDirectories: true)

        for (schema, rows) in tables(of: dataset) {
            try writeTable(schema, rows: rows, into: staging)
        }
        try Data(DataPackage.describe(OutputSchema.all).pretty().utf8)
            .write(to: staging.appendingPathComponent("datapackage.json"))

        try swap(staging, into: output)
    }

    /// The rows of every output table, in the contract's order.
    static func tables(of dataset: Dataset) -> [(OutputSchema, [[FieldValue]])] {
        var reports: [[FieldValue]] = [], sections: [[FieldValue]] = [], checks: [[FieldValue]] = []
        var cells: [TableKind: [[FieldValue]]] = [:]
        for report in dataset.reports {
            let findings = dataset.findings(of: report)
            reports.append(OutputRows.report(report, warnings: findings.count))
            for cell in report.parsed.cells { cells[cell.table, default: []].append(OutputRows.cell(cell, reportID: report.reportID)) }
            for section in report.parsed.sections.sorted(by: { $0.number < $1.number }) {
                sections.append(OutputRows.section(section, reportID: report.reportID))
            }
            for finding in findings { checks.append(OutputRows.finding(finding, reportID: report.reportID)) }
        }
        let rejects = dataset.rejects.sorted { $0.sourcePath.utf8.lexicographicallyPrecedes($1.sourcePath.utf8) }.map(OutputRows.reject)
        return [
            (.reports, reports),
            (.activeDisclosure, cells[.activeDisclosure] ?? []),
            (.applications, cells[.applications] ?? []),
            (.reviewsLitigation, cells[.reviewsLitigation] ?? []),
            (.sections, sections),
            (.checks, checks),
            (.rejects, rejects),
        ]
    }

    private static func writeTable(_ schema: OutputSchema, rows: [[FieldValue]], into folder: URL) throws {
        let encoder = RowEncoder(schema: schema)
        var csv = Data([0xEF, 0xBB, 0xBF])
        csv.append(contentsOf: encoder.csvHeader.utf8)
        var jsonl = Data()
        for row in rows {
            csv.append(contentsOf: encoder.csvLine(row).utf8)
            jsonl.append(contentsOf: encoder.jsonLine(row).utf8)
        }
        try csv.write(to: folder.appendingPathComponent("\(schema.name).csv"))
        try jsonl.write(to: folder.appendingPathComponent("\(schema.name).jsonl"))
    }

    /// Puts `staging` in the place of `output`; the previous output stays whole until the new one is in.
    private static func swap(_ staging: URL, into output: URL) throws {
        let fileManager = FileManager.default
        guard fileManager.fileExists(atPath: output.path) else {
            try fileManager.moveItem(at: staging, to: output)
            return
        }
        let previous = output.deletingLastPathComponent().appendingPathComponent(".\(output.lastPathComponent).previous-\(getpid())")
        try? fileManager.removeItem(at: previous)
        try fileManager.moveItem(at: output, to: previous)
        do {
            try fileManager.moveItem(at: staging, to: output)
        } catch {
            try? fileManager.moveItem(at: previous, to: output)
            throw error
        }
        try? fileManager.removeItem(at: previous)
    }
}

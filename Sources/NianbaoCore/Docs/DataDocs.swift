import Foundation

/// The docs stage: `index.html` and one page per report (`reports/REPORT_ID.html`), read from the
/// dataset's own files in one streaming pass (every table is sorted by report_id), static and
/// self-contained (inline style and SVG, an optional inline script, no request leaves the page),
/// byte-identical for the same dataset.
public enum DataDocs {
    public static let index = "index.html"
    public static let pagesFolder = "reports"

    /// Writes the docs of the dataset in `folder`; returns how many report pages were written.
    @discardableResult
    public static func write(folder: URL, parserVersion: String = ParserVersion.current) throws -> Int {
        let pages = folder.appendingPathComponent(pagesFolder)
        try FileManager.default.createDirectory(at: pages, withIntermediateDirectories: true)
        var overview = DatasetOverview()
        overview.organs = rows(folder, .organs)
        overview.panel = rows(folder, .panel)
        let organs = Dictionary(overview.organs.map { ($0["organ_id"], $0) }, uniquingKeysWith: { first, _ in first })
        var tables: [TableKind: DatasetTable] = [:]
        for kind in [TableKind.activeDisclosure, .applications, .reviewsLitigation] {
            tables[kind] = DatasetTable(folder: folder, schema: OutputSchema.forTable(kind))
        }
        var sections = DatasetTable(folder: folder, schema: .sections, skipping: ["text_simplified"])
        var figures = DatasetTable(folder: folder, schema: .figures)
        var checks = DatasetTable(folder: folder, schema: .checks)
        var reports = DatasetTable(folder: folder, schema: .reports)
        var written = Set<String>()
        // Pages are read in report_id order, rendered and written a batch at a time on every core,
        // and counted for the index in order: the same bytes whatever the core count.
        var batch: [ReportPage] = []
        func flush() throws {
            let pending = batch
            let failures = FailureBox()
            DispatchQueue.concurrentPerform(iterations: pending.count) { index in
                let page = pending[index]
                do {
                    try FileBytes.write(page.render(), to: pages.appendingPathComponent("\(page.report["report_id"]).html").path)
                } catch {
                    failures.record(error)
                }
            }
            if let error = failures.first { throw error }
            for page in pending { overview.add(page) }
            batch.removeAll(keepingCapacity: true)
        }
        while let values = reports.next() {
            let report = ReportPage.Row(values: values, schema: .reports)
            let id = report["report_id"]
            var cells: [TableKind: [ReportPage.Row]] = [:]
            for kind in tables.keys.sorted(by: { $0.rawValue < $1.rawValue }) {
                cells[kind] = tables[kind]!.rows(of: id).map { ReportPage.Row(values: $0, schema: OutputSchema.forTable(kind)) }
            }
            batch.append(ReportPage(
                report: report, cells: cells,
                sections: sections.rows(of: id).map { ReportPage.Row(values: $0, schema: .sections) },
                figures: figures.rows(of: id).map { ReportPage.Row(values: $0, schema: .figures) },
                checks: checks.rows(of: id).map { ReportPage.Row(values: $0, schema: .checks) },
                organ: organs[report["organ_id"]]
            ))
            written.insert("\(id).html")
            if batch.count == 64 { try flush() }
        }
        try flush()
        var rejects = DatasetTable(folder: folder, schema: .rejects)
        while let values = rejects.next() { overview.addReject(reason: ReportPage.Row(values: values, schema: .rejects)["reason"]) }
        // Pages of reports no longer in the dataset go (only nianbao's own page names are touched).
        for name in (try? FileManager.default.contentsOfDirectory(atPath: pages.path)) ?? [] where !written.contains(name) && isPageName(name) {
            try FileManager.default.removeItem(at: pages.appendingPathComponent(name))
        }
        try FileBytes.write(IndexPage(overview: overview, parserVersion: parserVersion).render(), to: folder.appendingPathComponent(index).path)
        return written.count
    }

    /// What the pages look like; part of `ParserVersion.current`, so that a dataset whose pages were
    /// written otherwise is not taken over as it is. Raise it when the pages change.
    static let version = "1"

    /// Links the previous output's pages into `folder` (same dataset, same pages): false, and nothing
    /// done, when they are not all there (one page per report, and the index).
    static func reuse(from previous: URL, into folder: URL, reports: Int) -> Bool {
        let manager = FileManager.default
        let oldPages = previous.appendingPathComponent(pagesFolder), newPages = folder.appendingPathComponent(pagesFolder)
        guard let names = try? manager.contentsOfDirectory(atPath: oldPages.path), names.count == reports,
              names.allSatisfy(isPageName), manager.fileExists(atPath: previous.appendingPathComponent(index).path) else { return false }
        do {
            try manager.createDirectory(at: newPages, withIntermediateDirectories: true)
            // Hard links: the old output is removed once the new one is in place, its pages stay.
            func link(_ from: URL, _ to: URL) throws {
                if (try? manager.linkItem(at: from, to: to)) == nil { try manager.copyItem(at: from, to: to) }
            }
            for name in names { try link(oldPages.appendingPathComponent(name), newPages.appendingPathComponent(name)) }
            try link(previous.appendingPathComponent(index), folder.appendingPathComponent(index))
            return true
        } catch {
            try? manager.removeItem(at: newPages)
            try? manager.removeItem(at: folder.appendingPathComponent(index))
            return false
        }
    }

    /// `r` + 16 hex digits + `.html`: the only names the docs write into `reports/`.
    static func isPageName(_ name: String) -> Bool {
        name.count == 22 && name.hasPrefix("r") && name.hasSuffix(".html")
            && name.dropFirst().prefix(16).allSatisfy { $0.isHexDigit && !$0.isUppercase }
    }

    /// The first error of the workers that write pages.
    private final class FailureBox: @unchecked Sendable {
        private let lock = NSLock()
        private(set) var first: Error?
        func record(_ error: Error) { lock.withLock { if first == nil { first = error } } }
    }

    private static func rows(_ folder: URL, _ schema: OutputSchema) -> [ReportPage.Row] {
        var table = DatasetTable(folder: folder, schema: schema)
        var rows: [ReportPage.Row] = []
        while let values = table.next() { rows.append(ReportPage.Row(values: values, schema: schema)) }
        return rows
    }
}

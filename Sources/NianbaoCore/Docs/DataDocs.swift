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
    /// `previous`: a dataset folder whose pages may be taken over where their digest is the same.
    /// `bodies`: the pages' bodies of the reports this run parsed, rendered by its workers (the
    /// others' pages are rendered here from the rows read back).
    public static func write(folder: URL, previous: URL? = nil, parserVersion: String = ParserVersion.current) throws -> Int {
        try write(folder: folder, previous: previous, parserVersion: parserVersion, bodies: nil)
    }

    /// The column of `sections` the pages do not show (not read back).
    static let skippedSectionColumn = "text_simplified"
    /// The tables a page's body is made of: not read back for a report whose body the run has.
    private static let bodyTables: Set<String> = [OutputSchema.activeDisclosure.name, OutputSchema.applications.name,
                                                  OutputSchema.reviewsLitigation.name, OutputSchema.sections.name]

    static func write(folder: URL, previous: URL?, parserVersion: String, bodies: PageBodies?) throws -> Int {
        let pages = folder.appendingPathComponent(pagesFolder)
        try FileManager.default.createDirectory(at: pages, withIntermediateDirectories: true)
        var overview = DatasetOverview()
        overview.organs = rows(folder, .organs)
        overview.panel = rows(folder, .panel)
        let organs = Dictionary(overview.organs.map { ($0["organ_id"], $0) }, uniquingKeysWith: { first, _ in first })
        // Each table is read by one reader at a time; a batch's rows of all of them are read at once,
        // one table per core, then its pages rendered and written on every core and counted for the
        // index in report_id order: the same bytes whatever the core count.
        let schemas: [OutputSchema] = [.activeDisclosure, .applications, .reviewsLitigation, .sections, .figures]
        let readers = schemas.map { schema in
            TableReader(DatasetTable(folder: folder, schema: schema, skipping: schema.name == OutputSchema.sections.name ? [skippedSectionColumn] : []))
        }
        // The copies of each chosen report, for its page to link them (copies only: few).
        var copies: [String: [String]] = [:]
        var scan = DatasetTable(folder: folder, schema: .reports)
        while let values = scan.next() {
            let row = ReportPage.Row(values: values, schema: .reports)
            if !row["copy_of"].isEmpty { copies[row["copy_of"], default: []].append(row["report_id"]) }
        }
        var list = ReportList()
        var reports = DatasetTable(folder: folder, schema: .reports), checks = DatasetTable(folder: folder, schema: .checks)
        var written = Set<String>()
        // 32 reports at a time: a page's rows hold its whole text, and 128 held the run's peak memory.
        // Each report with its checks and the body the run rendered for it, when that body stands.
        func nextBatch() -> [BatchEntry] {
            var batch: [BatchEntry] = []
            while batch.count < 32, let values = reports.next() {
                let report = ReportPage.Row(values: values, schema: .reports)
                let id = report["report_id"]
                let found = checks.rows(of: id).map { ReportPage.Row(values: $0, schema: .checks) }
                let body = bodies?.entry(id).flatMap { PageBody.stands($0, checks: found) ? $0 : nil }
                var entry = BatchEntry(report: report, checks: found, body: body)
                // A report whose rows were copied, whose body digest the book kept: when the previous
                // page carries the digest its page would have, that page is linked and its rows not read.
                if body == nil, let known = bodies?.knownDigest(id), let previous {
                    let page = ReportPage(report: report, cells: [:], sections: [], figures: [], checks: found, organ: organs[report["organ_id"]],
                                          copies: copies[id] ?? [])
                    let oldPage = previous.appendingPathComponent(pagesFolder).appendingPathComponent("\(id).html")
                    if PageReuse.carries(oldPage, digest: PageReuse.digest(of: page, bodyDigest: known, parserVersion: parserVersion)) {
                        entry.linked = oldPage
                    }
                }
                batch.append(entry)
            }
            return batch
        }
        // A batch's rows of a table, read by one worker (each table is read by one reader at a time);
        // the body's tables only of reports without a body.
        let read: @Sendable (_ table: Int, _ batch: [BatchEntry], _ rows: BatchRows) -> Void = { table, batch, rows in
            let schema = schemas[table], inBody = bodyTables.contains(schema.name)
            rows.set(table, batch.map { entry in
                inBody && (entry.body != nil || entry.linked != nil) ? []
                    : readers[table].table.rows(of: entry.report["report_id"]).map { ReportPage.Row(values: $0, schema: schema) }
            })
        }
        // Pipelined: while a batch's pages are rendered and written, the next batch's rows are read,
        // all as one set of tasks over every core; pages are counted for the index in report_id
        // order, so the bytes are the same whatever the core count.
        var batch = nextBatch()
        var rows = BatchRows(tables: schemas.count)
        do {
            let first = batch, firstRows = rows
            DispatchQueue.concurrentPerform(iterations: schemas.count) { read($0, first, firstRows) }
        }
        while !batch.isEmpty {
            let next = nextBatch(), nextRows = BatchRows(tables: schemas.count)
            let pending = batch.enumerated().map { index, entry in
                let report = entry.report
                return ReportPage(report: report,
                           cells: [.activeDisclosure: rows.get(0)[index], .applications: rows.get(1)[index], .reviewsLitigation: rows.get(2)[index]],
                           sections: rows.get(3)[index], figures: rows.get(4)[index], checks: entry.checks, organ: organs[report["organ_id"]],
                           copies: copies[report["report_id"]] ?? [])
            }
            let failures = FailureBox(), pendingBodies = batch.map(\.body), pendingLinks = batch.map(\.linked)
            DispatchQueue.concurrentPerform(iterations: schemas.count + pending.count) { task in
                guard task >= schemas.count else { return read(task, next, nextRows) }
                var page = pending[task - schemas.count]
                let name = "\(page.report["report_id"]).html"
                if let linked = pendingLinks[task - schemas.count] {
                    if !PageReuse.link(linked, to: pages.appendingPathComponent(name)) {
                        failures.record(FileBytes.Failure(path: linked.path, operation: "link", code: EIO))
                    }
                    return
                }
                let body = pendingBodies[task - schemas.count]
                if body == nil { page.prepareText() }
                let digest = PageReuse.digest(of: page, bodyDigest: body?.digest, parserVersion: parserVersion)
                if let previous = previous?.appendingPathComponent(pagesFolder).appendingPathComponent(name),
                   PageReuse.carries(previous, digest: digest), PageReuse.link(previous, to: pages.appendingPathComponent(name)) {
                    return
                }
                do {
                    let bodyBytes = try body.map { try bodies!.bytes(of: $0) }
                    try FileBytes.write(page.render(digest: digest, body: bodyBytes), to: pages.appendingPathComponent(name).path)
                } catch {
                    failures.record(error)
                }
            }
            if let error = failures.first { throw error }
            for page in pending {
                overview.add(page)
                list.add(page.report)
                written.insert("\(page.report["report_id"]).html")
            }
            batch = next
            rows = nextRows
        }
        var rejects = DatasetTable(folder: folder, schema: .rejects)
        while let values = rejects.next() { overview.addReject(reason: ReportPage.Row(values: values, schema: .rejects)["reason"]) }
        // Pages of reports no longer in the dataset go (only nianbao's own page names are touched).
        for name in (try? FileManager.default.contentsOfDirectory(atPath: pages.path)) ?? [] where !written.contains(name) && isPageName(name) {
            try FileManager.default.removeItem(at: pages.appendingPathComponent(name))
        }
        try FileBytes.write(list.render(), to: folder.appendingPathComponent(ReportList.name).path)
        try FileBytes.write(IndexPage(overview: overview, parserVersion: parserVersion).render(), to: folder.appendingPathComponent(index).path)
        return written.count
    }

    /// What the pages look like; part of `ParserVersion.current`, so that a dataset whose pages were
    /// written otherwise is not taken over as it is. Raise it when the pages change.
    static let version = "8"

    /// Links the previous output's pages into `folder` (same dataset, same pages): false, and nothing
    /// done, when they are not all there (one page per report, and the index).
    static func reuse(from previous: URL, into folder: URL, reports: Int) -> Bool {
        let manager = FileManager.default
        let oldPages = previous.appendingPathComponent(pagesFolder), newPages = folder.appendingPathComponent(pagesFolder)
        guard let names = try? manager.contentsOfDirectory(atPath: oldPages.path), names.count == reports,
              names.allSatisfy(isPageName), manager.fileExists(atPath: previous.appendingPathComponent(index).path),
              manager.fileExists(atPath: previous.appendingPathComponent(ReportList.name).path) else { return false }
        do {
            try manager.createDirectory(at: newPages, withIntermediateDirectories: true)
            // Hard links: the old output is removed once the new one is in place, its pages stay.
            func link(_ from: URL, _ to: URL) throws {
                if (try? manager.linkItem(at: from, to: to)) == nil { try manager.copyItem(at: from, to: to) }
            }
            for name in names { try link(oldPages.appendingPathComponent(name), newPages.appendingPathComponent(name)) }
            try link(previous.appendingPathComponent(index), folder.appendingPathComponent(index))
            try link(previous.appendingPathComponent(ReportList.name), folder.appendingPathComponent(ReportList.name))
            return true
        } catch {
            try? manager.removeItem(at: newPages)
            try? manager.removeItem(at: folder.appendingPathComponent(index))
            try? manager.removeItem(at: folder.appendingPathComponent(ReportList.name))
            return false
        }
    }

    /// `r` + 16 hex digits + `.html`: the only names the docs write into `reports/`.
    static func isPageName(_ name: String) -> Bool {
        name.count == 22 && name.hasPrefix("r") && name.hasSuffix(".html")
            && name.dropFirst().prefix(16).allSatisfy { $0.isHexDigit && !$0.isUppercase }
    }

    /// A report of a batch: its `reports` row, its checks, the body its page takes (nil: rendered here).
    private struct BatchEntry: Sendable {
        var report: ReportPage.Row
        var checks: [ReportPage.Row]
        var body: PageBodies.Entry?
        /// The previous dataset's page, when it is this report's page as it stands (linked, not made).
        var linked: URL? = nil
    }

    /// A table's reader, used by one worker at a time.
    private final class TableReader: @unchecked Sendable {
        var table: DatasetTable
        init(_ table: DatasetTable) { self.table = table }
    }

    /// A batch's rows of each table, filled by the workers (one table each).
    private final class BatchRows: @unchecked Sendable {
        private let lock = NSLock()
        private var rows: [[[ReportPage.Row]]]
        init(tables: Int) { rows = Array(repeating: [], count: tables) }
        func set(_ table: Int, _ value: [[ReportPage.Row]]) { lock.withLock { rows[table] = value } }
        func get(_ table: Int) -> [[ReportPage.Row]] { lock.withLock { rows[table] } }
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

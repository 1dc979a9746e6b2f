import Foundation
import GRDB

/// The run's book of files, kept in SQLite so that a run's memory does not grow with the corpus:
/// the input listing, what each file became, the order and the duplicates of the dataset, and the
/// cross-year pairs are rows and queries, not arrays. The book is written into the staging folder,
/// so after the swap it is the manifest the next run reads (`.nianbao/manifest.sqlite`); the last
/// run's manifest is attached read-only as `previous`.
final class RunLedger: Sendable {
    private let database: DatabaseQueue
    let location: URL

    /// Opens a new, empty book at `location` and attaches the previous run's manifest when there is a
    /// readable one of this format (otherwise every file counts as new).
    init(at location: URL, previous: URL?) throws {
        self.location = location
        try FileManager.default.createDirectory(at: location.deletingLastPathComponent(), withIntermediateDirectories: true)
        try? FileManager.default.removeItem(at: location)
        var configuration = Configuration()
        // Until the staging folder is swapped in the book is scratch: no journal, no syncs
        // (`close()` syncs the finished file once).
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA temp_store = FILE")
        }
        database = try DatabaseQueue(path: location.path, configuration: configuration)
        try database.writeWithoutTransaction { db in
            try db.execute(sql: Manifest.schema)
            try db.execute(sql: "INSERT INTO run (format, parser) VALUES (?, ?)", arguments: [Manifest.format, ParserVersion.current])
            try Self.attachPrevious(previous, to: db)
        }
    }

    /// A manifest that cannot be read, or of another format, is no manifest: the run reads every file
    /// (fragments are still found by content hash, so nothing is parsed twice).
    private static func attachPrevious(_ previous: URL?, to db: Database) throws {
        if let previous, FileManager.default.fileExists(atPath: previous.path) {
            do {
                try db.execute(sql: "ATTACH DATABASE ? AS previous", arguments: [previous.path])
                let format = try Int.fetchOne(db, sql: "SELECT format FROM previous.run")
                _ = try Int.fetchOne(db, sql: "SELECT count(*) FROM previous.file")
                if format == Manifest.format { return }
            } catch {}
            try? db.execute(sql: "DETACH DATABASE previous")
        }
        try db.execute(sql: "ATTACH DATABASE ':memory:' AS previous")
        try db.execute(sql: Manifest.schema.replacingOccurrences(of: "CREATE TABLE ", with: "CREATE TABLE previous."))
    }

    // MARK: Listing

    /// Lists the input folder into the book, in batches (the listing itself is never held whole).
    func list(_ input: URL) throws -> Int {
        var batch: [InputScanner.InputFile] = []
        var count = 0
        func flush() throws {
            try database.write { db in
                let insert = try db.cachedStatement(sql: "INSERT INTO file (path, size, modified) VALUES (?, ?, ?)")
                for file in batch { try insert.execute(arguments: [file.relativePath, file.size, file.modified]) }
            }
            count += batch.count
            batch.removeAll(keepingCapacity: true)
        }
        try InputScanner.scan(input) { file in
            batch.append(file)
            if batch.count == 1024 { try flush() }
        }
        try flush()
        return count
    }

    /// The parser version of the previous run, nil when there was none.
    func previousParser() throws -> String? {
        try database.read { db in try String.fetchOne(db, sql: "SELECT parser FROM previous.run") }
    }

    /// Listed files after `id`, in listing order, each with what the previous run recorded for its path.
    func listed(after id: Int64, limit: Int) throws -> [ListedFile] {
        try database.read { db in
            try Row.fetchAll(db, sql: """
                SELECT f.id, f.path, f.size, f.modified, p.path IS NOT NULL AS known, p.size AS previous_size,
                       p.modified AS previous_modified, p.sha256, p.reject, \(Self.factColumns.map { "p.\($0)" }.joined(separator: ", "))
                FROM file f LEFT JOIN previous.file p ON p.path = f.path
                WHERE f.id > ? ORDER BY f.id LIMIT ?
                """, arguments: [id, limit]).map { row in
                var previous: PreviousEntry?
                if row["known"] as Bool {
                    previous = PreviousEntry(size: row["previous_size"], modified: row["previous_modified"], sha256: row["sha256"],
                                             reject: row["reject"], report: Self.facts(row))
                }
                return ListedFile(id: row["id"], file: InputScanner.InputFile(relativePath: row["path"], size: row["size"], modified: row["modified"]),
                                  previous: previous)
            }
        }
    }

    /// Records what handling gave; a file no result is recorded for belongs to another shard.
    func record(_ handled: [(id: Int64, result: FileResult)]) throws {
        guard !handled.isEmpty else { return }
        try database.write { db in
            let update = try db.cachedStatement(sql: """
                UPDATE file SET handled = 1, change = ?, parsed = ?, sha256 = ?, reject = ?,
                  \(Self.factColumns.map { "\($0) = ?" }.joined(separator: ", ")) WHERE id = ?
                """)
            for (id, result) in handled {
                var arguments: StatementArguments = [result.change.rawValue, result.parsed, result.sha256]
                switch result.outcome {
                case .report(let facts): arguments += [nil] + StatementArguments(Self.factValues(facts))
                case .reject(let reason): arguments += [reason] + StatementArguments(Self.factValues(nil))
                }
                arguments += [id]
                try update.execute(arguments: arguments)
            }
        }
    }

    /// Drops the files of other shards, and indexes the book for the queries of the write stage.
    func finishHandling() throws {
        try database.write { db in
            try db.execute(sql: """
                DELETE FROM file WHERE handled = 0;
                CREATE INDEX file_report ON file (report_id, path) WHERE report_id IS NOT NULL;
                CREATE INDEX file_sha256 ON file (sha256);
                CREATE INDEX file_organ ON file (organ, year, report_id) WHERE report_id IS NOT NULL;
                """)
        }
    }

    // MARK: Queries of the write stage

    /// File counts of the run (this shard's files only).
    func counts() throws -> RunSummary.FileCounts {
        try database.read { db in
            let row = try Row.fetchOne(db, sql: """
                SELECT count(*) AS seen, ifnull(sum(change = 'new'), 0) AS new, ifnull(sum(change = 'changed'), 0) AS changed,
                       ifnull(sum(change = 'unchanged'), 0) AS unchanged, ifnull(sum(parsed), 0) AS parsed,
                       (SELECT count(*) FROM previous.file p WHERE NOT EXISTS (SELECT 1 FROM main.file f WHERE f.path = p.path)) AS deleted
                FROM file
                """)!
            return RunSummary.FileCounts(seen: row["seen"], new: row["new"], changed: row["changed"], unchanged: row["unchanged"],
                                         deleted: row["deleted"], parsed: row["parsed"])
        }
    }

    /// Reports are the first file (in path byte order) of each report_id; SQLite's BINARY collation
    /// compares UTF-8 bytes, the order the dataset promises.
    private static let firstOfEachReport = """
        SELECT f.* FROM file f WHERE f.report_id IS NOT NULL
          AND NOT EXISTS (SELECT 1 FROM file g WHERE g.report_id = f.report_id AND g.path < f.path)
        """

    /// Every report in report_id order, one at a time.
    func forEachReport(_ body: (_ path: String, _ sha256: String) throws -> Void) throws {
        try database.read { db in
            let rows = try Row.fetchCursor(db, sql: "\(Self.firstOfEachReport) ORDER BY f.report_id")
            while let row = try rows.next() { try body(row["path"], row["sha256"]) }
        }
    }

    /// Every reject in path order: files that became no report, then later copies of a report's bytes.
    func forEachReject(_ body: (Reject) throws -> Void) throws {
        try database.read { db in
            let rows = try Row.fetchCursor(db, sql: """
                SELECT path, sha256, reject AS reason FROM file WHERE reject IS NOT NULL
                UNION ALL
                SELECT f.path, f.sha256, 'duplicate of ' || (SELECT min(g.path) FROM file g WHERE g.report_id = f.report_id) || ' (same bytes)'
                FROM file f WHERE f.report_id IS NOT NULL AND EXISTS (SELECT 1 FROM file g WHERE g.report_id = f.report_id AND g.path < f.path)
                ORDER BY path
                """)
            while let row = try rows.next() { try body(Reject(sourcePath: row["path"], sha256: row["sha256"], reason: row["reason"])) }
        }
    }

    /// The reports of one organ at a time (in year, then report_id order), for the cross-year check.
    func forEachOrgan(_ body: ([ReportFacts]) throws -> Void) throws {
        try database.read { db in
            let rows = try Row.fetchCursor(db, sql: """
                SELECT f.* FROM (\(Self.firstOfEachReport)) f WHERE f.organ <> '' AND f.year IS NOT NULL ORDER BY f.organ, f.year, f.report_id
                """)
            var group: [ReportFacts] = []
            while let row = try rows.next() {
                let facts = Self.facts(row)!
                if let first = group.first, !first.organ.utf8.elementsEqual(facts.organ.utf8) {
                    try body(group)
                    group.removeAll(keepingCapacity: true)
                }
                group.append(facts)
            }
            if !group.isEmpty { try body(group) }
        }
    }

    /// Runs `body` with a lookup that tells whether a report of this run was made from given bytes
    /// (so its fragment is kept), all in one read of the book.
    func withReportLookup<T>(_ body: (_ hasReport: (_ sha256: String) throws -> Bool) throws -> T) throws -> T {
        try database.read { db in
            let lookup = try db.cachedStatement(sql: "SELECT EXISTS (SELECT 1 FROM file WHERE sha256 = ? AND report_id IS NOT NULL)")
            return try body { sha256 in try Bool.fetchOne(lookup, arguments: [sha256]) ?? false }
        }
    }

    /// Closes the book and syncs it to disk, before the staging folder is swapped in.
    func close() throws {
        try database.writeWithoutTransaction { db in try db.execute(sql: "DETACH DATABASE previous") }
        try database.close()
        try FileBytes.sync(location.path)
    }

    // MARK: Rows

    private static let factColumns = ["report_id", "template", "template_fingerprint", "status", "organ", "year", "carried_over", "carried_forward"]

    /// A report's values for `factColumns`, in their order; all null for a reject.
    private static func factValues(_ facts: ReportFacts?) -> [(any DatabaseValueConvertible)?] {
        guard let facts else { return Array(repeating: nil, count: factColumns.count) }
        return [facts.reportID, facts.template, facts.templateFingerprint, facts.status, facts.organ, facts.year,
                facts.carriedOverTotal, facts.carriedForwardTotal]
    }

    private static func facts(_ row: Row) -> ReportFacts? {
        guard let reportID = row["report_id"] as String? else { return nil }
        return ReportFacts(reportID: reportID, template: row["template"], templateFingerprint: row["template_fingerprint"],
                           status: row["status"], organ: row["organ"], year: row["year"],
                           carriedOverTotal: row["carried_over"], carriedForwardTotal: row["carried_forward"])
    }
}

/// A listed file as handed to a worker.
struct ListedFile: Sendable {
    var id: Int64
    var file: InputScanner.InputFile
    var previous: PreviousEntry?
}

/// What the previous run recorded for a path.
struct PreviousEntry: Sendable {
    var size: Int
    var modified: Int64
    /// Empty when the file could not be read.
    var sha256: String
    var reject: String?
    var report: ReportFacts?
}

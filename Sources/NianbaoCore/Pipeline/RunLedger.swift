import Foundation
import GRDB

/// The run's book of files, kept in SQLite so that a run's memory does not grow with the corpus:
/// the input listing, what each file and content became, the order and the duplicates of the
/// dataset, where each report's rows lie in the output, and the cross-year pairs are rows and
/// queries, not arrays. The book is written into the staging folder, so after the swap it is the
/// manifest the next run reads (`.nianbao/manifest.sqlite`); the last run's manifest is attached
/// read-only as `previous`.
final class RunLedger: Sendable {
    let database: DatabaseQueue
    let location: URL

    /// Opens a new, empty book at `location` and attaches the previous run's manifest when there is a
    /// readable one of this format (otherwise every file counts as new).
    /// `settings`: what of the configuration changes a file's outcome (`PipelineConfig.outcomeKey`).
    init(at location: URL, previous: URL?, settings: String) throws {
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
            try db.execute(sql: "INSERT INTO run (format, parser, settings) VALUES (?, ?, ?)",
                           arguments: [Manifest.format, ParserVersion.current, settings])
            try Self.attachPrevious(previous, to: db)
        }
    }

    /// A manifest that cannot be read, or of another format, is no manifest: the run reads and parses
    /// every file, since without it the previous output cannot be found in.
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
    func list(_ input: URL, excluding excluded: Set<String>) throws -> Int {
        var batch: [InputScanner.InputFile] = []
        var count = 0
        func flush() throws {
            try database.write { db in
                let insert = try db.cachedStatement(sql: "INSERT INTO file (path, rank, size, modified, kind) VALUES (?, ?, ?, ?, ?)")
                for file in batch {
                    try insert.execute(arguments: [file.relativePath, CopyPreference.rank(file.relativePath), file.size, file.modified,
                                                   file.kind.rawValue])
                }
            }
            count += batch.count
            batch.removeAll(keepingCapacity: true)
        }
        try InputScanner.scan(input, excluding: excluded) { file in
            batch.append(file)
            if batch.count == 1024 { try flush() }
        }
        try flush()
        return count + (try keepFilesOfUnreadableFolders())
    }

    /// The previous run's files below a folder this run cannot read are listed again as they were, so
    /// that their reports are kept (not dropped as deleted) until the folder is readable or gone.
    private func keepFilesOfUnreadableFolders() throws -> Int {
        try database.write { db in
            try db.execute(sql: """
                INSERT INTO file (path, rank, size, modified, kind)
                SELECT p.path, p.rank, p.size, p.modified, ? FROM previous.file p
                JOIN file f ON f.kind = ? AND substr(p.path, 1, length(f.path) + 1) = f.path || '/'
                WHERE NOT EXISTS (SELECT 1 FROM file g WHERE g.path = p.path)
                ORDER BY p.path
                """, arguments: [InputScanner.InputFile.Kind.keptFromUnreadableFolder.rawValue,
                                 InputScanner.InputFile.Kind.unreadableFolder.rawValue])
            return db.changesCount
        }
    }

    /// The parser version and outcome settings of the previous run, nil when there was none: its
    /// cache holds for this run only when both are this run's.
    func previousCacheKey() throws -> String? {
        try database.read { db in try String.fetchOne(db, sql: "SELECT parser || ' ' || settings FROM previous.run") }
    }

    /// The stamps of the row tables' files the previous run wrote.
    func previousStamps() throws -> [OutputFileStamp] {
        try database.read { db in
            try Row.fetchAll(db, sql: "SELECT name, size, modified FROM previous.output ORDER BY name").map {
                OutputFileStamp(name: $0["name"], size: $0["size"], modified: $0["modified"])
            }
        }
    }

    /// Listed files after `id`, in listing order, each with what the previous run recorded for its path.
    func listed(after id: Int64, limit: Int) throws -> [ListedFile] {
        try database.read { db in
            try Row.fetchAll(db, sql: """
                SELECT f.id, f.path, f.size, f.modified, f.kind, p.path IS NOT NULL AS known, p.size AS previous_size,
                       p.modified AS previous_modified, p.sha256, p.reject AS previous_reject
                FROM file f LEFT JOIN previous.file p ON p.path = f.path
                WHERE f.id > ? ORDER BY f.id LIMIT ?
                """, arguments: [id, limit]).map { row in
                var previous: PreviousEntry?
                if row["known"] as Bool {
                    previous = PreviousEntry(size: row["previous_size"], modified: row["previous_modified"], sha256: row["sha256"],
                                             reject: row["previous_reject"])
                }
                return ListedFile(id: row["id"], file: InputScanner.InputFile(relativePath: row["path"], size: row["size"], modified: row["modified"],
                                                                             kind: .init(rawValue: row["kind"]) ?? .file),
                                  previous: previous)
            }
        }
    }

    /// Records what identifying gave; a file nothing is recorded for belongs to another shard.
    func record(_ identified: [(id: Int64, file: IdentifiedFile)]) throws {
        guard !identified.isEmpty else { return }
        try database.write { db in
            let update = try db.cachedStatement(sql: "UPDATE file SET handled = 1, change = ?, sha256 = ?, reject = ? WHERE id = ?")
            for (id, file) in identified {
                try update.execute(arguments: [file.change.rawValue, file.sha256, file.reject, id])
            }
        }
    }

    /// Drops the files of other shards, and indexes the files by content for handling.
    func finishIdentifying() throws {
        try database.write { db in
            try db.execute(sql: """
                DELETE FROM file WHERE handled = 0;
                CREATE INDEX file_sha256 ON file (sha256, rank, path);
                """)
        }
    }

    /// Files to handle (read, with no reject yet) after the given one, in (sha256, rank, path) order:
    /// the order of report_id, then of the copies of one content, the preferred copy first.
    func contents(after last: (sha256: String, rank: Int, path: String), limit: Int) throws -> [PlannedFile] {
        try database.read { db in
            try Row.fetchAll(db, sql: """
                SELECT id, path, rank, size, modified, sha256, change FROM file
                WHERE reject IS NULL AND sha256 <> '' AND (sha256, rank, path) > (?, ?, ?)
                ORDER BY sha256, rank, path LIMIT ?
                """, arguments: [last.sha256, last.rank, last.path, limit]).map { row in
                PlannedFile(id: row["id"], path: row["path"], rank: row["rank"], size: row["size"], modified: row["modified"], sha256: row["sha256"],
                            change: FileChange(rawValue: row["change"]) ?? .new)
            }
        }
    }

    /// What the previous run made of a content: its report (with where its rows lie in the previous
    /// output), else the reason it was rejected, else nil.
    func previousOutcome(of sha256: String) throws -> PreviousOutcome? {
        try database.read { db in
            if let row = try Row.fetchOne(db, sql: "SELECT \(Self.factColumns.joined(separator: ", ")), spans FROM previous.report WHERE sha256 = ?",
                                          arguments: [sha256]) {
                guard let spans = RowSpan.decode(row["spans"]) else { return nil }
                return .report(Self.facts(row), spans: spans)
            }
            if let reason = try String.fetchOne(db, sql: "SELECT reject FROM previous.file WHERE sha256 = ? AND verdict = 1 LIMIT 1",
                                                arguments: [sha256]) {
                return .reject(reason)
            }
            return nil
        }
    }

    /// Records what became of contents, as the writer takes them in order.
    func record(_ outcomes: [ContentOutcome]) throws {
        guard !outcomes.isEmpty else { return }
        try database.write { db in
            let insert = try db.cachedStatement(sql: """
                INSERT INTO report (sha256, \(Self.factColumns.joined(separator: ", ")), header, checks_csv, checks_jsonl, spans)
                VALUES (?, \(Array(repeating: "?", count: Self.factColumns.count).joined(separator: ", ")), ?, ?, ?, ?)
                """)
            let copy = try db.cachedStatement(sql: """
                INSERT INTO report SELECT sha256, \(Self.factColumns.joined(separator: ", ")), header, checks_csv, checks_jsonl, ?
                FROM previous.report WHERE sha256 = ?
                """)
            let reported = try db.cachedStatement(sql: "UPDATE file SET report_id = ? WHERE sha256 = ?")
            let rejected = try db.cachedStatement(sql: "UPDATE file SET reject = ?, verdict = ? WHERE sha256 = ?")
            let parsed = try db.cachedStatement(sql: "UPDATE file SET parsed = 1 WHERE id = ?")
            for outcome in outcomes {
                switch outcome.kind {
                case .parsed(let header, let checks, let spans):
                    try insert.execute(arguments: [outcome.sha256] + StatementArguments(Self.factValues(ReportFacts(header)))
                                       + [try Self.headerEncoder.encode(header), Data(checks.csv), Data(checks.jsonl), RowSpan.encode(spans)])
                    try reported.execute(arguments: [header.reportID, outcome.sha256])
                case .copied(let spans):
                    try copy.execute(arguments: [RowSpan.encode(spans), outcome.sha256])
                    try reported.execute(arguments: [ProcessedReport.id(sha256: outcome.sha256), outcome.sha256])
                case .rejected(let reason, let verdict):
                    try rejected.execute(arguments: [reason, verdict, outcome.sha256])
                }
                if let id = outcome.parsedFile { try parsed.execute(arguments: [id]) }
            }
        }
    }

    /// Indexes the book for the queries of the write stage.
    func finishHandling() throws {
        try database.write { db in
            try db.execute(sql: """
                CREATE INDEX report_order ON report (report_id);
                CREATE INDEX report_organ ON report (organ, year, report_id);
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

    /// How many reports the previous dataset had, and how many of them this run drops: reports whose
    /// content is gone and none of whose files became a report again (a changed file replaces its
    /// report, it does not drop it).
    func shrinkage() throws -> Shrinkage {
        try database.read { db in
            let row = try Row.fetchOne(db, sql: """
                SELECT (SELECT count(*) FROM previous.report) AS previous,
                       (SELECT count(*) FROM previous.report p
                        WHERE NOT EXISTS (SELECT 1 FROM main.report r WHERE r.sha256 = p.sha256)
                          AND NOT EXISTS (SELECT 1 FROM previous.file pf JOIN main.file f ON f.path = pf.path
                                          WHERE pf.sha256 = p.sha256 AND f.report_id IS NOT NULL)) AS dropped,
                       (SELECT count(*) FROM main.report) AS now
                """)!
            return Shrinkage(previous: row["previous"], dropped: row["dropped"], now: row["now"])
        }
    }

    /// The paths the previous run listed that this run did not, in path order.
    func forEachDeleted(_ body: (String) throws -> Void) throws {
        try database.read { db in
            let rows = try String.fetchCursor(db, sql: """
                SELECT p.path FROM previous.file p WHERE NOT EXISTS (SELECT 1 FROM main.file f WHERE f.path = p.path) ORDER BY p.path
                """)
            while let path = try rows.next() { try body(path) }
        }
    }

    /// Every report in report_id order, one at a time, with the first of its files in path byte
    /// order (SQLite's BINARY collation compares UTF-8 bytes, the order the dataset promises).
    func forEachReport(_ body: (_ path: String, _ header: ReportHeader, _ ownChecks: ReportFragment.EncodedRows) throws -> Void) throws {
        try database.read { db in
            let rows = try Row.fetchCursor(db, sql: """
                SELECT (SELECT f.path FROM file f WHERE f.sha256 = r.sha256 ORDER BY f.rank, f.path LIMIT 1) AS path, header, checks_csv, checks_jsonl
                FROM report r ORDER BY report_id
                """)
            let decoder = JSONDecoder()
            while let row = try rows.next() {
                let header = try decoder.decode(ReportHeader.self, from: row["header"] as Data)
                let checks = ReportFragment.EncodedRows(csv: [UInt8](row["checks_csv"] as Data), jsonl: [UInt8](row["checks_jsonl"] as Data))
                try body(row["path"], header, checks)
            }
        }
    }

    /// Every reject in path order: files that became no report, then later copies of a report's bytes.
    func forEachReject(_ body: (Reject) throws -> Void) throws {
        try database.read { db in
            let rows = try Row.fetchCursor(db, sql: """
                SELECT path, sha256, reject AS reason FROM file WHERE reject IS NOT NULL
                UNION ALL
                SELECT f.path, f.sha256,
                       'duplicate of ' || (SELECT g.path FROM file g WHERE g.sha256 = f.sha256 ORDER BY g.rank, g.path LIMIT 1) || ' (same bytes)'
                FROM file f WHERE f.report_id IS NOT NULL
                  AND EXISTS (SELECT 1 FROM file g WHERE g.sha256 = f.sha256 AND (g.rank, g.path) < (f.rank, f.path))
                ORDER BY path
                """)
            while let row = try rows.next() { try body(Reject(sourcePath: row["path"], sha256: row["sha256"], reason: row["reason"])) }
        }
    }

    /// The reports of one organ (organ_id) at a time, in year then report_id order, for the organs,
    /// the panel, the copies and the cross-year check; one organ in memory at a time.
    func forEachOrgan(_ body: ([ReportHeader]) throws -> Void) throws {
        try database.read { db in
            let rows = try Row.fetchCursor(db, sql: "SELECT organ, header FROM report WHERE organ <> '' ORDER BY organ, year, report_id")
            let decoder = JSONDecoder()
            var group: [ReportHeader] = []
            var organ = ""
            while let row = try rows.next() {
                let next: String = row["organ"]
                if !group.isEmpty, next != organ {
                    try body(group)
                    group.removeAll(keepingCapacity: true)
                }
                organ = next
                group.append(try decoder.decode(ReportHeader.self, from: row["header"] as Data))
            }
            if !group.isEmpty { try body(group) }
        }
    }

    /// Records the stamps of the row tables' files as written.
    func record(_ stamps: [OutputFileStamp]) throws {
        try database.write { db in
            for stamp in stamps {
                try db.execute(sql: "INSERT INTO output (name, size, modified) VALUES (?, ?, ?)", arguments: [stamp.name, stamp.size, stamp.modified])
            }
        }
    }

    /// Closes the book and syncs it to disk, before the staging folder is swapped in.
    func close() throws {
        try database.writeWithoutTransaction { db in try db.execute(sql: "DETACH DATABASE previous") }
        try database.close()
        try FileBytes.sync(location.path)
    }

    // MARK: Rows

    private static let headerEncoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return encoder
    }()

    private static let factColumns = ["report_id", "template", "template_fingerprint", "status", "organ", "year", "carried_over", "carried_forward"]

    /// A report's values for `factColumns`, in their order.
    private static func factValues(_ facts: ReportFacts) -> [(any DatabaseValueConvertible)?] {
        [facts.reportID, facts.template, facts.templateFingerprint, facts.status, facts.organ, facts.year,
         facts.carriedOverTotal, facts.carriedForwardTotal]
    }

    private static func facts(_ row: Row) -> ReportFacts {
        ReportFacts(reportID: row["report_id"], template: row["template"], templateFingerprint: row["template_fingerprint"],
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
    /// Why it became no report, if it did not.
    var reject: String?
}

/// What identifying a file gave: its content hash, how it compares with the previous run, and a
/// reject when it could not be read at all.
struct IdentifiedFile: Sendable {
    var sha256: String
    var change: FileChange
    var reject: String? = nil
}

/// A file with readable content, as the run takes them in content order.
struct PlannedFile: Sendable {
    var id: Int64
    var path: String
    /// Which copy of a content is the report's (`CopyPreference`), lowest first.
    var rank: Int
    /// Size and modification time as listed.
    var size: Int
    var modified: Int64
    var sha256: String
    var change: FileChange
}

/// What the previous run made of a content.
enum PreviousOutcome: Sendable {
    case report(ReportFacts, spans: [RowSpan])
    case reject(String)
}

/// What became of one content in this run, for the book.
struct ContentOutcome {
    enum Kind {
        /// Only what the book keeps: the rows themselves are in the output already.
        case parsed(ReportHeader, ownChecks: ReportFragment.EncodedRows, spans: [RowSpan])
        case copied(spans: [RowSpan])
        /// `verdict`: the stages' verdict on the bytes, which a later run may take over.
        case rejected(String, verdict: Bool)
    }

    var sha256: String
    var kind: Kind
    /// The file that went through the stages, if one did.
    var parsedFile: Int64?

    /// Whether the content is a report of the dataset (its other copies are then duplicates).
    var isReport: Bool {
        if case .rejected = kind { return false }
        return true
    }
}

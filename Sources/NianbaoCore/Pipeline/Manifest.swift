import Foundation
import GRDB

/// `<output>/.nianbao/manifest.sqlite`: what the last run read, one row per file of its shard. Keyed
/// by path, each row records the file's size and modification time (to skip reading unchanged
/// files), its content hash, and what it became under which parser version; each report records
/// where its rows lie in the output, which is the next run's cache. The run writes it as its ledger
/// (`RunLedger`); this type reads a finished one back.
public struct Manifest: Sendable, Equatable {
    public var parser: String
    public var files: [Entry]

    public struct Entry: Sendable, Equatable {
        public var path: String
        public var size: Int
        /// Modification time in nanoseconds since 1970.
        public var modified: Int64
        /// Empty when the file could not be read.
        public var sha256: String
        /// The report it became, or nil when it was rejected.
        public var reportID: String?
        public var reject: String?
    }

    /// Bumped when the tables change: a manifest of another format is not read (every file is read
    /// and parsed again).
    static let format = 5

    /// `run`: the format, the parser version and the settings that change a file's outcome (a cache
    /// made under others is not reused). `file`: one row per input file of the run's shard (`verdict`: its reject is the stages' verdict
    /// on its bytes, not a read that failed this time). `report`: one row per report (distinct
    /// content that became one), with its facts, its `reports` header, its own checks as encoded
    /// rows, and the spans of its rows in the row tables' files. `output`: those files' stamps.
    static let schema = """
        CREATE TABLE run (format INTEGER NOT NULL, parser TEXT NOT NULL, settings TEXT NOT NULL);
        CREATE TABLE file (
          id INTEGER PRIMARY KEY,
          path TEXT NOT NULL UNIQUE,
          rank INTEGER NOT NULL DEFAULT 0,
          size INTEGER NOT NULL,
          modified INTEGER NOT NULL,
          handled INTEGER NOT NULL DEFAULT 0,
          change TEXT,
          parsed INTEGER NOT NULL DEFAULT 0,
          sha256 TEXT NOT NULL DEFAULT '',
          reject TEXT,
          verdict INTEGER NOT NULL DEFAULT 0,
          report_id TEXT,
          kind INTEGER NOT NULL DEFAULT 0
        );
        CREATE TABLE report (
          sha256 TEXT PRIMARY KEY,
          report_id TEXT NOT NULL,
          template TEXT NOT NULL,
          template_fingerprint TEXT NOT NULL,
          status TEXT NOT NULL,
          organ TEXT NOT NULL,
          year INTEGER,
          carried_over TEXT,
          carried_forward TEXT,
          header BLOB NOT NULL,
          checks_csv BLOB NOT NULL,
          checks_jsonl BLOB NOT NULL,
          spans TEXT NOT NULL
        );
        CREATE TABLE output (name TEXT PRIMARY KEY, size INTEGER NOT NULL, modified INTEGER NOT NULL);
        """

    public static func location(in output: URL) -> URL {
        output.appendingPathComponent(".nianbao").appendingPathComponent("manifest.sqlite")
    }

    /// Reads a finished run's manifest whole (for tests and tools; a run never does this).
    public static func load(from output: URL) -> Manifest? {
        let url = location(in: output)
        guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        var configuration = Configuration()
        configuration.readonly = true
        return try? DatabaseQueue(path: url.path, configuration: configuration).read { db in
            guard let parser = try String.fetchOne(db, sql: "SELECT parser FROM run") else { return nil }
            let files = try Row.fetchAll(db, sql: "SELECT path, size, modified, sha256, report_id, reject FROM file ORDER BY path").map { row in
                Entry(path: row["path"], size: row["size"], modified: row["modified"], sha256: row["sha256"],
                      reportID: row["report_id"], reject: row["reject"])
            }
            return Manifest(parser: parser, files: files)
        }
    }
}

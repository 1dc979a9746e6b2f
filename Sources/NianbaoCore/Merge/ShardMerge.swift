import Foundation
import GRDB

/// The reduce step of a sharded run (`nianbao merge`): the shards' folders become one dataset, the
/// same bytes a single run over the whole input writes. Nothing is parsed again: the merge is a run
/// whose previous dataset is all the shards at once, a manifest uniting theirs with every row file
/// named by its shard's folder, so every report's rows are copied out of the shard that wrote them,
/// every reject taken over, and the dataset's own half (organs, the panel, copies, cross-year checks,
/// reports and checks, the pages) made over all reports. A file changed since its shard ran is parsed
/// as in any run; one the shards never listed is new.
public struct ShardMerge {
    public var config: PipelineConfig
    /// The folder the `--shard K/N` runs wrote their `shard-KKKK-of-NNNN` folders into.
    public var shards: URL
    public var observer: (@Sendable (RunEvent) -> Void)?

    public init(config: PipelineConfig, shards: URL, observer: (@Sendable (RunEvent) -> Void)? = nil) {
        self.config = config
        self.shards = shards
        self.observer = observer
    }

    public struct Refused: Error, CustomStringConvertible {
        public var description: String
    }

    @discardableResult
    public func run() throws -> RunSummary {
        let merged = OutputGuard.realPath(config.output), base = OutputGuard.realPath(shards)
        if merged == base || merged.hasPrefix(base + "/") {
            throw Refused(description: "refused: the merged dataset \(config.output.path) would lie in the shards' folder \(shards.path), "
                          + "which holds the shards only; give it a folder of its own")
        }
        let folders = try ShardFolders.complete(in: shards)
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("nianbao-merge-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: work) }
        let united = work.appendingPathComponent("manifest.sqlite")
        try ShardFolders.uniteManifests(folders, in: shards, into: united)
        var pipeline = Pipeline(config: config, observer: observer)
        pipeline.previous = PreviousDataset(manifest: united, folder: shards)
        return try pipeline.run()
    }
}

/// The `shard-KKKK-of-NNNN` folders of one sharded run.
enum ShardFolders {
    /// The folders of shards 0 … N−1, every one present with its manifest; otherwise a refusal naming what is missing.
    static func complete(in base: URL) throws -> [String] {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: base.path)) ?? []).filter { $0.hasPrefix("shard-") }.sorted()
        let counts = Set(names.compactMap { name -> Int? in
            let parts = name.split(separator: "-")
            return parts.count == 4 && parts[2] == "of" ? Int(parts[3]) : nil
        })
        guard let count = counts.first else {
            throw ShardMerge.Refused(description: "refused: \(base.path) holds no shard folders (shard-KKKK-of-NNNN, made by run --shard K/N)")
        }
        guard counts.count == 1 else {
            throw ShardMerge.Refused(description: "refused: \(base.path) holds shards of different splits (\(counts.sorted().map { "of \($0)" }.joined(separator: ", "))); "
                                     + "merge the shards of one run")
        }
        let expected = (0..<count).map { String(format: "shard-%04d-of-%04d", $0, count) }
        if let missing = expected.first(where: { !FileManager.default.fileExists(atPath: Manifest.location(in: base.appendingPathComponent($0)).path) }) {
            throw ShardMerge.Refused(description: "refused: \(missing) is missing or unfinished in \(base.path); run that shard first")
        }
        return expected
    }

    /// One manifest of all the shards': their files, reports and row files, each row file named by
    /// its shard's folder, and their run (the same parser and settings for all, or the merge refuses).
    static func uniteManifests(_ folders: [String], in base: URL, into united: URL) throws {
        let database = try DatabaseQueue(path: united.path)
        try database.writeWithoutTransaction { db in
            try db.execute(sql: Manifest.schema)
            var run: Row?
            for folder in folders {
                try db.execute(sql: "ATTACH DATABASE ? AS shard", arguments: [Manifest.location(in: base.appendingPathComponent(folder)).path])
                let shardRun = try Row.fetchOne(db, sql: "SELECT format, parser, settings FROM shard.run")
                if let run, let shardRun, run != shardRun {
                    throw ShardMerge.Refused(description: "refused: \(folder) was made by another parser or with other settings than shard 0; "
                                             + "run the shards again with one nianbao and one configuration")
                }
                if run == nil, let shardRun {
                    run = shardRun
                    try db.execute(sql: "INSERT INTO run SELECT format, parser, settings FROM shard.run")
                }
                let prefix = folder + "/"
                try db.execute(sql: """
                    INSERT INTO file (path, rank, size, modified, handled, change, parsed, sha256, reject, verdict, report_id, kind)
                    SELECT path, rank, size, modified, handled, change, parsed, sha256, reject, verdict, report_id, kind FROM shard.file;
                    """)
                try db.execute(sql: """
                    INSERT OR IGNORE INTO report
                    SELECT sha256, report_id, template, template_fingerprint, status, organ, year, carried_over, carried_forward, header,
                           checks_csv, checks_jsonl, CASE spans WHEN '' THEN '' ELSE ?1 || replace(spans, ';', ';' || ?1) END FROM shard.report
                    """, arguments: [prefix])
                try db.execute(sql: "INSERT INTO output SELECT ? || name, size, modified FROM shard.output", arguments: [prefix])
                try db.execute(sql: "DETACH DATABASE shard")
            }
        }
        try database.close()
    }
}

import Foundation
import Testing
@testable import NianbaoCore

/// Nightly operation: incremental runs equal full runs, one run at a time, shards add up.
@Suite("Incremental, locked and sharded runs")
struct IncrementalRunTests {
    /// A crawl folder made of the samples, one copy of each under its own name.
    private func crawl() throws -> URL {
        let folder = try Repository.temporaryFolder().appendingPathComponent("crawl")
        try FileManager.default.copyItem(at: Repository.samples, to: folder)
        return folder
    }

    @Test("after adding, changing, renaming and deleting files the incremental output equals a full run byte for byte")
    func incrementalEqualsFull() throws {
        let input = try crawl()
        let output = try Repository.temporaryFolder().appendingPathComponent("Output")
        let first = try Pipeline(config: PipelineConfig(input: input, output: output)).run()
        #expect(first.new == 10 && first.unchanged == 0)

        let again = try Pipeline(config: PipelineConfig(input: input, output: output)).run()
        #expect(again.unchanged == 10 && again.new == 0 && again.changed == 0)

        let fileManager = FileManager.default
        try fileManager.removeItem(at: input.appendingPathComponent("004_92fc7ff319701b04.txt"))
        try fileManager.moveItem(at: input.appendingPathComponent("102_baicheng_2019_plain.html"),
                                 to: input.appendingPathComponent("renamed.html"))
        let changed = input.appendingPathComponent("001_ca6d36624542eac4.txt")
        let text = try String(contentsOf: changed, encoding: .utf8).replacingOccurrences(of: "335002", with: "335003")
        try Data(text.utf8).write(to: changed)
        try fileManager.createDirectory(at: input.appendingPathComponent("2024"), withIntermediateDirectories: true)
        try fileManager.copyItem(at: Repository.samples.appendingPathComponent(Seed.linyi),
                                 to: input.appendingPathComponent("2024/linyi-again.txt"))
        try Data().write(to: input.appendingPathComponent("empty.txt"))

        let incremental = try Pipeline(config: PipelineConfig(input: input, output: output)).run()
        #expect(incremental.deleted == 2)
        #expect(incremental.changed == 1)
        #expect(incremental.new == 3)
        #expect(incremental.unchanged == 7)
        #expect(incremental.seen == 11)
        #expect(incremental.rejected == 2)

        let fresh = try Repository.temporaryFolder().appendingPathComponent("Output")
        try Pipeline(config: PipelineConfig(input: input, output: fresh), full: true).run()
        #expect(try datasetFiles(output) == datasetFiles(fresh))

        let applications = try String(contentsOf: output.appendingPathComponent("applications.csv"), encoding: .utf8)
        #expect(!applications.contains("095fef41a66a6be8"))
        let disclosure = try String(contentsOf: output.appendingPathComponent("active_disclosure.csv"), encoding: .utf8)
        #expect(disclosure.contains(",art20_5,licensing,decisions,335003,count,reported,335003,line 127"))
    }

    @Test("an unchanged rerun reads no input file and parses nothing")
    func unchangedRerunReusesEverything() throws {
        let input = try crawl()
        let output = try Repository.temporaryFolder().appendingPathComponent("Output")
        try Pipeline(config: PipelineConfig(input: input, output: output)).run()
        let before = try datasetFiles(output)
        // Same size, same modification time, other bytes: a run that read the file would see the change.
        // (Like make and rsync, nianbao trusts size and time; `--full` reads everything.)
        let file = input.appendingPathComponent(Seed.baicheng)
        var info = stat()
        #expect(stat(file.path, &info) == 0)
        let text = try String(contentsOf: file, encoding: .utf8).replacingOccurrences(of: "335002", with: "999999")
        try Data(text.utf8).write(to: file)
        var times = [info.st_atim, info.st_mtim]
        #expect(utimensat(AT_FDCWD, file.path, &times, 0) == 0)
        let events = EventLog()
        let summary = try Pipeline(config: PipelineConfig(input: input, output: output), observer: events.observer).run()
        #expect(summary.unchanged == 10)
        #expect(events.changes == Array(repeating: FileChange.unchanged, count: 10))
        #expect(try datasetFiles(output) == before)
        let full = try Pipeline(config: PipelineConfig(input: input, output: output), full: true).run()
        #expect(full.changed == 1)
        #expect(try datasetFiles(output) != before)
    }

    @Test("the manifest records every file; summary.json counts the run")
    func manifestAndSummary() throws {
        let output = try Repository.temporaryFolder().appendingPathComponent("Output")
        try Pipeline(config: PipelineConfig(input: Repository.samples, output: output)).run()
        let manifest = try #require(Manifest.load(from: output))
        #expect(manifest.parser == ParserVersion.current)
        #expect(manifest.files.map(\.path).sorted() == (try FileManager.default.contentsOfDirectory(atPath: Repository.samples.path)).sorted())
        #expect(manifest.files.first { $0.path == Seed.baicheng }?.reportID == "91f6a4e014acfcc8")
        let summary = try JSONSerialization.jsonObject(with: Data(contentsOf: output.appendingPathComponent("summary.json"))) as! [String: Any]
        let reports = summary["reports"] as! [String: Any]
        #expect((reports["by_template"] as! [String: Int]) == ["gb2019": 9, "legacy": 1])
        #expect((reports["by_status"] as! [String: Int]) == ["complete": 7, "partial": 2, "narrative": 1])
        #expect((summary["findings_by_check"] as! [String: Int])["t3_balance"] == 3)
        #expect((summary["files"] as! [String: Int])["seen"] == 10)
    }

    @Test("the cache keeps exactly the fragments of this run's reports")
    func fragmentGarbage() throws {
        let input = try crawl()
        let output = try Repository.temporaryFolder().appendingPathComponent("Output")
        let store = FragmentStore(forOutput: output)
        func cached() throws -> Set<String> {
            let files = FileManager.default.enumerator(atPath: store.folder.path)?.compactMap { $0 as? String } ?? []
            return Set(files.filter { $0.hasSuffix(".fragment") }.map { String($0.split(separator: "/").last!.dropLast(9)) })
        }
        try Pipeline(config: PipelineConfig(input: input, output: output)).run()
        let first = try cached()
        #expect(first.count == 10)

        let deleted = input.appendingPathComponent("004_92fc7ff319701b04.txt")
        let deletedHash = FileProcessor.sha256(Array(try Data(contentsOf: deleted)))
        try FileManager.default.removeItem(at: deleted)
        try FileManager.default.copyItem(at: Repository.samples.appendingPathComponent(Seed.linyi), to: input.appendingPathComponent("copy.txt"))
        try Pipeline(config: PipelineConfig(input: input, output: output)).run()
        #expect(try cached() == first.subtracting([deletedHash]))
    }

    @Test("a damaged or old-format manifest is no manifest: every file is read again but none parsed again")
    func unreadableManifest() throws {
        let input = try crawl()
        let output = try Repository.temporaryFolder().appendingPathComponent("Output")
        try Pipeline(config: PipelineConfig(input: input, output: output)).run()
        let before = try datasetFiles(output)
        let manifest = Manifest.location(in: output)

        try Data("not a database, the end of a disk that filled up".utf8).write(to: manifest)
        let damaged = try Pipeline(config: PipelineConfig(input: input, output: output)).run()
        #expect(damaged.new == 10 && damaged.unchanged == 0 && damaged.parsed == 0)
        #expect(try datasetFiles(output) == before)
        #expect(Manifest.load(from: output)?.files.count == 10)

        // What an earlier version left: a JSON Lines manifest and no database.
        try FileManager.default.removeItem(at: manifest)
        try Data(#"{"parser":"old"}"#.utf8).write(to: manifest.deletingLastPathComponent().appendingPathComponent("manifest.jsonl"))
        let upgraded = try Pipeline(config: PipelineConfig(input: input, output: output)).run()
        #expect(upgraded.new == 10 && upgraded.parsed == 0)
        #expect(try datasetFiles(output) == before)
        #expect(try Pipeline(config: PipelineConfig(input: input, output: output)).run().unchanged == 10)
    }

    @Test("a fragment made by another parser or for another template description is not reused")
    func staleFragments() throws {
        let output = try Repository.temporaryFolder().appendingPathComponent("Output")
        let store = FragmentStore(forOutput: output)
        var fragment = ReportFragment(try processSample(Seed.baicheng))
        try store.save(fragment)
        #expect(store.load(fragment.header.sha256) != nil)
        fragment.parser = "1-0000000000000000"
        try store.save(fragment)
        #expect(store.load(fragment.header.sha256) == nil)
        fragment.parser = ParserVersion.current
        fragment.header.templateFingerprint = "changed"
        try store.save(fragment)
        #expect(store.load(fragment.header.sha256) == nil)
        #expect(!store.contains(ReportFacts(fragment.header), sha256: fragment.header.sha256))
    }

    @Test("workers saving the same fragment at once (duplicate files) all succeed, and it reads back whole")
    func concurrentSaves() throws {
        let output = try Repository.temporaryFolder().appendingPathComponent("Output")
        let store = FragmentStore(forOutput: output)
        let fragment = ReportFragment(try processSample(Seed.linyi))
        let failures = EventLog()
        DispatchQueue.concurrentPerform(iterations: 16) { _ in
            do { try store.save(fragment) } catch { failures.record(.writing) }
        }
        #expect(failures.count == 0)
        let loaded = try #require(store.load(fragment.header.sha256))
        #expect(loaded.header == fragment.header)
        #expect(loaded.rows == fragment.rows)
        let sections = String(decoding: loaded.rows["sections"]?.jsonl ?? [], as: UTF8.self)
        #expect(sections.contains("临沂市人民政府办公室"))
    }

    @Test("a second run on the same output is refused while the first holds the lock; a released lock is taken again")
    func oneRunAtATime() throws {
        let output = try Repository.temporaryFolder().appendingPathComponent("Output")
        var holder: RunLock? = try RunLock(for: output)
        #expect(throws: RunLock.Held.self) { try Pipeline(config: PipelineConfig(input: Repository.samples, output: output)).run() }
        do {
            _ = try RunLock(for: output)
        } catch let held as RunLock.Held {
            #expect(held.holder == "process \(getpid())")
        }
        holder = nil
        _ = holder
        #expect(try Pipeline(config: PipelineConfig(input: Repository.samples, output: output)).run().seen == 10)
    }

    @Test("a run killed mid-way leaves a staging folder and the previous output whole; the next run cleans up")
    func leftoversOfAKilledRun() throws {
        let output = try Repository.temporaryFolder().appendingPathComponent("Output")
        try Pipeline(config: PipelineConfig(input: Repository.samples, output: output)).run()
        let before = try datasetFiles(output)
        // What kill -9 leaves: a half-written staging folder of a dead process.
        let staging = output.deletingLastPathComponent().appendingPathComponent(".Output.staging-999999")
        try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: true)
        try Data("report_id,sou".utf8).write(to: staging.appendingPathComponent("reports.csv"))
        #expect(try datasetFiles(output) == before)
        try Pipeline(config: PipelineConfig(input: Repository.samples, output: output)).run()
        #expect(!FileManager.default.fileExists(atPath: staging.path))
        #expect(try datasetFiles(output) == before)
    }

    @Test("the shards' union equals a single run", arguments: [2, 3])
    func shardsAddUp(count: Int) throws {
        let single = try Repository.temporaryFolder().appendingPathComponent("Output")
        try Pipeline(config: PipelineConfig(input: Repository.samples, output: single)).run()
        let parts = try Repository.temporaryFolder()
        var seen = 0
        for index in 0..<count {
            let folder = parts.appendingPathComponent("shard-\(index)")
            seen += try Pipeline(config: PipelineConfig(input: Repository.samples, output: folder), shard: Shard(index: index, count: count)).run().seen
        }
        #expect(seen == 10)
        for schema in OutputSchema.all {
            let whole = try lines(single.appendingPathComponent("\(schema.name).jsonl"))
            var union: [String] = []
            for index in 0..<count { union += try lines(parts.appendingPathComponent("shard-\(index)/\(schema.name).jsonl")) }
            #expect(union.sorted() == whole.sorted(), "\(schema.name)")
        }
    }

    @Test("shard specifications")
    func shardSpecs() {
        #expect(Shard("3/16") == Shard(index: 3, count: 16))
        #expect(Shard("16/16") == nil && Shard("1/0") == nil && Shard("a/b") == nil && Shard("-1/4") == nil)
        let hashes = (0..<400).map { FileProcessor.sha256(Array("file \($0)".utf8)) }
        let sizes = (0..<4).map { index in hashes.filter { Shard(index: index, count: 4).contains(hash: $0) }.count }
        #expect(sizes.reduce(0, +) == 400)
        #expect(sizes.allSatisfy { $0 > 60 })
    }

    private func lines(_ url: URL) throws -> [String] {
        try String(contentsOf: url, encoding: .utf8).split(separator: "\n").map(String.init)
    }
}

/// Collects the changes a run reports, from its worker threads.
final class EventLog: @unchecked Sendable {
    private let lock = NSLock()
    private var recorded: [FileChange] = []

    var observer: @Sendable (RunEvent) -> Void {
        { [self] event in record(event) }
    }

    var changes: [FileChange] { lock.withLock { recorded } }

    private var others = 0

    func record(_ event: RunEvent) {
        lock.withLock {
            if case .file(_, let change, _) = event { recorded.append(change) } else { others += 1 }
        }
    }

    var count: Int { lock.withLock { recorded.count + others } }
}

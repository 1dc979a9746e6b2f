import Foundation
import GRDB
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
        #expect(first.new == Repository.sampleCount && first.unchanged == 0)

        let again = try Pipeline(config: PipelineConfig(input: input, output: output)).run()
        #expect(again.unchanged == Repository.sampleCount && again.new == 0 && again.changed == 0)

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
        #expect(incremental.unchanged == Repository.sampleCount - 3)
        #expect(incremental.seen == Repository.sampleCount + 1)
        #expect(incremental.rejected == 2)

        let fresh = try Repository.temporaryFolder().appendingPathComponent("Output")
        try Pipeline(config: PipelineConfig(input: input, output: fresh), full: true).run()
        #expect(try datasetFiles(output) == datasetFiles(fresh))

        let applications = try String(contentsOf: output.appendingPathComponent("applications.csv"), encoding: .utf8)
        #expect(!applications.contains("r095fef41a66a6be8"))
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
        #expect(summary.unchanged == Repository.sampleCount)
        #expect(events.changes == Array(repeating: FileChange.unchanged, count: Repository.sampleCount))
        #expect(try datasetFiles(output) == before)
        let full = try Pipeline(config: PipelineConfig(input: input, output: output), full: true).run()
        #expect(full.changed == 1)
        #expect(try datasetFiles(output) != before)
    }

    @Test("an unchanged rerun links the previous row files into place; a rerun with a change writes new ones")
    func unchangedRowFilesAreLinked() throws {
        let input = try crawl()
        let output = try Repository.temporaryFolder().appendingPathComponent("Output")
        try Pipeline(config: PipelineConfig(input: input, output: output)).run()
        let before = try datasetFiles(output)
        func inode(_ name: String) -> (number: UInt, links: UInt) {
            var info = stat()
            _ = stat(output.appendingPathComponent(name).path, &info)
            return (UInt(info.st_ino), UInt(info.st_nlink))
        }
        let first = inode("sections.jsonl"), firstCSV = inode("applications.csv")
        #expect(try Pipeline(config: PipelineConfig(input: input, output: output)).run().parsed == 0)
        #expect(inode("sections.jsonl") == (first.number, 1) && inode("applications.csv").number == firstCSV.number)
        #expect(try datasetFiles(output) == before)

        try FileManager.default.removeItem(at: input.appendingPathComponent(Seed.huaibei))
        let changed = try Pipeline(config: PipelineConfig(input: input, output: output)).run()
        #expect(changed.deleted == 1 && changed.parsed == 0)
        #expect(inode("sections.jsonl").number != first.number)
        let sections = try String(contentsOf: output.appendingPathComponent("sections.jsonl"), encoding: .utf8)
        #expect(!sections.contains("r095fef41a66a6be8") && sections.contains("r91f6a4e014acfcc8"))
    }

    @Test("the manifest records every file; summary.json counts the run")
    func manifestAndSummary() throws {
        let output = try Repository.temporaryFolder().appendingPathComponent("Output")
        try Pipeline(config: PipelineConfig(input: Repository.samples, output: output)).run()
        let manifest = try #require(Manifest.load(from: output))
        #expect(manifest.parser == ParserVersion.current)
        #expect(manifest.files.map(\.path).sorted() == (try FileManager.default.contentsOfDirectory(atPath: Repository.samples.path)).sorted())
        #expect(manifest.files.first { $0.path == Seed.baicheng }?.reportID == "r91f6a4e014acfcc8")
        let summary = try JSONSerialization.jsonObject(with: Data(contentsOf: output.appendingPathComponent("summary.json"))) as! [String: Any]
        let reports = summary["reports"] as! [String: Any]
        #expect((reports["by_template"] as! [String: Int]) == ["gb2019": 9, "legacy": 3])
        #expect((reports["by_status"] as! [String: Int]) == ["complete": 7, "partial": 2, "narrative": 3])
        #expect((summary["findings_by_check"] as! [String: Int])["t3_balance"] == 3)
        #expect((summary["files"] as! [String: Int])["seen"] == Repository.sampleCount)
    }

    @Test("each report's spans in the manifest hold exactly its rows of the output, which is the next run's cache")
    func spansPointAtRows() throws {
        let output = try Repository.temporaryFolder().appendingPathComponent("Output")
        try Pipeline(config: PipelineConfig(input: Repository.samples, output: output)).run()
        let manifest = try DatabaseQueue(path: Manifest.location(in: output).path)
        let reports = try manifest.read { db in
            try Row.fetchAll(db, sql: "SELECT report_id, spans FROM report ORDER BY report_id").map { ($0["report_id"] as String, $0["spans"] as String) }
        }
        #expect(reports.count == Repository.sampleCount)
        var covered: [String: Int64] = [:]
        for (reportID, encoded) in reports {
            let spans = try #require(RowSpan.decode(encoded))
            for span in spans {
                let bytes = try Data(contentsOf: output.appendingPathComponent(span.file))
                let piece = bytes[Int(span.offset)..<Int(span.offset + span.length)]
                #expect(piece.last == 0x0A)
                // CSV fields may hold line breaks (quoted); JSON Lines escape them, so every line is a row.
                let rows = span.file.hasSuffix(".csv") ? [piece] : piece.split(separator: 0x0A)
                let prefix = span.file.hasSuffix(".csv") ? "\(reportID)," : #"{"report_id":"\#(reportID)""#
                #expect(rows.allSatisfy { $0.starts(with: Data(prefix.utf8)) }, "\(span.file) \(reportID)")
                covered[span.file, default: 0] += span.length
            }
        }
        // Together the spans cover every row: the files hold nothing else but the CSV header.
        for (file, length) in covered {
            let bytes = try Data(contentsOf: output.appendingPathComponent(file))
            let header = file.hasSuffix(".csv") ? Int64((bytes.firstIndex(of: 0x0A) ?? -1) + 1) : 0
            #expect(length + header == Int64(bytes.count), "\(file)")
        }
        #expect(covered.count == 10)
    }

    @Test("a report parsed under another description of its template is parsed again; the rest are copied")
    func staleTemplate() throws {
        let input = try crawl()
        let output = try Repository.temporaryFolder().appendingPathComponent("Output")
        try Pipeline(config: PipelineConfig(input: input, output: output)).run()
        let before = try datasetFiles(output)
        try DatabaseQueue(path: Manifest.location(in: output).path).write { db in
            try db.execute(sql: "UPDATE report SET template_fingerprint = 'changed' WHERE report_id = 'r91f6a4e014acfcc8'")
        }
        let rerun = try Pipeline(config: PipelineConfig(input: input, output: output)).run()
        #expect(rerun.unchanged == Repository.sampleCount && rerun.parsed == 1)
        #expect(try datasetFiles(output) == before)
        #expect(try Pipeline(config: PipelineConfig(input: input, output: output)).run().parsed == 0)
    }

    @Test("the stages' reject of a content is taken over by the next run; a read that failed is tried again")
    func rejectsTakenOverOrRetried() throws {
        let input = try crawl()
        try Data("会议纪要：本周无事。\n".utf8).write(to: input.appendingPathComponent("notes.txt"))
        let output = try Repository.temporaryFolder().appendingPathComponent("Output")
        let first = try Pipeline(config: PipelineConfig(input: input, output: output)).run()
        #expect(first.rejected == 1 && first.parsed == Repository.sampleCount + 1)
        let before = try datasetFiles(output)
        let again = try Pipeline(config: PipelineConfig(input: input, output: output)).run()
        #expect(again.rejected == 1 && again.parsed == 0)
        // What a read that failed during handling leaves: a reject that is no verdict on the bytes.
        try DatabaseQueue(path: Manifest.location(in: output).path).write { db in
            try db.execute(sql: "UPDATE file SET verdict = 0 WHERE path = 'notes.txt'")
        }
        let retried = try Pipeline(config: PipelineConfig(input: input, output: output)).run()
        #expect(retried.rejected == 1 && retried.parsed == 1)
        #expect(try datasetFiles(output) == before)
    }

    @Test("a report whose recorded rows lie past the end of the previous files is parsed again, not copied")
    func spansPastTheEnd() throws {
        let input = try crawl()
        let output = try Repository.temporaryFolder().appendingPathComponent("Output")
        try Pipeline(config: PipelineConfig(input: input, output: output)).run()
        let before = try datasetFiles(output)
        try DatabaseQueue(path: Manifest.location(in: output).path).write { db in
            try db.execute(sql: "UPDATE report SET spans = 'sections.csv 999999999 10' WHERE report_id = 'r91f6a4e014acfcc8'")
        }
        let rerun = try Pipeline(config: PipelineConfig(input: input, output: output)).run()
        #expect(rerun.parsed == 1)
        #expect(try datasetFiles(output) == before)
    }

    @Test("an output file changed since the run (saved over from a spreadsheet) is not copied from")
    func touchedOutput() throws {
        let input = try crawl()
        let output = try Repository.temporaryFolder().appendingPathComponent("Output")
        try Pipeline(config: PipelineConfig(input: input, output: output)).run()
        let before = try datasetFiles(output)
        let sections = output.appendingPathComponent("sections.csv")
        let edited = try String(contentsOf: sections, encoding: .utf8).replacingOccurrences(of: "政府信息", with: "政府資訊")
        try Data(edited.utf8).write(to: sections)
        let rerun = try Pipeline(config: PipelineConfig(input: input, output: output)).run()
        #expect(rerun.unchanged == Repository.sampleCount && rerun.parsed == Repository.sampleCount)
        #expect(try datasetFiles(output) == before)
        #expect(try Pipeline(config: PipelineConfig(input: input, output: output)).run().parsed == 0)
    }

    @Test("copies of one content are parsed once; the later copies are rejects that name the first")
    func duplicateContents() throws {
        let input = try crawl()
        for name in ["a-copy.txt", "b-copy.txt"] {
            try FileManager.default.copyItem(at: Repository.samples.appendingPathComponent(Seed.linyi), to: input.appendingPathComponent(name))
        }
        let output = try Repository.temporaryFolder().appendingPathComponent("Output")
        let summary = try Pipeline(config: PipelineConfig(input: input, output: output, jobs: 4)).run()
        #expect(summary.seen == Repository.sampleCount + 2 && summary.parsed == Repository.sampleCount && summary.reports == Repository.sampleCount && summary.rejected == 2)
        let rejects = try String(contentsOf: output.appendingPathComponent("rejects.csv"), encoding: .utf8)
        #expect(rejects.contains("b-copy.txt,") && rejects.contains("duplicate of 000_9f8b1ecbb5a393ce.txt (same bytes)"))
        let legacy = output.deletingLastPathComponent().appendingPathComponent(".Output.fragments/ab")
        try FileManager.default.createDirectory(at: legacy, withIntermediateDirectories: true)
        try Pipeline(config: PipelineConfig(input: input, output: output)).run()
        #expect(!FileManager.default.fileExists(atPath: legacy.deletingLastPathComponent().path))
    }

    @Test("a damaged or old-format manifest is no manifest: every file is read and parsed again, to the same output")
    func unreadableManifest() throws {
        let input = try crawl()
        let output = try Repository.temporaryFolder().appendingPathComponent("Output")
        try Pipeline(config: PipelineConfig(input: input, output: output)).run()
        let before = try datasetFiles(output)
        let manifest = Manifest.location(in: output)

        try Data("not a database, the end of a disk that filled up".utf8).write(to: manifest)
        let damaged = try Pipeline(config: PipelineConfig(input: input, output: output)).run()
        #expect(damaged.new == Repository.sampleCount && damaged.unchanged == 0 && damaged.parsed == Repository.sampleCount)
        #expect(try datasetFiles(output) == before)
        #expect(Manifest.load(from: output)?.files.count == Repository.sampleCount)

        // What an earlier version left: a JSON Lines manifest and no database.
        try FileManager.default.removeItem(at: manifest)
        try Data(#"{"parser":"old"}"#.utf8).write(to: manifest.deletingLastPathComponent().appendingPathComponent("manifest.jsonl"))
        let upgraded = try Pipeline(config: PipelineConfig(input: input, output: output)).run()
        #expect(upgraded.new == Repository.sampleCount && upgraded.parsed == Repository.sampleCount)
        #expect(try datasetFiles(output) == before)
        #expect(try Pipeline(config: PipelineConfig(input: input, output: output)).run().unchanged == Repository.sampleCount)
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
        #expect(try Pipeline(config: PipelineConfig(input: Repository.samples, output: output)).run().seen == Repository.sampleCount)
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
        #expect(seen == Repository.sampleCount)
        // Organs, the panel and copies are the dataset's, not a file's: a shard groups the copies it
        // holds (README, shards). Every other row is the same; reports but for copy_of and warnings.
        let datasetWide: Set<String> = ["organs", "panel", "checks", "codes"]
        for schema in OutputSchema.all where !datasetWide.contains(schema.name) {
            func comparable(_ line: String) throws -> String {
                guard schema.name == "reports" else { return line }
                var row = try JSONSerialization.jsonObject(with: Data(line.utf8)) as! [String: Any]
                row["copy_of"] = nil
                row["warnings"] = nil
                return String(decoding: try JSONSerialization.data(withJSONObject: row, options: .sortedKeys), as: UTF8.self)
            }
            let whole = try lines(single.appendingPathComponent("\(schema.name).jsonl")).map(comparable)
            var union: [String] = []
            for index in 0..<count { union += try lines(parts.appendingPathComponent("shard-\(index)/\(schema.name).jsonl")).map(comparable) }
            #expect(union.sorted() == whole.sorted(), "\(schema.name)")
        }
        let ownChecks = { (line: String) in !["copy_conflict", "cross_year_carry"].contains { line.contains("\"check\":\"\($0)\"") } }
        var union: [String] = []
        for index in 0..<count { union += try lines(parts.appendingPathComponent("shard-\(index)/checks.jsonl")).filter(ownChecks) }
        #expect(union.sorted() == (try lines(single.appendingPathComponent("checks.jsonl")).filter(ownChecks)).sorted())
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

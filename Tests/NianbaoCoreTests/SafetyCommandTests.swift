import Foundation
import Testing
@testable import NianbaoCore

/// Never lose or corrupt the user's data (issue 13), through the real command as a user runs it:
/// the output folder is only replaced when it is nianbao's, a run that would drop most of the
/// dataset is refused, the cache never makes an incremental run differ from a full one.
@Suite("Safety of the user's data, through the command", .serialized)
struct SafetyCommandTests {
    /// A crawl of the ten samples in a folder of its own, and a place beside it.
    private func crawl() throws -> (crawl: URL, place: URL) {
        let place = try Repository.temporaryFolder()
        let folder = place.appendingPathComponent("crawl")
        try FileManager.default.copyItem(at: Repository.samples, to: folder)
        return (folder, place)
    }

    private func listing(_ folder: URL) throws -> [String] {
        (FileManager.default.enumerator(atPath: folder.path)?.allObjects as? [String] ?? []).sorted()
    }

    private func rows(_ output: URL, _ table: String) throws -> [[String: Any]] {
        let text = try String(contentsOf: output.appendingPathComponent("\(table).jsonl"), encoding: .utf8)
        return try text.split(separator: "\n").map { try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any] }
    }

    private func summaryFiles(_ output: URL) throws -> [String: Int] {
        let summary = try JSONSerialization.jsonObject(with: Data(contentsOf: output.appendingPathComponent("summary.json"))) as! [String: Any]
        return summary["files"] as! [String: Int]
    }

    @Test("output = input, output around the input, a folder of notes, a plain file: refused in one line, exit 1, nothing touched")
    func foreignOutputsRefused() throws {
        let (crawl, place) = try crawl()
        let notes = place.appendingPathComponent("notes")
        try FileManager.default.createDirectory(at: notes, withIntermediateDirectories: true)
        try Data("my notes".utf8).write(to: notes.appendingPathComponent("todo.txt"))
        let plain = place.appendingPathComponent("plain.txt")
        try Data("keep me".utf8).write(to: plain)
        let before = try listing(place)
        for (output, reason) in [(crawl, "is the input folder"), (place, "lies inside the output folder"),
                                 (notes, "is not empty and not a nianbao dataset"), (plain, "is a file, not a folder")] {
            let result = try NianbaoCommand.run(["run", "--input", crawl.path, "--output", output.path])
            #expect(result.status == 1, "\(output.path)")
            #expect(result.errors.contains(reason) && result.errors.contains(output.path), "\(result.errors)")
            #expect(result.errors.split(separator: "\n").count == 1, "\(result.errors)")
            #expect(try listing(place) == before, "\(output.path)")
        }
        #expect(try Data(contentsOf: notes.appendingPathComponent("todo.txt")) == Data("my notes".utf8))
        #expect(try Data(contentsOf: plain) == Data("keep me".utf8))
    }

    @Test("a dataset folder holding a file nianbao did not write is not replaced; an empty folder or a dataset is")
    func ownDatasetOnly() throws {
        let (crawl, place) = try crawl()
        let output = place.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        #expect(try NianbaoCommand.run(["run", "--input", crawl.path, "--output", output.path, "-q"]).status == 0)
        #expect(try NianbaoCommand.run(["run", "--input", crawl.path, "--output", output.path, "-q"]).status == 0)
        try Data("analysis".utf8).write(to: output.appendingPathComponent("my-analysis.R"))
        let refused = try NianbaoCommand.run(["run", "--input", crawl.path, "--output", output.path])
        #expect(refused.status == 1 && refused.errors.contains("also holds my-analysis.R"), "\(refused.errors)")
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("my-analysis.R").path))
    }

    @Test("output inside the input: the dataset and its run files are never read as reports; reruns are unchanged")
    func outputInsideInput() throws {
        let (crawl, _) = try crawl()
        let output = crawl.appendingPathComponent("out")
        for _ in 0..<3 { #expect(try NianbaoCommand.run(["run", "--input", crawl.path, "--output", output.path, "-q"]).status == 0) }
        #expect(try rows(output, "reports").count == Repository.sampleCount)
        #expect(try rows(output, "rejects").isEmpty)
        // An empty table: its CSV has the header row (the columns), its JSONL no line at all.
        #expect(try Data(contentsOf: output.appendingPathComponent("rejects.csv")) == Data("\u{FEFF}source_path,sha256,reason\r\n".utf8))
        #expect(try Data(contentsOf: output.appendingPathComponent("rejects.jsonl")).isEmpty)
        let files = try summaryFiles(output)
        #expect(files["seen"] == Repository.sampleCount && files["unchanged"] == Repository.sampleCount && files["changed"] == 0 && files["new"] == 0)
    }

    @Test("an input that lists nothing, or loses most reports, keeps last night's dataset unless --allow-shrink")
    func shrinkGuard() throws {
        let (crawl, place) = try crawl()
        let output = place.appendingPathComponent("out")
        #expect(try NianbaoCommand.run(["run", "--input", crawl.path, "--output", output.path, "-q"]).status == 0)
        let before = try datasetFiles(output)

        let empty = place.appendingPathComponent("unmounted")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        let refused = try NianbaoCommand.run(["run", "--input", empty.path, "--output", output.path, "-q"])
        #expect(refused.status == 1)
        #expect(refused.errors.contains("would drop \(Repository.sampleCount) of the previous dataset's \(Repository.sampleCount) reports") && refused.errors.contains("--allow-shrink"))
        #expect(try datasetFiles(output) == before)

        // Seven of twelve gone is more than half; four is not.
        let names = try FileManager.default.contentsOfDirectory(atPath: crawl.path).sorted()
        let moved = place.appendingPathComponent("moved")
        try FileManager.default.createDirectory(at: moved, withIntermediateDirectories: true)
        for name in names.prefix(7) { try FileManager.default.moveItem(at: crawl.appendingPathComponent(name), to: moved.appendingPathComponent(name)) }
        let most = try NianbaoCommand.run(["run", "--input", crawl.path, "--output", output.path, "-q"])
        #expect(most.status == 1 && most.errors.contains("would drop 7 of the previous dataset's \(Repository.sampleCount) reports"), "\(most.errors)")
        #expect(try datasetFiles(output) == before)
        for name in names.prefix(3) { try FileManager.default.moveItem(at: moved.appendingPathComponent(name), to: crawl.appendingPathComponent(name)) }
        #expect(try NianbaoCommand.run(["run", "--input", crawl.path, "--output", output.path, "-q"]).status == 0)
        #expect(try rows(output, "reports").count == Repository.sampleCount - 4)

        // maxShrink in the configuration raises the limit; --allow-shrink lifts it, even to nothing.
        let config = place.appendingPathComponent("pipeline.json")
        try Data(#"{"input": "unmounted", "output": "out", "maxShrink": 1}"#.utf8).write(to: config)
        let emptied = try NianbaoCommand.run(["run", "--config", config.path, "-q"])
        #expect(emptied.status == 1 && emptied.errors.contains("would drop \(Repository.sampleCount - 4)"), "\(emptied.errors)")
        #expect(try NianbaoCommand.run(["run", "--config", config.path, "--allow-shrink", "-q"]).status == 0)
        #expect(try rows(output, "reports").isEmpty)
    }

    @Test("changed files replace their reports without tripping the shrink guard")
    func changedFilesAreNotDrops() throws {
        let (crawl, place) = try crawl()
        let output = place.appendingPathComponent("out")
        #expect(try NianbaoCommand.run(["run", "--input", crawl.path, "--output", output.path, "-q"]).status == 0)
        for name in try FileManager.default.contentsOfDirectory(atPath: crawl.path) {
            let url = crawl.appendingPathComponent(name)
            try Data(try Data(contentsOf: url) + Data("\n".utf8)).write(to: url)
        }
        #expect(try NianbaoCommand.run(["run", "--input", crawl.path, "--output", output.path, "-q"]).status == 0)
        #expect(try summaryFiles(output)["changed"] == Repository.sampleCount)
    }

    @Test("a lower or higher maxFileBytes gives, incrementally, exactly the output of a full run")
    func sizeLimitInCacheKey() throws {
        let (crawl, place) = try crawl()
        let incremental = place.appendingPathComponent("out")
        func config(_ limit: Int) throws -> String {
            let file = place.appendingPathComponent("pipeline-\(limit).json")
            try Data(#"{"input": "crawl", "output": "out", "maxFileBytes": \#(limit)}"#.utf8).write(to: file)
            return file.path
        }
        // 10,000 bytes rejects seven of ten samples, which the shrink guard would refuse.
        for (step, limit) in [20_000_000, 20_000, 10_000, 20_000_000].enumerated() {
            let full = place.appendingPathComponent("full-\(step)")
            #expect(try NianbaoCommand.run(["run", "--config", config(limit), "--allow-shrink", "-q"]).status == 0)
            #expect(try NianbaoCommand.run(["run", "--config", config(limit), "--output", full.path, "--full", "-q"]).status == 0)
            #expect(try datasetFiles(incremental) == datasetFiles(full), "maxFileBytes \(limit)")
        }
        #expect(try NianbaoCommand.run(["run", "--config", config(20_000), "-q"]).status == 0)
        let rejects = try rows(incremental, "rejects").map { $0["source_path"] as! String }
        #expect(rejects == ["003_7023baa7cc861516.txt", "004_92fc7ff319701b04.txt", "101_linyi_2020_word.html"])
    }

    @Test("shards and a plain run never delete each other's output")
    func shardsAndPlainRuns() throws {
        let (crawl, place) = try crawl()
        let sharded = place.appendingPathComponent("sharded"), plain = place.appendingPathComponent("plain")
        for index in 0..<2 {
            #expect(try NianbaoCommand.run(["run", "--input", crawl.path, "--output", sharded.path, "--shard", "\(index)/2", "-q"]).status == 0)
        }
        let shards = try listing(sharded)
        let plainIntoShards = try NianbaoCommand.run(["run", "--input", crawl.path, "--output", sharded.path])
        #expect(plainIntoShards.status == 1 && plainIntoShards.errors.contains("--shard runs"), "\(plainIntoShards.errors)")
        #expect(try listing(sharded) == shards)

        #expect(try NianbaoCommand.run(["run", "--input", crawl.path, "--output", plain.path, "-q"]).status == 0)
        let dataset = try datasetFiles(plain)
        let shardIntoPlain = try NianbaoCommand.run(["run", "--input", crawl.path, "--output", plain.path, "--shard", "0/2"])
        #expect(shardIntoPlain.status == 1 && shardIntoPlain.errors.contains("without --shard"), "\(shardIntoPlain.errors)")
        #expect(try datasetFiles(plain) == dataset)
        #expect(!FileManager.default.fileExists(atPath: plain.appendingPathComponent("shard-0000-of-0002").path))
    }

    @Test("a dangling or looping link is one stable reject, and an unchanged rerun says 0 changed")
    func links() throws {
        let (crawl, place) = try crawl()
        try FileManager.default.createSymbolicLink(atPath: crawl.appendingPathComponent("gone.html").path, withDestinationPath: "nowhere.html")
        try FileManager.default.createSymbolicLink(atPath: crawl.appendingPathComponent("loop-a.txt").path, withDestinationPath: "loop-b.txt")
        try FileManager.default.createSymbolicLink(atPath: crawl.appendingPathComponent("loop-b.txt").path, withDestinationPath: "loop-a.txt")
        let output = place.appendingPathComponent("out")
        #expect(try NianbaoCommand.run(["run", "--input", crawl.path, "--output", output.path, "-q"]).status == 0)
        let first = try rows(output, "rejects").map { "\($0["source_path"]!): \($0["reason"]!)" }
        #expect(first == ["gone.html: symbolic link to a missing target (nowhere.html)",
                          "loop-a.txt: symbolic link loop (the link leads back to itself)",
                          "loop-b.txt: symbolic link loop (the link leads back to itself)"])
        let rerun = try NianbaoCommand.run(["run", "--input", crawl.path, "--output", output.path])
        #expect(rerun.output.contains("0 changed") && rerun.output.contains("\(Repository.sampleCount + 3) unchanged"), "\(rerun.output)")
        #expect(try rows(output, "rejects").map { "\($0["source_path"]!): \($0["reason"]!)" } == first)
    }

    @Test("report_id is r and 16 hex digits everywhere, typed text in the data package")
    func reportIDsAreText() throws {
        let (crawl, place) = try crawl()
        let output = place.appendingPathComponent("out")
        #expect(try NianbaoCommand.run(["run", "--input", crawl.path, "--output", output.path, "-q"]).status == 0)
        for table in ["reports", "applications", "sections", "checks"] {
            for row in try rows(output, table) {
                #expect((row["report_id"] as! String).wholeMatch(of: /r[0-9a-f]{16}/) != nil)
            }
        }
        let csv = try String(contentsOf: output.appendingPathComponent("reports.csv"), encoding: .utf8)
        #expect(csv.split(separator: "\r\n").dropFirst().allSatisfy { $0.hasPrefix("r") })
        let package = try JSONSerialization.jsonObject(with: Data(contentsOf: output.appendingPathComponent("datapackage.json"))) as! [String: Any]
        for resource in package["resources"] as! [[String: Any]] {
            let fields = (resource["schema"] as! [String: Any])["fields"] as! [[String: Any]]
            for field in fields where field["name"] as? String == "report_id" {
                #expect(field["type"] as? String == "string")
                #expect((field["constraints"] as? [String: Any])?["pattern"] as? String == "r[0-9a-f]{16}")
            }
        }
    }

    @Test("--verbose names duplicates as rejects does, and lists deleted files; the preferred copy is the report")
    func verboseAndDuplicates() throws {
        let place = try Repository.temporaryFolder()
        let crawl = place.appendingPathComponent("crawl")
        try FileManager.default.createDirectory(at: crawl, withIntermediateDirectories: true)
        let page = try Data(contentsOf: Repository.samples.appendingPathComponent("102_baicheng_2019_plain.html"))
        for name in ["a-saved-page", "b.html", "b.html.bak", "c 副本.html"] { try page.write(to: crawl.appendingPathComponent(name)) }
        let output = place.appendingPathComponent("out")
        let first = try NianbaoCommand.run(["run", "--input", crawl.path, "--output", output.path, "--verbose"])
        #expect(first.status == 0)
        #expect(try rows(output, "reports").map { $0["source_path"] as! String } == ["b.html"])
        let rejects = try rows(output, "rejects").map { "\($0["source_path"]!): \($0["reason"]!)" }
        #expect(rejects == ["a-saved-page: duplicate of b.html (same bytes)", "b.html.bak: duplicate of b.html (same bytes)",
                            "c 副本.html: duplicate of b.html (same bytes)"])
        for reject in rejects {
            let (path, reason) = (reject.components(separatedBy: ": ")[0], reject.components(separatedBy: ": ")[1])
            #expect(first.errors.contains("\(path): rejected: \(reason)"), "\(first.errors)")
        }
        try FileManager.default.removeItem(at: crawl.appendingPathComponent("b.html.bak"))
        let second = try NianbaoCommand.run(["run", "--input", crawl.path, "--output", output.path, "--verbose"])
        #expect(second.errors.contains("deleted   b.html.bak"), "\(second.errors)")
    }

    @Test("configuration errors, usage errors, an unwritable output and a rejected inspect each say what is wrong in one line")
    func plainMessages() throws {
        let (crawl, place) = try crawl()
        let config = place.appendingPathComponent("pipeline.json")
        try Data(#"{"input": "crawl", "output": "out", "maxFileBytes": 1.5}"#.utf8).write(to: config)
        let fraction = try NianbaoCommand.run(["run", "--config", config.path])
        #expect(fraction.status == 1 && fraction.errors.contains("\"maxFileBytes\" must be a whole number ≥ 1, got 1.5"))
        for (text, complaint) in [(#"{"input": "crawl", "output": "out",}"#, "trailing comma after \"output\""),
                                  (#"{"input": "crawl", "output": "out", "input": "other"}"#, "key \"input\" appears twice"),
                                  (#"{"input": "crawl", "output": "out", "maxFileBytes": null}"#, "got null")] {
            try Data(text.utf8).write(to: config)
            let refused = try NianbaoCommand.run(["run", "--config", config.path])
            #expect(refused.status == 1 && refused.errors.contains(complaint) && refused.errors.split(separator: "\n").count == 1,
                    "\(refused.errors)")
        }
        #expect(!FileManager.default.fileExists(atPath: place.appendingPathComponent("out").path))

        let unknown = try NianbaoCommand.run(["frobnicate"])
        #expect(unknown.status == 64 && unknown.errors.contains("unknown command \"frobnicate\"") && unknown.errors.contains("run, merge, inspect"))
        let jobs = try NianbaoCommand.run(["run", "--jobs", "-3"])
        #expect(jobs.status == 64 && jobs.errors.contains("--jobs must be a whole number ≥ 0") && jobs.errors.contains("got -3"), "\(jobs.errors)")
        let shard = try NianbaoCommand.run(["run", "--shard", "-1/2"])
        #expect(shard.status == 64 && shard.errors.contains("got -1/2"), "\(shard.errors)")

        // A file where the output's parent folder should be: no Foundation error dump.
        let blocker = place.appendingPathComponent("blocker")
        try Data().write(to: blocker)
        let unwritable = try NianbaoCommand.run(["run", "--input", crawl.path, "--output", blocker.appendingPathComponent("out").path])
        #expect(unwritable.status == 1)
        #expect(unwritable.errors == "nianbao: cannot write the output folder \(blocker.path)/out (a file is in the way); "
                + "check that its parent folder exists and is writable\n")

        let notReport = place.appendingPathComponent("note.txt")
        try Data("a shopping list".utf8).write(to: notReport)
        let inspect = try NianbaoCommand.run(["inspect", notReport.path])
        #expect(inspect.status == 1 && inspect.errors.contains("is not read as a report: not a government information disclosure annual report"))
        #expect(try NianbaoCommand.run(["inspect", Repository.samples.appendingPathComponent(Seed.baicheng).path]).status == 0)
    }

    @Test("the summary line and summary.json carry the run's start time with its zone; counts of one are singular")
    func summaryLine() throws {
        let (crawl, place) = try crawl()
        let output = place.appendingPathComponent("out")
        let result = try NianbaoCommand.run(["run", "--input", crawl.path, "--output", output.path, "-q"])
        let line = try #require(result.output.split(separator: "\n").last.map(String.init))
        #expect(line.wholeMatch(of: /nianbao: \d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(Z|[+-]\d\d:\d\d) 12 files seen, .* 12 parsed, 1 report with errors \(\+ 2 copies\), .*/) != nil, "\(line)")
        let summary = try JSONSerialization.jsonObject(with: Data(contentsOf: output.appendingPathComponent("summary.json"))) as! [String: Any]
        #expect(line.contains(summary["started"] as! String))

        var one = RunSummary(.init(seen: 1, new: 1, changed: 0, unchanged: 0, deleted: 0, parsed: 1), started: Date(timeIntervalSince1970: 0))
        one.reportsWithErrors = 1
        #expect(one.line.contains(" 1 file seen, ") && one.line.contains(" 1 report with errors, "))
    }

    @Test("a part longer than a spreadsheet cell: several CSV rows that join to the text, one JSONL row")
    func longTextThroughCommand() throws {
        let place = try Repository.temporaryFolder()
        let crawl = place.appendingPathComponent("crawl")
        try FileManager.default.createDirectory(at: crawl, withIntermediateDirectories: true)
        // Seed 004 with its second part made long: a thousand more paragraphs (37,000 characters).
        var text = try String(contentsOf: Repository.samples.appendingPathComponent(Seed.huaibei), encoding: .utf8)
        let paragraph = "一是建设淮北市政府网站集约化云平台项目，实现全市政府网站三网融合和四个统一。"
        text += String(repeating: paragraph + "\n", count: 1_000)
        try Data(text.utf8).write(to: crawl.appendingPathComponent("long.txt"))
        let output = place.appendingPathComponent("out")
        #expect(try NianbaoCommand.run(["run", "--input", crawl.path, "--output", output.path, "-q"]).status == 0)
        let jsonl = try rows(output, "sections")
        let long = try #require(jsonl.first { ($0["text"] as? String ?? "").utf16.count > 32_767 })
        #expect(long["text_piece"] as? Int == 1)
        let csv = try String(contentsOf: output.appendingPathComponent("sections.csv"), encoding: .utf8)
        #expect(csv.contains(",problems,2\r\n") && !csv.contains(",problems,3\r\n"))
    }
}

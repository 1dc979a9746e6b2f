import Foundation
import Testing
@testable import NianbaoCore

/// The `nianbao` executable itself, as cron runs it: exit statuses, a refused second run, `kill -9`.
@Suite("nianbao command", .serialized)
struct CommandLineTests {
    private func start(_ arguments: [String]) throws -> (Process, Pipe) { try NianbaoCommand.start(arguments) }

    private func run(_ arguments: [String]) throws -> (status: Int32, errors: String) {
        let result = try NianbaoCommand.run(arguments)
        return (result.status, result.errors)
    }

    @Test("exit statuses: 0 on success, 1 for a missing input folder or bad configuration, 64 for usage")
    func exitStatuses() throws {
        #expect(FileManager.default.isExecutableFile(atPath: NianbaoCommand.executable.path), "\(NianbaoCommand.executable.path)")
        let output = try Repository.temporaryFolder().appendingPathComponent("Output")
        let ok = try run(["run", "--input", Repository.samples.path, "--output", output.path, "--quiet"])
        #expect(ok.status == 0)
        let missing = try run(["run", "--input", "/nonexistent/crawl", "--output", output.path])
        #expect(missing.status == 1 && missing.errors.contains("does not exist"))
        let config = try Repository.temporaryFolder().appendingPathComponent("pipeline.json")
        try Data(#"{"input": "a", "output": "b", "threads": 2}"#.utf8).write(to: config)
        let bad = try run(["run", "--config", config.path])
        #expect(bad.status == 1 && bad.errors.contains("unknown key \"threads\""))
        #expect(bad.errors.split(separator: "\n").count == 1)
        #expect(try run(["run", "--shard", "4/4"]).status == 64)
    }

    @Test("a rerun in a new process reuses every parse: the cache keys do not depend on the process")
    func rerunInNewProcess() throws {
        let output = try Repository.temporaryFolder().appendingPathComponent("Output")
        func parsed() throws -> Int? {
            let data = try Data(contentsOf: output.appendingPathComponent("summary.json"))
            let summary = try JSONSerialization.jsonObject(with: data) as? [String: Any]
            return (summary?["files"] as? [String: Int])?["parsed"]
        }
        #expect(try run(["run", "--input", Repository.samples.path, "--output", output.path, "-q"]).status == 0)
        #expect(try parsed() == Repository.sampleCount)
        #expect(try run(["run", "--input", Repository.samples.path, "--output", output.path, "-q"]).status == 0)
        #expect(try parsed() == 0)
    }

    @Test("a second run is refused at once with status 75; kill -9 mid-run leaves the previous output whole")
    func lockAndKill() throws {
        // A crawl big enough that a run takes a few seconds on one worker.
        let crawl = try Repository.temporaryFolder()
        let seeds = [Seed.linyi, Seed.baicheng, Seed.yiyuan, "101_linyi_2020_word.html", "103_yiyuan_2020_traditional.html"]
        for copy in 0..<60 {
            for seed in seeds {
                var bytes = try Repository.sample(seed)
                bytes += Array("\n<!-- copy \(copy) -->\n".utf8)
                try Data(bytes).write(to: crawl.appendingPathComponent("\(copy)-\(seed)"))
            }
        }
        let output = try Repository.temporaryFolder().appendingPathComponent("Output")
        #expect(try run(["run", "--input", Repository.samples.path, "--output", output.path, "-q"]).status == 0)
        let before = try datasetFiles(output)

        let (first, _) = try start(["run", "--input", crawl.path, "--output", output.path, "--jobs", "1", "-q"])
        let lockFile = RunLock.lockFile(for: output)
        let deadline = Date().addingTimeInterval(20)
        while (try? String(contentsOf: lockFile, encoding: .utf8))?.isEmpty ?? true, Date() < deadline { usleep(20_000) }
        let second = try run(["run", "--input", Repository.samples.path, "--output", output.path])
        #expect(second.status == 75)
        #expect(second.errors.contains("another nianbao run (process \(first.processIdentifier))"))

        #expect(first.isRunning)
        kill(first.processIdentifier, SIGKILL)
        first.waitUntilExit()
        #expect(try datasetFiles(output) == before)

        let third = try run(["run", "--input", Repository.samples.path, "--output", output.path, "-q"])
        #expect(third.status == 0)
        #expect(try datasetFiles(output) == before)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: output.deletingLastPathComponent().path)
            .filter { $0.contains("staging") }
        #expect(leftovers.isEmpty)
    }
}

import Foundation
import Testing
@testable import NianbaoCore

/// The reduce step of a sharded run (issue 25): `nianbao merge` makes of the shards' folders the
/// dataset a single run writes, byte for byte, without parsing anything again.
@Suite("Shards merged into one dataset")
struct ShardMergeTests {
    /// Samples (copies, a traditional page, a legacy report, a rejected-looking text) and real legacy
    /// reports of several organs and years, and a file that is no report, in one input folder.
    private func corpus() throws -> URL {
        let input = try Repository.temporaryFolder()
        for name in try FileManager.default.contentsOfDirectory(atPath: Repository.samples.path) {
            try FileManager.default.copyItem(at: Repository.samples.appendingPathComponent(name), to: input.appendingPathComponent(name))
        }
        let legacy = Repository.fixtures.appendingPathComponent("legacy")
        for name in try FileManager.default.contentsOfDirectory(atPath: legacy.path) where name.hasSuffix(".txt") {
            try FileManager.default.copyItem(at: legacy.appendingPathComponent(name), to: input.appendingPathComponent("legacy-" + name))
        }
        try Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0]).write(to: input.appendingPathComponent("scan.png"))
        return input
    }

    /// Every file of a dataset but the run's own summary and manifest, by relative path.
    private func datasetFiles(_ folder: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey])!
        for case let url as URL in enumerator where (try url.resourceValues(forKeys: [.isRegularFileKey])).isRegularFile == true {
            let relative = String(url.path.dropFirst(folder.path.count + 1))
            if relative == "summary.json" || relative.hasPrefix(".nianbao") { continue }
            files[relative] = try Data(contentsOf: url)
        }
        return files
    }

    @Test("split 1, 2 and 7 ways, then merged: the same files as one run, byte for byte; nothing parsed", arguments: [1, 2, 7])
    func mergedEqualsSingleRun(ways: Int) throws {
        let input = try corpus()
        let work = try Repository.temporaryFolder()
        let plain = work.appendingPathComponent("plain"), shards = work.appendingPathComponent("shards")
        try Pipeline(config: PipelineConfig(input: input, output: plain, jobs: 2)).run()
        for index in 0..<ways {
            let folder = shards.appendingPathComponent(String(format: "shard-%04d-of-%04d", index, ways))
            try Pipeline(config: PipelineConfig(input: input, output: folder, jobs: 2), shard: Shard(index: index, count: ways)).run()
        }
        let merged = work.appendingPathComponent("merged")
        let summary = try ShardMerge(config: PipelineConfig(input: input, output: merged, jobs: 2), shards: shards).run()
        #expect(summary.parsed == 0 && summary.new == 0)
        let expected = try datasetFiles(plain), got = try datasetFiles(merged)
        #expect(expected.count > 20 && Set(expected.keys) == Set(got.keys))
        for (name, bytes) in expected { #expect(got[name] == bytes, "\(name) differs after a \(ways)-way merge") }
        // The merged dataset is a dataset like any: a normal run over it changes nothing.
        try Pipeline(config: PipelineConfig(input: input, output: merged, jobs: 2)).run()
        #expect(try datasetFiles(merged) == expected)
    }

    @Test("a missing shard, shards of two splits, or a merged folder inside the shards' folder are refused")
    func refusals() throws {
        let input = try corpus()
        let shards = try Repository.temporaryFolder()
        for index in [0, 2] {
            let folder = shards.appendingPathComponent(String(format: "shard-%04d-of-%04d", index, 3))
            try Pipeline(config: PipelineConfig(input: input, output: folder, jobs: 2), shard: Shard(index: index, count: 3)).run()
        }
        let merged = try Repository.temporaryFolder().appendingPathComponent("merged")
        #expect(throws: ShardMerge.Refused.self) { try ShardMerge(config: PipelineConfig(input: input, output: merged), shards: shards).run() }
        do {
            try ShardMerge(config: PipelineConfig(input: input, output: merged), shards: shards).run()
        } catch {
            #expect("\(error)".contains("shard-0001-of-0003 is missing"))
        }
        #expect(!FileManager.default.fileExists(atPath: merged.path))
        let other = shards.appendingPathComponent("shard-0000-of-0002")
        try Pipeline(config: PipelineConfig(input: input, output: other, jobs: 2), shard: Shard(index: 0, count: 2)).run()
        #expect(throws: ShardMerge.Refused.self) { try ShardMerge(config: PipelineConfig(input: input, output: merged), shards: shards).run() }
        #expect(throws: ShardMerge.Refused.self) {
            try ShardMerge(config: PipelineConfig(input: input, output: shards.appendingPathComponent("merged")), shards: shards).run()
        }
    }

    @Test("the command: run --shard K/3 three times, then merge --into")
    func command() throws {
        let input = try corpus()
        let work = try Repository.temporaryFolder()
        let shards = work.appendingPathComponent("out")
        for index in 0..<3 {
            let run = try NianbaoCommand.run(["run", "--input", input.path, "--output", shards.path, "--shard", "\(index)/3", "-q"])
            #expect(run.status == 0, "\(run.errors)")
        }
        let merged = work.appendingPathComponent("dataset")
        let merge = try NianbaoCommand.run(["merge", "--input", input.path, "--shards", shards.path, "--into", merged.path, "-q"])
        #expect(merge.status == 0, "\(merge.errors)")
        #expect(merge.output.contains("0 parsed") && merge.output.contains("→ \(merged.path)"), "\(merge.output)")
        let plain = work.appendingPathComponent("plain")
        _ = try NianbaoCommand.run(["run", "--input", input.path, "--output", plain.path, "-q"])
        #expect(try datasetFiles(merged) == datasetFiles(plain))
    }
}

import Foundation
import Testing
@testable import NianbaoCore

@Suite("Pipeline: rejects, duplicates and configuration")
struct PipelineTests {
    @Test("every input file ends in reports or rejects, with a reason; bad files never stop the run")
    func rejects() throws {
        let input = try Repository.temporaryFolder()
        let seed = try Data(contentsOf: Repository.samples.appendingPathComponent(Seed.baicheng))
        try seed.write(to: input.appendingPathComponent("a.txt"))
        try seed.write(to: input.appendingPathComponent("b-copy.txt"))
        try Data().write(to: input.appendingPathComponent("empty.txt"))
        try Data([0x89, 0x50, 0x4E, 0x47, 0x00, 0x00, 0x01]).write(to: input.appendingPathComponent("image.png"))
        try Data("今天天气很好，我们去公园散步。\n".utf8).write(to: input.appendingPathComponent("note.txt"))
        try Data(repeating: 0x41, count: 15_000).write(to: input.appendingPathComponent("large.txt"))
        try FileManager.default.createDirectory(at: input.appendingPathComponent("loop"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: input.appendingPathComponent("loop/again").path, withDestinationPath: input.path)

        let output = try Repository.temporaryFolder().appendingPathComponent("Output")
        let summary = try Pipeline(config: PipelineConfig(input: input, output: output, maxFileBytes: 12_000)).run()
        #expect(summary.seen == 6 && summary.reports == 1 && summary.rejected == 5)

        let rejects = try String(contentsOf: output.appendingPathComponent("rejects.csv"), encoding: .utf8)
        #expect(rejects.contains("b-copy.txt,91f6a4e014acfcc8e87e47960249e13d34aaf8d99fb9ae3f926e0cff6453d877,duplicate of a.txt (same bytes)"))
        #expect(rejects.contains("empty.txt,") && rejects.contains("empty file"))
        #expect(rejects.contains("image.png,") && rejects.contains("an image (PNG): a scanned page needs OCR"))
        #expect(rejects.contains("note.txt,") && rejects.contains("not a government information disclosure annual report"))
        #expect(rejects.contains("large.txt,,file of 15000 bytes is over the size limit of 12000 bytes"))
    }

    @Test("content hashes are SHA-256 in lowercase hex (FIPS 180-2 test vectors)")
    func contentHash() {
        #expect(FileProcessor.sha256(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(FileProcessor.sha256([]) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    }

    @Test("the first copy of a report and the order of rejects follow the UTF-8 bytes of the paths")
    func byteOrder() throws {
        let input = try Repository.temporaryFolder()
        let seed = try Data(contentsOf: Repository.samples.appendingPathComponent(Seed.baicheng))
        try FileManager.default.createDirectory(at: input.appendingPathComponent("b"), withIntermediateDirectories: true)
        for name in ["b/x.txt", "a-copy.txt", "B.txt"] { try seed.write(to: input.appendingPathComponent(name)) }
        for name in ["é.txt", "Z.txt", "a.txt"] { try Data().write(to: input.appendingPathComponent(name)) }

        let output = try Repository.temporaryFolder().appendingPathComponent("Output")
        let summary = try Pipeline(config: PipelineConfig(input: input, output: output)).run()
        #expect(summary.seen == 6 && summary.reports == 1 && summary.rejected == 5)
        let reports = try String(contentsOf: output.appendingPathComponent("reports.csv"), encoding: .utf8)
        #expect(reports.contains(",B.txt,"))
        let rejects = try String(contentsOf: output.appendingPathComponent("rejects.csv"), encoding: .utf8)
            .split(separator: "\r\n").dropFirst().map { String($0.prefix { $0 != "," }) }
        #expect(rejects == ["Z.txt", "a-copy.txt", "a.txt", "b/x.txt", "é.txt"])
        #expect(try String(contentsOf: output.appendingPathComponent("rejects.csv"), encoding: .utf8)
            .contains("b/x.txt,91f6a4e014acfcc8e87e47960249e13d34aaf8d99fb9ae3f926e0cff6453d877,duplicate of B.txt (same bytes)"))
    }

    @Test("configuration: relative paths from the file's folder; unknown keys and bad values refused")
    func configuration() throws {
        let folder = try Repository.temporaryFolder()
        let file = folder.appendingPathComponent("pipeline.json")
        try Data(#"{"input": "crawl", "output": "../out", "jobs": 3}"#.utf8).write(to: file)
        let config = try PipelineConfig.load(from: file)
        #expect(config.input.path == folder.appendingPathComponent("crawl").path)
        #expect(config.output.path == folder.deletingLastPathComponent().appendingPathComponent("out").path)
        #expect(config.jobs == 3 && config.maxFileBytes == PipelineConfig.defaultMaxFileBytes)
        #expect(config.maxShrink == 0.5)
        try Data("\u{FEFF}{\"input\": \"a\\u0062\", \"output\": \"b\", \"maxShrink\": 1, \"maxFileBytes\": 10}".utf8).write(to: file)
        let escaped = try PipelineConfig.load(from: file)
        #expect(escaped.input.lastPathComponent == "ab" && escaped.maxShrink == 1 && escaped.maxFileBytes == 10)

        for (text, complaint) in [(#"{"input": "a", "output": "b", "jobz": 1}"#, "unknown key \"jobz\""),
                                  (#"{"input": "a"}"#, "\"output\" is required"),
                                  (#"{"input": "a", "output": "b", "jobs": -1}"#, "\"jobs\" must be a whole number ≥ 0, got -1"),
                                  (#"{"input": "a", "output": "b", "maxFileBytes": 1.5}"#, "\"maxFileBytes\" must be a whole number ≥ 1, got 1.5"),
                                  (#"{"input": "a", "output": "b", "maxFileBytes": 0}"#, "\"maxFileBytes\" must be a whole number ≥ 1, got 0"),
                                  (#"{"input": "a", "output": "b", "maxFileBytes": 1e6}"#, "\"maxFileBytes\" must be a whole number ≥ 1, got 1e6"),
                                  (#"{"input": "a", "output": "b", "jobs": "2"}"#, "\"jobs\" must be a whole number ≥ 0, got \"2\""),
                                  (#"{"input": "a", "output": "b", "jobs": null}"#, "got null (leave the key out for the default)"),
                                  (#"{"input": "a", "output": "b", "maxShrink": 2}"#, "\"maxShrink\" must be a share from 0 to 1"),
                                  (#"{"input": "a", "output": "b",}"#, "trailing comma after \"output\""),
                                  (#"{"input": "a", "output": "b", "output": "c"}"#, "key \"output\" appears twice"),
                                  (#"{"input": "a", "output": ["b"]}"#, "\"output\" must be a single value"),
                                  (#"{"input": "a", "output": 3}"#, "\"output\" must be a folder path in double quotes, got 3"),
                                  (#"{"input": "a", "output": "b"} x"#, "text after the closing }"),
                                  (#"{"input": "a", "output": "b" // note"#, "expected , or }"),
                                  ("[1, 2]", "the file must be one JSON object")] {
            try Data(text.utf8).write(to: file)
            #expect(throws: PipelineConfig.Invalid.self) { try PipelineConfig.load(from: file) }
            do { _ = try PipelineConfig.load(from: file) } catch { #expect("\(error)".contains(complaint), "\(error)") }
        }
    }

    @Test("a missing input folder fails the run, and leaves the previous output alone")
    func missingInput() throws {
        let output = try Repository.temporaryFolder().appendingPathComponent("Output")
        try Pipeline(config: PipelineConfig(input: Repository.samples, output: output)).run()
        let before = try Data(contentsOf: output.appendingPathComponent("reports.csv"))
        let pipeline = Pipeline(config: PipelineConfig(input: URL(fileURLWithPath: "/nonexistent/crawl"), output: output))
        #expect(throws: InputScanner.Unreadable.self) { try pipeline.run() }
        #expect(try Data(contentsOf: output.appendingPathComponent("reports.csv")) == before)
    }
}

import Foundation
import Testing
@testable import NianbaoCore

/// Paths and helpers shared by the tests. Everything is read from this repository.
enum Repository {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let samples = root.appendingPathComponent("Samples")
    static let output = root.appendingPathComponent("Output")
    static let gold = root.appendingPathComponent("Tests/NianbaoCoreTests/Gold")
    static let fixtures = root.appendingPathComponent("Tests/NianbaoCoreTests/Fixtures")
    /// How many reports Samples/ holds (every file there is one).
    static let sampleCount = (try? FileManager.default.contentsOfDirectory(atPath: samples.path))?.filter { !$0.hasPrefix(".") }.count ?? 0

    static func sample(_ name: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: samples.appendingPathComponent(name)))
    }

    static func sampleLines(_ name: String, _ lines: ClosedRange<Int>) throws -> String {
        let text = String(decoding: try sample(name), as: UTF8.self)
        return text.split(separator: "\n", omittingEmptySubsequences: false)[(lines.lowerBound - 1)...(lines.upperBound - 1)]
            .joined(separator: "\n")
    }

    static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("nianbao-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}

/// A table's JSON Lines rows in an output folder, JSON nulls left out (a missing value reads as nil).
func jsonlRows(_ folder: URL, _ table: String) throws -> [[String: Any]] {
    try String(contentsOf: folder.appendingPathComponent("\(table).jsonl"), encoding: .utf8).split(separator: "\n")
        .map { (try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any]).filter { !($0.value is NSNull) } }
}

/// A run over Samples/ into a fresh folder, for a suite that reads its output.
func runSamples() -> Result<URL, TestFailure> {
    do {
        let folder = try Repository.temporaryFolder().appendingPathComponent("Output")
        try Pipeline(config: PipelineConfig(input: Repository.samples, output: folder, jobs: 2)).run()
        return .success(folder)
    } catch {
        return .failure(TestFailure("run failed: \(error)"))
    }
}

/// The data docs of an output folder: index.html and the report pages.
func docsFileNames(_ folder: URL) -> [String] {
    let pages = (try? FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent(DataDocs.pagesFolder).path)) ?? []
    return [DataDocs.index, ReportList.name] + pages.sorted().map { "\(DataDocs.pagesFolder)/\($0)" }
}

/// The dataset files of an output folder and its docs, by name (run state such as summary.json left out).
func datasetFiles(_ folder: URL) throws -> [String: Data] {
    var files: [String: Data] = [:]
    for name in OutputWriter.fileNames + docsFileNames(folder) { files[name] = try Data(contentsOf: folder.appendingPathComponent(name)) }
    return files
}

enum Seed {
    static let linyi = "000_9f8b1ecbb5a393ce.txt"
    static let baicheng = "001_ca6d36624542eac4.txt"
    static let taiyuan = "002_b904a5622445d861.txt"
    static let yiyuan = "003_7023baa7cc861516.txt"
    static let huaibei = "004_92fc7ff319701b04.txt"
}

/// One OpenCC pair for the whole test process, used from one test at a time.
let sharedConverters = LockedConverters()

final class LockedConverters: @unchecked Sendable {
    private let lock = NSLock()
    private let converters = try! ScriptConverters()

    func with<T>(_ body: (ScriptConverters) throws -> T) rethrows -> T {
        try lock.withLock { try body(converters) }
    }
}

/// Runs the stages up to parsing on text, as a text file would be.
func parseText(_ text: String) throws -> ParsedReport {
    let document = TextExtractor.extract(text, encoding: "utf-8")
    let normalized = sharedConverters.with { Normalizer(converters: $0).normalize(document) }
    return try ReportParser.parse(normalized)
}

func processSample(_ name: String) throws -> ProcessedReport {
    let bytes = try Repository.sample(name)
    let outcome = sharedConverters.with { FileProcessor(converters: $0, maxFileBytes: 1 << 30).process(bytes: bytes, sourcePath: name) }
    guard case .report(let report) = outcome else { throw TestFailure("\(name) was rejected: \(outcome)") }
    return report
}

struct TestFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

extension ParsedReport {
    func cell(_ table: TableKind, _ path: String) -> Cell? {
        cells.first { $0.table == table && $0.scopeName == path }
    }

    func value(_ table: TableKind, _ path: String) -> Decimal? {
        cell(table, path)?.value
    }
}

/// The `nianbao` executable built beside the test bundle, run as a user or cron runs it.
enum NianbaoCommand {
    static let executable = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("nianbao")

    static func start(_ arguments: [String]) throws -> (Process, Pipe) {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = Pipe()
        try process.run()
        return (process, errors)
    }

    /// Runs to the end; the exit status, standard error and standard output.
    @discardableResult
    static func run(_ arguments: [String], environment: [String: String]? = nil) throws -> (status: Int32, errors: String, output: String) {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if let environment { process.environment = environment }
        let errors = Pipe(), output = Pipe()
        process.standardError = errors
        process.standardOutput = output
        try process.run()
        // Read both pipes to their ends before waiting, so that neither can fill and block the child.
        nonisolated(unsafe) var outputData = Data()
        let done = DispatchGroup()
        DispatchQueue.global().async(group: done) { outputData = output.fileHandleForReading.readDataToEndOfFile() }
        let errorData = errors.fileHandleForReading.readDataToEndOfFile()
        done.wait()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: errorData, as: UTF8.self), String(decoding: outputData, as: UTF8.self))
    }
}

/// Runs the pipeline over a fixture folder's texts and scores its figures against the folder's gold;
/// the score and the output folder.
func scoreFigures(inFixtures folder: URL) throws -> (score: FigureGoldScorer.Score, output: URL) {
    let input = try Repository.temporaryFolder()
    for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) where name.hasSuffix(".txt") {
        try FileManager.default.copyItem(at: folder.appendingPathComponent(name), to: input.appendingPathComponent(name))
    }
    let output = try Repository.temporaryFolder().appendingPathComponent("out")
    try Pipeline(config: PipelineConfig(input: input, output: output, jobs: 2)).run()
    return (try FigureGoldScorer(output: output, input: input).score(goldFolder: folder), output)
}

/// Whether the report pages and index of a run's output are byte for byte what the docs make from its
/// rows read back (`nianbao docs`), where no page body of the run's workers is at hand; returns the
/// pages that differ. The output's pages are put back as they were.
func pagesDifferingFromReadBack(_ output: URL) throws -> [String] {
    let manager = FileManager.default
    let pages = output.appendingPathComponent("reports"), kept = output.appendingPathComponent("reports.kept")
    try manager.moveItem(at: pages, to: kept)
    let index = try Data(contentsOf: output.appendingPathComponent("index.html"))
    defer { try? manager.removeItem(at: pages); try? manager.moveItem(at: kept, to: pages) }
    try DataDocs.write(folder: output)
    var differing = try manager.contentsOfDirectory(atPath: kept.path).filter { name in
        try Data(contentsOf: kept.appendingPathComponent(name)) != (try? Data(contentsOf: pages.appendingPathComponent(name)))
    }
    if try Data(contentsOf: output.appendingPathComponent("index.html")) != index { differing.append("index.html") }
    return differing
}

/// Every figure the gold of a real report (`Fixtures/FOLDER/NAME.json`) gives a value for is the
/// report's `year` figure, reported with that value.
func expectGoldFigures(_ figures: [Figure], folder: String = "legacy", name: String) throws {
    let gold = try JSONSerialization.jsonObject(with: Data(contentsOf: Repository.fixtures.appendingPathComponent("\(folder)/\(name).json"))) as! [String: Any]
    for (code, want) in gold["figures"] as! [String: Any] {
        guard let want = want as? [String: Any], let value = want["value"] as? NSNumber else { continue }
        let got = figures.first { $0.figure == code && $0.period == "year" }
        #expect(got?.status == .reported && got?.value == Decimal(value.doubleValue), "\(name) \(code): \(String(describing: got))")
    }
}

/// The reason a file's bytes are rejected with; nil when they make a report.
func rejectReason(_ bytes: [UInt8], _ name: String) -> String? {
    let outcome = sharedConverters.with { FileProcessor(converters: $0, maxFileBytes: 1 << 30).process(bytes: bytes, sourcePath: name) }
    if case .reject(let reject) = outcome { return reject.reason }
    return nil
}

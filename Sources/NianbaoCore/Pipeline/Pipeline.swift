import CSystemShims
import Dispatch
import Foundation

/// A whole run: lock the output, list the input, handle every file on all cores (reusing the
/// previous run's parse of unchanged files), assemble the dataset, stream it into a staging folder
/// and swap that in atomically. Output does not depend on worker count, file order or history.
public struct Pipeline {
    public var config: PipelineConfig
    /// Parse every file again, ignoring the manifest and the fragment cache.
    public var full = false
    public var shard: Shard?
    public var observer: (@Sendable (RunEvent) -> Void)?

    public init(config: PipelineConfig, full: Bool = false, shard: Shard? = nil, observer: (@Sendable (RunEvent) -> Void)? = nil) {
        self.config = config
        self.full = full
        self.shard = shard
        self.observer = observer
    }

    /// Runs the pipeline; throws only when the run itself cannot go on (another run holds the
    /// output, input folder unreadable, OpenCC missing, output not writable). Bad files become rejects.
    @discardableResult
    public func run() throws -> RunSummary {
        let clock = ContinuousClock()
        let start = clock.now
        let output = config.output
        let lock = try RunLock(for: output)
        defer { withExtendedLifetime(lock) {} }
        OutputFolder.removeLeftovers(of: output)

        let files = try InputScanner.scan(config.input)
        observer?(.started(files: files.count))
        // With --full the manifest still tells new from changed; it is just not trusted for reuse.
        let store = FragmentStore(forOutput: output)
        var previous = Manifest.load(from: output)
        let results = try handle(files, previous: previous, store: store)
        let deleted = Set(previous?.files.map(\.path) ?? []).subtracting(results.map(\.file.relativePath)).count
        previous = nil  // the last run's entries are not needed past this point: memory for the writer
        let handled = clock.now

        observer?(.writing)
        let dataset = Dataset(results: results)
        var summary = RunSummary(dataset: dataset, results: results, deleted: deleted)
        let staging = try OutputFolder.makeStaging(for: output)
        var parsedForWriting = 0
        do {
            try OutputWriter.write(dataset, into: staging) { result in
                try fragment(for: result, store: store, parsed: &parsedForWriting)
            }
            summary.parsed += parsedForWriting
            summary.handling = handled - start
            summary.writing = clock.now - handled
            try Manifest.write(parser: ParserVersion.current, entries: results.lazy.map(\.manifestEntry), into: staging)
            summary.elapsed = clock.now - start
            try Data(summary.json().pretty().utf8).write(to: staging.appendingPathComponent("summary.json"))
            try OutputFolder.swap(staging, into: output)
        } catch {
            try? FileManager.default.removeItem(at: staging)
            throw error
        }
        store.collectGarbage(keeping: Set(dataset.reports.map(\.header.sha256)))
        summary.elapsed = clock.now - start
        return summary
    }

    // MARK: Files

    /// Handles files on `jobs` workers, each with its own OpenCC converters; results keep input order.
    func handle(_ files: [InputScanner.InputFile], previous: Manifest?, store: FragmentStore) throws -> [FileResult] {
        let workers = max(1, min(config.jobs > 0 ? config.jobs : ProcessInfo.processInfo.activeProcessorCount, max(files.count, 1)))
        let slots = ResultSlots(count: files.count)
        let failure = FirstError()
        let known = Dictionary(previous?.files.map { ($0.path, $0) } ?? [], uniquingKeysWith: { first, _ in first })
        let previousParser = previous?.parser
        let context = FileContext(maxFileBytes: config.maxFileBytes, shard: shard, store: store, reuse: !full)
        let next = WorkQueue(count: files.count)
        let observer = self.observer
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            var processor: FileProcessor?
            while let index = next.take() {
                let file = files[index]
                do {
                    let result = try context.handle(file, previous: known[file.relativePath], previousParser: previousParser) {
                        if processor == nil { processor = FileProcessor(converters: try ScriptConverters(), maxFileBytes: context.maxFileBytes) }
                        return processor!
                    }
                    slots.set(index, result)
                    if let result { observer?(.file(path: file.relativePath, change: result.change, result: result.description)) }
                } catch {
                    failure.record(error)
                    return
                }
            }
        }
        if let error = failure.error { throw error }
        return slots.values
    }

    /// The fragment of a report for the writer: from the store, or parsed again if the store lost it.
    private func fragment(for result: FileResult, store: FragmentStore, parsed: inout Int) throws -> ReportFragment {
        if let fragment = store.load(result.sha256) { return fragment }
        parsed += 1
        let processor = FileProcessor(converters: try ScriptConverters(), maxFileBytes: config.maxFileBytes)
        let bytes = try FileBytes.read(result.file.url.path)
        guard case .report(let report) = processor.process(bytes: bytes, sourcePath: result.file.relativePath),
              report.sha256 == result.sha256 else {
            throw CocoaError(.fileReadCorruptFile, userInfo: [NSFilePathErrorKey: result.file.url.path])
        }
        let fragment = ReportFragment(report)
        try store.save(fragment)
        return fragment
    }
}

/// What handling one input file gave.
public struct FileResult: Sendable {
    public enum Outcome: Sendable {
        case report(ReportHeader)
        case reject(String)
    }

    public var file: InputScanner.InputFile
    /// Empty when the content was never read (unreadable, over the size limit).
    public var sha256: String
    public var change: FileChange
    public var outcome: Outcome
    /// Whether the file went through the stages in this run (not reused from the previous one).
    public var parsed = false

    var manifestEntry: Manifest.Entry {
        switch outcome {
        case .report(let header):
            return .init(path: file.relativePath, size: file.size, modified: file.modified, sha256: sha256,
                         reportID: header.reportID, reject: nil, report: header)
        case .reject(let reason):
            return .init(path: file.relativePath, size: file.size, modified: file.modified, sha256: sha256,
                         reportID: nil, reject: reason, report: nil)
        }
    }

    var description: String {
        switch outcome {
        case .report(let header): return "report \(header.reportID) \(header.template) \(header.status)"
        case .reject(let reason): return "rejected: \(reason)"
        }
    }
}

/// The per-file decision: reuse what the previous run learnt, or read and parse.
struct FileContext: Sendable {
    let maxFileBytes: Int
    let shard: Shard?
    let store: FragmentStore
    let reuse: Bool

    /// nil when the file belongs to another shard.
    func handle(_ file: InputScanner.InputFile, previous: Manifest.Entry?, previousParser: String?,
                processor: () throws -> FileProcessor) throws -> FileResult? {
        // Same size and time as last run: trust the recorded hash and outcome without reading.
        if reuse, let previous, previous.size == file.size, previous.modified == file.modified, file.size >= 0,
           !previous.sha256.isEmpty, previousParser == ParserVersion.current {
            guard shard?.contains(hash: previous.sha256) ?? true else { return nil }
            if let header = previous.report, store.contains(header, sha256: previous.sha256) {
                return FileResult(file: file, sha256: previous.sha256, change: .unchanged, outcome: .report(header))
            }
            if let reason = previous.reject {
                return FileResult(file: file, sha256: previous.sha256, change: .unchanged, outcome: .reject(reason))
            }
        }
        func change(_ sha256: String) -> FileChange {
            guard let previous else { return .new }
            return previous.sha256 == sha256 && !sha256.isEmpty ? .unchanged : .changed
        }
        func byPath() -> Bool { shard?.contains(hash: FileProcessor.sha256(Array(file.relativePath.utf8))) ?? true }

        if file.size > maxFileBytes {
            guard byPath() else { return nil }
            return FileResult(file: file, sha256: "", change: change(""),
                              outcome: .reject("file of \(file.size) bytes is over the size limit of \(maxFileBytes) bytes"))
        }
        let bytes: [UInt8]
        do {
            bytes = try FileBytes.read(file.url.path)
        } catch let failure as FileBytes.Failure {
            guard byPath() else { return nil }
            return FileResult(file: file, sha256: "", change: change(""), outcome: .reject("unreadable: \(failure.reason)"))
        } catch {
            guard byPath() else { return nil }
            return FileResult(file: file, sha256: "", change: change(""), outcome: .reject("unreadable: \(error.localizedDescription)"))
        }
        let sha256 = FileProcessor.sha256(bytes)
        guard shard?.contains(hash: sha256) ?? true else { return nil }
        if reuse, let fragment = store.load(sha256) {
            return FileResult(file: file, sha256: sha256, change: change(sha256), outcome: .report(fragment.header))
        }
        switch try processor().process(bytes: bytes, sourcePath: file.relativePath, sha256: sha256) {
        case .report(let report):
            let fragment = ReportFragment(report)
            try store.save(fragment)
            return FileResult(file: file, sha256: sha256, change: change(sha256), outcome: .report(fragment.header), parsed: true)
        case .reject(let reject):
            return FileResult(file: file, sha256: sha256, change: change(sha256), outcome: .reject(reject.reason), parsed: true)
        }
    }
}

/// Hands out file indices to workers one at a time, so a slow file never holds up a fixed stripe.
private final class WorkQueue: @unchecked Sendable {
    private var nextIndex = 0
    private let count: Int
    private let lock = NSLock()

    init(count: Int) {
        self.count = count
    }

    func take() -> Int? {
        lock.withLock {
            guard nextIndex < count else { return nil }
            defer { nextIndex += 1 }
            return nextIndex
        }
    }
}

/// Result slots filled by concurrent workers, one slot per input file; files of other shards stay nil.
private final class ResultSlots: @unchecked Sendable {
    private var slots: [FileResult?]
    private let lock = NSLock()

    init(count: Int) {
        slots = Array(repeating: nil, count: count)
    }

    func set(_ index: Int, _ result: FileResult?) {
        lock.withLock { slots[index] = result }
    }

    var values: [FileResult] {
        lock.withLock { slots.compactMap { $0 } }
    }
}

private final class FirstError: @unchecked Sendable {
    private var stored: Error?
    private let lock = NSLock()

    func record(_ error: Error) {
        lock.withLock { if stored == nil { stored = error } }
    }

    var error: Error? {
        lock.withLock { stored }
    }
}

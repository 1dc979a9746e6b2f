import CSystemShims
import Dispatch
import Foundation

/// A whole run: lock the output, list the input into the run's book (SQLite, in the staging folder),
/// handle every file on all cores (reusing the previous run's parse of unchanged files), then stream
/// the dataset in report_id order into the staging folder and swap that in atomically. Memory does
/// not grow with the corpus: files, outcomes and order live in the book. Output does not depend on
/// worker count, file order or history.
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
        let output = config.output
        let lock = try RunLock(for: output)
        defer { withExtendedLifetime(lock) {} }
        OutputFolder.removeLeftovers(of: output)
        let staging = try OutputFolder.makeStaging(for: output)
        do {
            let summary = try run(into: staging)
            try OutputFolder.swap(staging, into: output)
            return summary
        } catch {
            try? FileManager.default.removeItem(at: staging)
            throw error
        }
    }

    private func run(into staging: URL) throws -> RunSummary {
        let clock = ContinuousClock()
        let start = clock.now
        // With --full the manifest still tells new from changed; it is just not trusted for reuse.
        let ledger = try RunLedger(at: Manifest.location(in: staging), previous: Manifest.location(in: config.output))
        let listed = try ledger.list(config.input)
        observer?(.started(files: listed))
        let store = FragmentStore(forOutput: config.output)
        try handle(listed, in: ledger, store: store)
        try ledger.finishHandling()
        let handled = clock.now

        observer?(.writing)
        var summary = RunSummary(try ledger.counts())
        var crossYear: [String: [Finding]] = [:]
        try ledger.forEachOrgan { reports in crossYear.merge(CrossYearChecker.check(reports)) { $0 + $1 } }
        let writer = try OutputWriter(into: staging)
        try ledger.forEachReport { path, sha256 in
            let fragment = try fragment(path: path, sha256: sha256, store: store, summary: &summary)
            let findings = crossYear[fragment.header.reportID] ?? []
            try writer.append(fragment, sourcePath: path, crossReportFindings: findings)
            summary.count(fragment.header, crossReportFindings: findings)
        }
        try ledger.forEachReject { reject in
            try writer.append(reject)
            summary.rejected += 1
        }
        try writer.finish()
        try ledger.withReportLookup { hasReport in try store.collectGarbage(keeping: hasReport) }
        try ledger.close()
        summary.handling = handled - start
        summary.writing = clock.now - handled
        summary.elapsed = clock.now - start
        try Data(summary.json().pretty().utf8).write(to: staging.appendingPathComponent("summary.json"))
        return summary
    }

    // MARK: Files

    /// Handles the listed files on `jobs` workers, each with its own OpenCC converters, and records
    /// every outcome in the book as it comes.
    func handle(_ count: Int, in ledger: RunLedger, store: FragmentStore) throws {
        let workers = max(1, min(config.jobs > 0 ? config.jobs : ProcessInfo.processInfo.activeProcessorCount, max(count, 1)))
        let failure = FirstError()
        let previousParser = try ledger.previousParser()
        let context = FileContext(input: config.input, maxFileBytes: config.maxFileBytes, shard: shard, store: store, reuse: !full)
        let feed = FileFeed(ledger: ledger)
        let observer = self.observer
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            var processor: FileProcessor?
            var handled: [(id: Int64, result: FileResult)] = []
            do {
                while failure.error == nil, let listed = try feed.take() {
                    let result = try context.handle(listed.file, previous: listed.previous, previousParser: previousParser) {
                        if processor == nil { processor = FileProcessor(converters: try ScriptConverters(), maxFileBytes: context.maxFileBytes) }
                        return processor!
                    }
                    guard let result else { continue }
                    observer?(.file(path: listed.file.relativePath, change: result.change, result: result.description))
                    handled.append((listed.id, result))
                    if handled.count == 64 {
                        try ledger.record(handled)
                        handled.removeAll(keepingCapacity: true)
                    }
                }
                try ledger.record(handled)
            } catch {
                failure.record(error)
            }
        }
        if let error = failure.error { throw error }
    }

    /// The fragment of a report for the writer: from the store, or parsed again if the store lost it.
    private func fragment(path: String, sha256: String, store: FragmentStore, summary: inout RunSummary) throws -> ReportFragment {
        if let fragment = store.load(sha256) { return fragment }
        summary.parsed += 1
        let processor = FileProcessor(converters: try ScriptConverters(), maxFileBytes: config.maxFileBytes)
        let location = config.input.appendingPathComponent(path).path
        let bytes = try FileBytes.read(location)
        guard case .report(let report) = processor.process(bytes: bytes, sourcePath: path), report.sha256 == sha256 else {
            throw CocoaError(.fileReadCorruptFile, userInfo: [NSFilePathErrorKey: location])
        }
        let fragment = ReportFragment(report)
        try store.save(fragment)
        return fragment
    }
}

/// What handling one input file gave.
public struct FileResult: Sendable {
    public enum Outcome: Sendable {
        case report(ReportFacts)
        case reject(String)
    }

    public var file: InputScanner.InputFile
    /// Empty when the content was never read (unreadable, over the size limit).
    public var sha256: String
    public var change: FileChange
    public var outcome: Outcome
    /// Whether the file went through the stages in this run (not reused from the previous one).
    public var parsed = false

    var description: String {
        switch outcome {
        case .report(let facts): return "report \(facts.reportID) \(facts.template) \(facts.status)"
        case .reject(let reason): return "rejected: \(reason)"
        }
    }
}

/// The per-file decision: reuse what the previous run learnt, or read and parse.
struct FileContext: Sendable {
    let input: URL
    let maxFileBytes: Int
    let shard: Shard?
    let store: FragmentStore
    let reuse: Bool

    /// nil when the file belongs to another shard.
    func handle(_ file: InputScanner.InputFile, previous: PreviousEntry?, previousParser: String?,
                processor: () throws -> FileProcessor) throws -> FileResult? {
        // Same size and time as last run: trust the recorded hash and outcome without reading.
        if reuse, let previous, previous.size == file.size, previous.modified == file.modified, file.size >= 0,
           !previous.sha256.isEmpty, previousParser == ParserVersion.current {
            guard shard?.contains(hash: previous.sha256) ?? true else { return nil }
            if let report = previous.report, store.contains(report, sha256: previous.sha256) {
                return FileResult(file: file, sha256: previous.sha256, change: .unchanged, outcome: .report(report))
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
            bytes = try FileBytes.read(input.appendingPathComponent(file.relativePath).path)
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
            return FileResult(file: file, sha256: sha256, change: change(sha256), outcome: .report(ReportFacts(fragment.header)))
        }
        switch try processor().process(bytes: bytes, sourcePath: file.relativePath, sha256: sha256) {
        case .report(let report):
            let fragment = ReportFragment(report)
            try store.save(fragment)
            return FileResult(file: file, sha256: sha256, change: change(sha256), outcome: .report(ReportFacts(fragment.header)), parsed: true)
        case .reject(let reject):
            return FileResult(file: file, sha256: sha256, change: change(sha256), outcome: .reject(reject.reason), parsed: true)
        }
    }
}

/// Hands out listed files to workers one at a time (so a slow file never holds up a fixed stripe),
/// reading them from the book a batch at a time.
private final class FileFeed: @unchecked Sendable {
    private let ledger: RunLedger
    private var batch: [ListedFile] = []
    private var nextInBatch = 0
    private var lastID: Int64 = 0
    private var exhausted = false
    private let lock = NSLock()

    init(ledger: RunLedger) {
        self.ledger = ledger
    }

    func take() throws -> ListedFile? {
        try lock.withLock {
            if nextInBatch == batch.count {
                guard !exhausted else { return nil }
                batch = try ledger.listed(after: lastID, limit: 256)
                nextInBatch = 0
                guard let last = batch.last else {
                    exhausted = true
                    return nil
                }
                lastID = last.id
            }
            defer { nextInBatch += 1 }
            return batch[nextInBatch]
        }
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

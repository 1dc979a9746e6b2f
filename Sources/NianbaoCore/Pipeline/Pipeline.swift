import Dispatch
import Foundation

/// A whole run: lock the output, list the input into the run's book (SQLite, in the staging folder),
/// identify every file by content on all cores, then handle the contents in report_id order on all
/// cores while one writer streams their rows into the staging folder (copying the rows of contents
/// the previous run already wrote out of its output), write the tables that need every report, and
/// swap the folder in atomically. Memory does not grow with the corpus: files, outcomes and order
/// live in the book. Output does not depend on worker count, file order or history.
public struct Pipeline {
    public var config: PipelineConfig
    /// Read and parse every file again, reusing nothing of the previous run.
    public var full = false
    /// A shard writes into `config.output`, a folder of its own inside the shards' folder.
    public var shard: Shard?
    /// Replace the previous dataset even when the run drops more of its reports than `maxShrink` allows.
    public var allowShrink = false
    /// Where rows may be copied from; nil: the output's own previous dataset (a merge names the shards').
    public var previous: PreviousDataset?
    public var observer: (@Sendable (RunEvent) -> Void)?

    public init(config: PipelineConfig, full: Bool = false, shard: Shard? = nil, allowShrink: Bool = false,
                observer: (@Sendable (RunEvent) -> Void)? = nil) {
        self.config = config
        self.full = full
        self.shard = shard
        self.allowShrink = allowShrink
        self.observer = observer
    }

    /// Runs the pipeline; throws only when the run itself cannot go on (the output is not nianbao's
    /// to replace, another run holds it, the run would drop too much of the dataset, input folder
    /// unreadable, OpenCC missing, output not writable). Bad files become rejects.
    @discardableResult
    public func run() throws -> RunSummary {
        let started = Date()
        let output = config.output
        let shardBase = shard == nil ? nil : output.deletingLastPathComponent()
        try OutputGuard.check(output: output, input: config.input, shardBase: shardBase)
        let lock: RunLock, staging: URL
        do {
            lock = try RunLock(for: output)
            OutputFolder.removeLeftovers(of: output)
            staging = try OutputFolder.makeStaging(for: output)
        } catch let held as RunLock.Held {
            throw held
        } catch {
            throw OutputUnwritable(folder: output.path, reason: PlainError.reason(error))
        }
        defer { withExtendedLifetime(lock) {} }
        do {
            var excluded = [OutputGuard.realPath(shardBase ?? output)]
            if let previous { excluded.append(OutputGuard.realPath(previous.folder)) }
            let (summary, inPlace) = try run(into: staging, excluding: excluded, started: started)
            if inPlace {
                // The dataset stays as it is; the night's summary replaces the last one atomically.
                let written = staging.appendingPathComponent("summary.json")
                try Data(summary.json().pretty().utf8).write(to: written)
                if rename(written.path, output.appendingPathComponent("summary.json").path) != 0 {
                    throw OutputUnwritable(folder: output.path, reason: String(cString: strerror(errno)))
                }
                try? FileManager.default.removeItem(at: staging)
            } else {
                try OutputFolder.swap(staging, into: output)
            }
            return summary
        } catch {
            try? FileManager.default.removeItem(at: staging)
            throw error
        }
    }

    /// `excluding`: the output's own folder, never listed as input when it lies inside the input.
    /// `inPlace`: nothing changed, the previous dataset is this run's and stays where it is.
    private func run(into staging: URL, excluding ownFolders: [String], started: Date) throws -> (summary: RunSummary, inPlace: Bool) {
        let clock = ContinuousClock()
        let start = clock.now
        let previous = self.previous ?? PreviousDataset(ownOutput: config.output)
        // With --full the manifest still tells new from changed; nothing in it is reused.
        let ledger = try RunLedger(at: Manifest.location(in: staging), previous: previous.manifest, settings: config.outcomeKey)
        let listed = try ledger.list(config.input, excluding: Set(ownFolders))
        observer?(.started(files: listed))
        let workers = max(1, min(config.jobs > 0 ? config.jobs : ProcessInfo.processInfo.activeProcessorCount, max(listed, 1)))
        try FileIdentification(input: config.input, maxFileBytes: config.maxFileBytes, shard: shard, trustStamps: !full, observer: observer)
            .identify(in: ledger, workers: workers)
        try ledger.finishIdentifying()

        let reuse = try !full && ledger.previousCacheKey() == ParserVersion.current + " " + config.outcomeKey
        let previousStamps = try ledger.previousStamps()
        let previousOutput = reuse && previousOutputIsIntact(previousStamps, in: previous.folder) ? previous.folder : nil
        if previousOutput != nil, previous.isOwnOutput, try ledger.isUnchangedListing(), UnchangedNight.hasDocs(config.output),
           try ledger.previousReportsAreCurrent(sizes: Dictionary(uniqueKeysWithValues: previousStamps.map { ($0.name, $0.size) })),
           var summary = UnchangedNight.summary(try ledger.counts(), started: started, output: config.output) {
            if let observer { try ledger.forEachListedPath { observer(.file(path: $0, change: .unchanged, result: "unchanged: the dataset is kept as it is")) } }
            OutputFolder.removeFragmentCache(of: config.output)
            summary.handling = clock.now - start
            summary.elapsed = summary.handling
            return (summary, true)
        }
        let writer = try OutputWriter(into: staging, previous: previousOutput)
        var handling = ContentHandling(input: config.input, maxFileBytes: config.maxFileBytes, reuseReports: previousOutput != nil, reuseRejects: reuse,
                                       previousSizes: Dictionary(uniqueKeysWithValues: previousStamps.map { ($0.name, $0.size) }), observer: observer)
        handling.fileTimeLimit = config.fileTimeLimit
        // The parsed reports' page bodies, made by the workers, wait for the docs in a scratch file.
        let bodies = try PageBodies(in: staging)
        defer { bodies.remove() }
        try handling.handle(in: ledger, writer: writer, workers: workers, bodies: bodies)
        try ledger.finishHandling()
        if let observer { try ledger.forEachDeleted { observer(.deleted(path: $0)) } }
        if !allowShrink { try ShrinkGuard.check(ledger.shrinkage(), limit: config.maxShrink) }
        let handled = clock.now

        observer?(.writing)
        var summary = RunSummary(try ledger.counts(), started: started)
        // The identify stage's dataset half: organs, the panel, copies and cross-year checks, organ by organ.
        var crossReport: [String: [Finding]] = [:]
        var copyOf: [String: String] = [:]
        try ledger.forEachOrgan { reports in
            let organ = OrganYears(reports)
            try writer.appendOrgan(organ)
            crossReport.merge(organ.findings) { $0 + $1 }
            copyOf.merge(organ.copyOf) { first, _ in first }
        }
        try ledger.forEachReport { path, header, ownChecks in
            bodies.know(header.reportID, bodyDigest: header.pageBodyDigest)
            let findings = crossReport[header.reportID] ?? []
            try writer.appendReport(header, sourcePath: path, ownChecks: ownChecks, crossReportFindings: findings,
                                    copyOf: copyOf[header.reportID] ?? "")
            summary.count(header, crossReportFindings: findings, isCopy: copyOf[header.reportID] != nil)
        }
        try ledger.forEachReject { reject in
            try writer.append(reject)
            summary.rejected += 1
        }
        try ledger.record(try writer.finish())
        // The docs stage: the dataset's pages, from the files just written; when nothing came in, went
        // or was parsed, the dataset is the previous one byte for byte, and so are its pages.
        let docsStart = clock.now
        let sameDataset = previousOutput != nil && summary.new == 0 && summary.changed == 0 && summary.deleted == 0 && summary.parsed == 0
        if !(sameDataset && previous.isOwnOutput && DataDocs.reuse(from: config.output, into: staging, reports: summary.reports)) {
            // Pages of reports whose rows did not change are the previous run's, linked.
            try DataDocs.write(folder: staging, previous: previousOutput != nil && previous.isOwnOutput ? config.output : nil,
                               parserVersion: ParserVersion.current, bodies: bodies)
        }
        summary.docs = clock.now - docsStart
        try ledger.close()
        OutputFolder.removeFragmentCache(of: config.output)
        summary.handling = handled - start
        summary.writing = clock.now - handled
        summary.elapsed = clock.now - start
        try Data(summary.json().pretty().utf8).write(to: staging.appendingPathComponent("summary.json"))
        return (summary, false)
    }

    /// Whether the previous output's row files are the ones its manifest describes: rows are only
    /// copied out of files nobody has touched since.
    private func previousOutputIsIntact(_ stamps: [OutputFileStamp], in folder: URL) -> Bool {
        !stamps.isEmpty && stamps.allSatisfy { OutputFileStamp.current(of: $0.name, in: folder) == $0 }
    }
}

/// The dataset a run may copy rows from: the manifest that describes them and the folder their
/// files lie in (row files named relative to it).
public struct PreviousDataset: Sendable {
    public var manifest: URL
    public var folder: URL
    /// The run's own output: an unchanged night may keep it in place and its pages may be kept.
    public var isOwnOutput: Bool

    public init(manifest: URL, folder: URL) {
        self.manifest = manifest
        self.folder = folder
        self.isOwnOutput = false
    }

    init(ownOutput: URL) {
        manifest = Manifest.location(in: ownOutput)
        folder = ownOutput
        isOwnOutput = true
    }
}

/// Remembers the first error of several threads.
final class FirstError: @unchecked Sendable {
    private var stored: Error?
    private let lock = NSLock()

    func record(_ error: Error) {
        lock.withLock { if stored == nil { stored = error } }
    }

    var error: Error? {
        lock.withLock { stored }
    }
}

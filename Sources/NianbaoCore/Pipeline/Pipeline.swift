import Dispatch
import Foundation

/// A whole run: scan the input folder, process every file on all cores, assemble the dataset and
/// write it. Output does not depend on the number of workers or the order files finish in.
public struct Pipeline {
    public var config: PipelineConfig

    public init(config: PipelineConfig) {
        self.config = config
    }

    public struct Summary: Sendable {
        public var files: Int
        public var reports: Int
        public var rejected: Int
        public var reportsWithErrors: Int
        public var elapsed: Duration

        public var line: String {
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            return "nianbao: \(files) files, \(reports) reports, \(rejected) rejected, "
                + "\(reportsWithErrors) reports with errors, \(String(format: "%.2f", seconds)) s"
        }
    }

    /// Runs the pipeline; throws only when the run itself cannot go on (input folder unreadable,
    /// OpenCC missing, output not writable). Bad files become rejects.
    @discardableResult
    public func run() throws -> Summary {
        let clock = ContinuousClock()
        let start = clock.now
        let files = try InputScanner.scan(config.input)
        let outcomes = try process(files)
        let dataset = Dataset(outcomes: outcomes)
        try OutputWriter.write(dataset, to: config.output)
        let withErrors = dataset.reports.filter { report in dataset.findings(of: report).contains { $0.severity == .error } }.count
        return Summary(files: files.count, reports: dataset.reports.count, rejected: dataset.rejects.count,
                       reportsWithErrors: withErrors, elapsed: clock.now - start)
    }

    /// Processes files on `jobs` workers, each with its own OpenCC converters; results keep input order.
    public func process(_ files: [InputScanner.InputFile]) throws -> [FileOutcome] {
        let workers = max(1, min(config.jobs > 0 ? config.jobs : ProcessInfo.processInfo.activeProcessorCount, max(files.count, 1)))
        let results = OutcomeSlots(count: files.count)
        let failure = FirstError()
        let maxFileBytes = config.maxFileBytes
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            let converters: ScriptConverters
            do {
                converters = try ScriptConverters()
            } catch {
                failure.record(error)
                return
            }
            let processor = FileProcessor(converters: converters, maxFileBytes: maxFileBytes)
            var index = worker
            while index < files.count {
                results.set(index, Self.process(files[index], with: processor))
                index += workers
            }
        }
        if let error = failure.error { throw error }
        return results.values
    }

    static func process(_ file: InputScanner.InputFile, with processor: FileProcessor) -> FileOutcome {
        do {
            let attributes = try FileManager.default.attributesOfItem(atPath: file.url.path)
            if let size = attributes[.size] as? Int, size > processor.maxFileBytes {
                return .reject(Reject(sourcePath: file.relativePath, sha256: "",
                                      reason: "file of \(size) bytes is over the size limit of \(processor.maxFileBytes) bytes"))
            }
            let bytes = try [UInt8](Data(contentsOf: file.url))
            return processor.process(bytes: bytes, sourcePath: file.relativePath)
        } catch {
            return .reject(Reject(sourcePath: file.relativePath, sha256: "", reason: "unreadable: \(error.localizedDescription)"))
        }
    }
}

/// Result slots filled by concurrent workers, one slot per input file.
private final class OutcomeSlots: @unchecked Sendable {
    private var slots: [FileOutcome?]
    private let lock = NSLock()

    init(count: Int) {
        slots = Array(repeating: nil, count: count)
    }

    func set(_ index: Int, _ outcome: FileOutcome) {
        lock.withLock { slots[index] = outcome }
    }

    var values: [FileOutcome] {
        lock.withLock { slots.map { $0! } }
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

import Foundation

/// The second pass, on all cores: every distinct content once, in report_id order. Workers parse a
/// content (or find that the previous run's output already holds its rows) while one writer, on
/// the calling thread, takes their results in order, streams or copies the rows into the output
/// and records each outcome in the book. Workers stay at most a few contents ahead of the writer.
struct ContentHandling: Sendable {
    let input: URL
    let maxFileBytes: Int
    /// Seconds one file may take through the stages (`FileDeadline`).
    var fileTimeLimit = PipelineConfig.defaultFileTimeLimit
    /// Copy the rows of a content the previous run made a report of, out of its output.
    let reuseReports: Bool
    /// Take over the previous run's reject of a content (same parser).
    let reuseRejects: Bool
    /// The sizes of the previous output's row files: spans past their end (a manifest that does not
    /// belong to these files) are parsed again rather than copied.
    let previousSizes: [String: Int64]
    let observer: (@Sendable (RunEvent) -> Void)?

    /// A distinct content and the files that hold it, the preferred copy first (`CopyPreference`).
    struct Content: Sendable {
        var sha256: String
        var files: [PlannedFile]
        var previous: PreviousOutcome?
    }

    enum Result: Sendable {
        case parsed(ReportFragment)
        case reused(ReportFacts, spans: [RowSpan])
        /// The stages' verdict on the bytes: given now (`parsed`) or by the previous run.
        case rejected(String, parsed: Bool)
        /// This run could not take the bytes as identified (unreadable, rewritten): not a verdict on
        /// the content, so the next run tries again.
        case unread(String)
    }

    /// `bodies`: where the parsed reports' page bodies go, for the docs.
    func handle(in ledger: RunLedger, writer: OutputWriter, workers: Int, bodies: PageBodies? = nil) throws {
        let feed = ContentFeed(ledger: ledger, lookUpPrevious: reuseReports || reuseRejects)
        let work = OrderedResults<Content, (Content, Result)>(window: 4 * workers) { try feed.next() }
        let done = DispatchGroup()
        for _ in 0..<workers {
            done.enter()
            // Threads of their own: the writer below blocks, so the workers must not wait for it in a pool.
            Thread {
                var processor: FileProcessor?
                while let (sequence, content) = work.take() {
                    do {
                        let result = try handle(content) {
                            if processor == nil { processor = FileProcessor(converters: try ScriptConverters(), maxFileBytes: maxFileBytes) }
                            return processor!
                        }
                        work.put((content, result), at: sequence)
                    } catch {
                        work.fail(error)
                    }
                }
                done.leave()
            }.start()
        }
        do {
            try write(work, into: writer, ledger: ledger, bodies: bodies)
        } catch {
            work.stop()
            done.wait()
            throw error
        }
        done.wait()
    }

    /// The writer's side: results in order into the output and the book.
    private func write(_ work: OrderedResults<Content, (Content, Result)>, into writer: OutputWriter, ledger: RunLedger,
                       bodies: PageBodies?) throws {
        var outcomes: [ContentOutcome] = []
        while let (content, result) = try work.next() {
            let first = content.files[0]
            let outcome: ContentOutcome
            let description: String
            switch result {
            case .parsed(let fragment):
                let spans = try writer.appendRows(fragment.rows)
                try bodies?.add(fragment.page, reportID: fragment.header.reportID)
                outcome = ContentOutcome(sha256: content.sha256, kind: .parsed(fragment.header, ownChecks: fragment.rows["checks"] ?? .init(), spans: spans),
                                         parsedFile: first.id)
                description = ReportFacts(fragment.header).description
            case .reused(let facts, let spans):
                outcome = ContentOutcome(sha256: content.sha256, kind: .copied(spans: try writer.copyRows(spans)))
                description = facts.description
            case .rejected(let reason, let parsed):
                outcome = ContentOutcome(sha256: content.sha256, kind: .rejected(reason, verdict: true), parsedFile: parsed ? first.id : nil)
                description = "rejected: \(reason)"
            case .unread(let reason):
                outcome = ContentOutcome(sha256: content.sha256, kind: .rejected(reason, verdict: false))
                description = "rejected: \(reason)"
            }
            // The other copies of a report's bytes are rejects, and are reported as such.
            let copies = outcome.isReport ? "rejected: duplicate of \(first.path) (same bytes)" : description
            for (index, file) in content.files.enumerated() {
                observer?(.file(path: file.path, change: file.change, result: index == 0 ? description : copies))
            }
            outcomes.append(outcome)
            if outcomes.count == 64 {
                try ledger.record(outcomes)
                outcomes.removeAll(keepingCapacity: true)
            }
        }
        try ledger.record(outcomes)
    }

    /// One content: reused from the previous run when it may be, otherwise read and parsed.
    func handle(_ content: Content, processor: () throws -> FileProcessor) throws -> Result {
        switch content.previous {
        case .report(let facts, let spans) where reuseReports && facts.isCurrent && spans.allSatisfy(liesInPreviousOutput):
            return .reused(facts, spans: spans)
        case .reject(let reason) where reuseRejects:
            return .rejected(reason, parsed: false)
        default:
            break
        }
        let file = content.files[0]
        let bytes: [UInt8]
        var modified: Int64 = 0
        do {
            bytes = try FileBytes.read(input.appendingPathComponent(file.path).path, modified: &modified)
        } catch let failure as FileBytes.Failure {
            return .unread("unreadable: \(failure.reason)")
        }
        // The hash (which orders the dataset) holds for the size and time the file was listed with,
        // as it does across runs; a file rewritten since is not taken for what it was.
        guard bytes.count == file.size, modified == file.modified else {
            return .unread("the file changed while the run was reading it (the next run reads it again)")
        }
        let deadline = ContinuousClock.now + .nanoseconds(Int64(fileTimeLimit * 1e9))
        let outcome = try FileDeadline.$current.withValue(deadline) {
            try processor().process(bytes: bytes, sourcePath: file.path, sha256: content.sha256)
        }
        // Past its time the file's outcome is no verdict: the next run tries it again.
        if ContinuousClock.now > deadline { return .unread(FileDeadline.reason(limit: fileTimeLimit)) }
        switch outcome {
        case .report(let report): return .parsed(ReportFragment(report))
        case .reject(let reject): return .rejected(reject.reason, parsed: true)
        }
    }

    /// Whether a recorded span lies inside a row table's file of the previous output.
    private func liesInPreviousOutput(_ span: RowSpan) -> Bool {
        guard OutputWriter.rowFileNames.contains(span.tableFile), let size = previousSizes[span.file] else { return false }
        return span.offset + span.length <= size
    }
}

/// The files with content in (sha256, rank, path) order from the book, a batch at a time, grouped by
/// content, each group with what the previous run made of it.
private final class ContentFeed {
    private let ledger: RunLedger
    private let lookUpPrevious: Bool
    private var batch: [PlannedFile] = []
    private var nextInBatch = 0
    private var exhausted = false

    init(ledger: RunLedger, lookUpPrevious: Bool) {
        self.ledger = ledger
        self.lookUpPrevious = lookUpPrevious
    }

    func next() throws -> ContentHandling.Content? {
        guard let first = try peek() else { return nil }
        var files: [PlannedFile] = []
        while let file = try peek(), file.sha256 == first.sha256 {
            files.append(file)
            nextInBatch += 1
        }
        let previous = lookUpPrevious ? try ledger.previousOutcome(of: first.sha256) : nil
        return ContentHandling.Content(sha256: first.sha256, files: files, previous: previous)
    }

    private func peek() throws -> PlannedFile? {
        if nextInBatch == batch.count {
            guard !exhausted else { return nil }
            let last = batch.last.map { ($0.sha256, $0.rank, $0.path) } ?? ("", 0, "")
            batch = try ledger.contents(after: last, limit: 256)
            nextInBatch = 0
            if batch.isEmpty {
                exhausted = true
                return nil
            }
        }
        return batch[nextInBatch]
    }
}

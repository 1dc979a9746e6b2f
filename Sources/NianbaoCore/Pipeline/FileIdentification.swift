import Dispatch
import Foundation

/// The first pass over the listed files, on all cores: each file's content hash (the report_id and
/// the order of the dataset come from it) and how it compares with the previous run. A file with
/// the same size and time as last run keeps its recorded hash without being read. Files that cannot
/// be read at all become rejects here; the rest are handled by content afterwards.
struct FileIdentification: Sendable {
    let input: URL
    let maxFileBytes: Int
    let shard: Shard?
    /// Trust size and time (off with --full).
    let trustStamps: Bool
    let observer: (@Sendable (RunEvent) -> Void)?

    func identify(in ledger: RunLedger, workers: Int) throws {
        let failure = FirstError()
        let feed = ListingFeed(ledger: ledger)
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            var identified: [(id: Int64, file: IdentifiedFile)] = []
            do {
                while failure.error == nil, let listed = try feed.take() {
                    guard let result = identify(listed.file, previous: listed.previous) else { continue }
                    if let reason = result.reject {
                        observer?(.file(path: listed.file.relativePath, change: result.change, result: "rejected: \(reason)"))
                    }
                    identified.append((listed.id, result))
                    if identified.count == 256 {
                        try ledger.record(identified)
                        identified.removeAll(keepingCapacity: true)
                    }
                }
                try ledger.record(identified)
            } catch {
                failure.record(error)
            }
        }
        if let error = failure.error { throw error }
    }

    /// nil when the file belongs to another shard.
    func identify(_ file: InputScanner.InputFile, previous: PreviousEntry?) -> IdentifiedFile? {
        // What cannot be read has no content hash: such a file is sharded by its path, and is
        // unchanged when the previous run could not read it for the same reason.
        func unread(_ reason: String) -> IdentifiedFile? {
            guard shard?.contains(hash: FileProcessor.sha256(Array(file.relativePath.utf8))) ?? true else { return nil }
            let change: FileChange = previous == nil ? .new : previous!.sha256.isEmpty && previous!.reject == reason ? .unchanged : .changed
            return IdentifiedFile(sha256: "", change: change, reject: reason)
        }
        switch file.kind {
        case .file: break
        case .unreadableFolder:
            return unread(Self.unreadableFolder(input.appendingPathComponent(file.relativePath)))
        case .keptFromUnreadableFolder:
            // Its folder cannot be read: what the previous run made of it stands, unread.
            guard let previous else { return nil }
            if previous.sha256.isEmpty { return unread(previous.reject ?? "unreadable") }
            guard shard?.contains(hash: previous.sha256) ?? true else { return nil }
            return IdentifiedFile(sha256: previous.sha256, change: .unchanged)
        }
        // The limit is checked before the size-and-time shortcut, so that a lower limit applies to
        // files read in earlier runs too.
        if file.size > maxFileBytes {
            return unread(Self.oversize(file.size, limit: maxFileBytes))
        }
        if trustStamps, let previous, previous.size == file.size, previous.modified == file.modified, file.size >= 0,
           !previous.sha256.isEmpty {
            guard shard?.contains(hash: previous.sha256) ?? true else { return nil }
            return IdentifiedFile(sha256: previous.sha256, change: .unchanged)
        }
        let path = input.appendingPathComponent(file.relativePath).path
        if file.size < 0, let reason = LinkProblem.describe(path) {
            return unread(reason)
        }
        // A FIFO, a socket or a device is never opened for a read that could block the night.
        if let kind = FileBytes.specialKind(path) { return unread("not a regular file (\(kind)): not read") }
        let bytes: [UInt8]
        do {
            bytes = try FileBytes.read(path)
        } catch let failure as FileBytes.Failure {
            return unread("unreadable: \(failure.reason)")
        } catch {
            return unread("unreadable: \(error.localizedDescription)")
        }
        if bytes.count > maxFileBytes {
            return unread(Self.oversize(bytes.count, limit: maxFileBytes))
        }
        let sha256 = FileProcessor.sha256(bytes)
        guard shard?.contains(hash: sha256) ?? true else { return nil }
        let change: FileChange = previous == nil ? .new : previous!.sha256 == sha256 ? .unchanged : .changed
        return IdentifiedFile(sha256: sha256, change: change)
    }

    /// The reason an unreadable folder is rejected with: the same each night while it stays so.
    static func unreadableFolder(_ folder: URL) -> String {
        var reason = "cannot be listed"
        if let directory = opendir(folder.path) { closedir(directory) } else { reason = String(cString: strerror(errno)) }
        return "folder cannot be read (\(reason)): its files are not read; the reports of its files from earlier runs are kept"
    }

    static func oversize(_ size: Int, limit: Int) -> String {
        "file of \(size) bytes is over the size limit of \(limit) bytes"
    }
}

/// Hands out listed files to workers one at a time (so a slow file never holds up a fixed stripe),
/// reading them from the book a batch at a time.
private final class ListingFeed: @unchecked Sendable {
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

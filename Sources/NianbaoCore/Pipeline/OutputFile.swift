import CSystemShims
import Foundation

/// One dataset file being written: bytes go through a 1 MiB buffer, and byte ranges of the previous
/// run's output are copied inside the kernel, adjacent ranges as one copy (an unchanged rerun copies
/// each file whole). `position` counts every byte handed over, so callers learn where rows land.
/// Closing syncs the file, since the output folder is swapped in right after; write-back to disk is
/// started every few MiB along the way, so that the sync at the end has little left to wait for.
final class OutputFile {
    let name: String
    private let path: String
    private let descriptor: Int32
    private var buffer: [UInt8] = []
    /// A copy not yet made; it follows the buffer's bytes in the file.
    private var pendingCopy: (source: SourceFile, offset: Int64, length: Int64)?
    private var closed = false
    private(set) var position: Int64 = 0
    /// Bytes in the file itself, and where the write-back not yet started begins.
    private var written: Int64 = 0
    private var writebackStart: Int64 = 0
    private static let blockSize = 1 << 20
    /// Pieces at least this long are written without going through the buffer.
    private static let directWriteSize = 64 << 10
    private static let writebackSize: Int64 = 8 << 20

    init(_ url: URL) throws {
        name = url.lastPathComponent
        path = url.path
        descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw FileBytes.Failure(path: path, operation: "create", code: errno) }
        buffer.reserveCapacity(Self.blockSize)
    }

    deinit {
        if !closed { Foundation.close(descriptor) }
    }

    func write(_ text: String) throws {
        try write(Array(text.utf8)[...])
    }

    func write(_ bytes: [UInt8]) throws {
        try write(bytes[...])
    }

    func write(_ bytes: ArraySlice<UInt8>) throws {
        try makePendingCopy()
        position += Int64(bytes.count)
        // A large piece (a report's sections) goes straight to the file after what is buffered:
        // copying it into the buffer first would only add a pass over its bytes.
        if bytes.count >= Self.directWriteSize {
            try flushBuffer()
            try FileBytes.writeAll(bytes, to: descriptor, path: path)
            return wrote(bytes.count)
        }
        if buffer.count + bytes.count > Self.blockSize { try flushBuffer() }
        buffer.append(contentsOf: bytes)
    }

    /// Appends `length` bytes of `source` from `offset`.
    func copy(from source: SourceFile, offset: Int64, length: Int64) throws {
        guard length > 0 else { return }
        position += length
        if let pending = pendingCopy, pending.source === source, pending.offset + pending.length == offset {
            pendingCopy!.length += length
            return
        }
        try makePendingCopy()
        pendingCopy = (source, offset, length)
    }

    private func makePendingCopy() throws {
        guard let (source, start, length) = pendingCopy else { return }
        pendingCopy = nil
        try flushBuffer()
        var offset = start
        let end = start + length
        while offset < end {
            let copied = nianbao_copy_range(source.descriptor, &offset, descriptor, Int(min(end - offset, 1 << 30)))
            if copied > 0 {
                wrote(Int(copied))
                continue
            }
            if copied == 0 { throw FileBytes.Failure(path: source.path, operation: "copy", code: ENODATA) }
            switch errno {
            case EINTR: continue
            case ENOSYS, EXDEV, EINVAL, EOPNOTSUPP, EPERM: return try copyThroughMemory(from: source, offset: offset, end: end)
            case let code: throw FileBytes.Failure(path: source.path, operation: "copy", code: code)
            }
        }
    }

    /// Where the kernel cannot copy between the two files.
    private func copyThroughMemory(from source: SourceFile, offset start: Int64, end: Int64) throws {
        var chunk = [UInt8](repeating: 0, count: Self.blockSize)
        var offset = start
        while offset < end {
            let count = chunk.withUnsafeMutableBytes { pread(source.descriptor, $0.baseAddress!, Int(min(end - offset, Int64($0.count))), off_t(offset)) }
            if count < 0 && errno == EINTR { continue }
            if count < 0 { throw FileBytes.Failure(path: source.path, operation: "read", code: errno) }
            if count == 0 { throw FileBytes.Failure(path: source.path, operation: "read", code: ENODATA) }
            try FileBytes.writeAll(chunk[0..<count], to: descriptor, path: path)
            wrote(count)
            offset += Int64(count)
        }
    }

    private func flushBuffer() throws {
        guard !buffer.isEmpty else { return }
        try FileBytes.writeAll(buffer[...], to: descriptor, path: path)
        wrote(buffer.count)
        buffer.removeAll(keepingCapacity: true)
    }

    private func wrote(_ count: Int) {
        written += Int64(count)
        if written - writebackStart >= Self.writebackSize {
            _ = nianbao_start_writeback(descriptor, writebackStart, written - writebackStart)
            writebackStart = written
        }
    }

    /// When the file would be byte for byte its previous version (its header, still in the buffer,
    /// then one copy of all the rest: an unchanged rerun), that file is linked into its place instead:
    /// the previous output is removed after the swap, so the two never coexist as the dataset, and
    /// nothing is copied or synced again. nil when it is not such a copy or cannot be linked.
    private func linkWholeCopy() -> OutputFileStamp? {
        guard let (source, offset, length) = pendingCopy, written == 0, offset == Int64(buffer.count) else { return nil }
        var status = stat()
        guard fstat(source.descriptor, &status) == 0, offset + length == Int64(status.st_size) else { return nil }
        var head = [UInt8](repeating: 0, count: buffer.count)
        guard head.withUnsafeMutableBytes({ pread(source.descriptor, $0.baseAddress, $0.count, 0) }) == buffer.count, head == buffer else {
            return nil
        }
        let temporary = path + ".link"
        unlink(temporary)
        guard link(source.path, temporary) == 0 else { return nil }
        guard rename(temporary, path) == 0 else {
            unlink(temporary)
            return nil
        }
        pendingCopy = nil
        buffer.removeAll()
        closed = true
        Foundation.close(descriptor)
        return OutputFileStamp(name: name, size: Int64(status.st_size), modified: FileBytes.nanoseconds(status.st_mtim))
    }

    /// Writes what is pending, syncs and closes; returns what the manifest records of the file.
    func close() throws -> OutputFileStamp {
        if let linked = linkWholeCopy() { return linked }
        try makePendingCopy()
        try flushBuffer()
        closed = true
        var status = stat()
        guard fsync(descriptor) == 0, fstat(descriptor, &status) == 0 else {
            let code = errno
            Foundation.close(descriptor)
            throw FileBytes.Failure(path: path, operation: "sync", code: code)
        }
        if Foundation.close(descriptor) != 0 { throw FileBytes.Failure(path: path, operation: "close", code: errno) }
        return OutputFileStamp(name: name, size: Int64(status.st_size), modified: FileBytes.nanoseconds(status.st_mtim))
    }
}

/// A file of the previous run's output, open for copying from.
final class SourceFile {
    let path: String
    let descriptor: Int32

    init(_ url: URL) throws {
        path = url.path
        descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw FileBytes.Failure(path: path, operation: "open", code: errno) }
    }

    deinit { close(descriptor) }
}

/// A written dataset file's size and modification time. The manifest keeps them, and the next run
/// copies rows out of the file only while both still match: a file saved over from a spreadsheet is
/// not a cache any more.
struct OutputFileStamp: Sendable, Equatable {
    var name: String
    var size: Int64
    var modified: Int64

    /// The stamp of `name` in `folder` as it is now, nil when it cannot be read.
    static func current(of name: String, in folder: URL) -> OutputFileStamp? {
        var status = stat()
        guard stat(folder.appendingPathComponent(name).path, &status) == 0 else { return nil }
        return OutputFileStamp(name: name, size: Int64(status.st_size), modified: FileBytes.nanoseconds(status.st_mtim))
    }
}

/// Where one report's rows lie in one dataset file.
struct RowSpan: Sendable, Equatable {
    var file: String
    var offset: Int64
    var length: Int64

    /// The dataset file's own name: a merge's spans name their shard's folder too (`shard-0001-of-0003/sections.csv`).
    var tableFile: String {
        guard let slash = file.lastIndex(of: "/") else { return file }
        return String(file[file.index(after: slash)...])
    }

    /// The manifest's form of a report's spans: `file offset length`, separated by `;`.
    static func encode(_ spans: [RowSpan]) -> String {
        spans.map { "\($0.file) \($0.offset) \($0.length)" }.joined(separator: ";")
    }

    static func decode(_ text: String) -> [RowSpan]? {
        guard !text.isEmpty else { return [] }
        var spans: [RowSpan] = []
        for part in text.split(separator: ";") {
            let fields = part.split(separator: " ")
            guard fields.count == 3, let offset = Int64(fields[1]), let length = Int64(fields[2]), offset >= 0, length > 0 else { return nil }
            spans.append(RowSpan(file: String(fields[0]), offset: offset, length: length))
        }
        return spans
    }
}

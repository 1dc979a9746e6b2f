#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Whole-file reads and complete writes straight between a file and a byte array through the system
/// calls, with no `Data` in between.
enum FileBytes {
    struct Failure: Error, CustomStringConvertible {
        var path: String
        var operation: String
        var code: Int32

        var description: String { "\(operation) \(path): \(reason)" }
        /// The system's words for the error, without the path (which differs from machine to machine).
        var reason: String { "\(operation) failed: \(String(cString: strerror(code)))" }
    }

    /// The file's bytes: one allocation sized by fstat, then chunks should the file have grown.
    static func read(_ path: String) throws -> [UInt8] {
        var modified: Int64 = 0
        return try read(path, modified: &modified)
    }

    /// The file's bytes, and its modification time (nanoseconds since 1970) as it was opened.
    static func read(_ path: String, modified: inout Int64) throws -> [UInt8] {
        // Non-blocking, so that a FIFO put in place after the listing cannot hang the open.
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY)
        guard descriptor >= 0 else { throw Failure(path: path, operation: "open", code: errno) }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw Failure(path: path, operation: "stat", code: errno) }
        guard status.st_mode & S_IFMT == S_IFREG else { throw Failure(path: path, operation: "read", code: EINVAL) }
        modified = nanoseconds(status.st_mtim)
        let expected = max(Int(status.st_size), 0)
        var failure: Int32 = 0
        var bytes = [UInt8](unsafeUninitializedCapacity: expected) { buffer, initialized in
            initialized = 0
            while initialized < expected {
                let count = systemRead(descriptor, buffer.baseAddress! + initialized, expected - initialized)
                if count < 0 && errno == EINTR { continue }
                if count < 0 { failure = errno }
                if count <= 0 { break }
                initialized += count
            }
        }
        if failure != 0 { throw Failure(path: path, operation: "read", code: failure) }
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { systemRead(descriptor, $0.baseAddress!, $0.count) }
            if count < 0 && errno == EINTR { continue }
            if count < 0 { throw Failure(path: path, operation: "read", code: errno) }
            if count == 0 { return bytes }
            bytes.append(contentsOf: chunk[0..<count])
        }
    }

    /// What a path that is not a regular file is (a FIFO, a socket, a device), nil for a regular file,
    /// a folder or a path `stat` cannot see. Links are followed.
    static func specialKind(_ path: String) -> String? {
        var status = stat()
        guard stat(path, &status) == 0 else { return nil }
        switch status.st_mode & S_IFMT {
        case S_IFIFO: return "a FIFO (named pipe)"
        case S_IFSOCK: return "a socket"
        case S_IFCHR: return "a character device"
        case S_IFBLK: return "a block device"
        default: return nil
        }
    }

    /// A file time as nanoseconds since 1970, the unit the manifest keeps times in.
    static func nanoseconds(_ time: timespec) -> Int64 {
        Int64(time.tv_sec) * 1_000_000_000 + Int64(time.tv_nsec)
    }

    /// Flushes a closed file's data to disk (a file another library wrote, such as the manifest).
    static func sync(_ path: String) throws {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw Failure(path: path, operation: "open", code: errno) }
        defer { close(descriptor) }
        if fsync(descriptor) != 0 { throw Failure(path: path, operation: "sync", code: errno) }
    }

    /// Writes a whole file (created or truncated), without syncing: the run syncs its output as a
    /// whole (the docs' pages are rewritten by any run).
    static func write(_ bytes: [UInt8], to path: String) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw Failure(path: path, operation: "open", code: errno) }
        defer { close(descriptor) }
        try writeAll(bytes[...], to: descriptor, path: path)
    }

    /// Writes every byte, going on after short writes and interruptions.
    static func writeAll(_ bytes: ArraySlice<UInt8>, to descriptor: Int32, path: String) throws {
        try bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = systemWrite(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 && errno == EINTR { continue }
                if written < 0 { throw Failure(path: path, operation: "write", code: errno) }
                offset += written
            }
        }
    }

    private static func systemRead(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
        #if canImport(Glibc)
        Glibc.read(descriptor, buffer, count)
        #elseif canImport(Musl)
        Musl.read(descriptor, buffer, count)
        #else
        Darwin.read(descriptor, buffer, count)
        #endif
    }

    private static func systemWrite(_ descriptor: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
        #if canImport(Glibc)
        Glibc.write(descriptor, buffer, count)
        #elseif canImport(Musl)
        Musl.write(descriptor, buffer, count)
        #else
        Darwin.write(descriptor, buffer, count)
        #endif
    }
}

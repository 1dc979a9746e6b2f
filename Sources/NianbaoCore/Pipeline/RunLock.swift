import Foundation

/// One run at a time per output folder: an exclusive `flock` on `.<output>.lock` beside the folder.
/// The kernel drops the lock when the holder dies, even by `kill -9`, so a stale lock file never
/// blocks the next run; the file only records the holder's process id for the message.
public final class RunLock {
    public struct Held: Error, CustomStringConvertible {
        public var lockFile: String
        public var holder: String

        public var description: String {
            "another nianbao run (\(holder)) is writing this output folder; lock \(lockFile)"
        }
    }

    private let descriptor: Int32

    public static func lockFile(for output: URL) -> URL {
        output.deletingLastPathComponent().appendingPathComponent(".\(output.lastPathComponent).lock")
    }

    public init(for output: URL) throws {
        let url = Self.lockFile(for: output)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        let descriptor = open(url.path, O_CREAT | O_RDWR | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: url.path])
        }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            let holder = (try? String(contentsOf: url, encoding: .utf8))?.trimmingSpaces()
            close(descriptor)
            throw Held(lockFile: url.path, holder: holder.map { $0.isEmpty ? "unknown process" : "process \($0)" } ?? "unknown process")
        }
        ftruncate(descriptor, 0)
        let pid = "\(getpid())\n"
        _ = pid.withCString { write(descriptor, $0, strlen($0)) }
        self.descriptor = descriptor
    }

    deinit {
        ftruncate(descriptor, 0)
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}

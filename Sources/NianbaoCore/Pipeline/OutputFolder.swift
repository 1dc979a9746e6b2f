import CSystemShims
import Foundation

/// The output folder's life cycle: a staging folder beside it, an atomic swap, and the cleaning up
/// of what a killed run left behind.
enum OutputFolder {
    static func stagingPrefix(of output: URL) -> String { ".\(output.lastPathComponent).staging-" }

    static func makeStaging(for output: URL) throws -> URL {
        let parent = output.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
        let staging = parent.appendingPathComponent(stagingPrefix(of: output) + "\(getpid())")
        try? FileManager.default.removeItem(at: staging)
        try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: false)
        return staging
    }

    /// Staging folders of runs that died (the caller holds the lock, so no live run owns one).
    static func removeLeftovers(of output: URL) {
        let parent = output.deletingLastPathComponent()
        let prefix = stagingPrefix(of: output)
        for name in (try? FileManager.default.contentsOfDirectory(atPath: parent.path)) ?? [] where name.hasPrefix(prefix) {
            try? FileManager.default.removeItem(at: parent.appendingPathComponent(name))
        }
    }

    /// Versions before the output became its own cache kept parsed reports in `.Output.fragments/`
    /// beside the output; nothing reads that folder any more, so it only takes up disk.
    static func removeFragmentCache(of output: URL) {
        let cache = output.deletingLastPathComponent().appendingPathComponent(".\(output.lastPathComponent).fragments")
        if FileManager.default.fileExists(atPath: cache.path) { try? FileManager.default.removeItem(at: cache) }
    }

    /// Puts `staging` in the place of `output` in one step (renameat2 RENAME_EXCHANGE), so that at
    /// every instant the path holds a complete dataset; then removes the previous one.
    static func swap(_ staging: URL, into output: URL) throws {
        let fileManager = FileManager.default
        guard fileManager.fileExists(atPath: output.path) else {
            try fileManager.moveItem(at: staging, to: output)
            return
        }
        if nianbao_exchange_paths(staging.path, output.path) == 0 {
            try? fileManager.removeItem(at: staging)
            return
        }
        // File systems without the exchange: two renames, the old folder kept until the new one is in.
        let previous = output.deletingLastPathComponent().appendingPathComponent(".\(output.lastPathComponent).previous-\(getpid())")
        try? fileManager.removeItem(at: previous)
        try fileManager.moveItem(at: output, to: previous)
        do {
            try fileManager.moveItem(at: staging, to: output)
        } catch {
            try? fileManager.moveItem(at: previous, to: output)
            throw error
        }
        try? fileManager.removeItem(at: previous)
    }
}

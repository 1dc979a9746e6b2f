import Foundation

/// Fragments on disk, addressed by the SHA-256 of the file they were parsed from. The store sits
/// beside the output folder (`.Output.fragments/`), outside the folder that is swapped on every run;
/// each fragment is written to a temporary name and renamed, so a crash never leaves half a fragment.
public struct FragmentStore: Sendable {
    public let folder: URL

    public init(forOutput output: URL) {
        folder = output.deletingLastPathComponent().appendingPathComponent(".\(output.lastPathComponent).fragments")
    }

    private func url(_ sha256: String) -> URL {
        folder.appendingPathComponent(String(sha256.prefix(2))).appendingPathComponent("\(sha256).json")
    }

    /// The cached fragment, when it exists and this parser made it.
    public func load(_ sha256: String) -> ReportFragment? {
        guard let data = try? Data(contentsOf: url(sha256)),
              let fragment = try? JSONDecoder().decode(ReportFragment.self, from: data), fragment.isCurrent else { return nil }
        return fragment
    }

    /// Whether the fragment of an unchanged report is still in the store and still current.
    func contains(_ header: ReportHeader, sha256: String) -> Bool {
        header.isCurrent && FileManager.default.fileExists(atPath: url(sha256).path)
    }

    public func save(_ fragment: ReportFragment) throws {
        let target = url(fragment.header.sha256)
        try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
        let temporary = target.deletingLastPathComponent().appendingPathComponent(".\(fragment.header.sha256).\(getpid()).tmp")
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        try encoder.encode(fragment).write(to: temporary)
        if rename(temporary.path, target.path) != 0 {
            try? FileManager.default.removeItem(at: temporary)
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: target.path])
        }
    }

    /// Removes fragments that no file of the current manifest refers to.
    public func collectGarbage(keeping kept: Set<String>) {
        let fileManager = FileManager.default
        guard let shards = try? fileManager.contentsOfDirectory(atPath: folder.path) else { return }
        for shard in shards {
            let shardFolder = folder.appendingPathComponent(shard)
            for name in (try? fileManager.contentsOfDirectory(atPath: shardFolder.path)) ?? [] {
                let sha = name.hasSuffix(".json") ? String(name.dropLast(5)) : ""
                if !kept.contains(sha) { try? fileManager.removeItem(at: shardFolder.appendingPathComponent(name)) }
            }
        }
    }
}

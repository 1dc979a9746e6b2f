import Foundation

/// `<output>/.nianbao/manifest.json`: what the last run read. Keyed by path, each entry records the
/// file's size and modification time (to skip reading unchanged files), its content hash, and what
/// it became under which parser version.
public struct Manifest: Codable, Sendable, Equatable {
    public var parser: String
    public var files: [Entry]

    public struct Entry: Codable, Sendable, Equatable {
        public var path: String
        public var size: Int
        /// Modification time in nanoseconds since 1970.
        public var modified: Int64
        /// Empty when the file could not be read.
        public var sha256: String
        /// The report it became, or nil when it was rejected.
        public var reportID: String?
        public var reject: String?
        /// The report's header, so that an unchanged file needs no reading until its rows are written.
        public var report: ReportHeader?
    }

    public static func location(in output: URL) -> URL {
        output.appendingPathComponent(".nianbao").appendingPathComponent("manifest.json")
    }

    public static func load(from output: URL) -> Manifest? {
        guard let data = try? Data(contentsOf: location(in: output)) else { return nil }
        return try? JSONDecoder().decode(Manifest.self, from: data)
    }

    func write(into output: URL) throws {
        let url = Manifest.location(in: output)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        try encoder.encode(self).write(to: url)
    }
}

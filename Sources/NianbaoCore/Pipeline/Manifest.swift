import Foundation

/// `<output>/.nianbao/manifest.jsonl`: what the last run read. Keyed by path, each entry records the
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
        output.appendingPathComponent(".nianbao").appendingPathComponent("manifest.jsonl")
    }

    /// Reads the manifest: a first line with the parser version, then one JSON object per file.
    public static func load(from output: URL) -> Manifest? {
        guard let data = try? Data(contentsOf: location(in: output)) else { return nil }
        let decoder = JSONDecoder()
        var lines = data.split(separator: 0x0A, omittingEmptySubsequences: true).makeIterator()
        guard let first = lines.next(), let head = try? decoder.decode(Head.self, from: first) else { return nil }
        var files: [Entry] = []
        while let line = lines.next() {
            guard let entry = try? decoder.decode(Entry.self, from: line) else { return nil }
            files.append(entry)
        }
        return Manifest(parser: head.parser, files: files)
    }

    private struct Head: Codable {
        var parser: String
    }

    /// Writes the manifest one line per file, entries as they come: a large corpus is never encoded
    /// in one piece, and no second copy of its entries is held.
    static func write(parser: String, entries: some Sequence<Entry>, into output: URL) throws {
        let url = Manifest.location(in: output)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let file = try BufferedFile(url)
        try file.write(String(decoding: try encoder.encode(Head(parser: parser)), as: UTF8.self) + "\n")
        for entry in entries {
            try file.write(String(decoding: try encoder.encode(entry), as: UTF8.self) + "\n")
        }
        try file.close()
    }
}

import Foundation

/// Fragments on disk, addressed by the SHA-256 of the file they were parsed from. The store sits
/// beside the output folder (`.Output.fragments/`), outside the folder that is swapped on every run;
/// each fragment is written to a temporary name and renamed, so a killed run never leaves half a
/// fragment (and one cut short by a power loss fails its length checks and is parsed again).
public struct FragmentStore: Sendable {
    public let folder: URL

    public init(forOutput output: URL) {
        folder = output.deletingLastPathComponent().appendingPathComponent(".\(output.lastPathComponent).fragments")
    }

    private func url(_ sha256: String) -> URL {
        folder.appendingPathComponent(String(sha256.prefix(2))).appendingPathComponent("\(sha256).fragment")
    }

    /// The cached fragment, when it exists and this parser made it.
    public func load(_ sha256: String) -> ReportFragment? {
        guard let bytes = try? FileBytes.read(url(sha256).path), let fragment = FragmentCoding.decode(bytes), fragment.isCurrent else {
            return nil
        }
        return fragment
    }

    /// Whether the fragment of an unchanged report is still in the store and still current.
    func contains(_ report: ReportFacts, sha256: String) -> Bool {
        report.isCurrent && FileManager.default.fileExists(atPath: url(sha256).path)
    }

    /// Saves without syncing to disk: a fragment is a cache, and one cut short by a crash fails to
    /// decode (every length is checked), so the report is parsed again.
    public func save(_ fragment: ReportFragment) throws {
        let target = url(fragment.header.sha256)
        try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
        // Two workers may save the same content at once (duplicate files): each writes its own temporary.
        let temporary = target.deletingLastPathComponent().appendingPathComponent(".\(fragment.header.sha256).\(UUID().uuidString).tmp")
        try FileBytes.write(try FragmentCoding.encode(fragment), to: temporary.path)
        if rename(temporary.path, target.path) != 0 {
            try? FileManager.default.removeItem(at: temporary)
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: target.path])
        }
    }

    /// Removes fragments that no report of the current run was made from.
    func collectGarbage(keeping isKept: (_ sha256: String) throws -> Bool) rethrows {
        let fileManager = FileManager.default
        guard let shards = try? fileManager.contentsOfDirectory(atPath: folder.path) else { return }
        for shard in shards {
            let shardFolder = folder.appendingPathComponent(shard)
            for name in (try? fileManager.contentsOfDirectory(atPath: shardFolder.path)) ?? [] {
                let sha = name.hasSuffix(".fragment") ? String(name.dropLast(9)) : ""
                if try !isKept(sha) { try? fileManager.removeItem(at: shardFolder.appendingPathComponent(name)) }
            }
        }
    }
}

/// A fragment on disk: a magic line, the header as one JSON line, then each table's encoded rows as
/// raw bytes behind a `name csvBytes jsonlBytes` line. Rows are stored as written, never re-escaped.
enum FragmentCoding {
    static let magic = "nianbao-fragment 1"

    static func encode(_ fragment: ReportFragment) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let header = try encoder.encode(fragment.header)
        var bytes = Array((magic + "\n" + fragment.parser + "\n").utf8)
        bytes.reserveCapacity(bytes.count + header.count + 1 + fragment.rows.values.reduce(0) { $0 + $1.csv.count + $1.jsonl.count + 64 })
        bytes.append(contentsOf: header)
        bytes.append(0x0A)
        for name in fragment.rows.keys.sorted() {
            let rows = fragment.rows[name]!
            bytes.append(contentsOf: "\(name) \(rows.csv.count) \(rows.jsonl.count)\n".utf8)
            bytes.append(contentsOf: rows.csv)
            bytes.append(contentsOf: rows.jsonl)
        }
        return bytes
    }

    static func decode(_ bytes: [UInt8]) -> ReportFragment? {
        var position = 0
        func line() -> String? {
            guard let end = bytes[position...].firstIndex(of: 0x0A) else { return nil }
            defer { position = end + 1 }
            return String(decoding: bytes[position..<end], as: UTF8.self)
        }
        func take(_ count: Int) -> [UInt8]? {
            guard count >= 0, position + count <= bytes.count else { return nil }
            defer { position += count }
            return Array(bytes[position..<position + count])
        }
        guard line() == magic, let parser = line(), let headerLine = line(),
              let header = try? JSONDecoder().decode(ReportHeader.self, from: Data(headerLine.utf8)) else { return nil }
        var rows: [String: ReportFragment.EncodedRows] = [:]
        while position < bytes.count {
            guard let record = line() else { return nil }
            let fields = record.split(separator: " ")
            guard fields.count == 3, let csvCount = Int(fields[1]), let jsonlCount = Int(fields[2]),
                  let csv = take(csvCount), let jsonl = take(jsonlCount) else { return nil }
            rows[String(fields[0])] = ReportFragment.EncodedRows(csv: csv, jsonl: jsonl)
        }
        return ReportFragment(parser: parser, header: header, rows: rows)
    }
}

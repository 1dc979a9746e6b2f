import Crypto
import Foundation

/// Runs one file through every stage: extract → normalise → parse → check. Never throws: a file
/// that cannot become a report becomes a reject with the reason.
public struct FileProcessor {
    public let maxFileBytes: Int
    private let normalizer: Normalizer

    public init(converters: ScriptConverters, maxFileBytes: Int) {
        self.normalizer = Normalizer(converters: converters)
        self.maxFileBytes = maxFileBytes
    }

    public static func sha256(_ bytes: [UInt8]) -> String { ShortDigest.hex(SHA256.hash(data: bytes)) }

    public func process(bytes: [UInt8], sourcePath: String) -> FileOutcome {
        process(bytes: bytes, sourcePath: sourcePath, sha256: Self.sha256(bytes))
    }

    /// Runs the stages on bytes whose SHA-256 is already known.
    public func process(bytes: [UInt8], sourcePath: String, sha256 digest: String) -> FileOutcome {
        func reject(_ reason: String) -> FileOutcome {
            .reject(Reject(sourcePath: sourcePath, sha256: digest, reason: reason))
        }
        if bytes.count > maxFileBytes {
            return reject(FileIdentification.oversize(bytes.count, limit: maxFileBytes))
        }
        let extracted: ExtractedDocument
        switch DocumentFormats.extract(bytes) {
        case .document(let document):
            extracted = document
        case .reject(let reason):
            return reject(reason)
        case nil:
            if let reason = BinaryFormats.reason(for: bytes) { return reject(reason) }
            let format = FormatSniffer.format(of: bytes, path: sourcePath)
            let declared = format == .html ? HTMLExtractor.declaredCharset(bytes) : nil
            let decoded: InputDecoder.Decoded
            switch InputDecoder.decode(bytes, declared: declared) {
            case .success(let value): decoded = value
            case .failure(let failure): return reject(failure.description)
            }
            extracted = format == .html ? HTMLExtractor.extract(decoded.text, encoding: decoded.encoding)
                : TextExtractor.extract(decoded.text, encoding: decoded.encoding)
        }
        if FileDeadline.passed { return reject(FileDeadline.Exceeded().description) }
        let normalized = normalizer.normalize(extracted)
        do {
            let parsed = try ReportParser.parse(normalized)
            return .report(ProcessedReport(
                reportID: ProcessedReport.id(sha256: digest), sourcePath: sourcePath, format: extracted.format,
                encoding: extracted.encoding, sha256: digest, bytes: bytes.count, parsed: parsed
            ))
        } catch {
            return reject(String(describing: error))
        }
    }
}

/// Tells HTML from raw text by the file's start, whatever its extension.
enum FormatSniffer {
    /// Markup that only an HTML page starts with, lowercase ASCII.
    private static let markers = ["<html", "<!doctype html", "<body", "<table"].map { Array($0.utf8) }

    static func format(of bytes: [UInt8], path: String) -> SourceFormat {
        // The first KiB, NULs dropped (UTF-16 markup reads as ASCII then) and ASCII lowercased:
        // every marker is ASCII, so no byte beyond it can take part in a match.
        var head: [UInt8] = []
        head.reserveCapacity(1024)
        for byte in bytes.prefix(1024) where byte != 0 {
            head.append(byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte)
        }
        let found = head.withUnsafeBufferPointer { head in
            markers.contains { marker in marker.withUnsafeBufferPointer { ByteSearch.contains(head, $0) } }
        }
        if found { return .html }
        let lowered = path.lowercased()
        if (lowered.hasSuffix(".html") || lowered.hasSuffix(".htm")) && head.contains(UInt8(ascii: "<")) { return .html }
        return .text
    }
}

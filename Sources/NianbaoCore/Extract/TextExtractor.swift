import Foundation

/// Reads a crawled raw-text capture: one paragraph per non-empty line (a crawler flattens table
/// cells one per line), and pipe-separated lines (`a | b | c`) as the rows of a table.
public enum TextExtractor {
    public static func extract(_ text: String, encoding: String) -> ExtractedDocument {
        var blocks: [Block] = []
        var pipeRows: [[Paragraph]] = []

        func flushPipeRows() {
            if !pipeRows.isEmpty {
                blocks.append(.table(ExtractedTable(rows: pipeRows)))
                pipeRows = []
            }
        }

        var lineNumber = 0
        for rawLine in lines(of: text) {
            lineNumber += 1
            let line = CrawlerArtifacts.strip(rawLine)
            let trimmed = line.trimmingSpaces()
            if trimmed.isEmpty { continue }
            let location = SourceLocation.line(lineNumber)
            if trimmed.utf8.lazy.filter({ $0 == UInt8(ascii: "|") }).count >= 2 {
                var cells = trimmed.split(separator: "|", omittingEmptySubsequences: false)
                    .map { String($0).trimmingSpaces() }
                if trimmed.hasPrefix("|") { cells.removeFirst() }
                if trimmed.hasSuffix("|"), !cells.isEmpty { cells.removeLast() }
                // An empty slot in a text capture is text the crawler lost, not an empty cell:
                // it is left out so that the cell comes out missing, never blank.
                let kept = cells.filter { !$0.isEmpty }.map { Paragraph(text: $0, location: location) }
                if !kept.isEmpty { pipeRows.append(kept) }
                continue
            }
            flushPipeRows()
            for piece in ValueRuns.split(trimmed) {
                blocks.append(.paragraph(Paragraph(text: piece.text, location: location, lead: piece.lead)))
            }
        }
        flushPipeRows()
        return ExtractedDocument(format: .text, encoding: encoding, blocks: blocks)
    }

    /// The lines of a text, split on its bytes: LF, CRLF and a lone CR each end a line.
    static func lines(of text: String) -> [String] {
        var lines: [String] = []
        var text = text
        text.withUTF8 { bytes in
            var start = 0
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if byte == 0x0A || byte == 0x0D {
                    lines.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self))
                    if byte == 0x0D, index + 1 < bytes.count, bytes[index + 1] == 0x0A { index += 1 }
                    start = index + 1
                }
                index += 1
            }
            lines.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<bytes.count]), as: UTF8.self))
        }
        return lines
    }
}

/// Markers that crawlers leave in captured text in place of images and bookmarks.
enum CrawlerArtifacts {
    static func strip(_ line: String) -> String {
        guard line.utf8.contains(UInt8(ascii: "[")), line.containsBytes("[image:") || line.containsBytes("[bookmark:") else { return line }
        var result = line
        for marker in ["[image:", "[bookmark:"] {
            while let start = result.range(of: marker),
                  let end = result.range(of: "]", range: start.upperBound..<result.endIndex) {
                result.removeSubrange(start.lowerBound..<end.upperBound)
            }
        }
        return result
    }
}

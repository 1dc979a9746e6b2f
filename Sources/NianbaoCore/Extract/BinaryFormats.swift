/// Binary formats a crawl holds beside its pages, known by their first bytes, with what to do about
/// them (SPEC §2 rejects: the reason names the format and a conversion). nianbao reads text and HTML;
/// a PDF, an Office document, an archive or an image is a clear reject, never a vague "binary file".
/// A new format is a line here.
enum BinaryFormats {
    struct Format {
        var magic: [UInt8]
        /// Bytes that must appear in the first 4 KiB too (the member names of an Office zip), if any.
        var member: [UInt8]? = nil
        var reason: String
    }

    static let zip: [UInt8] = [0x50, 0x4B, 0x03, 0x04]
    static let pdf = Array("%PDF-".utf8)
    static let wordMember = Array("word/".utf8)
    static let conversion = "convert it first, e.g. `soffice --headless --convert-to html FILE` (LibreOffice), and put the result in the input"

    static let all: [Format] = [
        Format(magic: zip, member: Array("xl/".utf8), reason: "a spreadsheet (.xlsx): not a report's text; a report's tables are read from its page"),
        Format(magic: zip, member: Array("ppt/".utf8), reason: "a presentation (.pptx): not a report"),
        Format(magic: zip, reason: "a zip archive: unpack it into the input folder"),
        Format(magic: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1],
               reason: "a Word 97–2003, WPS or Excel 97–2003 file (.doc, .wps, .et, .xls): \(conversion)"),
        Format(magic: Array("{\\rtf".utf8), reason: "a rich-text document (.rtf): \(conversion)"),
        Format(magic: [0x89, 0x50, 0x4E, 0x47], reason: "an image (PNG): a scanned page needs OCR before it can be read"),
        Format(magic: [0xFF, 0xD8, 0xFF], reason: "an image (JPEG): a scanned page needs OCR before it can be read"),
        Format(magic: Array("GIF8".utf8), reason: "an image (GIF): not a report"),
        Format(magic: [0x1F, 0x8B], reason: "a gzip-compressed file: unpack it into the input folder"),
        Format(magic: Array("Rar!".utf8), reason: "a RAR archive: unpack it into the input folder"),
        Format(magic: [0x37, 0x7A, 0xBC, 0xAF, 0x27, 0x1C], reason: "a 7z archive: unpack it into the input folder"),
    ]

    /// The reject reason for a file of a known binary format, nil for anything else.
    static func reason(for bytes: [UInt8]) -> String? {
        all.first { format in
            guard bytes.starts(with: format.magic) else { return false }
            guard let member = format.member else { return true }
            return holds(bytes, member: member)
        }?.reason
    }

    /// Whether a zip's first 4 KiB name a member starting with `member` (`word/`, `xl/`).
    static func holds(_ bytes: [UInt8], member: [UInt8]) -> Bool {
        let head = Array(bytes.prefix(4096))
        return head.withUnsafeBufferPointer { head in member.withUnsafeBufferPointer { ByteSearch.contains(head, $0) } }
    }
}

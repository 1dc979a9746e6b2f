import Foundation
import Testing
@testable import NianbaoCore

#if canImport(Glibc)
import Glibc
#endif

/// A run over a folder of hostile files: nothing crashes, every file is listed once, and copies of a
/// seed in other encodings and line endings give the seed's numbers.
@Suite("Hostile input folder")
struct HostileInputTests {
    @Test("empty, binary, truncated, deeply nested, huge-line, re-encoded and looping inputs")
    func hostileFolder() throws {
        let input = try Repository.temporaryFolder()
        func write(_ name: String, _ bytes: [UInt8]) throws {
            try Data(bytes).write(to: input.appendingPathComponent(name))
        }
        let seed = try Repository.sample(Seed.baicheng)
        let seedText = String(decoding: seed, as: UTF8.self)
        try write("seed.txt", seed)
        try write("copy-gb18030.txt", try encode(seedText, as: "GB18030"))
        try write("copy-utf16le.txt", [0xFF, 0xFE] + (try encode(seedText, as: "UTF-16LE")))
        try write("copy-utf16be.txt", [0xFE, 0xFF] + (try encode(seedText, as: "UTF-16BE")))
        try write("copy-bom.txt", [0xEF, 0xBB, 0xBF] + seed)
        try write("copy-crlf.txt", Array(seedText.replacingOccurrences(of: "\n", with: "\r\n").utf8))
        try write("empty.html", [])
        try write("binary.bin", (0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 7919) })
        let page = try Repository.sample("102_baicheng_2019_plain.html")
        try write("truncated.html", Array(page.prefix(page.count * 6 / 10)))
        try write("deep.html", Array(("<html><body>" + String(repeating: "<div><span>", count: 10_000) + "深").utf8))
        try write("huge-line.txt", Array(String(repeating: "政府信息公开工作年度报告，", count: 50_000).utf8))
        try write("tags-only.html", Array("<html><head><title>x</title></head><body><table><tr><td></td></tr></table></body></html>".utf8))
        // HTML pages in legacy encodings, declared in <meta> and undeclared.
        let traditional = try Repository.sample("103_yiyuan_2020_traditional.html")
        let traditionalText = String(decoding: traditional, as: UTF8.self)
        try write("page-103.html", traditional)
        try write("page-103-big5.html", try encode(traditionalText.replacingOccurrences(of: "charset=\"utf-8\"", with: "charset=\"big5\""), as: "BIG5"))
        try write("page-103-big5-undeclared.html", try encode(traditionalText.replacingOccurrences(of: "<meta charset=\"utf-8\">", with: ""), as: "BIG5"))
        let gbk = try Repository.sample("104_linyi_2020_gbk.html")
        try write("page-104.html", gbk)
        try write("page-104-undeclared.html", removing(Array("; charset=gb2312".utf8), from: gbk))
        try FileManager.default.createDirectory(at: input.appendingPathComponent("loop"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: input.appendingPathComponent("loop/back").path, withDestinationPath: input.path)
        try FileManager.default.createSymbolicLink(atPath: input.appendingPathComponent("dangling.txt").path,
                                                   withDestinationPath: input.appendingPathComponent("nowhere").path)

        let output = try Repository.temporaryFolder().appendingPathComponent("Output")
        let summary = try Pipeline(config: PipelineConfig(input: input, output: output, jobs: 2)).run()

        let scanned = try InputScanner.scan(input).map(\.relativePath)
        #expect(scanned.count == 18)
        let reports = try jsonLines(output.appendingPathComponent("reports.jsonl"))
        let rejects = try jsonLines(output.appendingPathComponent("rejects.jsonl"))
        let listed = reports.map { $0["source_path"] as! String } + rejects.map { $0["source_path"] as! String }
        #expect(listed.sorted() == scanned.sorted())
        #expect(summary.seen == scanned.count)
        for reject in rejects { #expect(!(reject["reason"] as! String).isEmpty) }

        let encodings = Dictionary(uniqueKeysWithValues: reports.map { ($0["source_path"] as! String, $0["encoding"] as! String) })
        #expect(encodings["copy-gb18030.txt"] == "gb18030")
        #expect(encodings["copy-utf16le.txt"] == "utf-16le")
        #expect(encodings["copy-utf16be.txt"] == "utf-16be")
        #expect(encodings["copy-bom.txt"] == "utf-8-bom")
        #expect(encodings["copy-crlf.txt"] == "utf-8")

        // Every copy has the seed's cells: same value, status, raw text and source line.
        let cells = try jsonLines(output.appendingPathComponent("applications.jsonl"))
            + jsonLines(output.appendingPathComponent("active_disclosure.jsonl"))
            + jsonLines(output.appendingPathComponent("reviews_litigation.jsonl"))
        let idByPath = Dictionary(uniqueKeysWithValues: reports.map { ($0["source_path"] as! String, $0["report_id"] as! String) })
        func table(of path: String) -> [String] {
            cells.filter { $0["report_id"] as? String == idByPath[path] }.map { cell in
                ["item", "category", "metric", "row", "applicant", "proceeding", "outcome", "value", "unit", "status", "raw", "source"]
                    .map { "\(cell[$0] ?? "")" }.joined(separator: "|")
            }
        }
        let original = table(of: "seed.txt")
        #expect(original.count == 198)
        for copy in ["copy-gb18030.txt", "copy-utf16le.txt", "copy-utf16be.txt", "copy-bom.txt", "copy-crlf.txt"] {
            #expect(table(of: copy) == original, "\(copy)")
        }
        #expect(encodings["page-103-big5.html"] == "big5")
        #expect(encodings["page-103-big5-undeclared.html"] == "big5")
        #expect(encodings["page-104-undeclared.html"] == "gb18030")
        #expect(table(of: "page-103.html").count == 198)
        #expect(table(of: "page-103-big5.html") == table(of: "page-103.html"))
        #expect(table(of: "page-103-big5-undeclared.html") == table(of: "page-103.html"))
        #expect(table(of: "page-104-undeclared.html") == table(of: "page-104.html"))
        #expect(table(of: "page-104.html").count == 198)
        let reasons = Dictionary(uniqueKeysWithValues: rejects.map { ($0["source_path"] as! String, $0["reason"] as! String) })
        #expect(reasons["empty.html"] == "empty file")
        #expect(reasons["binary.bin"]?.hasPrefix("binary file") == true)
        #expect(reasons["dangling.txt"]?.hasPrefix("symbolic link to a missing target") == true)
        #expect(reasons["deep.html"]?.hasPrefix("not a government information disclosure annual report") == true)
    }

    /// `bytes` without the first occurrence of `pattern`.
    private func removing(_ pattern: [UInt8], from bytes: [UInt8]) -> [UInt8] {
        guard let start = (0...(bytes.count - pattern.count)).first(where: { Array(bytes[$0..<$0 + pattern.count]) == pattern }) else {
            return bytes
        }
        return Array(bytes[..<start] + bytes[(start + pattern.count)...])
    }

    private func jsonLines(_ url: URL) throws -> [[String: Any]] {
        try String(contentsOf: url, encoding: .utf8).split(separator: "\n").map {
            try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any]
        }
    }

    /// Encodes text with iconv, to build re-encoded copies of a seed.
    private func encode(_ text: String, as encoding: String) throws -> [UInt8] {
        let converter = iconv_open(encoding, "UTF-8")
        guard let converter, Int(bitPattern: converter) != -1 else { throw TestFailure("iconv cannot encode \(encoding)") }
        defer { iconv_close(converter) }
        var input = Array(text.utf8)
        var output = [UInt8](repeating: 0, count: input.count * 4 + 16)
        let written: Int = input.withUnsafeMutableBufferPointer { inBuffer in
            output.withUnsafeMutableBufferPointer { outBuffer in
                var inPointer = UnsafeMutableRawPointer(inBuffer.baseAddress)?.assumingMemoryBound(to: CChar.self)
                var inLeft = inBuffer.count
                var outPointer = UnsafeMutableRawPointer(outBuffer.baseAddress)?.assumingMemoryBound(to: CChar.self)
                var outLeft = outBuffer.count
                guard iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft) != -1 else { return -1 }
                return outBuffer.count - outLeft
            }
        }
        guard written >= 0 else { throw TestFailure("iconv failed for \(encoding)") }
        return Array(output[0..<written])
    }
}

/// PDF, Office files, archives and images are clear rejects that name the format and what to do
/// (issue 24's first step: no "binary file" for a crawl's attachments).
@Suite("Binary formats named")
struct BinaryFormatTests {
    @Test("PDF, DOCX, XLSX, Word 97–2003 / WPS, zip, PNG, JPEG: each named, with a conversion where there is one")
    func named() throws {
        // A PDF or a Word document is read; one cut off after its first bytes is a reject that says so.
        #expect(rejectReason(Array("%PDF-1.7\n%\u{E2}\u{E3}\n1 0 obj".utf8), "a.pdf")?.hasPrefix("a damaged or truncated PDF") == true)
        #expect(rejectReason(Array("%PDF-1.4 text only".utf8), "b.txt")?.hasPrefix("a damaged or truncated PDF") == true)
        let docx: [UInt8] = [0x50, 0x4B, 0x03, 0x04] + Array(repeating: 0, count: 26) + Array("[Content_Types].xmlword/document.xml".utf8)
        #expect(rejectReason(docx, "r.docx")?.hasPrefix("a damaged Word document (.docx)") == true)
        let xlsx: [UInt8] = [0x50, 0x4B, 0x03, 0x04] + Array(repeating: 0, count: 26) + Array("xl/workbook.xml".utf8)
        #expect(rejectReason(xlsx, "t.xlsx")?.hasPrefix("a spreadsheet") == true)
        #expect(rejectReason([0x50, 0x4B, 0x03, 0x04, 0, 0, 0], "c.zip")?.hasPrefix("a zip archive") == true)
        #expect(rejectReason([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0], "old.doc")?.contains("soffice --headless --convert-to html") == true)
        #expect(rejectReason([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0], "scan.png")?.contains("OCR") == true)
        #expect(rejectReason([0xFF, 0xD8, 0xFF, 0xE0, 0], "scan.jpg")?.contains("OCR") == true)
        // Text that merely starts like nothing of these is read as before.
        #expect(rejectReason(Array("PDF 年度报告".utf8), "x.txt")?.hasPrefix("a PDF") == false)
    }
}

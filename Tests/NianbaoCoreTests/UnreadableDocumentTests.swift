import Foundation
import Testing
import ZIPFoundation
@testable import NianbaoCore

/// What cannot be read is a reject with its reason, never a silent skip or a hang (issue 24): a scan
/// without a text layer, an encrypted PDF, Word 97–2003, a damaged or truncated file, a PDF that
/// claims a million pages, a zip bomb in a .docx, an extractor that hangs or is not installed.
@Suite("Documents that cannot be read")
struct UnreadableDocumentTests {
    private func fixture(_ name: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: Repository.fixtures.appendingPathComponent("documents/\(name)")))
    }

    @Test("a scan, an encrypted PDF and a .doc: each named, with what to do")
    func fixtures() throws {
        #expect(rejectReason(try fixture("unreadable.scan.pdf"), "scan.pdf")?.hasPrefix("a PDF without a text layer") == true)
        #expect(rejectReason(try fixture("unreadable.scan.pdf"), "scan.pdf")?.contains("OCR") == true)
        #expect(rejectReason(try fixture("unreadable.encrypted.pdf"), "locked.pdf")?.hasPrefix("an encrypted PDF") == true)
        #expect(rejectReason(try fixture("unreadable.doc"), "old.doc")?.contains("soffice --headless --convert-to") == true)
    }

    @Test("a truncated PDF and a truncated .docx are damaged files, said so")
    func truncated() throws {
        let pdf = try fixture("102_baicheng_2019_plain.lo.pdf")
        #expect(rejectReason(Array(pdf.prefix(5000)), "cut.pdf")?.hasPrefix("a damaged or truncated PDF (pdfinfo: Couldn't") == true)
        let docx = try fixture("102_baicheng_2019_plain.lo.docx")
        #expect(rejectReason(Array(docx.prefix(docx.count / 2)), "cut.docx")?.hasPrefix("a damaged Word document") == true)
    }

    @Test("a PDF that claims a million pages is rejected at once")
    func millionPages() throws {
        var pdf = Array("%PDF-1.4\n".utf8)
        var offsets: [Int] = []
        for (number, body) in ["<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1000000 >>",
                               "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>"].enumerated() {
            offsets.append(pdf.count)
            pdf += Array("\(number + 1) 0 obj\n\(body)\nendobj\n".utf8)
        }
        let xref = pdf.count
        pdf += Array("xref\n0 4\n0000000000 65535 f \n".utf8)
        for offset in offsets { pdf += Array((String(repeating: "0", count: 10 - String(offset).count) + "\(offset) 00000 n \n").utf8) }
        pdf += Array("trailer\n<< /Size 4 /Root 1 0 R >>\nstartxref\n\(xref)\n%%EOF\n".utf8)
        let clock = ContinuousClock.now
        let why = rejectReason(pdf, "million.pdf")
        #expect(why?.contains("1000000") == true, "\(String(describing: why))")
        #expect(ContinuousClock.now - clock < .seconds(10))
    }

    @Test("a zip bomb in a .docx stops at the part limit")
    func zipBomb() throws {
        let archive = try Archive(data: Data(), accessMode: .create)
        let size = Int64(DOCXArchive.partLimit) + (8 << 20)
        try archive.addEntry(with: "[Content_Types].xml", type: .file, uncompressedSize: Int64(5), compressionMethod: .none) { _, _ in Data("<x/>\n".utf8) }
        try archive.addEntry(with: "word/document.xml", type: .file, uncompressedSize: size, compressionMethod: .deflate) { position, length in
            Data(count: Int(min(Int64(length), size - position)))
        }
        let bytes = [UInt8](archive.data!)
        #expect(bytes.count < 1 << 20)
        #expect(rejectReason(bytes, "bomb.docx")?.contains("zip bomb") == true)
    }

    @Test("an extractor that hangs is stopped at the file's time limit, one not installed is named; the run goes on")
    func hangingAndMissingTools() throws {
        let tools = try Repository.temporaryFolder()
        let hanging = tools.appendingPathComponent("pdfinfo")
        try "#!/bin/sh\nsleep 60\n".write(to: hanging, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: hanging.path)
        let input = try Repository.temporaryFolder()
        try Data(try fixture("102_baicheng_2019_plain.lo.pdf")).write(to: input.appendingPathComponent("report.pdf"))
        try FileManager.default.copyItem(at: Repository.samples.appendingPathComponent("102_baicheng_2019_plain.html"),
                                        to: input.appendingPathComponent("page.html"))
        var environment = ProcessInfo.processInfo.environment
        environment["PATH"] = tools.path + ":" + (environment["PATH"] ?? "/usr/bin:/bin")
        let output = try Repository.temporaryFolder().appendingPathComponent("out")
        let clock = ContinuousClock.now
        let run = try NianbaoCommand.run(["run", "--input", input.path, "--output", output.path, "--file-time-limit", "2"], environment: environment)
        #expect(ContinuousClock.now - clock < .seconds(30))
        #expect(run.status == 0, "\(run.errors)")
        let rejects = try String(contentsOf: output.appendingPathComponent("rejects.csv"), encoding: .utf8)
        #expect(rejects.contains("report.pdf") && rejects.contains("took longer than 2 s (fileTimeLimit)"), "\(rejects)")
        #expect(try String(contentsOf: output.appendingPathComponent("reports.csv"), encoding: .utf8).contains("page.html"))

        environment["PATH"] = tools.appendingPathComponent("none").path
        let missing = try Repository.temporaryFolder().appendingPathComponent("out")
        try FileManager.default.removeItem(at: hanging)
        _ = try NianbaoCommand.run(["run", "--input", input.path, "--output", missing.path], environment: environment)
        let named = try String(contentsOf: missing.appendingPathComponent("rejects.csv"), encoding: .utf8)
        #expect(named.contains("poppler-utils"), "\(named)")
    }
}

import Foundation
import Testing
@testable import NianbaoCore

/// A text longer than a spreadsheet cell continues on the next CSV rows; JSONL keeps it whole.
@Suite("Texts longer than a spreadsheet cell")
struct SpreadsheetPiecesTests {
    @Test("pieces join to the text exactly, each fits a cell, cut after a line break when there is one")
    func split() {
        #expect(SpreadsheetPieces.split("short") == ["short"])
        #expect(SpreadsheetPieces.split("") == [""])
        let paragraphs = (0..<40).map { "第\($0)段" + String(repeating: "政府信息公开", count: 200) }.joined(separator: "\n")
        let pieces = SpreadsheetPieces.split(paragraphs, limit: 5_000)
        #expect(pieces.joined() == paragraphs)
        #expect(pieces.count > 1 && pieces.allSatisfy { $0.utf16.count <= 5_000 })
        #expect(pieces.dropLast().allSatisfy { $0.hasSuffix("\n") })
        // One line with no break, and characters outside the BMP (two UTF-16 units) never cut in half.
        let line = String(repeating: "𠀀a", count: 3_000)
        let cut = SpreadsheetPieces.split(line, limit: 1_001)
        #expect(cut.joined() == line && cut.allSatisfy { $0.utf16.count <= 1_001 })
        #expect(cut.allSatisfy { !$0.unicodeScalars.contains { $0.value == 0xFFFD } })
        // The UTF-16 length counted on the bytes, eight at a time and one by one at the end.
        for text in ["", "a", "政府信息公开", line, paragraphs, "𠀀𠀀𠀀é€a\n𠀀", String(repeating: "é𠀀", count: 99)] {
            #expect(SpreadsheetPieces.utf16Count(text) == text.utf16.count, "\(text.prefix(20))")
        }
    }

    @Test("a part of 70,000 characters is three CSV rows with text_piece 1–3 and one JSONL row")
    func longSection() throws {
        let long = (0..<350).map { "（\($0)）" + String(repeating: "本机关认真贯彻落实政府信息公开条例", count: 11) }.joined(separator: "\n")
        let section = Section(number: 6, heading: "六、其他需要报告的事项", headingRaw: "六、其他需要报告的事项", text: long,
                              textSimplified: long, topic: "other")
        let encoder = RowEncoder(schema: .sections)
        let csvRows = OutputRows.sectionPieces(section, reportID: "r0123456789abcdef").map(encoder.csvLine)
        #expect(long.utf16.count > 64_000 && csvRows.count == 3)
        #expect(csvRows.enumerated().allSatisfy { index, line in line.hasSuffix(",other,\(index + 1)\r\n") })
        let json = encoder.jsonLine(OutputRows.section(section, reportID: "r0123456789abcdef"))
        let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as! [String: Any]
        #expect(object["text"] as? String == long && object["text_piece"] as? Int == 1)
    }
}

import Foundation
import Testing
@testable import NianbaoCore

/// The docs read the dataset's own JSON Lines back with a fast reader of their own (issue 25): what
/// `RowEncoder` writes must come back value for value, escapes, long texts and all.
@Suite("Docs: the dataset read back")
struct DocsReadBackTests {
    private func roundTrip(_ row: [FieldValue], schema: OutputSchema, skipping: [Bool] = []) -> [String?]? {
        var line: [UInt8] = []
        RowEncoder(schema: schema).appendJSON(row, to: &line)
        if line.last == 0x0A { line.removeLast() }
        return line.withUnsafeBufferPointer { FlatJSONLines.parse($0, skipping: skipping) }
    }

    @Test("a part's text with quotes, backslashes, line breaks, tabs and characters beyond the BMP comes back whole")
    func escapedTextComesBack() {
        // A long text with an escape every few characters: the reader must neither lose nor rescan.
        let sentence = "一、总体情况\n本机关“依申请公开”受理 \"28\" 件，路径 C:\\报告\\2020\t（附表）𠀀😀。\r"
        let text = String(repeating: sentence, count: 400)
        let row: [FieldValue] = [.text("r0123456789abcdef"), .integer(1), .text("一、总体情况"), .text("一、 总体情况"),
                                 .text(text), .text(text), .text("overview"), .integer(1)]
        let values = roundTrip(row, schema: .sections)
        #expect(values?.count == 8)
        #expect(values?[4] == text)
        #expect(values?[3] == "一、 总体情况")
        #expect(values?[1] == "1")
        // A skipped column is nil, the columns after it are still read.
        let skipped = roundTrip(row, schema: .sections, skipping: [false, false, false, false, false, true])
        #expect(skipped?[5] == nil)
        #expect(skipped?[4] == text)
        #expect(skipped?[6] == "overview")
    }

    @Test("null stays apart from an empty text, numbers keep their text")
    func nullAndNumbers() {
        let row: [FieldValue] = [.text("r0123456789abcdef"), .text("applications_received"), .text("year"), .empty,
                                 .text(""), .text("ambiguous"), .text("prose"), .text("line 9; line 67"), .text("\\")]
        let values = roundTrip(row, schema: .figures)
        #expect(values?[3] == nil)
        #expect(values?[4] == "")
        #expect(values?[8] == "\\")
        let money = roundTrip([.text("r0123456789abcdef"), .text("fees"), .text("year"), .number(Decimal(string: "188.64")!),
                               .text("万元"), .text("reported"), .text("prose"), .text("line 3"), .text("收取费用188.64万元")], schema: .figures)
        #expect(money?[3] == "188.64")
    }

    @Test("characters are counted as Unicode scalars, whatever the text's length and byte widths")
    func charactersCounted() {
        let pieces = ["a", "中", "é", "😀", "𠀀", "\n", "１"]
        var text = ""
        for length in 0..<40 {
            #expect(QuoteContext.characters(text) == text.unicodeScalars.count, "length \(length)")
            text += pieces[length % pieces.count]
        }
        #expect(QuoteContext.characters(String(repeating: "政府信息公开", count: 1000)) == 6000)
    }

    @Test("page text is escaped wherever &, <, > and \" stand, eight bytes at a time or not")
    func textEscaped() {
        func naive(_ text: String) -> String {
            text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
                .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
        }
        let pieces = ["a", "中", "&", "<", ">", "\"", "表三 收到和处理", " · raw: ", "😀"]
        var text = ""
        for length in 0..<60 {
            #expect(HTMLText.escaped(text) == naive(text), "\(text)")
            text += pieces[(length * 7) % pieces.count]
        }
        let long = String(repeating: "本年新收政府信息公开申请数量 <总计> & \"其他\" ", count: 200)
        #expect(HTMLText.escaped(long) == naive(long))
    }
}


import Testing
@testable import NianbaoCore

@Suite("Text scanning: byte-level searches and limits agree with their Unicode definitions")
struct TextScanningTests {
    @Test("containsBytes finds needles at the start, middle and end, and only whole byte sequences")
    func containsBytes() {
        let line = "本机关2023年政府信息公开工作年度报告（全文）"
        #expect(line.containsBytes("本机关"))
        #expect(line.containsBytes("政府信息公开"))
        #expect(line.containsBytes("（全文）"))
        #expect(line.containsBytes(""))
        #expect(!line.containsBytes("政务公开"))
        #expect(!"报".containsBytes("报告"))
        // 公 is E5 85 AC: its last two bytes alone are not the character.
        #expect(!line.containsBytes(String(decoding: [0x85, 0xAC], as: UTF8.self)))
    }

    @Test("hasAtMost counts scalars, settling long texts by their byte count")
    func hasAtMost() {
        #expect("主动公开政府信息情况".hasAtMost(10))
        #expect(!"主动公开政府信息情况".hasAtMost(9))
        #expect("abc".hasAtMost(3))
        #expect(!String(repeating: "政", count: 61).hasAtMost(60))
        #expect(String(repeating: "政", count: 60).hasAtMost(60))
        #expect("".hasAtMost(0))
    }

    @Test("utf8Prefix cuts on a scalar boundary at or below the byte limit")
    func utf8Prefix() {
        let text = "一、总体情况"  // 一 、 总 体 情 况: 3 bytes each
        #expect(text.utf8Prefix(6) == "一、")
        #expect(text.utf8Prefix(7) == "一、")
        #expect(text.utf8Prefix(8) == "一、")
        #expect(text.utf8Prefix(9) == "一、总")
        #expect(text.utf8Prefix(100) == text)
        #expect("ab政".utf8Prefix(3) == "ab")
    }

    @Test("line breaks are found at every byte position; a cut at each line feed keeps the empty pieces")
    func lineBreaks() {
        for separator in ["\n", "\r", "\u{0B}", "\u{0C}", "\u{85}", "\u{2028}", "\u{2029}"] {
            for offset in 0..<20 {
                let text = String(repeating: "a", count: offset % 3) + String(repeating: "报", count: offset / 3)
                    + separator + "告“—”"
                #expect(text.hasLineBreak, "\(separator.debugDescription) after \(offset) characters")
            }
        }
        #expect(!"报告“—”\u{2027}\u{202A}\u{A0}\t年度报告年度".hasLineBreak)
        for text in ["", "\n", "甲\n\n乙", "\n甲\n", String(repeating: "报告\n", count: 9)] {
            #expect(text.splitOnLineFeeds() == text.split(separator: "\n", omittingEmptySubsequences: false))
        }
    }

    @Test("numbering is ruled out by its first scalar, and still read after spaces")
    func numberingOpeners() {
        #expect(Numbering.read("  (三)不予公开")?.ordinal == 3)
        #expect(Numbering.read("\t二、主动公开")?.ordinal == 2)
        #expect(Numbering.read("〇、附则")?.ordinal == 0)
        #expect(Numbering.read("依申请公开") == nil)
        #expect(Numbering.read("") == nil)
        #expect(Numbering.read("   ") == nil)
    }

    @Test("an ordinal and 、 are found on the bytes: anywhere, or only after a space")
    func ordinalMarks() {
        let marks = OrdinalMarks("一二三四五六七八")
        #expect(marks.occur(in: "二、主动公开", afterSpace: false))
        #expect(!marks.occur(in: "二、主动公开", afterSpace: true))
        #expect(marks.occur(in: "工作亮点、成效。 三、政府信息", afterSpace: true))
        #expect(marks.occur(in: "成效。三、政府信息", afterSpace: false))
        #expect(!marks.occur(in: "成效。三、政府信息", afterSpace: true))
        // 、 after other characters, an ordinal not in the set, a 、 at the very start or end.
        #expect(!marks.occur(in: "、规章、规范性文件、九、", afterSpace: false))
        #expect(!marks.occur(in: "十、其他", afterSpace: false))
        #expect(marks.occur(in: String(repeating: "规章、", count: 200) + " 八、", afterSpace: true))
        #expect(!marks.occur(in: "", afterSpace: false))
    }
}

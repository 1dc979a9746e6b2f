import Foundation
import Testing
@testable import NianbaoCore

/// The number grammar cannot invent numbers (issue 14): digits apart are several numbers, thousands
/// separators only in groups of three, and anything else is text.
@Suite("Number grammar and rows of values")
struct NumberGrammarTests {
    @Test("white space between digits: never one number", arguments: [
        "2 1 3 1 7 0 0 0 0 0 13 2 4 0 19", "1 0 0 0 0 0 1", "1 234", "12 345.6", "3\t4", "5\u{3000}6", "7\u{A0}8", "1, 234", "1 ,234",
    ])
    func spacedDigits(_ text: String) {
        #expect(CellReading(WidthFolding.fold(text)) == .text)
    }

    @Test("thousands separators only in valid groups; signs, units and notes as before")
    func separators() {
        #expect(CellReading("1,234") == .number(1234, unit: nil, note: nil))
        #expect(CellReading(WidthFolding.fold("1，234")) == .number(1234, unit: nil, note: nil))
        #expect(CellReading("12,345.6") == .number(Decimal(string: "12345.6")!, unit: nil, note: nil))
        #expect(CellReading("1,234,567") == .number(1_234_567, unit: nil, note: nil))
        #expect(CellReading("188.64 万元") == .number(Decimal(string: "188.64")!, unit: .tenThousandYuan, note: nil))
        #expect(CellReading("+ 118") == .number(118, unit: nil, note: nil))
        for text in ["1,23", "12,34,567", ",123", "1.2.3", "1,234.5,6", "1.", "12,3456", "1,2"] {
            #expect(CellReading(text) == .text, "\(text)")
        }
        // A placeholder spaced out is still a placeholder.
        #expect(CellReading("— —") == .placeholder)
    }

    @Test("a line of values is cut into its cells; its text rebuilt exactly")
    func valueRuns() {
        let pieces = ValueRuns.split("（一）予以公开 5  0\t0 0 0 0 5")
        #expect(pieces.map(\.text) == ["（一）予以公开", "5", "0", "0", "0", "0", "0", "5"])
        #expect(pieces.map { ($0.lead ?? "") + $0.text }.joined() == "（一）予以公开 5  0\t0 0 0 0 5")
        // Labels and values interleaved on one line (`get_text(" ")`), two labels before the values.
        #expect(ValueRuns.split("三、本年度办理结果 （一）予以公开 43 3").map(\.text) == ["三、本年度办理结果", "（一）予以公开", "43", "3"])
        #expect(ValueRuns.split("自然人 3 1 — 0 0 0 4 合计 9 9").map(\.text) == ["自然人", "3", "1", "—", "0", "0", "0", "4", "合计", "9", "9"])
        // One number in a sentence, a date, a phone number split by a dash: left whole.
        #expect(ValueRuns.split("行政许可 335002").map(\.text) == ["行政许可", "335002"])
        for line in ["全年共受理申请 5 件", "2021年1月30日", "联系电话：0539-8888888", "第 3 页", "— 2 —", "主动公开信息 1,234 条", "2020"] {
            #expect(ValueRuns.split(line) == [ValueRuns.Piece(text: line, lead: nil)], "\(line)")
        }
    }

    @Test("property: any row of values joined by white space reads back as exactly those values, never as one number")
    func randomRows() {
        var generator = SplitMix(seed: 14)
        let spaces = [" ", "  ", "\t", "\u{3000}", "\u{A0}", " \t "]
        for _ in 0..<500 {
            let count = Int.random(in: 2...15, using: &generator)
            let values: [String] = (0..<count).map { _ in
                switch Int.random(in: 0..<10, using: &generator) {
                case 0: return "—"
                case 1: return "1,\(Int.random(in: 100...999, using: &generator))"
                case 2: return "\(Int.random(in: 0...99, using: &generator)).\(Int.random(in: 1...9, using: &generator))"
                case 3: return "+\(Int.random(in: 1...500, using: &generator))"
                default: return "\(Int.random(in: 0...9_999, using: &generator))"
                }
            }
            var line = Bool.random(using: &generator) ? "（三）不予公开" : ""
            for value in values { line += (line.isEmpty ? "" : spaces.randomElement(using: &generator)!) + value }
            if case .number = CellReading(WidthFolding.fold(line)) { Issue.record("read as one number: \(line)") }
            let cut = ValueRuns.split(line).map(\.text).filter { $0 != "（三）不予公开" }
            #expect(cut == values, "\(line)")
        }
    }
}

extension SplitMix: RandomNumberGenerator {}

/// Short rows of a layout capture placed by where their values stand, and only there.
@Suite("Layout columns")
struct LayoutColumnsTests {
    private func tokens(_ lines: [String]) throws -> [Token] {
        let document = TextExtractor.extract(lines.joined(separator: "\n"), encoding: "utf-8")
        return sharedConverters.with { Normalizer(converters: $0).normalize(document) }.tokens
    }

    private func values(_ tokens: [Token], line: Int) -> [Int] {
        tokens.indices.filter { tokens[$0].location == .line(line) && tokens[$0].reading.isValue }
    }

    @Test("pdftotext -layout's carried_forward row (sample 102): 9 0 0 0 0 _ 9 against the total row")
    func placedByPosition() throws {
        // The two lines as pdftotext -layout printed them from Chromium's PDF of sample 102.
        let lines = try Repository.fixtures.appendingPathComponent("captures/102_baicheng_2019_plain.pdf-layout.txt")
            .lines(containing: ["（七）总计", "四、结转下年度继续办理"])
        let tokens = try tokens(lines)
        let total = values(tokens, line: 1), carried = values(tokens, line: 2)
        #expect(total.count == 7 && carried.count == 6)
        let placed = try #require(LayoutColumns.place(carried, reference: total, tokens: tokens))
        #expect(placed.map { $0.map { tokens[$0].text } } == ["9", "0", "0", "0", "0", nil, "9"])
    }

    @Test("values one space apart (get_text(\" \")) are never placed by position")
    func notPlacedWithoutPadding() throws {
        let tokens = try tokens(["（七）总计 47 3 0 0 0 0 50", "四、结转下年度继续办理 9 0 0 0 0 9"])
        #expect(LayoutColumns.place(values(tokens, line: 2), reference: values(tokens, line: 1), tokens: tokens) == nil)
    }

    @Test("a row that fits two placements is not placed")
    func ambiguous() throws {
        let tokens = try tokens(["合计   1   2   3   4", "某行   5   6"])
        #expect(LayoutColumns.place(values(tokens, line: 2), reference: values(tokens, line: 1), tokens: tokens) == nil)
    }

    @Test("display width: Han and full-width forms are two columns")
    func width() {
        #expect(DisplayWidth.of("（一）予以公开") == 14 && DisplayWidth.of("a1 ") == 3 && DisplayWidth.of("１２") == 4)
    }
}

extension URL {
    /// The lines of a UTF-8 file that contain one of the markers, in order.
    func lines(containing markers: [String]) throws -> [String] {
        try String(contentsOf: self, encoding: .utf8).split(separator: "\n").map(String.init)
            .filter { line in markers.contains { line.contains($0) } }
    }
}

@Suite("Cells broken over lines")
struct BrokenCellsTests {
    @Test("pdftotext -layout's table 4 of sample 102: 7(市自然资 / the row / 源局) becomes one cell at its column")
    func mended() throws {
        let capture = try String(contentsOf: Repository.fixtures.appendingPathComponent("captures/102_baicheng_2019_plain.pdf-layout.txt"),
                                 encoding: .utf8)
        var lines = capture.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let top = try #require(lines.firstIndex { $0.hasSuffix("7(市自然资") })
        BrokenCells.mend(&lines)
        #expect(lines[top] == "" && lines[top + 2] == "")
        let values = lines[top + 1].split(separator: " ").map(String.init)
        #expect(values == ["0", "2", "0", "0", "2", "0", "0", "3", "7(市自然资源局)", "10", "0", "0", "0", "0", "0"])
    }

    @Test("a bracket that does not close below, or a column inside a word, is left alone")
    func leftAlone() {
        var lines = ["            5(注", "1   2   3   4", "            其他"]
        BrokenCells.mend(&lines)
        #expect(lines == ["            5(注", "1   2   3   4", "            其他"])
        #expect(BrokenCells.insert("7(x)", atColumn: 5, into: "1   2345   6") == nil)
    }
}

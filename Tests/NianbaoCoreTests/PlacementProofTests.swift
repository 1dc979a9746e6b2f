import Foundation
import Testing
@testable import NianbaoCore

/// Each way a capture proves a value's column (issue 22), and the rows it leaves unparsed.
@Suite("Proof of placement")
struct PlacementProofTests {
    static let row = [ArithmeticPlacement.Sum(parts: Array(0..<6), total: 6)]

    @Test("arithmetic: one way only to fit 821 35 2 1 859 fails (several fit), 5 … 5 fixes only the total")
    func rowTotal() {
        // Four values for six applicant columns add up to the total in 15 ways: only the total is proven.
        let open = ArithmeticPlacement.place([821, 35, 2, 1, 859], columns: 7, sums: Self.row)
        #expect(open?[6] == .value(4) && open?[0] == .undecided)
        // 258 12 1 1 with the page's total left empty: no placement adds up, nothing is proven.
        #expect(ArithmeticPlacement.place([258, 12, 1, 1], columns: 7, sums: Self.row) == nil)
        // Seven values are no question; one value alone never fits a row whose total is the sum.
        #expect(ArithmeticPlacement.place([3], columns: 7, sums: Self.row) == nil)
    }

    @Test("the column identities settle a short row: seed 001's carried_forward 9 0 0 0 0 9 against new − processed")
    func columnIdentities() {
        let expected: [Int: Decimal] = [0: 9, 1: 0, 2: 0, 3: 0, 4: 0, 5: 0, 6: 9]
        let slots = ArithmeticPlacement.place([9, 0, 0, 0, 0, 9], columns: 7, sums: Self.row, expected: expected)
        #expect(slots?[0] == .value(0) && slots?[6] == .value(5))
        // Which of the zero columns the capture dropped is not shown: those stay open.
        #expect(slots?[1] == .undecided && slots?[5] == .undecided)
        // An identity the row breaks proves nothing.
        #expect(ArithmeticPlacement.place([9, 0, 0, 0, 0, 9], columns: 7, sums: Self.row, expected: [0: 8]) == nil)
    }

    @Test("a get_text capture's no-break-space lines are blank cells; between empty lines they are not cells")
    func noBreakSpaceCells() throws {
        let adjacent = TextExtractor.extract("（一）予以公开\n258\n12\n\u{00A0}\n\u{00A0}\n1\n1\n\u{00A0}\n（二）部分公开\n", encoding: "utf-8")
        #expect(adjacent.blocks.count == 9)
        let separated = TextExtractor.extract("9\n\n9\n\n\u{00A0}\n\n四、政府信息公开行政复议、行政诉讼情况\n", encoding: "utf-8")
        #expect(separated.blocks.count == 3)
    }

    @Test("html2text rows without outer pipes keep their last cell, empty or not; w3m's boxes drop the outside")
    func pipeRows() {
        #expect(TextRules.slots(of: "（一）予以公开| 258| 12|  |  | 1| 1|") == ["（一）予以公开", "258", "12", "", "", "1", "1", ""])
        #expect(TextRules.slots(of: "│2.重复申请 │ 5 │ │") == ["2.重复申请", "5", ""])
        #expect(TextRules.cells(of: ["2.其他法律行政法规禁止公开", "", "", ""], tableHasValue: true).count == 4)
        #expect(TextRules.cells(of: ["规章", "", "", ""], tableHasValue: false) == ["规章"])
    }

    @Test("a heading glued after a sentence end, a space or a table's value is cut out; inside a sentence it is not")
    func gluedHeadings() {
        let pieces = GluedHeadings.split(.init(text: "多角度宣传工作亮点、成效。二、主动公开政府信息情况第二十条第（一）项", lead: nil)).map(\.text)
        #expect(pieces == ["多角度宣传工作亮点、成效。", "二、主动公开政府信息情况", "第二十条第（一）项"])
        #expect(GluedHeadings.split(.init(text: "251000元三、收到和处理政府信息公开申请情况（本列数据", lead: nil)).count == 3)
        // 二、上年结转…申请数量 is a table row, not part 2 (no 主动公开, no 情况).
        #expect(GluedHeadings.split(.init(text: "21859二、上年结转政府信息公开申请数量18", lead: nil)).count == 1)
        #expect(GluedHeadings.split(.init(text: "我们做了一、二、三项工作情况", lead: nil)).count == 1)
    }
}

/// The layout grid (`LayoutGrid`) on the real Shanghai page's `pdftotext -layout` capture: a table whose
/// rows leave every zero empty, printed over two pages at other column offsets.
@Suite("Proof of placement: layout grid")
struct LayoutGridTests {
    private func cells(_ file: String) throws -> [String: Cell] {
        let bytes = [UInt8](try Data(contentsOf: Repository.fixtures.appendingPathComponent("captures/\(file)")))
        let outcome = sharedConverters.with { FileProcessor(converters: $0, maxFileBytes: 1 << 30).process(bytes: bytes, sourcePath: file) }
        guard case .report(let report) = outcome else { throw TestFailure("\(file) rejected") }
        return Dictionary(report.parsed.cells.filter { $0.table == .applications }.map { ($0.scopeName, $0) }, uniquingKeysWith: { a, _ in a })
    }

    @Test("as printed, its own totals do not add up: no way of placing the columns is proven, nothing is placed")
    func pageAsPrinted() throws {
        let cells = try cells("sh_office_2019.pdf-layout.txt")
        #expect(cells["granted/natural_person"]?.status != .reported)
    }

    @Test("with the page's row totals filled in (pdf-layout-totals), what every satisfying way agrees on is placed, none wrong")
    func consistentPage() throws {
        let cells = try cells("sh_office_2019.pdf-layout-totals.txt")
        // Both pages' totals (at other offsets) are proven; a row printed with no value is a row of blanks.
        #expect(cells["new_received/total"]?.value == 859 && cells["total_processed/total"]?.value == 805 && cells["carried_forward/total"]?.value == 72)
        #expect(cells["withheld_prohibited_by_law/natural_person"]?.status == .blank)
        // Which applicant column each value cluster is no identity tells (a shift over empty columns
        // satisfies them all, on both pages at once): those cells stay open, never guessed.
        #expect(cells["new_received/natural_person"]?.status == .missing)
        #expect(!cells.values.contains { $0.status == .reported && $0.column != "total" })
    }
}

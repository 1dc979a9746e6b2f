import Foundation
import Testing
@testable import NianbaoCore

/// PDF and Word reports read directly (issue 24): every HTML sample as LibreOffice saved it (.docx),
/// exported it (PDF) and as Chromium printed it (PDF), made by scripts/make-documents.py into
/// Fixtures/documents. Each gives the HTML page's cells (status and value), metadata, figures and
/// parts; a real page whose zero cells are empty gives no wrong number in any of them.
@Suite("Documents: PDF and Word")
struct DocumentFormatTests {
    static let samples = ["101_linyi_2020_word", "102_baicheng_2019_plain", "103_yiyuan_2020_traditional",
                          "104_linyi_2020_gbk", "105_baicheng_2019_chrome", "107_sucheng_2009_statistics"]
    static let kinds = ["lo.docx", "lo.pdf", "chromium.pdf"]

    static func outcome(_ url: URL, name: String) throws -> FileOutcome {
        let bytes = [UInt8](try Data(contentsOf: url))
        return sharedConverters.with { FileProcessor(converters: $0, maxFileBytes: 1 << 30).process(bytes: bytes, sourcePath: name) }
    }

    static func report(_ url: URL, name: String) throws -> ProcessedReport {
        let result = try outcome(url, name: name)
        guard case .report(let report) = result else { throw TestFailure("\(name) was rejected: \(result)") }
        return report
    }

    private func html(_ name: String) throws -> ProcessedReport {
        let sample = Repository.root.appendingPathComponent("Samples/\(name).html")
        let page = FileManager.default.fileExists(atPath: sample.path) ? sample : Repository.fixtures.appendingPathComponent("pages/\(name).html")
        return try Self.report(page, name: "\(name).html")
    }

    private func document(_ name: String, _ kind: String) throws -> ProcessedReport {
        try Self.report(Repository.fixtures.appendingPathComponent("documents/\(name).\(kind)"), name: "\(name).\(kind)")
    }

    @Test("every sample as .docx, LibreOffice PDF and Chromium PDF: the page's cells, metadata and figures", arguments: kinds)
    func sameAsPage(kind: String) throws {
        for name in Self.samples {
            let page = try html(name), document = try document(name, kind)
            let (tally, wrong) = CaptureMatrixTests.tally(document.parsed, against: page.parsed)
            #expect(wrong.isEmpty && tally == .init(same: page.parsed.cells.count), "\(name).\(kind): \(tally) \(wrong)")
            let (a, b) = (page.parsed.metadata, document.parsed.metadata)
            #expect(a.title == b.title && a.organ == b.organ && a.year == b.year && a.publishedOn == b.publishedOn, "\(name).\(kind)")
            #expect(page.parsed.template == document.parsed.template, "\(name).\(kind)")
            let figures = { (report: ProcessedReport) in report.parsed.figures.map { "\($0.figure)/\($0.period) \($0.status) \($0.value.map { "\($0)" } ?? "")" } }
            #expect(figures(page) == figures(document), "\(name).\(kind)")
            #expect(document.format == (kind.hasSuffix("pdf") ? .pdf : .docx) && document.encoding.isEmpty)
        }
    }

    @Test("every sample's parts keep at least 95% of the page's text, sentence by sentence", arguments: kinds)
    func partsKept(kind: String) throws {
        for name in Self.samples {
            let page = try html(name), document = try document(name, kind)
            // Paragraphs and sentences of the page, white space aside (a PDF's lines have their own).
            let kept = document.parsed.sections.map(\.textSimplified).joined().filter { !$0.isWhitespace }
            let pieces = page.parsed.sections.flatMap { $0.textSimplified.split(whereSeparator: { $0 == "\n" || $0 == "。" }) }
                .map { $0.filter { !$0.isWhitespace } }
            let found = pieces.filter { kept.contains($0) }.map(\.count).reduce(0, +)
            let total = pieces.map(\.count).reduce(0, +)
            #expect(Double(found) >= 0.95 * Double(total), "\(name).\(kind): \(found) of \(total)")
            // The same parts; text before the first (a PDF's printed title, a page's navigation saved
            // with it) is kept as the preamble.
            #expect(page.parsed.sections.map(\.number).filter { $0 > 0 } == document.parsed.sections.map(\.number).filter { $0 > 0 }, "\(name).\(kind)")
        }
    }

    @Test("cells are located as the SPEC says: table T row R col C in a .docx, page P line L in a PDF")
    func sources() throws {
        let docx = try document("102_baicheng_2019_plain", "lo.docx").parsed.cells.first { $0.row == "granted" && $0.column == "total" }
        let html = try html("102_baicheng_2019_plain").parsed.cells.first { $0.row == "granted" && $0.column == "total" }
        #expect(docx?.source == "table 2 row 6 col 10" && docx?.source == html?.source && docx?.value == 46)
        let pdf = try document("102_baicheng_2019_plain", "lo.pdf").parsed.cells.first { $0.row == "granted" && $0.column == "total" }
        #expect(pdf?.source == "page 3 line 46" && pdf?.value == 46, "\(String(describing: pdf))")
    }

    /// Sample 102 written the way Word users write it (scripts/make-word-numbered.py, python-docx): the
    /// headings' 一、 and （一） drawn by Word's numbering (chineseCounting in numbering.xml; the text holds
    /// `总体情况` only), tables with python-docx's merged cells (23 gridSpan, 53 vMerge).
    @Test("a Word document whose headings are numbered by Word and whose tables merge cells: the page's cells and parts")
    func wordNumbering() throws {
        let page = try html("102_baicheng_2019_plain"), document = try document("102_baicheng_2019_plain", "word-numbered.docx")
        let (tally, wrong) = CaptureMatrixTests.tally(document.parsed, against: page.parsed)
        #expect(wrong.isEmpty && tally == .init(same: 198), "\(tally)")
        #expect(document.parsed.sections.filter { $0.number > 0 }.map(\.headingRaw)
                == ["一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况", "四、政府信息公开行政复议、行政诉讼情况",
                    "五、存在的主要问题及改进情况", "六、其他需要报告的事项"])
        #expect(document.parsed.metadata.title == page.parsed.metadata.title)
    }

    /// Shanghai 2019 leaves every zero cell of tables 3 and 4 empty. Printed by Chromium, table 3's rows
    /// of one, two or three values are placed by where the PDF printed each column's header word
    /// (`HeaderAnchors`), table 4's six values of fifteen cells by its headers broken over two lines
    /// (`结果` over `维持`), once under each proceeding. LibreOffice's PDF of that page cuts the table at
    /// the page's edge: read, never wrong.
    @Test("a real page whose zero cells are empty: .docx and Chromium's PDF all 198 cells, by the header words; no wrong number")
    func blankCellsPage() throws {
        let page = try html("sh_office_2019")
        let (docx, _) = CaptureMatrixTests.tally(try document("sh_office_2019", "lo.docx").parsed, against: page.parsed)
        #expect(docx == .init(same: 198))
        for kind in ["lo.pdf", "chromium.pdf"] {
            let (tally, wrong) = CaptureMatrixTests.tally(try document("sh_office_2019", kind).parsed, against: page.parsed)
            #expect(wrong.isEmpty && tally.wrong == 0, "\(kind): \(wrong)")
        }
        let chromium = try document("sh_office_2019", "chromium.pdf").parsed
        let (tally, _) = CaptureMatrixTests.tally(chromium, against: page.parsed)
        #expect(tally == .init(same: 198), "\(tally)")
        let granted = chromium.cells.filter { $0.table == .applications && $0.row == "granted" }.map { $0.status == .reported ? "\($0.value!)" : $0.status.rawValue }
        #expect(granted == ["258", "12", "blank", "blank", "1", "1", "blank"])
        let reviews = chromium.cells.filter { $0.table == .reviewsLitigation }.map { $0.status == .reported ? "\($0.value!)" : "·" }.joined(separator: " ")
        #expect(reviews == "5 · · 2 7 8 · · 1 9 · · · · ·")
    }

    /// Hongze 2023 as its district published it (WPS export): labels wrapped in their cells, table 3 across
    /// a page break with the page number inside, a label whose text layer lost three glyphs
    /// (`2.其他法律行政止公开`), table 4 totals of 0 beside non-zero cells.
    @Test("a real published PDF: all 179 gold cells, none wrong; title, organ, year; its own arithmetic flagged")
    func hongze() throws {
        let report = try Self.report(Repository.fixtures.appendingPathComponent("pdf/hongze_2023.pdf"), name: "hongze_2023.pdf")
        #expect(report.parsed.metadata.title == "洪泽区人民政府2023年政府信息公开工作年度报告" && report.parsed.metadata.organ == "洪泽区人民政府")
        #expect(report.parsed.metadata.year == 2023 && report.format == .pdf)
        let gold = try JSONSerialization.jsonObject(with: Data(contentsOf: Repository.fixtures.appendingPathComponent("pdf/hongze_2023.gold.json"))) as! [String: Any]
        var same = 0, expected = 0, wrong: [String] = []
        for (table, kind) in [("applications", TableKind.applications), ("reviews_litigation", .reviewsLitigation)] {
            for (row, values) in gold[table] as! [String: [Any]] {
                let cells = report.parsed.cells.filter { $0.table == kind && $0.row == row }
                for (cell, want) in zip(cells, values) {
                    guard let number = want as? Int else { continue }
                    expected += 1
                    if cell.status == .reported, cell.value == Decimal(number) { same += 1 }
                    else if cell.status == .reported { wrong.append("\(row)/\(cell.column): \(cell.value!) for \(number)") }
                }
            }
        }
        #expect(wrong.isEmpty, "\(wrong)")
        #expect(same == expected && expected >= 160, "\(same) of \(expected)")
        let prohibited = report.parsed.cells.filter { $0.row == "withheld_prohibited_by_law" }
        #expect(prohibited.count == 7 && prohibited.allSatisfy { $0.status == .reported && $0.value == 0 })
        #expect(report.parsed.findings.contains { $0.check == "t4_total" })
    }
}

/// Real reports' text printed by LibreOffice as a plain text (ragged right): sentences broken at the
/// page's width, a number ending a line (`…依申请公开 0` / `件。`), a list item ending with `;` at the
/// right edge, a paragraph whose last line fills the width. Read as PDFs, they state the figures their
/// text states (the gold of Fixtures/legacy and Fixtures/fragments), none wrong.
@Suite("Real reports' text as PDFs")
struct PrintedTextTests {
    @Test("the PDFs give the figures of their text's gold", arguments: [("legacy", "gd_wht_2011"), ("fragments", "guoyang_slj_2025"),
                                                                  ("fragments", "jindong_swj_2021"), ("fragments", "yuhong_yingbinlu_2021")])
    func figures(folder: String, name: String) throws {
        let report = try DocumentFormatTests.report(Repository.fixtures.appendingPathComponent("documents/\(name).lo.pdf"), name: "\(name).pdf")
        try expectGoldFigures(report.parsed.figures, folder: folder, name: name)
    }
}

/// A part whose table is absent is read where its heading was looked for; what looked like the table's
/// headers there is the report's text, and stays in its part (it was taken as table text and lost).
@Suite("Text of a report whose tables are absent")
struct AbsentTableTextTests {
    @Test("a 2021 report cut after its first part keeps every line of it, and its figures are read")
    func keptInPart() throws {
        let text = "迎宾路街道办事处2021年政府信息公开工作年度报告\n一、总体情况\n（二）依申请公开\n受理公民、法人和其他组织向市政府及市政府办公室提出的政府信息公开申请 5 件,均在法定时限内予以答复。\n信息公开类行政复议 1 起,正在办理中。\n"
        let outcome = sharedConverters.with { FileProcessor(converters: $0, maxFileBytes: 1 << 30).process(bytes: Array(text.utf8), sourcePath: "r.txt") }
        guard case .report(let report) = outcome else { throw TestFailure("rejected") }
        let part = report.parsed.sections.first { $0.number == 1 }?.text ?? ""
        #expect(part.contains("（二）依申请公开") && part.contains("信息公开类行政复议 1 起"), "\(part)")
        #expect(report.parsed.figures.first { $0.figure == "reviews" }?.value == 1)
        #expect(report.parsed.figures.first { $0.figure == "applications_received" }?.value == 5)
    }
}

/// Seeds printed to PDF from their text (LibreOffice): seed 003 holds its tables one cell per line, so
/// a page of short lines sets no margin and its cells are never run together (`其他对外管理服务事项` / `24`);
/// seed 002 (traditional script, its tables lost by the crawl) names its year as `2020 年`.
@Suite("Seeds printed to PDF")
struct PrintedSeedTests {
    @Test("the same cells and metadata as their text", arguments: ["002_b904a5622445d861", "003_7023baa7cc861516"])
    func sameAsText(name: String) throws {
        let text = try DocumentFormatTests.report(Repository.samples.appendingPathComponent("\(name).txt"), name: "\(name).txt")
        let pdf = try DocumentFormatTests.report(Repository.fixtures.appendingPathComponent("documents/\(name).lo.pdf"), name: "\(name).pdf")
        let (tally, wrong) = CaptureMatrixTests.tally(pdf.parsed, against: text.parsed)
        #expect(wrong.isEmpty && tally == .init(same: text.parsed.cells.count), "\(name): \(tally)")
        #expect(pdf.parsed.metadata.year == text.parsed.metadata.year && pdf.parsed.template == text.parsed.template)
    }
}

import Foundation
import Testing
@testable import NianbaoCore

/// The capture matrix on real report pages (issue 22): Fixtures/pages holds pages as their sites served
/// them (Shanghai's 2019 general office report, every zero cell left empty), Fixtures/captures their
/// captures by the same tools as the samples' (scripts/make-captures.py). No capture gives a wrong
/// number; the layout-keeping ones give the page's cells; every capture keeps metadata and parts.
@Suite("Capture matrix: real pages")
struct RealPageCaptureTests {
    static let pages = ["sh_office_2019"]
    static let kinds = CaptureMatrixTests.kinds

    private func process(_ path: URL, name: String) throws -> ParsedReport {
        let bytes = [UInt8](try Data(contentsOf: path))
        let outcome = sharedConverters.with { FileProcessor(converters: $0, maxFileBytes: 1 << 30).process(bytes: bytes, sourcePath: name) }
        guard case .report(let report) = outcome else { throw TestFailure("\(name) was rejected: \(outcome)") }
        return report.parsed
    }

    private func page(_ name: String) throws -> ParsedReport {
        try process(Repository.fixtures.appendingPathComponent("pages/\(name).html"), name: "\(name).html")
    }

    private func capture(_ name: String, _ kind: String) throws -> ParsedReport {
        try process(Repository.fixtures.appendingPathComponent("captures/\(name).\(kind).txt"), name: "\(name).\(kind).txt")
    }

    @Test("the page itself gives its gold cells: every zero cell of tables 3 and 4 blank, never 0")
    func pageCells() throws {
        let report = try page("sh_office_2019")
        let granted = report.cells.filter { $0.table == .applications && $0.row == "granted" }.map { $0.status == .reported ? "\($0.value!)" : $0.status.rawValue }
        #expect(granted == ["258", "12", "blank", "blank", "1", "1", "blank"])
        #expect(report.cells.count == 198 && report.cells.filter { $0.status == .blank }.count > 100)
    }

    @Test("no capture of a real page gives a wrong number", arguments: kinds)
    func noWrongNumber(kind: String) throws {
        for name in Self.pages {
            let (tally, wrong) = CaptureMatrixTests.tally(try capture(name, kind), against: try page(name))
            #expect(wrong.isEmpty, "\(name).\(kind): \(wrong)")
            #expect(tally.wrong == 0)
        }
    }

    @Test("get_text with a line per node, w3m's boxes, Markdown and cells closed by pipes give exactly the page's cells, blanks as blanks",
          arguments: ["gettext-newline", "gb18030", "w3m", "markdown", "closed-cells", "closed-rows", "tabs"])
    func provenCaptures(kind: String) throws {
        for name in Self.pages {
            let (tally, _) = CaptureMatrixTests.tally(try capture(name, kind), against: try page(name))
            #expect(tally == .init(same: 198), "\(name).\(kind): \(tally)")
        }
    }

    @Test("every capture keeps the page's title, organ, year and date, and its six parts", arguments: kinds)
    func metadataAndParts(kind: String) throws {
        for name in Self.pages {
            let page = try page(name), captured = try capture(name, kind)
            #expect(captured.metadata.title == page.metadata.title && captured.metadata.year == page.metadata.year, "\(name).\(kind)")
            #expect(captured.metadata.publishedOn == page.metadata.publishedOn && captured.metadata.organ == page.metadata.organ, "\(name).\(kind)")
            #expect(captured.sections.filter { $0.number > 0 }.map(\.number) == [1, 2, 3, 4, 5, 6], "\(name).\(kind)")
            // The parts' text: at least 95% of the page's in every capture, one-line ones included.
            let pageText = page.sections.reduce(0) { $0 + $1.textSimplified.count }
            let capturedText = captured.sections.reduce(0) { $0 + $1.textSimplified.count }
            #expect(capturedText * 100 >= pageText * 95, "\(name).\(kind): \(capturedText) of \(pageText) characters")
        }
    }
}

/// A real report published only as a PDF (Hongze 2023, a WPS export; Fixtures/pdf with its cell gold),
/// read as `pdftotext -layout` gives it (Fixtures/captures/hongze_2023.pdf-layout.txt): never a wrong
/// number; its title (the year printed `2023 年`) and organ found.
@Suite("A real PDF report through pdftotext -layout")
struct PDFCaptureTests {
    @Test("cells against the gold: none wrong, 162 of its tables 3 and 4 read; title, organ and year")
    func hongze() throws {
        let name = "hongze_2023.pdf-layout.txt"
        let bytes = [UInt8](try Data(contentsOf: Repository.fixtures.appendingPathComponent("captures/\(name)")))
        let outcome = sharedConverters.with { FileProcessor(converters: $0, maxFileBytes: 1 << 30).process(bytes: bytes, sourcePath: name) }
        guard case .report(let report) = outcome else { throw TestFailure("rejected") }
        #expect(report.parsed.metadata.title == "洪泽区人民政府2023年政府信息公开工作年度报告" && report.parsed.metadata.organ == "洪泽区人民政府")
        #expect(report.parsed.metadata.year == 2023)
        let gold = try JSONSerialization.jsonObject(with: Data(contentsOf: Repository.fixtures.appendingPathComponent("pdf/hongze_2023.gold.json"))) as! [String: Any]
        var same = 0, wrong: [String] = []
        for (table, kind) in [("applications", TableKind.applications), ("reviews_litigation", .reviewsLitigation)] {
            let rows = gold[table] as! [String: [Any]]
            for (row, values) in rows {
                let cells = report.parsed.cells.filter { $0.table == kind && $0.row == row }
                for (cell, want) in zip(cells, values) {
                    guard let number = want as? Int else { continue }   // `?`: the combined （六） rows
                    if cell.status == .reported, cell.value == Decimal(number) { same += 1 }
                    else if cell.status == .reported { wrong.append("\(row)/\(cell.column): \(cell.value!) for \(number)") }
                }
            }
        }
        #expect(wrong.isEmpty, "\(wrong)")
        #expect(same >= 162, "\(same)")
    }
}

import Foundation
import Testing
@testable import NianbaoCore

@Suite("An HTML page and a text capture of the same report give the same table values")
struct CrossFormatTests {
    private func values(_ report: ProcessedReport) -> [String: String] {
        Dictionary(uniqueKeysWithValues: report.parsed.cells.map { cell in
            ("\(cell.table.rawValue)/\(cell.scopeName)", "\(cell.status.rawValue) \(cell.value.map { "\($0)" } ?? "") \(cell.unit)")
        })
    }

    @Test("Word export and GBK page of seed 000", arguments: ["101_linyi_2020_word.html", "104_linyi_2020_gbk.html"])
    func linyi(page: String) throws {
        let text = try processSample(Seed.linyi)
        let html = try processSample(page)
        #expect(html.format == .html)
        #expect(values(html) == values(text))
        #expect(html.parsed.metadata == text.parsed.metadata)
        #expect(html.parsed.findings.filter { $0.severity == .error } == text.parsed.findings.filter { $0.severity == .error })
    }

    @Test("traditional-script page of seed 003: same codes, same numbers, title and organ in simplified")
    func yiyuanTraditional() throws {
        let text = try processSample(Seed.yiyuan)
        let html = try processSample("103_yiyuan_2020_traditional.html")
        #expect(html.parsed.script == .traditional)
        #expect(values(html) == values(text))
        #expect(html.parsed.metadata == text.parsed.metadata)
        // The page was made without the capture's introduction: the parts compare, not the preamble.
        #expect(html.parsed.sections.filter { $0.number > 0 }.map(\.heading) == text.parsed.sections.filter { $0.number > 0 }.map(\.heading))
    }
}

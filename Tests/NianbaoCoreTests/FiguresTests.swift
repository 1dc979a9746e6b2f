import Foundation
import Testing
@testable import NianbaoCore

/// Figures from the national tables (SPEC §5): each equals its cells exactly, sums are listed in
/// `source`, and a figure touching a missing cell is missing, never 0.
@Suite("Figures from the national tables")
struct FiguresTests {
    static let national = [Seed.linyi, Seed.baicheng, Seed.yiyuan, "101_linyi_2020_word.html", "102_baicheng_2019_plain.html",
                           "103_yiyuan_2020_traditional.html", "104_linyi_2020_gbk.html", "105_baicheng_2019_chrome.html"]

    @Test("every figure of every 2019+ sample equals its table cells", arguments: national)
    func equalsCells(sample: String) throws {
        let report = try processSample(sample).parsed
        let tableFigures = report.figures.filter { $0.method == .table || $0.method == .derived }
        #expect(tableFigures.map(\.figure) == NationalFigures.sources.map(\.figure))
        for (figure, source) in zip(tableFigures, NationalFigures.sources) {
            let cells = source.cells.map { scope in report.cells.first { $0.table == source.table && $0.scopeName == scope }! }
            let sum = cells.reduce(Decimal(0)) { $0 + ($1.value ?? 0) }
            #expect(figure.status == .reported && figure.value == sum && figure.unit == "count", "\(sample) \(figure.figure)")
            #expect(figure.method == (cells.count == 1 ? .table : .derived) && figure.period == "year")
            #expect(cells.allSatisfy { figure.source.contains($0.scopeName) })
        }
    }

    @Test("Baicheng 2019 (seed 001): 59 received, 46 granted, 1 withheld (a sum of eight), 10 lawsuits (direct 10 + after review 0)")
    func baicheng() throws {
        let figures = try processSample(Seed.baicheng).parsed.figures.byCode
        #expect(figures["applications_received"]?.value == 59 && figures["granted"]?.value == 46)
        #expect(figures["withheld"]?.value == 1 && figures["withheld"]?.method == .derived)
        #expect(figures["withheld"]?.source.components(separatedBy: " + ").count == 8)
        #expect(figures["reviews"]?.value == 2 && figures["litigation"]?.value == 10 && figures["not_held"]?.value == 3)
    }

    @Test("numbers lost in crawling (seed 002): every figure missing, none 0")
    func lostNumbers() throws {
        // The tables' figures are missing, with no method, source or quote; the three the prose states
        // (143 applications, no review, no lawsuit) come from the prose, none from a cell.
        let figures = try processSample(Seed.taiyuan).parsed.figures
        #expect(!figures.contains { $0.method == .table || $0.method == .derived })
        let prose = Set(figures.filter { $0.method == .prose }.map(\.figure))
        #expect(prose == ["applications_received", "reviews", "litigation"])
        let national = figures.filter { code in NationalFigures.sources.contains { $0.figure == code.figure } && !prose.contains(code.figure) }
        #expect(national.count == NationalFigures.sources.count - 3)
        #expect(national.allSatisfy { $0.status == .missing && $0.value == nil && $0.unit.isEmpty && $0.source.isEmpty && $0.quote.isEmpty })
        #expect(figures.first { $0.figure == "applications_received" }?.value == 143)
    }

    @Test("a legacy report has no national-table figures; a core figure it does not state is missing, with no method")
    func legacy() throws {
        let figures = try processSample(Seed.huaibei).parsed.figures
        #expect(!figures.contains { $0.method == .table || $0.method == .derived })
        let reviews = figures.first { $0.figure == "reviews" }
        #expect(reviews?.status == .missing && reviews?.method == nil && reviews?.source == "")
    }
}

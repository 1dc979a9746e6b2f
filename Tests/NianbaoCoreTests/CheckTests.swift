import Foundation
import Testing
@testable import NianbaoCore

@Suite("Check: the report's own arithmetic")
struct CheckTests {
    @Test("seed 000's natural_person column does not add up, and nothing else is flagged")
    func linyiImbalance() throws {
        let findings = try processSample(Seed.linyi).parsed.findings.filter { $0.severity == .error }
        let named = findings.map { "\($0.check)/\($0.scope)" }
        #expect(named == ["t3_balance/natural_person", "t3_results_sum/natural_person", "t3_row_total/total_processed"])
        let balance = try #require(findings.first)
        #expect(balance.expected == 162 && balance.actual == 167)
    }

    @Test("blank counts as 0, a missing cell skips the rule and says so")
    func blankAndMissing() {
        let table = TemplateSpec.gb2019.tables.first { $0.kind == .reviewsLitigation }!
        func cells(_ statuses: [(CellStatus, Decimal?)]) -> [Cell] {
            let outcomes = ["upheld", "corrected", "other", "pending", "total"]
            return zip(outcomes, statuses).map { outcome, status in
                Cell(table: .reviewsLitigation, item: "", row: "review", column: outcome, status: status.0, value: status.1,
                     unit: status.1 == nil ? "" : "count", raw: "", source: "")
            }
        }
        let template = TemplateSpec(code: "t", years: nil, markers: [], hasNationalParts: true, tables: [table])
        let blank = ConsistencyChecker.check(cells: cells([(.reported, 1), (.blank, nil), (.reported, 2), (.blank, nil), (.reported, 3)]), template: template)
        #expect(!blank.contains { $0.check == "t4_total" })
        let wrong = ConsistencyChecker.check(cells: cells([(.reported, 1), (.blank, nil), (.reported, 2), (.blank, nil), (.reported, 4)]), template: template)
        #expect(wrong.contains { $0.check == "t4_total" && $0.scope == "review" && $0.expected == 3 && $0.actual == 4 && $0.severity == .error })
        let missing = ConsistencyChecker.check(cells: cells([(.reported, 1), (.missing, nil), (.reported, 2), (.blank, nil), (.reported, 4)]), template: template)
        #expect(!missing.contains { $0.check == "t4_total" })
        #expect(missing.contains { $0.check == "rule_skipped" && $0.scope == "t4_total" && $0.message.contains("review") })
    }

    @Test("cells in another order, or with one left out or doubled, are checked by their codes (seed 000)")
    func cellsOutOfOrder() throws {
        let report = try processSample(Seed.linyi).parsed
        let template = try #require(TemplateSpec.catalog.first { $0.code == report.template })
        let inOrder = ConsistencyChecker.check(cells: report.cells, template: template)
        #expect(inOrder.map(\.check) == ["t3_balance", "t3_results_sum", "t3_row_total"])
        #expect(ConsistencyChecker.check(cells: report.cells.reversed(), template: template) == inOrder)
        // Without that total, each of the three failing rules cannot be tested where it failed.
        let withoutOne = report.cells.filter { !($0.row == "total_processed" && $0.column == "natural_person") }
        let skipped = ConsistencyChecker.check(cells: withoutOne, template: template)
        #expect(skipped.map { "\($0.check)/\($0.scope)" } == ["rule_skipped/t3_balance", "rule_skipped/t3_results_sum", "rule_skipped/t3_row_total"])
        #expect(skipped.map(\.message) == [
            "t3_balance not tested for natural_person: it touches missing or unparsed cells",
            "t3_results_sum not tested for natural_person: it touches missing or unparsed cells",
            "t3_row_total not tested for total_processed: it touches missing or unparsed cells",
        ])
        // The last cell of a place wins, as a later correction would.
        var doubled = report.cells
        if let index = doubled.firstIndex(where: { $0.row == "total_processed" && $0.column == "natural_person" }) {
            var corrected = doubled[index]
            corrected.value = corrected.value.map { $0 - 5 }
            doubled.append(corrected)
        }
        #expect(!ConsistencyChecker.check(cells: doubled, template: template).contains { $0.check == "t3_balance" })
    }

    @Test("cross_year_carry compares an organ's consecutive years in one run")
    func crossYear() throws {
        let linyi = try processSample(Seed.linyi)
        var previousYear = linyi
        previousYear.reportID = "r0000000000000001"
        previousYear.parsed.metadata.year = 2019
        // Year 2019 carried 5 forward; the 2020 report says it carried 4 over.
        for index in previousYear.parsed.cells.indices where previousYear.parsed.cells[index].row == "carried_forward"
            && previousYear.parsed.cells[index].column == "total" {
            previousYear.parsed.cells[index].value = 5
        }
        let findings = CrossYearChecker.check([ReportFacts(ReportHeader(previousYear)), ReportFacts(ReportHeader(linyi))])
        let finding = try #require(findings[linyi.reportID]?.first)
        #expect(finding.check == "cross_year_carry")
        #expect(finding.scope == "2019-2020")
        #expect(finding.expected == 5 && finding.actual == 4)
        #expect(findings[previousYear.reportID] == nil)
    }
}

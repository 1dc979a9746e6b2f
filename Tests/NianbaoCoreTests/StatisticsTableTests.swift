import Foundation
import Testing
@testable import NianbaoCore

/// The legacy statistics table (issue 15, SPEC §5) read as a table, in the two composed samples: a
/// text capture with 本年度 and 历年累计 (106) and an HTML page with the provincial one-column
/// variant (107); and the same table one cell per line.
@Suite("Legacy statistics table")
struct StatisticsTableTests {
    static let text = "106_shuyang_fgj_2012_statistics.txt"
    static let html = "107_sucheng_2009_statistics.html"

    private func figures(_ report: ParsedReport, _ period: String = "year") -> [String: Figure] {
        Dictionary(report.figures.filter { $0.period == period }.map { ($0.figure, $0) }, uniquingKeysWith: { first, _ in first })
    }

    @Test("text capture: each row's 本年度 and 历年累计 values, money in yuan, the row as printed for quote")
    func textCapture() throws {
        let report = try processSample(Self.text).parsed
        let year = figures(report), cumulative = figures(report, "cumulative")
        #expect(year["applications_received"]?.value == 9 && cumulative["applications_received"]?.value == 37)
        #expect(year["applications_received"]?.method == .statisticsTable && year["applications_received"]?.source == "line 30")
        #expect(year["applications_received"]?.quote == "（一）收到申请数　　件　　9　　37")
        #expect(year["withheld"]?.value == 0 && cumulative["withheld"]?.value == 2 && cumulative["granted"]?.value == 30)
        #expect(year["disclosure_fees"]?.unit == "yuan" && year["disclosure_fees"]?.value == 0)
        // 举报投诉数量's 历年累计 is a dash: no cumulative figure, never 0.
        #expect(year["complaints"]?.value == 0 && cumulative["complaints"] == nil)
        // The table is not part of any section's text, and its rows are not part headings.
        #expect(report.sections.map(\.number) == [0, 1, 2, 3, 4, 5, 6, 7])
        #expect(!report.sections.contains { $0.text.contains("收到申请数") })
        // The one row whose label names no figure is listed, quoted, and not read.
        #expect(report.findings.map(\.check) == ["statistics_label_unknown", "figure_sum", "figure_sum"])
        // Its website and gazette rows add up to more than the items disclosed (186 + 12 > 186): said, not fixed.
        #expect(report.findings.filter { $0.check == "figure_sum" }.map(\.scope) == ["active_disclosed", "active_disclosed/cumulative"])
        #expect(report.findings.first?.message.contains("“其中：主动公开规范性文件数” (line 25)") == true)
    }

    @Test("HTML page: one value column (数量), provincial labels, a blank and a dash row give nothing")
    func htmlPage() throws {
        let report = try processSample(Self.html).parsed
        let year = figures(report)
        #expect(year["applications_received"]?.value == 23 && year["applications_received"]?.source == "table 1 row 6 col 3")
        #expect(year["withheld"]?.value == 3 && year["not_held"]?.value == 2 && year["outside_remit"]?.value == 3)
        #expect(year["complaints"]?.value == 0 && year["disclosure_fees"]?.value == 86 && year["disclosure_fees"]?.unit == "yuan")
        #expect(year["applications_fax"] == nil && year["applications_email"] == nil)
        #expect(figures(report, "cumulative").isEmpty)
    }

    @Test("the same table with one cell per line (a flattened capture) reads the same")
    func cellPerLine() throws {
        let sample = String(decoding: try Repository.sample(Self.text), as: UTF8.self)
        let flattened = sample.split(separator: "\n", omittingEmptySubsequences: false).flatMap { line -> [Substring] in
            line.contains("　　") && !line.hasPrefix("　　") ? line.components(separatedBy: "　　").map { Substring($0) } : [line]
        }.joined(separator: "\n")
        let year = figures(try parseText(flattened))
        let original = figures(try processSample(Self.text).parsed)
        #expect(year.count == original.count)
        for (code, figure) in original { #expect(year[code]?.value == figure.value, "\(code)") }
        #expect(year["granted"]?.method == .statisticsTable)
    }

    @Test("a text row with fewer values than columns is not placed: statistics_row_short, no figure")
    func shortRow() throws {
        let sample = String(decoding: try Repository.sample(Self.text), as: UTF8.self)
            .replacingOccurrences(of: "（一）收到申请数　　件　　9　　37", with: "（一）收到申请数　　件　　37")
        let report = try parseText(sample)
        #expect(report.findings.contains { $0.check == "statistics_row_short" && $0.scope == "applications_received" })
        // The prose still states 9: reported from the prose, the table's row left out.
        #expect(figures(report)["applications_received"]?.method == .prose && figures(report)["applications_received"]?.value == 9)
        #expect(figures(report, "cumulative")["applications_received"] == nil)
    }

    @Test("the table and the prose disagree: the table's cell is the figure, a figure_conflict quotes both")
    func disagreement() throws {
        let sample = String(decoding: try Repository.sample(Self.text), as: UTF8.self)
            .replacingOccurrences(of: "我局共受理政府信息公开申请9件", with: "我局共受理政府信息公开申请11件")
        let report = try parseText(sample)
        let figure = figures(report)["applications_received"]
        #expect(figure?.status == .reported && figure?.value == 9 && figure?.method == .statisticsTable)
        let conflict = report.findings.first { $0.check == "figure_conflict" }
        #expect(conflict?.scope == "applications_received" && conflict?.severity == .warning)
        #expect(conflict?.message.contains("the table gives 9 (line 30") == true && conflict?.message.contains("11 (line 10") == true)
        #expect(!report.findings.contains { $0.check == "figure_ambiguous" })
    }

    @Test("label variants map to one figure; the longer label wins (不同意公开 is not 同意公开)")
    func labels() {
        #expect(StatisticsLabels.figure(ofLabelKey: LabelKey.make("3.不同意公开答复数")) == "withheld")
        #expect(StatisticsLabels.figure(ofLabelKey: LabelKey.make("2.同意部分公开答复数")) == "partially_granted")
        #expect(StatisticsLabels.figure(ofLabelKey: LabelKey.make("其中：政府网站公开")) == "active_via_website")
        #expect(StatisticsLabels.figure(ofLabelKey: LabelKey.make("依申请公开信息数")) == "applications_received")
        #expect(StatisticsLabels.figure(ofLabelKey: LabelKey.make("其中：主动公开规范性文件数")) == nil)
    }
}

import Foundation
import Testing
@testable import NianbaoCore

/// Rows of values as captures write them (issue 14), on sample 102's `get_text(" ")` capture with
/// single rows changed the way crawlers damage them: digits run together, a cell dropped.
@Suite("Rows of values in text captures")
struct CaptureRowsTests {
    private func parsed(_ replacements: [(String, String)], header: String = "") throws -> ParsedReport {
        var text = try String(contentsOf: Repository.fixtures.appendingPathComponent("captures/102_baicheng_2019_plain.gettext-space.txt"),
                              encoding: .utf8)
        for (line, damaged) in replacements {
            #expect(text.contains(line), "\(line)")
            text = text.replacingOccurrences(of: line, with: damaged)
        }
        return try parseText(header + text)
    }

    private func values(_ report: ParsedReport, _ table: TableKind, _ prefix: String) -> [String] {
        report.cells.filter { $0.table == table && $0.scopeName.hasPrefix(prefix + "/") }
            .map { $0.status == .reported ? "\($0.value!)" : $0.status.rawValue }
    }

    @Test("the undamaged capture reads every row as the page prints it")
    func undamaged() throws {
        let report = try parsed([])
        #expect(values(report, .applications, "withheld_internal_affairs") == ["1", "0", "0", "0", "0", "0", "1"])
        #expect(values(report, .activeDisclosure, "art20_1/normative_documents") == ["99", "99", "436"])
    }

    @Test("as many digits as cells are read one per cell, with a cells_joined finding")
    func digitsOnePerCell() throws {
        let report = try parsed([(" 5.属于三类内部事务信息 1 0 0 0 0 0 1 ", " 5.属于三类内部事务信息 1000001 ")])
        #expect(values(report, .applications, "withheld_internal_affairs") == ["1", "0", "0", "0", "0", "0", "1"])
        #expect(report.findings.contains { $0.check == "cells_joined" && $0.scope == "withheld_internal_affairs" })
    }

    @Test("a number whose digits ran together for several cells is unparsed with its raw text, never one value")
    func joinedCells() throws {
        let report = try parsed([(" 规范性文件 99 99 436 ", " 规范性文件 9999436 ")])
        let cells = report.cells.filter { $0.scopeName.hasPrefix("art20_1/normative_documents/") }
        #expect(cells.map(\.status) == [.unparsed, .unparsed, .unparsed])
        #expect(cells.allSatisfy { $0.raw == "9999436" && $0.value == nil })
        #expect(report.findings.contains { $0.check == "cells_joined" && $0.scope == "art20_1/normative_documents" })
    }

    @Test("a row of values one short is unparsed with row_short, never shifted into other columns")
    func shortRow() throws {
        let report = try parsed([(" 二、上年结转政府信息公开申请数量 0 0 0 0 0 0 0 ", " 二、上年结转政府信息公开申请数量 0 0 0 0 0 0 ")])
        #expect(values(report, .applications, "carried_over") == Array(repeating: "unparsed", count: 7))
        #expect(report.findings.contains { $0.check == "row_short" && $0.scope == "carried_over" })
        #expect(values(report, .applications, "new_received") == ["56", "3", "0", "0", "0", "0", "59"])
    }

    @Test("a crawler's header block gives title, date and address, and is not report text")
    func crawlerHeader() throws {
        let header = "标题: 白城市2019年政府信息公开工作年度报告\n发布时间: 2020-03-09 09:30\n原文链接: http://www.jlbc.gov.cn/xxgk/2020/0309.html\n==== 正文 ====\n"
        let report = try parsed([], header: header)
        #expect(report.metadata.sourceURL == "http://www.jlbc.gov.cn/xxgk/2020/0309.html")
        #expect(report.metadata.title == "白城市2019年政府信息公开工作年度报告" && report.metadata.publishedOn == "2020-03-09")
        #expect(!report.sections.contains { $0.text.contains("原文链接") || $0.text.contains("正文") })
    }
}

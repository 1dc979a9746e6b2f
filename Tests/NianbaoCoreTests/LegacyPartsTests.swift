import Foundation
import Testing
@testable import NianbaoCore

/// Reports of 2008–2018 (issue 15, first part): recognised from their own wording, their parts found
/// also when the body is one line, and their text kept whole: the preamble before the first part,
/// never the page's furniture; a report whose sections miss its text says so.
@Suite("Legacy reports: recognition, parts and preamble")
struct LegacyPartsTests {
    private func legacy(_ name: String) throws -> ProcessedReport {
        let bytes = [UInt8](try Data(contentsOf: Repository.fixtures.appendingPathComponent("legacy/\(name).txt")))
        let outcome = sharedConverters.with { FileProcessor(converters: $0, maxFileBytes: 1 << 30).process(bytes: bytes, sourcePath: name) }
        guard case .report(let report) = outcome else { throw TestFailure("\(name) was rejected: \(outcome)") }
        return report
    }

    @Test("a county bureau's 信息公开工作年度报告 (not 政府信息公开) is a report; its title broken over two lines is read")
    func daoxian() throws {
        let report = try legacy("daoxian_wgxj_2013").parsed
        #expect(report.template == "legacy" && report.metadata.year == 2013)
        #expect(report.metadata.title == "道县文广新局2013年度信息公开工作年度报告")
        #expect(report.sections.map(\.topic) == ["active", "on_request", "fees", "review_litigation", "problems"])
    }

    @Test("a whole body on one line: its parts are found inline, its text rebuilt exactly")
    func oneLineBody() throws {
        let report = try legacy("longgui_2016").parsed
        #expect(report.sections.map(\.topic).prefix(4) == ["preamble", "overview", "active", ""])
        #expect(report.sections[1].headingRaw == "一、概述")
        // The line begins with a second title; the preamble keeps the line as it stands up to 一、.
        #expect(report.sections[0].text.hasPrefix("武江区龙归镇人民政府2016年政府信息公开年度报告 本年报是按照《中华人民共和国政府信息公开条例》"))
        #expect(report.sections[1].text.hasPrefix("2016年以来,我镇积极贯彻执行"))
        #expect(!report.findings.contains { $0.check == "text_dropped" })
    }

    @Test("page 2 of a report in traditional script: parts from 三 on, recognised by their topics")
    func pageTwo() throws {
        let report = try legacy("sach_2009").parsed
        #expect(report.sections.first?.number == 3)
        #expect(report.sections.map(\.topic) == ["on_request", "consultations", "review_litigation", "", "problems"])
    }

    @Test("breadcrumbs, page fields, the title and a date line are not preamble; 引言 is")
    func furnitureLeftOut() throws {
        let preamble = try #require(try legacy("dongpu_2016").parsed.sections.first { $0.topic == "preamble" })
        #expect(preamble.text.hasPrefix("引言\n本年报是根据《中华人民共和国政府信息公开条例》"))
        for furniture in ["首页", "索引号", "发布机构", "浏览次数", "(2017年1月12日)", "政府信息公开\n年报"] {
            #expect(!preamble.text.contains(furniture), "\(furniture)")
        }
    }

    @Test("a page that only mentions disclosure is not a report")
    func mentionOnly() throws {
        #expect(throws: ReportParser.Rejection.self) {
            try parseText("市政府召开政务公开工作会议\n会议要求各部门进一步做好信息公开工作，提高政务公开水平。\n（一）加强组织领导\n（二）完善制度建设")
        }
    }

    @Test("text that no section holds is a text_dropped finding saying how much")
    func textDropped() throws {
        let text = "某镇2015年政府信息公开工作年度报告\n本报告依据条例编制，统计期限为全年。\n一、主动公开情况\n本年度主动公开信息120条。"
        let document = TextExtractor.extract(text, encoding: "utf-8")
        let tokens = sharedConverters.with { Normalizer(converters: $0).normalize(document) }.tokens
        let all = try parseText(text)
        #expect(all.sections.map(\.topic) == ["preamble", "active"])
        let firstPart = try #require(tokens.firstIndex { $0.text == "一、主动公开情况" })
        let preamble = SectionBuilder.preambleTokens(tokens, before: firstPart, tableTokens: [], title: all.metadata.title)
        #expect(TextCoverage.finding(tokens: tokens, preambleTokens: preamble, sections: all.sections) == nil)
        // Without its preamble the report would lose the introduction: 18 of its 40 characters.
        let finding = try #require(TextCoverage.finding(tokens: tokens, preambleTokens: preamble, sections: Array(all.sections.dropFirst())))
        #expect(finding.check == "text_dropped" && finding.message.hasPrefix("18 of the 40 characters"))
        // Characters counted on the bytes, eight at a time and one by one at the end, white space left out.
        for text in ["", "a b", "政府 信息\t公开\n", String(repeating: "年报 12,\n", count: 9), "𠀀é€ x"] {
            #expect(TextCoverage.characters(text) == text.unicodeScalars.filter { !" \t\n\r\u{0B}\u{0C}".unicodeScalars.contains($0) }.count, "\(text)")
        }
        #expect(finding.check == "text_dropped" && finding.message.hasPrefix("18 of the 40 characters"))
    }

    @Test("metadata of year-first titles and of field lines: the organ after the year, a value up to the next field")
    func metadata() throws {
        #expect(TitleParts.organ(in: "2016年龙归镇政府信息公开年度报告") == "龙归镇")
        #expect(TitleParts.organ(in: "2019年上海市人民政府办公厅政府信息公开工作年度报告") == "上海市人民政府办公厅")
        #expect(TitleParts.organ(in: "2018年度政府信息公开工作年度报告") == nil)
        #expect(PageFields.inlineValue("发布机构: 东浦镇 发文日期: 2017-01-13", label: "发布机构") == "东浦镇")
        let dongpu = try legacy("dongpu_2016").parsed.metadata
        #expect(dongpu.title == "2016年绍兴市越城区东浦镇政府信息公开年报" && dongpu.organ == "绍兴市越城区东浦镇")
        #expect(dongpu.publishedOn == "2017-01-13" && dongpu.year == 2016)
        // `时间:` in a row of page fields dates the page; a crawler's 抓取时间 does not.
        let fields = TextExtractor.extract("作者:本站原创 | 来源:本站原创 | 时间:2019-01-18 点击数:- 分享到:\n抓取时间: 2024-05-01", encoding: "utf-8")
        #expect(fields.pageFields["时间"] == "2019-01-18 点击数:- 分享到:")
    }
}

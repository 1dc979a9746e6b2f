import Foundation
import Testing
@testable import NianbaoCore

@Suite("Parse: parts, template, tables, metadata")
struct ParseTests {
    @Test("table 2 with headers broken over lines and money in 万元 (seed 000)")
    func activeDisclosureLinyi() throws {
        let report = try processSample(Seed.linyi).parsed
        #expect(report.template == "gb2019")
        #expect(report.value(.activeDisclosure, "art20_1/normative_documents/total_published") == 60)
        #expect(report.value(.activeDisclosure, "art20_9/central_procurement/procurement_count") == 32)
        let amount = try #require(report.cell(.activeDisclosure, "art20_9/central_procurement/procurement_amount"))
        #expect(amount.value == 1_886_400)
        #expect(amount.unit == "yuan")
        #expect(amount.raw == "188.64万元")
        #expect(amount.source == "line 170")
    }

    @Test("signed changes, money without a unit, a short row and a note (seed 001)")
    func baicheng() throws {
        let report = try processSample(Seed.baicheng).parsed
        #expect(report.value(.activeDisclosure, "art20_5/licensing/change") == 118)
        #expect(report.value(.activeDisclosure, "art20_5/other_services/change") == -260)
        #expect(report.cell(.activeDisclosure, "art20_5/licensing/change")?.raw == "+118")
        let amount = try #require(report.cell(.activeDisclosure, "art20_9/central_procurement/procurement_amount"))
        #expect(amount.unit == "unspecified")
        #expect(amount.value == Decimal(string: "110119389.995"))
        #expect(report.findings.contains { $0.check == "unit_unspecified" && $0.scope == "art20_9/central_procurement/procurement_amount" })

        // carried_forward has six values for seven cells: first and total placed, the rest missing.
        let carried = report.cells.filter { $0.table == .applications && $0.row == "carried_forward" }
        #expect(carried.map(\.status) == [.reported, .missing, .missing, .missing, .missing, .missing, .reported])
        #expect(carried.first?.value == 9 && carried.last?.value == 9)
        #expect(report.findings.contains { $0.check == "cells_missing" && $0.scope == "carried_forward" && $0.actual == 6 })
        #expect(report.status == .partial)

        // The page-break repeat of 三、本年度办理结果 does not disturb the rows after it.
        #expect(report.value(.applications, "not_processed_petition/natural_person") == 0)
        #expect(report.value(.applications, "total_processed/total") == 50)

        // Table 4: the header names four review columns, the five values decide.
        let review = report.cells.filter { $0.table == .reviewsLitigation && $0.row == "review" }.map(\.value)
        #expect(review == [0, 2, 0, 0, 2])
        let pending = try #require(report.cell(.reviewsLitigation, "litigation_direct/pending"))
        #expect(pending.value == 7)
        #expect(pending.raw == "7(市自然资源局)")
        #expect(report.findings.contains { $0.check == "cell_note" && $0.scope == "litigation_direct/pending" })
    }

    @Test("numbers lost in crawling are missing, never 0 (seed 002)")
    func taiyuan() throws {
        let report = try processSample(Seed.taiyuan).parsed
        #expect(report.script == .traditional)
        #expect(report.template == "gb2019")
        #expect(report.metadata.year == 2020)
        #expect(report.metadata.title == "")
        #expect(report.cells.count == 22 + 23 * 7 + 15)
        #expect(report.cells.allSatisfy { $0.status == .missing && $0.value == nil && $0.source.isEmpty })
        #expect(Set(report.findings.filter { $0.check == "table_missing" }.map(\.scope)) == ["active_disclosure", "applications", "reviews_litigation"])
        #expect(!report.findings.contains { ["t3_balance", "t3_results_sum", "t3_row_total", "t4_total"].contains($0.check) })
        let parts = report.sections.filter { $0.number > 0 }
        #expect(parts.map(\.heading) == PartSpec.national.map(\.heading))
        #expect(parts[2].headingRaw == "三、收到和辦理政府信息公開申請情況")
        // The introduction before part 1 is kept as the preamble.
        #expect(report.sections.first?.topic == "preamble" && report.sections.first?.text.hasPrefix("根據") == true)
    }

    @Test("tab indents, full-width punctuation, —、 and spaces inside labels (seed 003)")
    func yiyuan() throws {
        let report = try processSample(Seed.yiyuan).parsed
        #expect(report.sections.first { $0.number == 1 }?.headingRaw == "—、总体情况")
        #expect(report.sections.map(\.number) == [0, 1, 2, 3, 4, 5, 6])
        #expect(report.sections[0].text.hasPrefix("本报告按照新修订的《中华人民共和国政府信息公开条例》"))
        #expect(report.value(.activeDisclosure, "art20_6/punishment/decisions") == 145_677)
        #expect(report.value(.applications, "new_received/natural_person") == 99)
        #expect(report.value(.applications, "other_processing/total") == 3)
        #expect(report.cells.filter { $0.table == .reviewsLitigation }.allSatisfy { $0.value == 0 })
        #expect(report.status == .complete)
        // （2） 主动公开工作情况 is a sub-heading of part 1, not part 2.
        #expect(report.sections[1].text.contains("（2） 主动公开工作情况"))
    }

    @Test("a legacy report has its own parts and no tables (seed 004)")
    func huaibei() throws {
        let report = try processSample(Seed.huaibei).parsed
        #expect(report.template == "legacy")
        #expect(report.status == .narrative)
        #expect(report.cells.isEmpty)
        #expect(report.sections.map(\.headingRaw) == ["", "二、存在问题和改进措施"])
        #expect(report.sections.map(\.topic) == ["preamble", "problems"])
        // The report has no 一、 heading: its first part is kept as the preamble, not dropped, and
        // the page's fields and title above it are not.
        #expect(report.sections[0].text.hasPrefix("2016年初原设在市政务服务中心的政务公开职能整体划转到市政府办公室"))
        #expect(!report.sections[0].text.contains("浏览次数") && !report.sections[0].text.contains("年度报告\n"))
        #expect(!report.findings.contains { $0.check == "text_dropped" })
    }

    @Test("section topics: national parts by number, legacy headings by their wording (SPEC §5 examples)")
    func topics() throws {
        let national = try processSample(Seed.baicheng).parsed.sections.map(\.topic)
        #expect(national == ["preamble", "overview", "active", "on_request", "review_litigation", "problems", "other"])
        let legacy = ["一、概述": "overview", "二、主动公开政府信息的情况": "active", "三、政府信息依申请公开工作情况": "on_request",
                      "四、依申请信息公开收费情况": "fees", "五、复议、诉讼和申诉情况": "review_litigation",
                      "六、政府信息公开咨询处理情况": "consultations", "七、存在的不足和改进措施": "problems",
                      "八、其它需要报告的事项": "other", "附件：政府信息公开情况统计表": "statistics", "九、组织机构建设": ""]
        for (heading, topic) in legacy {
            #expect(SectionTopics.legacy(headingKey: LabelKey.make(heading)) == topic, "\(heading)")
        }
        // Traditional script is matched in simplified form.
        let traditional = try processSample("103_yiyuan_2020_traditional.html").parsed.sections.map(\.topic)
        #expect(traditional == Array(national.dropFirst()))
    }

    @Test("metadata: the page's fields, a title over two lines, the signature date")
    func metadata() throws {
        let linyi = try processSample(Seed.linyi).parsed.metadata
        #expect(linyi == ReportMetadata(title: "临沂市人民政府办公室2020年度政府信息公开工作年度报告", organ: "临沂市人民政府办公室",
                                        organNames: ["临沂市人民政府办公室"], year: 2020, publishedOn: "2021-01-30"))
        let yiyuan = try processSample(Seed.yiyuan).parsed.metadata
        #expect(yiyuan.publishedOn == "2021-02-19")
        #expect(yiyuan.organ == "沂源县人民政府")

        // Without the 标题 line the title is rebuilt from the two lines it was broken into.
        let brokenTitle = try Repository.sampleLines(Seed.linyi, 7...16) + "\n" + "\n六、其他需要报告的事项\n无。\n二〇二一年一月三十日"
        let parsed = try parseText(brokenTitle)
        #expect(parsed.metadata.title == "临沂市人民政府办公室2020年度政府信息公开工作年度报告")
        #expect(parsed.metadata.publishedOn == "2021-01-30")
    }

    @Test("dates as reports print them")
    func dates() {
        #expect(DateReader.isoDate(in: "2021/01/30") == "2021-01-30")
        #expect(DateReader.isoDate(in: "2019-02-15 23:45 字号:") == "2019-02-15")
        #expect(DateReader.isoDate(in: "2021年2月19日", wholeText: true) == "2021-02-19")
        #expect(DateReader.isoDate(in: "二〇二〇年十二月三十一日", wholeText: true) == "2020-12-31")
        #expect(DateReader.isoDate(in: "2021年2月19日起执行", wholeText: true) == nil)
        #expect(DateReader.isoDate(in: "2021年13月1日") == nil)
    }

    @Test("the template comes from the tables' labels, else the year")
    func templates() throws {
        let gb2021Header = "二、主动公开政府信息情况\n第二十条第（一）项\n信息内容\n本年制发件数\n本年废止件数\n现行有效件数"
        let document = TextExtractor.extract(gb2021Header, encoding: "utf-8")
        let tokens = sharedConverters.with { Normalizer(converters: $0).normalize(document) }.tokens
        #expect(TemplateRecognizer.recognize(tokens: tokens, year: 2020).code == "gb2021")
        #expect(TemplateRecognizer.recognize(tokens: [], year: 2020).code == "gb2019")
        #expect(TemplateRecognizer.recognize(tokens: [], year: 2023).code == "gb2021")
        #expect(TemplateRecognizer.recognize(tokens: [], year: 2015).code == "legacy")
        #expect(TemplateRecognizer.recognize(tokens: [], year: nil).code == "unknown")
    }

    @Test("a gb2021 table 3 splits （六）其他处理 into three rows, and 其他 means other_other only there")
    func gb2021OtherRows() throws {
        var lines = ["三、收到和处理政府信息公开申请情况", "申请人情况", "自然人", "法人或其他组织", "总计", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"]
        lines += ["（六）其他处理", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", "1", "0", "0", "0", "0", "0", "1"]
        lines += ["2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", "0", "0", "0", "0", "0", "0", "0"]
        lines += ["3.其他", "2", "1", "0", "0", "0", "0", "3", "四、政府信息公开行政复议、行政诉讼情况"]
        let document = TextExtractor.extract(lines.joined(separator: "\n"), encoding: "utf-8")
        let tokens = sharedConverters.with { Normalizer(converters: $0).normalize(document) }.tokens
        let table = try #require(TemplateSpec.gb2021.tables.first { $0.kind == .applications })
        let reading = TableReader(spec: table).read(tokens, range: 0..<tokens.count - 1)
        let values = Dictionary(uniqueKeysWithValues: reading.cells.map { ("\($0.row)/\($0.column)", $0) })
        #expect(values["other_no_correction/total"]?.value == 1)
        #expect(values["other_no_fee/natural_person"]?.status == .reported)
        #expect(values["other_other/commercial"]?.value == 1)
        #expect(values["other_other/total"]?.value == 3)
        #expect(values["granted/total"]?.status == .missing)
    }
}

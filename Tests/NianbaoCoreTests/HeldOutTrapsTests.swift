import Foundation
import Testing
@testable import NianbaoCore

/// Traps met on real reports that are not in the development set (read once, kept outside the
/// repository): a subsection's title taken for a statement, a consultations part under an older
/// character, a body's word for itself taken for its name, and a capture that gives every text node of
/// the page a line. The texts here are composed in the same shapes.
@Suite("Held-out traps")
struct HeldOutTrapsTests {
    private static let head = "某县档案局2010年政府信息公开工作年度报告\n"

    /// A 2010 legacy report: its title and overview, then `parts` (its numbered parts from 二 on).
    private func legacyReport(_ parts: String) throws -> ParsedReport {
        try parseText(Self.head + "一、概述\n2010年我局政府信息公开工作运行正常。\n" + parts)
    }

    @Test("a subsection's title (（三）…减免收费情况) states no zero fee: the sentence under it gives the fee")
    func subheadingIsNoStatement() throws {
        let charged = try legacyReport("""
        二、依申请公开情况
        本年度共受理政府信息公开申请3件。
        三、收费情况
        （三）依申请公开政府信息减免收费情况
        本年度收取检索、复印费用120元。
        """)
        let fee = charged.figures.byCode["disclosure_fees"]
        #expect(fee?.status == .reported && fee?.value == 120 && fee?.unit == "yuan", "\(String(describing: fee))")
        #expect(!charged.findings.contains { $0.check == "figure_ambiguous" })

        let free = try legacyReport("""
        二、收费情况
        （三）依申请公开政府信息减免收费情况
        2010年我局依申请提供政府信息未收取费用，不存在减免情况。
        """)
        #expect(free.figures.byCode["disclosure_fees"]?.value == 0)
        #expect(free.figures.byCode["disclosure_fees"]?.quote == "2010年我局依申请提供政府信息未收取费用")
        #expect(ProseFigures.isSubheading("（三）依申请公开政府信息减免收费情况"))
        #expect(!ProseFigures.isSubheading("本年度没有收取任何费用，也没有减免情况"))
    }

    @Test("谘询, the older simplified form of 諮询, names the consultations part; its counts are not applications")
    func olderConsultationCharacter() throws {
        let report = try legacyReport("""
        二、依申请公开情况
        我局2010年度未收到政府信息公开申请。
        三、谘询情况
        2010年，我局共接受公民政府信息公开方面的谘询150人次。
        """)
        #expect(report.sections.map(\.topic) == ["overview", "on_request", "consultations"])
        #expect(report.figures.byCode["applications_received"]?.value == 0)
    }

    @Test("a body's word for itself (现将我办…, 我委, 本机关) is no name: the organ stays unknown and says so")
    func selfReferenceIsNoOrgan() throws {
        let report = try parseText("""
        2010年度政府信息公开年度报告
        根据《中华人民共和国政府信息公开条例》的规定，现将我办2010年度政府信息公开情况报告如下。
        一、主动公开政府信息情况
        2010年我办主动公开信息27条。
        """)
        #expect(report.metadata.organ == "")
        #expect(report.findings.contains { $0.check == "metadata_missing" && $0.scope == "organ" })
        for word in ["我办", "我委", "本机关", "该局", "本单位"] { #expect(OrganMentions.isSelfReference(word), "\(word)") }
        for name in ["本溪市", "本溪市人民政府", "我市人民政府办公室"] { #expect(!OrganMentions.isSelfReference(name), "\(name)") }
    }

    @Test("a line per text node: numbers and marks on lines of their own go back into their sentence")
    func inlineRunsJoined() throws {
        let report = try parseText(Self.head + """
        一、概述
        根据《条例》要求，我局开展政府信息公开工作。
        二、主动公开政府信息情况
        本局到年底累计主动公开政府信息
        5928
        条,全文电子化率达
        90.3%
        ,其中,本年度新增主动公开政府信息
        2110
        条。
        """)
        let figures = report.figures.filter { $0.figure == "active_disclosed" }
        #expect(figures.first { $0.period == "year" }?.value == 2110)
        #expect(figures.first { $0.period == "cumulative" }?.value == 5928)
    }

    @Test("what a line per text node must not join: a table's unit column, digits with digits, across an empty line or a sentence's end")
    func inlineRunsLeftApart() {
        var unitColumn = ["主动公开信息数", "5928", "条", "网站公开", "3000", "条"]
        InlineRunBreaks.mend(&unitColumn)
        #expect(unitColumn == ["主动公开信息数", "5928", "条", "网站公开", "3000", "条"])

        var digits = ["共受理信息公开申请1", "2", "件,均已答复"]
        InlineRunBreaks.mend(&digits)
        #expect(digits == ["共受理信息公开申请1", "2", "件,均已答复"])

        var apart = ["主动公开政府信息", "", "5928", "条,其中", "全年工作已完成。", "28", "条,其中"]
        InlineRunBreaks.mend(&apart)
        #expect(apart == ["主动公开政府信息", "", "5928", "条,其中", "全年工作已完成。", "28", "条,其中"])

        var closing = ["(以下简称《条例》", ")和《规定》要求编制。"]
        InlineRunBreaks.mend(&closing)
        #expect(closing == ["(以下简称《条例》)和《规定》要求编制。", ""])

        var pipes = ["规章 | 0 | 0 |", ",其中"]
        InlineRunBreaks.mend(&pipes)
        #expect(pipes == ["规章 | 0 | 0 |", ",其中"])
    }

    @Test("a sentence's 共N totals one figure only: not after a carry-over (54 + 结转5 = 共59), not over two channels")
    func totalsOfOneFigure() throws {
        let carried = try legacyReport("""
        二、依申请公开情况
        本年度收到政府信息公开申请54件，结转上年度申请5件，共59件。
        """).figures.byCode
        #expect(carried["applications_received"]?.value == 54)
        #expect(carried["applications_carried_over"]?.value == 5)

        let unnamedCarry = try parseText(Self.head + """
        一、概述
        2024年，区政府办共收到以区政府为申请主体的信息公开54件，结转上年度5件，共59件。
        """).figures.byCode
        #expect(unnamedCarry["applications_received"]?.value == 54)

        let channels = try legacyReport("""
        二、依申请公开情况
        本年度我局受理政府信息公开申请，其中网上申请6件，信函申请4件，共计10件。
        """).figures.byCode
        #expect(channels["applications_online"]?.value == 6)
        #expect(channels["applications_letter"]?.value == 4 && channels["applications_letter"]?.status == .reported)
    }

    @Test("where real pages name a report and its body: a title over two lines, a cover, 现公布/由…根据, 时间:, a bullet, a place with its parent")
    func namesAndDates() throws {
        let twoLines = try parseText("""
        某州市人民政府2016年
        政府信息公开工作年度报告
        某州市人民政府办公室
        2017年3月
        一、概述
        2016年，我市政府信息公开工作稳步推进。
        """)
        #expect(twoLines.metadata.title == "某州市人民政府2016年政府信息公开工作年度报告")
        #expect(twoLines.metadata.organ == "某州市人民政府")

        let cover = try parseText("""
        广州市人民政府
        2013年3月
        本年度报告中所列数据的统计期限自2012年1月1日起至2012年12月31日止。
        一、概述
        2012年，我市政府信息公开工作稳步推进。
        """)
        #expect(cover.metadata.organ == "广州市人民政府")

        let announced = try parseText("""
        发布机构 | 市政府办 | 发文日期 | 2018-02-28 |
        根据《中华人民共和国政府信息公开条例》规定，现公布泰州市人民政府2017年政府信息公开工作年度报告。
        一、主要工作概述
        2017年，我市政府信息公开工作稳步推进。
        """)
        #expect(announced.metadata.organ == "泰州市人民政府" && announced.metadata.publishedOn == "2018-02-28")

        let compiledBy = try parseText("""
        本年度报告是由南京市秦淮区数据局根据《中华人民共和国政府信息公开条例》、国务院办公厅的要求编制而成。年报中所列数据的统计时限自2024年1月1日至2024年12月31日。
        一、总体情况
        2024年，我局有序推进政务公开工作。
        """)
        #expect(compiledBy.metadata.organ == "南京市秦淮区数据局")

        let pageLine = try parseText("""
          • 南京市溧水区人民政府办公室2025年度政府信息公开工作年度报告
        福州市晋安区2016年政府信息公开工作年度报告
        来源:区人民政府办公室 时间:2017-01-12 10:01
        一、概述
        2016年，我区政府信息公开工作稳步推进。
        """)
        #expect(pageLine.metadata.title == "南京市溧水区人民政府办公室2025年度政府信息公开工作年度报告")
        #expect(pageLine.metadata.publishedOn == "2017-01-12")
        #expect(OrganForms.isOrganName("福州市晋安区", year: 2016))
        #expect(!OrganMentions.looksLikeBody("puroview.com溪下乡"))
    }

    @Test("a count of one kind of document disclosed (主动公开规章12件，行政规范性文件43件) is never the items disclosed")
    func documentKindsAreNotTheTotal() throws {
        let kinds = try parseText("""
        2020年某市人民政府办公厅政府信息公开工作年度报告
        一、总体情况
        （一）主动公开方面
        2020年，通过门户网站、政府公报等平台主动公开规章12件，行政规范性文件43件，市政府其他文件93件，人事任免文件142件。
        """).figures.byCode
        #expect(kinds["active_disclosed"]?.status == .missing, "\(String(describing: kinds["active_disclosed"]))")

        let traditional = try parseText("""
        2020年某市人民政府辦公廳政府信息公開工作年度報告
        一、總體情況
        （一）主動公開方面
        2020年，通過入口網站主動公開規章12件，行政規範性檔案43件。
        """).figures.byCode
        #expect(traditional["active_disclosed"]?.status == .missing)

        let items = try parseText("""
        2020年某市人民政府办公厅政府信息公开工作年度报告
        一、总体情况
        2020年，我办主动公开政府信息1136条，其中规章12件。
        """).figures.byCode
        #expect(items["active_disclosed"]?.value == 1136)
    }

    @Test("documents made and disclosed (制发公文707件，主动公开673件) and granted-or-partly (同意公开或部分公开共81件) give no figure")
    func documentsAndCombinedOutcomes() throws {
        let figures = try parseText("""
        2022年某区人民政府政府信息公开工作年度报告
        一、总体情况
        （一）主动公开
        2022年，全区各级行政机关共制发公文707件，主动公开673件，平均主动公开率为95.19%。全年共主动公开政府信息5120条。
        二、依申请公开情况
        2022年共受理政府信息公开申请267件，其中同意公开或部分公开共81件。
        """).figures.byCode
        #expect(figures["active_disclosed"]?.value == 5120)
        #expect(figures["applications_received"]?.value == 267)
        #expect(figures["partially_granted"]?.status != .reported && figures["granted"]?.status != .reported)
    }

    @Test("statistics for half a year (2022年上半年政府信息公开数据统计) are no annual report: rejected, their numbers not the year's")
    func halfYearStatisticsRejected() {
        let page = """
        2022年上半年政府信息公开数据统计
        2022年07月25日 来源: 上海普陀
        一、公文类政府信息公开情况
        2022年上半年，全区各级行政机关共制发公文707件，主动公开673件。
        二、依申请公开情况
        2022年上半年，全区各行政机关共受理政府信息公开申请267件，答复263件。
        三、政府信息公开相关行政复议、诉讼情况
        2022年上半年，全区共发生涉及政府信息公开的行政诉讼案件2件。
        """
        let reason = rejectReason(Array(page.utf8), "putuo.txt")
        #expect(reason?.contains("part of a year") == true, "\(String(describing: reason))")
    }

    @Test("zero in words after a glued sub-heading that names the object first: （二）依申请公开 2021年…未收到…申请")
    func zeroAfterGluedSubheading() throws {
        let figures = try parseText("""
        2021年度某区水务局政府信息公开年度报告 一、总体情况 （一）主动公开 2021年我局通过政府网站主动公开政府信息共105条。 （二）依申请公开 2021年区水务局未收到政府信息公开申请。全年没有不予公开政府信息的情况。
        """).figures.byCode
        #expect(figures["applications_received"]?.value == 0)
        #expect(figures["applications_received"]?.quote.hasSuffix("2021年区水务局未收到政府信息公开申请") == true)
        #expect(figures["active_disclosed"]?.value == 105)
    }
}

import Foundation
import Testing
@testable import NianbaoCore

/// Figures stated in words (issue 15, SPEC §5 `method` = prose), on the real legacy texts in
/// Fixtures/legacy and their gold: every stated figure found with a quote that is in the text, and
/// none of the traps (items vs. applications, spending vs. fees, consultations, counts of other years,
/// parts, a count that covers several figures) taken for a figure.
@Suite("Figures from prose")
struct ProseFiguresTests {
    static let legacyFolder = Repository.fixtures.appendingPathComponent("legacy")

    private func figures(_ name: String) throws -> [String: Figure] {
        let bytes = [UInt8](try Data(contentsOf: Self.legacyFolder.appendingPathComponent("\(name).txt")))
        let outcome = sharedConverters.with { FileProcessor(converters: $0, maxFileBytes: 1 << 30).process(bytes: bytes, sourcePath: name) }
        guard case .report(let report) = outcome else { throw TestFailure("\(name) was rejected") }
        return report.parsed.figures.byCode
    }

    @Test("the 17 legacy texts against their gold: all found, none wrong or invented, every quote in its text")
    func legacyGold() throws {
        let (score, _) = try scoreFigures(inFixtures: Self.legacyFolder)
        #expect(score.expected == 64)
        #expect(score.found == score.expected, "\(score.notFound.joined(separator: "\n"))")
        #expect(score.wrong.isEmpty && score.invented.isEmpty && score.badQuotes.isEmpty,
                "\(score.wrong + score.invented + score.badQuotes)")
    }

    @Test("items disclosed on request are not applications: 依申请公开信息459条, 不予公开信息1535条 (Huli 2018)")
    func itemsAreNotApplications() throws {
        let figures = try figures("huli_2018")
        #expect(figures["active_disclosed"]?.value == 1027 && figures["active_disclosed"]?.quote == "其中主动公开信息1027条")
        #expect(figures["applications_received"]?.status == .missing && figures["withheld"]?.status == .missing)
        #expect(figures["responses"] == nil)
    }

    @Test("不予公开信息有10条 counts items kept back, not answers withheld (Daoxian 2013)")
    func itemsKeptBack() throws {
        let figures = try figures("daoxian_wgxj_2013")
        #expect(figures["withheld"]?.status == .missing)
        #expect(figures["applications_received"]?.value == 0 && figures["applications_received"]?.quote == "2013年度没有依申请公开信息的情况")
    }

    @Test("spending on the work is not fees collected: 網站建設和更新等費用30萬元 (SACH 2009, traditional script with pinyin)")
    func spendingIsNotFees() throws {
        let figures = try figures("sach_2009")
        #expect(figures["disclosure_fees"]?.value == 0 && figures["disclosure_fees"]?.unit == "unspecified")
        #expect(figures["disclosure_fees"]?.quote == "國(guó)家文物局在本年度不收取提供政府信息的費(fèi)用")
        #expect(figures["applications_received"]?.value == 3)
    }

    @Test("one count for review, litigation and complaints together is none of them (SACH 2009)")
    func combinedCount() throws {
        let figures = try figures("sach_2009")
        for code in ["reviews", "litigation"] { #expect(figures[code]?.status == .missing, "\(code)") }
        #expect(figures["complaints"] == nil)
    }

    @Test("consultations are not applications: 便民咨询…560条 (Guangdong 2011), 未收到依申请公开信息的咨询 (Zhongyuan 2015)")
    func consultations() throws {
        #expect(try figures("gd_wht_2011")["applications_received"]?.value == 2)
        #expect(try figures("zhongyuan_sjj_2015")["applications_received"]?.status == .missing)
    }

    @Test("litigation costs are not fees: 未發生…訴訟相關的費用支出 (Shatang 2016), 未发生与诉讼有关的费用支出 (Zhongyuan 2015)")
    func litigationCosts() throws {
        #expect(try figures("shatang_2016")["disclosure_fees"]?.quote == "沒有向政府信息公開申請人收費的情況")
        #expect(try figures("zhongyuan_sjj_2015")["disclosure_fees"]?.quote == "本局无政府信息公开的收费和减免事项")
    }

    @Test("another year's count is not the figure: 由2013年的1128 条增加到2014年的1887条…总计2401条 (Hainan 2014)")
    func anotherYear() throws {
        let figure = try figures("hainan_fda_2014")["active_disclosed"]
        #expect(figure?.value == 2401 && figure?.quote == "总计2401条" && figure?.source == "line 3")
    }

    @Test("a sentence's total, not its parts: 8632 portal items vs 399 disclosed (Yining), 247 vs a channel total (Shatang), 1170 and its columns (Guangdong)")
    func totalsAndParts() throws {
        #expect(try figures("yining_2014")["active_disclosed"]?.value == 399)
        #expect(try figures("shatang_2016")["active_disclosed"]?.value == 247)
        #expect(try figures("gd_wht_2011")["active_disclosed"]?.value == 1170)
        #expect(try figures("jianxin_2018")["active_disclosed"]?.value == 22)
    }

    @Test("zero in words: one sentence denying review, litigation and complaints gives three reported zeros (Tangcun 2010)")
    func zeroInWords() throws {
        let figures = try figures("tangcun_2010")
        let quote = "未发生针对本单位有关政府信息公开事务的行政复议案、行政诉讼案和有关的申诉案"
        for code in ["reviews", "litigation", "complaints"] {
            #expect(figures[code]?.value == 0 && figures[code]?.status == .reported && figures[code]?.quote == quote, "\(code)")
        }
        #expect(figures["applications_received"]?.value == 0 && figures["disclosure_fees"]?.value == 0)
    }

    @Test("statistics-form wording in prose: 申请数为2, 当面申请数为2条, 由于信息不存在否决公开答复1条 (Shulan 2013)")
    func formWording() throws {
        let figures = try figures("shulan_jjj_2013")
        #expect(figures["applications_received"]?.value == 2 && figures["applications_in_person"]?.value == 2)
        #expect(figures["granted"]?.value == 1 && figures["not_held"]?.value == 1)
        #expect(figures["withheld"]?.status == .missing)
    }

    @Test("a text cut mid-word (…等任何费) states no fee (Xixia 2017)")
    func cutText() throws {
        #expect(try figures("xixia_2017")["disclosure_fees"] == nil)
    }

    @Test("two different counts for one figure are ambiguous, both listed, none picked (Huaibei 2018: 同意公开3件 … 同意公开5件)")
    func competingCounts() throws {
        let report = try processSample(Seed.huaibei).parsed
        let granted = report.figures.byCode["granted"]
        #expect(granted?.status == .ambiguous && granted?.value == nil && granted?.quote == "")
        let finding = report.findings.first { $0.check == "figure_ambiguous" && $0.scope == "granted" }
        #expect(finding?.message.contains("3 (line 26: “同意公开3件”)") == true && finding?.message.contains("5 (line 26: “同意公开5件”)") == true)
        #expect(report.figures.byCode["active_disclosed"]?.value == 112304)
    }

    @Test("competing totals in one report: ambiguous; another year's count left out")
    func competingTotals() throws {
        let text = """
        某县人民政府2013年政府信息公开工作年度报告
        一、依申请公开政府信息情况
        2012年我县共受理政府信息公开申请5件。2013年,我县共受理政府信息公开申请12件。
        二、其他需要报告的事项
        全年共收到政府信息公开申请15件。
        """
        let report = try parseText(text)
        #expect(report.figures.byCode["applications_received"]?.status == .ambiguous)
        let message = report.findings.first { $0.check == "figure_ambiguous" }?.message ?? ""
        #expect(message.contains("12 (line 3") && message.contains("15 (line 5") && !message.contains("5 (line 3"))
    }

    @Test("cumulative counts are their own period: 累计…592013条 vs 本年度…55097条 (Baicheng 2019)")
    func cumulative() throws {
        let figures = try processSample(Seed.baicheng).parsed.figures.filter { $0.figure == "active_disclosed" }
        #expect(figures.map(\.period) == ["year", "cumulative"])
        #expect(figures.map(\.value) == [55097, 592013])
    }

    @Test("a page that only mentions a count in passing is not read outside its part: 发布…信息14725條 in Taiyuan's overview")
    func looseWordingOnlyInItsPart() throws {
        #expect(try processSample(Seed.taiyuan).parsed.figures.byCode["active_disclosed"]?.status == .missing)
    }

    @Test("Chinese numerals before a count word, not in words of their own")
    func chineseNumerals() {
        #expect(ProseNumbers.hanValue(ArraySlice("十二".unicodeScalars)) == 12)
        #expect(ProseNumbers.hanValue(ArraySlice("一百零五".unicodeScalars)) == 105)
        #expect(ProseNumbers.hanValue(ArraySlice("一一".unicodeScalars)) == nil)
        #expect(ProseNumbers.find(in: Array("收到两件申请".unicodeScalars)).map(\.value) == [2])
        #expect(ProseNumbers.find(in: Array("与群众一起一次性解决零件".unicodeScalars)).isEmpty)
        #expect(ProseNumbers.find(in: Array("占100%于2014年3月第3次3000余人次".unicodeScalars)).isEmpty)
    }
}

extension Array where Element == Figure {
    /// The `year` figures by code.
    var byCode: [String: Figure] {
        Dictionary(filter { $0.period == "year" }.map { ($0.figure, $0) }, uniquingKeysWith: { first, _ in first })
    }
}

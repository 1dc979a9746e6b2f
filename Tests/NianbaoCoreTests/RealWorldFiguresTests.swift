import Foundation
import Testing
@testable import NianbaoCore

/// Figures that hold on reports nobody here had read (issue 21): statistics tables by their structure,
/// prose by its subject, conflicts said, pages that are not reports rejected. Each trap is a sentence,
/// a row or a title as a real report printed it.
@Suite("Figures on real reports: structure, subject, conflicts, recognition")
struct RealWorldFiguresTests {
    static let fragments = Repository.fixtures.appendingPathComponent("fragments")

    private func figures(_ text: String, period: String = "year") throws -> [String: Figure] {
        Dictionary(try parseText(text).figures.filter { $0.period == period }.map { ($0.figure, $0) }, uniquingKeysWith: { first, _ in first })
    }

    private func rejection(_ text: String) -> String? {
        do { _ = try parseText(text); return nil } catch { return String(describing: error) }
    }

    /// A legacy report around a statistics table printed a row per line.
    private func legacy(year: Int = 2013, prose: String = "", header: String, rows: [String]) -> String {
        """
        某某县人民政府\(year)年政府信息公开工作年度报告
        一、概述
        \(year)年，我县认真贯彻《条例》。\(prose)
        二、主动公开政府信息情况
        全年主动公开政府信息。
        三、依申请公开政府信息情况
        按规定办理。
        附件：\(year)年政府信息公开情况统计表
        \(header)
        \(rows.joined(separator: "\n"))
        """
    }

    @Test("the 17 fragments of real reports against their gold: every stated figure but one cut mid-word, none wrong or invented")
    func fragmentsGold() throws {
        let (score, output) = try scoreFigures(inFixtures: Self.fragments)
        #expect(score.expected == 52)
        // yongjia_nyj_2010's stored text stops at `没有收到政府信息公开申`: the word is cut, not read.
        #expect(score.found == score.expected - 1, "\(score.notFound.joined(separator: "\n"))")
        #expect(score.wrong.isEmpty && score.invented.isEmpty && score.badQuotes.isEmpty, "\(score.wrong + score.invented + score.badQuotes)")
        // The docs' index counts, per figure, the reports that state it: as many as figures.jsonl has.
        let index = String(decoding: try Data(contentsOf: output.appendingPathComponent("index.html")), as: UTF8.self)
        let reported = try jsonlRows(output, "figures").filter {
            $0["figure"] as? String == "active_disclosed" && $0["period"] as? String == "year" && $0["status"] as? String == "reported"
        }.count
        #expect(reported == 13)
        #expect(index.contains("<tr data-figure=\"active_disclosed\">") && index.contains("<td class=\"n\" data-status=\"reported\">\(reported)</td>"))
    }

    @Test("a value column that names the year (2013年度) is this year's; one that names another year is not read")
    func yearInHeader() throws {
        let rows = ["主动公开文件数  条  120  560", "政府网站公开数  条  100  400", "对申请的答复总数  件  7  30"]
        let year = try figures(legacy(header: "指标名称  计量单位  2013年度  历年累计", rows: rows))
        #expect(year["active_disclosed"]?.value == 120 && year["active_disclosed"]?.method == .statisticsTable)
        #expect(year["active_via_website"]?.value == 100 && year["responses"]?.value == 7)
        #expect(try figures(legacy(header: "指标名称  计量单位  2013年度  历年累计", rows: rows), period: "cumulative")["active_disclosed"]?.value == 560)
        let other = try figures(legacy(header: "指标名称  计量单位  2012年度  历年累计", rows: rows))
        #expect(other["active_disclosed"]?.status == .missing && other["responses"] == nil)
        #expect(StatisticsHeader.role(of: LabelKey.make("本年累计"), year: 2013) == .year)
        #expect(StatisticsHeader.role(of: LabelKey.make("截至2013年底累计"), year: 2013) == .cumulative)
    }

    @Test("combined labels (信函、传真申请数, 接受行政诉讼、举报数): a count gives none of them, a zero gives zero to each")
    func combinedLabels() throws {
        let counted = try figures(legacy(header: "指标名称  计量单位  本年度", rows: ["信函、传真申请数  件  3", "接受行政诉讼、举报数  件  2"]))
        #expect(counted["applications_letter"] == nil && counted["applications_fax"] == nil)
        #expect(counted["litigation"]?.status == .missing && counted["complaints"] == nil)
        let zero = try figures(legacy(header: "指标名称  计量单位  本年度", rows: ["信函、传真申请数  件  0", "行政申诉、举报数  件  0"]))
        #expect(zero["applications_letter"]?.value == 0 && zero["applications_fax"]?.value == 0 && zero["complaints"]?.value == 0)
        #expect(StatisticsLabels.combinedFigures(ofLabel: "复议、诉讼或申诉") == ["reviews", "litigation", "complaints"])
        #expect(StatisticsLabels.combinedFigures(ofLabel: "电子邮件申请数") == nil)
    }

    @Test("a row whose label names no figure is a statistics_label_unknown finding quoting it")
    func unknownLabel() throws {
        let report = try parseText(legacy(header: "指标名称  计量单位  本年度", rows: ["公开查阅点接待人数  人次  55", "收到申请数  件  4"]))
        let unknown = report.findings.filter { $0.check == "statistics_label_unknown" }
        #expect(unknown.count == 1 && unknown[0].message.contains("“公开查阅点接待人数  人次  55”") == false && unknown[0].message.contains("公开查阅点接待人数"))
        #expect(report.figures.first { $0.figure == "applications_received" }?.value == 4)
    }

    @Test("the table says 0 reviews, the prose 收到1份有关政府信息公开行政复议申请: the cell, and a figure_conflict quoting both")
    func tableAndProseDisagree() throws {
        let text = legacy(prose: "今年收到1份有关政府信息公开行政复议申请。", header: "指标名称  计量单位  本年度", rows: ["行政复议数  件  0"])
        let report = try parseText(text)
        let reviews = report.figures.first { $0.figure == "reviews" }
        #expect(reviews?.value == 0 && reviews?.method == .statisticsTable && reviews?.status == .reported)
        let conflict = report.findings.first { $0.check == "figure_conflict" && $0.scope == "reviews" }
        #expect(conflict?.message.contains("收到1份有关政府信息公开行政复议申请") == true && conflict?.message.contains("the table gives 0") == true)
    }

    @Test("parts by area (县直各单位…2475条, 各乡镇…1503条) are not candidates for the total the table gives")
    func partsOfATotal() throws {
        let prose = "县直各单位主动公开政府信息2475条，各乡镇主动公开政府信息1503条。"
        let withTable = try parseText(legacy(prose: prose, header: "指标名称  计量单位  本年度", rows: ["主动公开信息数  条  3978"]))
        #expect(withTable.figures.first { $0.figure == "active_disclosed" }?.value == 3978)
        #expect(!withTable.findings.contains { $0.check == "figure_ambiguous" || $0.check == "figure_conflict" })
        let alone = try figures(legacy(prose: "全县主动公开政府信息3978条，其中县直各单位主动公开政府信息2475条。", header: "", rows: []))
        #expect(alone["active_disclosed"]?.value == 3978)
    }

    @Test("a service hall's cases are not disclosure applications: 开设窗口24个，共受理申请136437件")
    func serviceHall() throws {
        let text = """
        某某县人民政府2013年政府信息公开工作年度报告
        一、主动公开政府信息情况
        建立窗口服务大厅，开设窗口24个，共受理申请136437件。
        二、依申请公开政府信息情况
        全年共受理政府信息公开申请9件，便民服务中心办件3000件。
        """
        let year = try figures(text)
        #expect(year["applications_received"]?.value == 9)
        #expect(!(try parseText(text)).findings.contains { $0.check == "figure_ambiguous" })
    }

    @Test("a deadline is not a count: 自收到申请之日起15个工作日内予以答复 beside 受理…申请9件")
    func deadline() throws {
        let text = """
        某某市人民政府办公室2013年政府信息公开工作年度报告
        一、依申请公开政府信息情况
        我办严格执行自收到申请之日起15个工作日内予以答复的规定，全年受理政府信息公开申请9件。
        """
        let year = try figures(text)
        #expect(year["applications_received"]?.value == 9 && year["applications_received"]?.status == .reported)
        #expect(ProseNumbers.find(in: Array("15个工作日内".unicodeScalars)).isEmpty && ProseNumbers.find(in: Array("3天".unicodeScalars)).isEmpty)
    }

    @Test("next year's count is not this year's: 另有72件申请按照《条例》顺延到下年度答复 (Shanghai 2019) is no responses")
    func nextYear() throws {
        let text = """
        某某市人民政府办公厅2019年政府信息公开工作年度报告
        一、依申请公开政府信息情况
        答复政府信息公开申请805件（含上年度结转申请18件，另有72件申请按照《条例》顺延到下年度答复），均在法定期限内予以答复。
        """
        let responses = try figures(text)["responses"]
        #expect(responses?.value == 805 && responses?.status == .reported)
    }

    @Test("documents issued are not items disclosed: 印发主动公开文件177件 (Linyi 2020)")
    func documentsIssued() throws {
        let figures = try processSample(Seed.linyi).parsed.figures.byCode
        #expect(figures["active_disclosed"]?.status == .missing)
    }

    @Test("table figures stand; the text's other count of applications is a conflict (Linyi 2020: 177 in table 3, 181 in the text)")
    func nationalConflict() throws {
        let report = try processSample(Seed.linyi).parsed
        #expect(report.figures.byCode["applications_received"]?.value == 177)
        #expect(report.findings.contains { $0.check == "figure_conflict" && $0.message.contains("2020年共受理政府信息公开申请181件") })
    }

    @Test("figure arithmetic: channels vs applications, outcomes vs responses, website + gazette vs items disclosed")
    func figureSums() throws {
        let rows = ["收到申请数  件  5", "当面申请数  件  2", "网上申请数  件  2", "信函申请数  件  0", "传真申请数  件  0", "电子邮件申请数  件  0",
                    "其它形式申请数  件  0", "对申请的答复数  件  3", "同意公开答复数  件  4", "主动公开信息数  条  10", "政府网站公开  条  11"]
        let report = try parseText(legacy(header: "指标名称  计量单位  本年度", rows: rows))
        let sums = report.findings.filter { $0.check == "figure_sum" }
        #expect(Set(sums.map(\.scope)) == ["applications_received", "responses", "active_disclosed"])
        #expect(sums.first { $0.scope == "applications_received" }?.actual == 4 && sums.first { $0.scope == "responses" }?.expected == 3)
        #expect(report.figures.byCode["applications_received"]?.value == 5)
    }

    @Test("pages that are not reports are rejected with what they are; a notice that carries the report is the report")
    func recognition() throws {
        let letter = "关于2014年政府信息公开工作要点落实情况的函\n市政府办公室：\n现将我局2014年政府信息公开工作要点落实情况函告如下。\n一、主动公开\n全年主动公开信息100条。\n二、依申请公开\n受理申请2件。"
        #expect(rejection(letter)?.contains("a letter (函)") == true)
        #expect(rejection("某某市政府信息公开指南\n一、公开的范围\n二、依申请公开的办理\n受理机构：市政府办公室")?.contains("guide") == true)
        #expect(rejection("某某市2015年政务公开工作要点\n一、推进主动公开\n二、规范依申请公开\n三、加强监督")?.contains("key points") == true)
        let list = (2014...2019).map { "某某县人民政府\($0)年政府信息公开工作年度报告" }.joined(separator: "\n")
        #expect(rejection("政府信息公开年报\n" + list)?.contains("a list of reports") == true)
        let form = String(decoding: try Data(contentsOf: Self.fragments.appendingPathComponent("not_reports/dingxi_tongji_form.txt")), as: UTF8.self)
        #expect(rejection(form)?.contains("statistics form") == true)
        // Near misses the other way: a notice that publishes the report with its parts, a report without a title.
        let notice = """
        关于公布某某县2014年政府信息公开工作年度报告的通知
        各乡镇人民政府：现将《某某县2014年政府信息公开工作年度报告》公布如下。
        一、概述
        二、主动公开政府信息情况
        全年主动公开政府信息120条。
        三、依申请公开政府信息情况
        全年受理政府信息公开申请3件。
        四、政府信息公开收费及减免情况
        未收取任何费用。
        """
        #expect(rejection(notice) == nil)
        let tieling = String(decoding: try Data(contentsOf: Self.fragments.appendingPathComponent("tieling_zfb_2022.txt")), as: UTF8.self)
        #expect(rejection(tieling) == nil, "a title-less traditional page with pinyin (報(bào)告) is a report")
    }

    @Test("a zone's name and its 管委会 are one organ; 浦东新区 is a district with a government; a garbled 城市 is no organ")
    func organNames() throws {
        #expect(OrganForms.fullForm("平潭综合实验区") == OrganForms.fullForm("平潭综合实验区管委会"))
        #expect(OrganForms.fullForm("浦东新区") == "浦东新区")
        let body = "一、概述\n全年主动公开政府信息120条。\n二、依申请公开政府信息情况\n全年受理政府信息公开申请3件。"
        let zone = try parseText("平潭综合实验区2014年政府信息公开工作年度报告\n" + body)
        let committee = try parseText("平潭综合实验区管委会2015年政府信息公开工作年度报告\n" + body)
        #expect(!zone.organ.organID.isEmpty && zone.organ.organID == committee.organ.organID)
        let garbled = try parseText("城市2019年政府信息公开工作年度报告\n" + body)
        #expect(garbled.metadata.organ.isEmpty && garbled.organ.organID.isEmpty)
        #expect(OrganForms.isOrganName("市政府研究室", year: 2019) && OrganForms.isOrganName("白城市", year: 2019))
    }
}

@Suite("Figures of the organ's own scope")
struct FigureScopeTests {
    @Test("Huaibei 2018 states applications for 市本级及市直部门 (101) and 市本级 (28): the city government's own level, 28")
    func ownScope() throws {
        let figures = try processSample(Seed.huaibei).parsed.figures.byCode
        #expect(figures["applications_received"]?.value == 28 && figures["applications_received"]?.quote == "市本级依申请办件28件中已主动公开3件")
        #expect(figures["applications_online"]?.value == 10)
        // Only a wider scope stated (全市): that is the report's figure.
        #expect(figures["active_disclosed"]?.value == 112304)
    }
}

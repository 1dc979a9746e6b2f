import Foundation
import Testing
@testable import NianbaoCore

/// Organs, regions, copies and the panel (issue 16, SPEC §6) on the samples, the real legacy texts
/// and shapes made from them.
@Suite("Identity: organs, regions, copies and the panel")
struct IdentityTests {
    private func identity(_ text: String) throws -> (OrganIdentity, [Finding]) {
        let report = try parseText(text)
        return (report.organ, report.findings)
    }

    private func legacy(_ name: String) throws -> ParsedReport {
        let bytes = [UInt8](try Data(contentsOf: Repository.fixtures.appendingPathComponent("legacy/\(name).txt")))
        let outcome = sharedConverters.with { FileProcessor(converters: $0, maxFileBytes: 1 << 30).process(bytes: bytes, sourcePath: name) }
        guard case .report(let report) = outcome else { throw TestFailure("\(name) was rejected") }
        return report.parsed
    }

    static let body = "\n一、概述\n本年度认真贯彻落实《政府信息公开条例》，编制本年度报告。\n二、主动公开政府信息情况\n全年主动公开政府信息120条。\n"

    @Test("names from every shape: organ first, year first, 关于…的报告, a broken title, page field, preamble, signature")
    func nameShapes() throws {
        #expect(try identity("沭阳县发改局2013年政府信息公开工作年度报告" + Self.body).0.name == "沭阳县发展和改革局")
        #expect(try identity("2019年上海市人民政府办公厅政府信息公开工作年度报告" + Self.body).0.name == "上海市人民政府办公厅")
        #expect(try identity("关于沭阳县人民政府2013年政府信息公开工作年度报告的报告" + Self.body).0.name == "沭阳县人民政府")
        #expect(try legacy("daoxian_wgxj_2013").organ.name == "道县文化广电新闻出版局")   // title broken over two lines
        #expect(try legacy("shatang_2016").organ.namesSeen == ["沙塘镇人民政府"])        // 信息來源: in the page's head
        #expect(try legacy("zhongyuan_sjj_2015").organ.namesSeen.contains("中原区审计局")) // 由中原区审计局编制
        let signed = try identity("本报告由我局编制。" + Self.body + "沭阳县发展和改革局\n2014年3月20日\n")
        #expect(signed.0.name == "沭阳县发展和改革局" && signed.0.regionCode == "321322")
        let announced = try identity("现将沭阳县人民政府2013年政府信息公开工作情况报告如下。" + Self.body)
        #expect(announced.0.name == "沭阳县人民政府")
    }

    @Test("short and long forms are one body; a bare place is its government; two different bodies stay apart")
    func forms() throws {
        #expect(OrganForms.fullForm("沭阳县发改局") == "沭阳县发展和改革局")
        #expect(OrganForms.fullForm("临沂市政府办") == "临沂市人民政府办公室")
        #expect(OrganForms.fullForm("苏州工业园区管委会") == "苏州工业园区管理委员会")
        let short = try identity("沭阳县发改局2012年政府信息公开工作年度报告" + Self.body).0
        let long = try identity("沭阳县发展和改革局2013年政府信息公开工作年度报告" + Self.body).0
        #expect(short.organID == long.organID && short.kind == "department" && short.level == "county")
        let city = try identity("白城市2019年政府信息公开工作年度报告" + Self.body).0
        let government = try identity("白城市人民政府2019年政府信息公开工作年度报告" + Self.body).0
        #expect(city.organID == government.organID && city.kind == "government" && city.name == "白城市")
        let office = try identity("白城市人民政府办公室2019年政府信息公开工作年度报告" + Self.body).0
        #expect(office.organID != city.organID && office.kind == "general_office")
    }

    @Test("regions: the place prefix narrowed by its parent; 朝阳区 alone is ambiguous, with 北京 in the text it is 110105")
    func regions() throws {
        #expect(try identity("宿迁市宿城区人民政府办公室2009年政府信息公开工作年度报告" + Self.body).0.regionCode == "321302")
        let alone = try identity("朝阳区人民政府2015年政府信息公开工作年度报告" + Self.body)
        #expect(alone.0.regionCode.isEmpty)
        let finding = alone.1.first { $0.check == "organ_region" }
        #expect(finding?.message.contains("110105 朝阳区") == true && finding?.message.contains("220104 朝阳区") == true)
        let placed = try identity("朝阳区人民政府2015年政府信息公开工作年度报告\n根据北京市政府信息公开工作的要求，编制本报告。" + Self.body)
        #expect(placed.0.regionCode == "110105" && !placed.1.contains { $0.check == "organ_region" })
        // A town: its county printed before it in the text (开平市沙塘鎮圩東路1號), else no code.
        #expect(try legacy("shatang_2016").organ.regionCode == "440783")
        #expect(try legacy("longgui_2016").organ.regionCode == "440203")
        let tangcun = try legacy("tangcun_2010")
        #expect(tangcun.organ.regionCode.isEmpty && tangcun.organ.level == "township" && tangcun.findings.contains { $0.check == "organ_region" })
    }

    @Test("the edition of the report's year: 溧水县 until 2012, 溧水区 from 2013 (县改区); between 2019 and 2026 only unchanged divisions")
    func editions() throws {
        #expect(try identity("溧水县人民政府2012年政府信息公开工作年度报告" + Self.body).0.regionCode == "320124")
        #expect(try identity("溧水区人民政府2013年政府信息公开工作年度报告" + Self.body).0.regionCode == "320117")
        #expect(try identity("溧水县人民政府2014年政府信息公开工作年度报告" + Self.body).0.regionCode.isEmpty)
        #expect(Divisions.edition(for: 2005) == 2008 && Divisions.edition(for: 2021) == nil && Divisions.edition(for: 2027) == 2026)
        #expect(try identity("沂源县人民政府2021年政府信息公开工作年度报告" + Self.body).0.regionCode == "370323")
    }

    @Test("special zones by their informal names: the table's code for the year, the city they are in when no edition lists them")
    func zones() throws {
        #expect(try identity("苏州园区管委会2018年政府信息公开工作年度报告" + Self.body).0.regionCode == "320571")
        #expect(try identity("苏州工业园区管理委员会2026年政府信息公开工作年度报告" + Self.body).0.regionCode == "320576")
        // 2015: no edition lists the zone; the city its name starts with (苏州 → 苏州市) is where it belongs.
        let between = try identity("苏州园区管委会2015年政府信息公开工作年度报告" + Self.body)
        #expect(between.0.regionCode == "320500")
        #expect(ZoneAliases.official("雄安新区管委会") == "雄安新区管理委员会" && ZoneAliases.official("苏州工业园区") == "苏州工业园区")
    }

    @Test("the division table samples right: codes and names in their editions")
    func divisionTable() {
        #expect(Divisions.all.count > 3500)
        #expect(Divisions.all.allSatisfy { $0.code.count == 6 && $0.code.allSatisfy(\.isNumber) && $0.first <= $0.last })
        func named(_ name: String, _ year: Int) -> [String] { Divisions.named(name, year: year).map(\.code) }
        #expect(named("沭阳县", 2008) == ["321322"] && named("沭阳县", 2026) == ["321322"])
        #expect(named("莱芜市", 2018) == ["371200"] && named("莱芜市", 2026).isEmpty)   // merged into 济南市 in 2019
        #expect(named("湖里区", 2018) == ["350206"] && named("邹城市", 2010) == ["370883"])
        #expect(Set(named("朝阳区", 2015)) == ["110105", "220104"])
        #expect(!Divisions.all.contains { $0.name == "市辖区" })
    }
}

/// The dataset half of the identify stage: copies grouped, the panel, renamed bodies across years.
@Suite("Identity: copies and the panel over runs", .serialized)
struct PanelTests {
    private func run(_ files: [String: Data]) throws -> URL {
        let input = try Repository.temporaryFolder()
        for (name, data) in files { try data.write(to: input.appendingPathComponent(name)) }
        let output = try Repository.temporaryFolder().appendingPathComponent("out")
        try Pipeline(config: PipelineConfig(input: input, output: output, jobs: 2)).run()
        return output
    }

    private func rows(_ output: URL, _ table: String) throws -> [[String: Any]] { try jsonlRows(output, table) }

    @Test("the samples' copies of one report are grouped, one chosen (an HTML page); summing the panel counts each report once")
    func samplesPanel() throws {
        let output = try runSamples().get()
        let reports = try rows(output, "reports")
        let panel = try rows(output, "panel")
        var received: [Int: Int] = [:]
        for row in panel { received[row["year"] as! Int, default: 0] += (row["applications_received"] as? Int) ?? 0 }
        #expect(received == [2009: 23, 2012: 9, 2018: 28, 2019: 59, 2020: 276])
        // Every panel row is a chosen copy, and every copy names a chosen one of its organ and year.
        let chosen = Set(panel.map { $0["report_id"] as! String })
        for report in reports {
            if let copyOf = report["copy_of"] as? String {
                #expect(chosen.contains(copyOf))
                let original = reports.first { $0["report_id"] as? String == copyOf }!
                #expect(original["organ_id"] as? String == report["organ_id"] as? String && original["year"] as? Int == report["year"] as? Int)
            } else if report["organ_id"] != nil {
                #expect(chosen.contains(report["report_id"] as! String))
            }
        }
        // The Linyi text capture and its two HTML pages: an HTML page is chosen.
        let linyi = reports.filter { ($0["source_path"] as! String).contains("linyi") || ($0["source_path"] as! String).hasPrefix("000") }
        #expect(linyi.count == 3 && linyi.filter { $0["copy_of"] == nil }.map { $0["source_format"] as! String } == ["html"])
    }

    @Test("a renamed body (临沂市政府办公室 in 2019, 临沂市人民政府办公室 in 2020) is one organ_id, and its years are cross-checked")
    func renamedBody() throws {
        let text = String(decoding: try Repository.sample(Seed.linyi), as: UTF8.self)
        let earlier = text.replacingOccurrences(of: "标题 临沂市人民政府办公室2020年度", with: "标题 临沂市政府办公室2019年度")
        let output = try run(["linyi-2020.txt": Data(text.utf8), "linyi-2019.txt": Data(earlier.utf8)])
        let reports = try rows(output, "reports")
        #expect(Set(reports.map { $0["organ_id"] as! String }).count == 1)
        #expect(Set(reports.map { $0["organ"] as! String }) == ["临沂市政府办公室", "临沂市人民政府办公室"])
        let organs = try rows(output, "organs")
        #expect(organs.count == 1 && organs[0]["names_seen"] as? String == "临沂市人民政府办公室;临沂市政府办公室")
        #expect(try rows(output, "panel").map { $0["year"] as! Int } == [2019, 2020])
        // 2019 carried 3 applications forward, 2020 says 4 were carried over: the pair is checked.
        let carry = try rows(output, "checks").filter { $0["check"] as? String == "cross_year_carry" }
        #expect(carry.count == 1 && carry[0]["scope"] as? String == "2019-2020" && carry[0]["expected"] as? Int == 3 && carry[0]["actual"] as? Int == 4)
        // A finding that needed the other year is on the page: made from the rows, as `nianbao docs` makes it.
        #expect(try pagesDifferingFromReadBack(output) == [])
    }

    @Test("copies whose numbers differ: one chosen, the other copy_of it with a copy_conflict naming the figures")
    func conflictingCopies() throws {
        let text = String(decoding: try Repository.sample(Seed.linyi), as: UTF8.self)
        let page = try Repository.sample("101_linyi_2020_word.html")
        // Line 210 is table 3's new_received total (177): the capture says 178.
        var lines = text.components(separatedBy: "\n")
        #expect(lines[209] == "177")
        lines[209] = "178"
        let corrected = lines.joined(separator: "\n")
        let output = try run(["capture.txt": Data(corrected.utf8), "page.html": Data(page)])
        let reports = try rows(output, "reports")
        let capture = reports.first { $0["source_path"] as? String == "capture.txt" }!
        let html = reports.first { $0["source_path"] as? String == "page.html" }!
        #expect(html["copy_of"] == nil && capture["copy_of"] as? String == html["report_id"] as? String)
        let conflict = try rows(output, "checks").first { $0["check"] as? String == "copy_conflict" }
        #expect(conflict?["report_id"] as? String == capture["report_id"] as? String)
        #expect((conflict?["message"] as? String)?.contains("applications_received 178 here, 177 there") == true)
        #expect(try pagesDifferingFromReadBack(output) == [])
    }
}

/// The codebook (issue 16): every code column declares its codes, and every code has a Chinese label.
@Suite("Codebook")
struct CodebookTests {
    /// Every column the data package declares an enum for.
    static let columns = OutputSchema.all.flatMap { schema in schema.fields.filter { $0.values != nil }.map { "\(schema.name).\($0.name)" } }

    @Test("every code column is an enum in the data package and every code has a label in codes.csv")
    func everyCodeListed() throws {
        for column in Self.columns {
            let parts = column.split(separator: ".").map(String.init)
            let schema = try #require(OutputSchema.all.first { $0.name == parts[0] })
            let field = try #require(schema.fields.first { $0.name == parts[1] })
            #expect(field.values == Codebook.codes(column) && !(field.values ?? []).isEmpty, "\(column)")
        }
        #expect(Self.columns.count >= 25)
        #expect(Codebook.entries.allSatisfy { !$0.label.isEmpty && !$0.definition.isEmpty })
        #expect(Codebook.entries.first { $0.column == "figures.figure" && $0.code == "active_disclosed" }?.definition.contains("not documents issued") == true)
        #expect(Codebook.entries.first { $0.column == "applications.row" && $0.code == "new_received" }?.label == "本年新收政府信息公开申请数量")
        #expect(Codebook.entries.first { $0.column == "figures.figure" && $0.code == "withheld" }?.label == "不予公开答复数")
    }

    @Test("every code the samples' output uses is in the codebook")
    func outputCodesListed() throws {
        let output = try runSamples().get()
        for column in Self.columns {
            let parts = column.split(separator: ".").map(String.init)
            let used = Set(try jsonlRows(output, parts[0]).compactMap { $0[parts[1]] as? String })
            #expect(used.isSubset(of: Set(Codebook.codes(column))), "\(column): \(used.subtracting(Codebook.codes(column)))")
        }
    }
}

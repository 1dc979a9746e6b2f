import Foundation
import Testing
@testable import NianbaoCore

/// A crawler's one-line capture of a real report (its line breaks gone): the whole report is one
/// paragraph, and its page-meta line's pipes (`作者:… | 来源:… | 时间:…`) stand inside it. It must still
/// be read as a report (its key covers only the paragraph's start; its pipes make no table row) and
/// give the figures its text states — measured on all 17 real legacy reports: 52 → 63 of 64.
@Suite("One-line captures of real reports")
struct OneLineCaptureTests {
    private func oneLine(_ name: String, joinedBy separator: String = " ") throws -> ParsedReport {
        let text = try String(contentsOf: Repository.fixtures.appendingPathComponent("legacy/\(name).txt"), encoding: .utf8)
            .replacingOccurrences(of: "\n", with: separator)
        let outcome = sharedConverters.with { FileProcessor(converters: $0, maxFileBytes: 1 << 30).process(bytes: Array(text.utf8), sourcePath: "\(name).txt") }
        guard case .report(let report) = outcome else { throw TestFailure("\(name) was rejected: \(outcome)") }
        return report.parsed
    }

    @Test("read as reports, with their gold figures", arguments: ["jianxin_2018", "zhongyuan_sjj_2015", "gd_wht_2011"])
    func figures(name: String) throws {
        let report = try oneLine(name)
        try expectGoldFigures(report.figures, name: name)
    }

    /// `get_text("")`: nothing between the lines. `…其他类3条三、政府信息依申请公开办理情况2010年度我镇没有接到…`
    /// read the 3 as applications received (a wrong number) before the heading glued after a count
    /// was cut; a 2008 report's own part headings (`四、政府信息公开的收费及减免情况`) are cut too.
    @Test("glued with nothing between: headings after a count and legacy part headings cut, figures as the text's", arguments: ["tangcun_2010", "zhouquan_2008"])
    func gluedLines(name: String) throws {
        let report = try oneLine(name, joinedBy: "")
        try expectGoldFigures(report.figures, name: name)
        // Parts of the report read with its line breaks, from the first cut after a count or a sentence on
        // (a heading that does not end with 情况 or 事项, `一、概述`, stays in the text before it).
        let lines = try oneLine(name, joinedBy: "\n").sections.filter { $0.number > 0 }.map(\.headingRaw)
        let glued = report.sections.filter { $0.number > 0 }.map(\.headingRaw)
        #expect(!glued.isEmpty && glued == Array(lines.suffix(glued.count)), "\(glued)")
        #expect(glued.contains { $0.contains(name == "tangcun_2010" ? "依申请公开办理情况" : "收费及减免情况") })
    }

    /// A capture wrapped at 38 characters (a tool's fixed width): phrases cut at the line's end
    /// (`…公开信息1` / `027条`). Measured on the 17 real legacy reports: 55 → 64 of 64 figures.
    @Test("wrapped at a fixed width: running text joined back, figures as the text's", arguments: ["huli_2018", "gd_wht_2011", "jianxin_2018"])
    func wrapped(name: String) throws {
        let text = try String(contentsOf: Repository.fixtures.appendingPathComponent("legacy/\(name).txt"), encoding: .utf8)
        var lines: [String] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var rest = Substring(line)
            while rest.count > 38 { lines.append(String(rest.prefix(38))); rest = rest.dropFirst(38) }
            lines.append(String(rest))
        }
        let outcome = sharedConverters.with {
            FileProcessor(converters: $0, maxFileBytes: 1 << 30).process(bytes: Array(lines.joined(separator: "\n").utf8), sourcePath: "\(name).txt")
        }
        guard case .report(let report) = outcome else { throw TestFailure("\(name) was rejected") }
        try expectGoldFigures(report.parsed.figures, name: name)
    }

    /// A page whose whole article is one HTML paragraph (`<p>… 一、概述 2016年以来… 五、行政复议、诉讼和申诉情况
    /// 2016年度未接到…</p>`): its parts are cut out as in a one-line text capture.
    @Test("an article in one HTML paragraph: its parts found, its figures as the text's")
    func oneParagraphPage() throws {
        let text = try String(contentsOf: Repository.fixtures.appendingPathComponent("legacy/longgui_2016.txt"), encoding: .utf8)
        let body = text.split(separator: "\n").map { "<p>\($0)</p>" }.joined()
        let page = "<html><head><meta charset=\"utf-8\"></head><body><div class=\"content\">\(body)</div></body></html>"
        let outcome = sharedConverters.with { FileProcessor(converters: $0, maxFileBytes: 1 << 30).process(bytes: Array(page.utf8), sourcePath: "longgui.html") }
        guard case .report(let report) = outcome else { throw TestFailure("rejected") }
        #expect(report.parsed.sections.filter { $0.number > 0 }.map(\.headingRaw).contains("五、行政复议、诉讼和申诉情况"))
        for code in ["reviews", "litigation", "complaints"] {
            #expect(report.parsed.figures.first { $0.figure == code }?.value == 0, "\(code)")
        }
    }

    @Test("a line of running text with a few pipes is text, not a table row")
    func pipesInText() {
        let line = "2018年建新镇政府信息公开工作年度报告 作者:本站原创 | 来源:本站原创 | 时间:2019-01-18 " + String(repeating: "建新镇根据《中华人民共和国政府信息公开条例》规定,特向社会公开年度报告。", count: 4)
        #expect(TextRules.slots(of: line) == nil)
        #expect(TextRules.slots(of: "| 规章 | 0 | 0 | 0 |") == ["规章", "0", "0", "0"])
    }

    @Test("running text is told from table lines on its bytes: a gap of two spaces or a tab after the indentation")
    func proseLines() {
        #expect(ProseReflow.isProse("本机关共受理政府信息公开申请28件，均已按时答复。"))
        #expect(ProseReflow.isProse("    （一）主动公开情况 本年度共主动公开政府信息1503条。"))
        #expect(ProseReflow.isProse("\u{0C}  一、总体情况"))
        #expect(!ProseReflow.isProse("规章  0  1  21"))
        #expect(!ProseReflow.isProse("规章\t0\t1"))
        #expect(!ProseReflow.isProse("    "))
        #expect(!ProseReflow.isProse(""))
        // A capture with a line per paragraph (lines of thousands of characters) is not wrapped at a width.
        let paragraph = String(repeating: "本年度共受理政府信息公开申请28件，均已按时答复。", count: 120)
        #expect(!ProseReflow.isHardWrapped(Array(repeating: paragraph, count: 40)))
        // Lines cut at 38 characters, most full, with punctuation: wrapped.
        let text = String(repeating: "本年度共受理政府信息公开申请二十八件，其中依申请公开的均已按时答复，无行政复议。", count: 30)
        var lines: [String] = []
        var rest = Substring(text)
        while !rest.isEmpty { lines.append(String(rest.prefix(38))); rest = rest.dropFirst(38) }
        #expect(ProseReflow.isHardWrapped(lines))
    }

    /// A traditional-script report (with pinyin after hard characters) as `get_text("")` gives it: its part
    /// headings (`。四、咨詢處理情況國家文物局…`) are found on the simplified form of the paragraph and the
    /// traditional text cut at the same places. It was rejected as no report (it prints no 报告 and no part was found).
    @Test("a traditional report glued with nothing between: its part headings cut on its simplified form")
    func gluedTraditional() throws {
        let report = try oneLine("sach_2009", joinedBy: "")
        #expect(report.script == .traditional)
        let headings = report.sections.filter { $0.number > 0 }.map(\.headingRaw)
        #expect(headings == ["三、依申請(qǐng)公開政府信息情況", "四、咨詢處理情況", "五、復(fù)議、訴訟和申訴情況"], "\(headings)")
        let received = report.figures.first { $0.figure == "applications_received" && $0.period == "year" }
        #expect(received?.status == .reported && received?.value == 3)
        // Nothing dropped: the parts hold the text from part 三 on, parts 六 and 七 (whose headings do not
        // end with 情况 or 事项 or name no known part) inside part 五.
        #expect(report.sections.last?.text.contains("主要問題") == true)
    }

    @Test("a paragraph is cut only where its simplified form has the same scalars, piece by piece")
    func traditionalPieces() {
        let text = String(repeating: "國家文物局共接受公眾有關信息公開諮詢三千餘人次。", count: 6) + "四、咨詢處理情況國家文物局共接受諮詢。"
        let simplified = String(repeating: "国家文物局共接受公众有关信息公开咨询三千余人次。", count: 6) + "四、咨询处理情况国家文物局共接受咨询。"
        let pieces = TraditionalParts.pieces(of: text, simplified: simplified)
        #expect(pieces?.map(\.text) == [String(repeating: "國家文物局共接受公眾有關信息公開諮詢三千餘人次。", count: 6), "四、咨詢處理情況", "國家文物局共接受諮詢。"])
        // A conversion that changed the length: left whole.
        #expect(TraditionalParts.pieces(of: text + "臺", simplified: simplified) == nil)
    }
}


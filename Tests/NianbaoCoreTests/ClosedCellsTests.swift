import Foundation
import Testing
@testable import NianbaoCore

/// Captures that close every cell with a pipe (met on real pages outside the dev set; the texts here
/// are composed in their shapes): a cell a line (`规章 |` / `0 |`, an empty cell a line of its pipe,
/// `|||` for the cells a spanning cell covers) and a row a line whose last pipe ends the row.
@Suite("Cells closed by pipes")
struct ClosedCellsTests {
    private static let head = """
    某区统计局2023年政府信息公开工作年度报告
    一、总体情况
    2023年，我局主动在门户网站公开政府信息50条。在主动公开的信息中，政策法规类的信息4条，业务工作类的信息10条，信息公开30条，统计数据信息6条。
    二、主动公开政府信息情况

    """

    @Test("a cell a line, closed: values in their columns, the empty cells blank, the spanning pipes no cells")
    func cellPerLine() throws {
        let cells = ["第二十条第(一)项 |", "|||", "信息内容 |", "本年制发件数 |", "本年废止件数 |", "现行有效件数 |",
                     "规章 |", "/ |", "/ |", "/ |", "行政规范性文件 |", "3 |", "1 |", "12 |",
                     "第二十条第(五)项 |", "|||", "信息内容 |", "本年处理决定数量 |", "||", "行政许可 |", "27 |", "||",
                     "三、收到和处理政府信息公开申请情况",
                     "(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和) |", "申请人情况 |", "||||||||",
                     "自然人 |", "法人或其他组织 |", "总计 |", "|||||||",
                     "商业企业 |", "科研机构 |", "社会公益组织 |", "法律服务机构 |", "其他 |", "|||||",
                     "一、本年新收政府信息公开申请数量 |", "5 |", "|", "|", "2 |", "|", "|", "7 |", "||",
                     "二、上年结转政府信息公开申请数量 |", "|", "|", "|", "|", "|", "|", "1 |", "||"]
        let report = try parseText(Self.head + cells.joined(separator: "\n") + "\n")
        #expect(report.cell(.activeDisclosure, "art20_1/regulations/made")?.status == .blank)
        #expect(report.value(.activeDisclosure, "art20_1/normative_documents/made") == 3)
        #expect(report.value(.activeDisclosure, "art20_1/normative_documents/repealed") == 1)
        #expect(report.value(.activeDisclosure, "art20_1/normative_documents/in_force") == 12)
        #expect(report.value(.activeDisclosure, "art20_5/licensing/decisions") == 27)
        #expect(report.value(.applications, "new_received/natural_person") == 5)
        #expect(report.cell(.applications, "new_received/commercial")?.status == .blank)
        #expect(report.value(.applications, "new_received/social_welfare") == 2)
        #expect(report.value(.applications, "new_received/total") == 7)
        #expect(report.cell(.applications, "carried_over/natural_person")?.status == .blank)
        #expect(report.value(.applications, "carried_over/total") == 1)
        // The pipes after a row's last cell (a spanning cell's) are no values left over.
        #expect(!report.findings.contains { $0.check == "extra_cells" }, "\(report.findings.filter { $0.check == "extra_cells" })")
        // 在主动公开的信息中，…信息公开30条: a part of the 50, not another count of it.
        #expect(report.figures.byCode["active_disclosed"]?.value == 50)
    }

    @Test("a row a line, its last pipe closing it: a row cut short is short, not ended by a blank cell")
    func closingPipeRows() throws {
        let rows = ["三、收到和处理政府信息公开申请情况",
                    "(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和) | 申请人情况 |",
                    "自然人 | 法人或其他组织 | 总计 |",
                    "商业 企业 | 科研 机构 | 社会公益组织 | 法律服务机构 | 其他 |",
                    "一、本年新收政府信息公开申请数量 | 58 | 7 | 0 | 0 | 1 | 0 | 66 |",
                    "二、上年结转政府信息公开申请数量 | 2 | 0 | 0 | 0 | 0 | 0 | 2 |",
                    "三、本年度办理结果 | (一)予以公开 | 2 | 1 | 0 | 0 | 0 | 0 | 3 |",
                    "(二)部分公开(区分处理的,只计这一情形,不计其他情形) | 16 | 1 | 0 | 0 | 0 | 0 | 17 |",
                    "(三)不予公开 | 1.属于国家秘密 | 4 | 0 | 0 | 0 | 0 | 0 |"]
        let report = try parseText(Self.head + rows.joined(separator: "\n") + "\n")
        #expect(report.value(.applications, "new_received/natural_person") == 58)
        #expect(report.value(.applications, "new_received/total") == 66)
        #expect(report.value(.applications, "partially_granted/total") == 17)
        // Six values for seven cells, the total cut off: nothing placed by guess, nothing blank.
        let secret = (try #require(report.cell(.applications, "withheld_state_secret/total"))).status
        #expect(secret != .blank && secret != .reported)
        #expect(report.cell(.applications, "withheld_state_secret/natural_person")?.status != .reported)
    }

    @Test("what the pipe rules tell apart: html2text's last cell after the last pipe, a few closed lines of page furniture")
    func conventions() {
        #expect(ClosedCells.read("0 |") == .cell("0"))
        #expect(ClosedCells.read("|||") == .empty(3))
        #expect(ClosedCells.read("| 821") == .cell("821") && ClosedCells.shape("| 821") == .cell && ClosedCells.shape("| a | b") == .row)
        #expect(ClosedCells.read("规章 | 0 |") == nil)
        #expect(ClosedCells.closesRows([["规章", "0", "0", ""], ["行政规范性文件", "1", "2", ""]]))
        #expect(!ClosedCells.closesRows([["信息内容", "本年制发件数", "现行有效件数"], ["规章", "0", ""]]))
        #expect(!ClosedCells.isCellPerLine(["字号: |", "打印 |", "正文 | 第一段"] + Array(repeating: "规章 | 0 | 0 |", count: 4)))
    }

    @Test("tab rows: two tabs in a row are an empty cell; leading tabs are indentation; a stripped row gets its trailing blanks back")
    func tabRows() {
        #expect(TabCells.slots(of: "\t本年新收政府信息公开申请数量") == nil)
        #expect(TabCells.slots(of: "（一）予以公开\t258\t12\t\t\t1\t1\t") == ["（一）予以公开", "258", "12", "", "", "1", "1", ""])
        #expect(!TabCells.isTabbed(["\t规章", "\t0", "\t0", "\t行政规范性文件", "\t1"]))
        var rows: [(slots: [String], location: NianbaoCore.SourceLocation)] = [
            (["一、本年新收政府信息公开申请数量", "821", "35", "", "", "2", "1", "859"], .line(1)),
            (["三、本年度办理结果", "（一）予以公开", "258", "12", "", "", "1", "1"], .line(2)),
            (["自然人", "法人或其他组织", "总计"], .line(3)),
        ]
        TabCells.padTrailingCells(&rows)
        #expect(rows[0].slots.count == 8)
        #expect(rows[1].slots == ["三、本年度办理结果", "（一）予以公开", "258", "12", "", "", "1", "1", ""])
        #expect(rows[2].slots.count == 3)
    }
}

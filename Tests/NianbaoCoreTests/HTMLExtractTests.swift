import Foundation
import Testing
@testable import NianbaoCore

@Suite("Extract: HTML pages through libxml2")
struct HTMLExtractTests {
    private func paragraphs(_ document: ExtractedDocument) -> [String] {
        document.blocks.compactMap { block in
            if case .paragraph(let paragraph) = block { return paragraph.text }
            return nil
        }
    }

    private func tables(_ document: ExtractedDocument) -> [ExtractedTable] {
        document.blocks.compactMap { block in
            if case .table(let table) = block { return table }
            return nil
        }
    }

    @Test("Word runs join without invented spaces: a year split 20 + 20, a label split per character, <br> and <p> in a cell")
    func wordRuns() {
        let page = """
            <html xmlns:o="urn:schemas-microsoft-com:office:office"><body>
            <p class=MsoNormal align=center><b><span>20</span><span>20</span><span>年度政府信息公开工作年度报告</span></b></p>
            <table><tr><td><p class=MsoNormal><span>规</span><span>章</span><o:p></o:p></p></td>
            <td><p><span>本年新</span><br><span>公开数量</span></p></td>
            <td><p class=MsoNormal><span>商业</span></p>
            <p class=MsoNormal><span>企业</span></p></td>
            <td><p class=MsoNormal><o:p>&nbsp;</o:p></p></td><td><span>一</span><span>、本年新收</span></td></tr></table>
            </body></html>
            """
        let document = HTMLExtractor.extract(page, encoding: "utf-8")
        #expect(paragraphs(document) == ["2020年度政府信息公开工作年度报告"])
        let cells = tables(document).first?.rows.first?.map(\.text)
        #expect(cells == ["规章", "本年新公开数量", "商业企业", "", "一、本年新收"])
    }

    @Test("white space collapses as a browser's would, except between Chinese characters; NBSP and U+3000 stay")
    func inlineSpaces() {
        var text = InlineText()
        for run in ["  政府信息\n  ", "公开 ", "Word  export", "\u{2003}2020", "年度\u{00A0}报告", "，\u{3000}全文"] { text.append(run) }
        #expect(text.text == "政府信息公开 Word export 2020年度\u{00A0}报告，\u{3000}全文")
        // The byte-level test agrees with Unicode's white space for every scalar of the BMP.
        let disagreements = (0...0xFFFF).compactMap(Unicode.Scalar.init).filter { scalar in
            let bytes = Array(String(scalar).utf8) + [0x41]
            let collapses = bytes.withUnsafeBufferPointer { InlineText.spaceLength($0, at: 0) } > 0
            return collapses != (scalar.properties.isWhitespace && scalar != "\u{00A0}" && scalar != "\u{3000}")
        }
        #expect(disagreements.isEmpty)
    }

    @Test("white space is found at every byte position of a long run, across the eight-byte steps")
    func inlineSpacesAtEveryPosition() {
        for space in [" ", "\t", "\n", "\u{85}", "\u{1680}", "\u{2003}", "\u{2028}", "  \u{205F}"] {
            for offset in 0..<20 {
                let prefix = String(repeating: "a", count: offset % 3) + String(repeating: "报", count: offset / 3)
                var text = InlineText()
                text.append(prefix + space + "告“—”" + space)
                // Kept only beside a Latin letter: here, after a prefix of letters alone.
                let kept = offset < 3 && offset > 0
                #expect(text.text == prefix + (kept ? " " : "") + "告“—”", "\(space.debugDescription) after \(offset) characters")
            }
        }
    }

    @Test("rowspan and colspan resolve to browser grid positions; spanned copies are not repeated")
    func spans() {
        let grid = TableGrid(rows: [
            [.init(text: "note", rowSpan: 3, columnSpan: 3), .init(text: "申请人情况", rowSpan: 1, columnSpan: 7)],
            [.init(text: "自然人", rowSpan: 2, columnSpan: 1), .init(text: "法人或其他组织", rowSpan: 1, columnSpan: 5),
             .init(text: "总计", rowSpan: 2, columnSpan: 1)],
            [.init(text: "商业企业", rowSpan: 1, columnSpan: 1), .init(text: "科研机构", rowSpan: 1, columnSpan: 1)],
            [.init(text: "三、本年度办理结果", rowSpan: 2, columnSpan: 1), .init(text: "（一）予以公开", rowSpan: 1, columnSpan: 2),
             .init(text: "43", rowSpan: 1, columnSpan: 1)],
            [.init(text: "（二）部分公开", rowSpan: 1, columnSpan: 2), .init(text: "0", rowSpan: 1, columnSpan: 1)],
        ]).resolved()
        #expect(grid[1].map(\.column) == [4, 5, 10])
        #expect(grid[2].map(\.column) == [5, 6])
        #expect(grid[3].map(\.column) == [1, 2, 4])
        #expect(grid[4].map { "\($0.text)@\($0.row),\($0.column)" } == ["（二）部分公开@5,2", "0@5,4"])
    }

    @Test("page chrome is dropped and the metadata table becomes page fields (sample 105)")
    func chrome() throws {
        let bytes = try Repository.sample("105_baicheng_2019_chrome.html")
        guard case .success(let decoded) = InputDecoder.decode(bytes) else { throw TestFailure("not decoded") }
        let document = HTMLExtractor.extract(decoded.text, encoding: decoded.encoding)
        #expect(document.pageFields["名称"] == "白城市2019年政府信息公开工作年度报告")
        #expect(document.pageFields["发布机构"] == "白城市人民政府办公室")
        #expect(document.pageFields["公开日期"] == "2020-03-09")
        #expect(document.pageFields["标题"] == "白城市2019年政府信息公开工作年度报告")
        let text = paragraphs(document).joined(separator: "\n")
        for chrome in ["首页", "当前位置", "繁體版", "统计代码", "打印", "扫一扫", "吉ICP备", "抓取时间", "font-size"] {
            #expect(!text.contains(chrome), "\(chrome) left in the text")
        }
        #expect(paragraphs(document).first == "白城市2019年政府信息公开工作年度报告")
        // The metadata table is still counted: the report's first table is the page's second.
        guard case .table(let first) = document.blocks.first(where: { if case .table = $0 { return true } else { return false } })! else { return }
        #expect(first.rows[0][0].location == .grid(table: 2, row: 1, column: 1))
        #expect(SourceLocation.grid(table: 12, row: 305, column: 7).description == "table 12 row 305 col 7")
        #expect(SourceLocation.line(233).description == "line 233")
        #expect(SourceLocation.line(0).description == "line 0")
    }

    @Test("the declared charset is honoured, and a GBK page reads like its text capture (sample 104)")
    func gbk() throws {
        let bytes = try Repository.sample("104_linyi_2020_gbk.html")
        #expect(HTMLExtractor.declaredCharset(bytes) == "gb2312")
        #expect(HTMLExtractor.declaredCharset(Array("<meta charset='Big5'>".utf8)) == "big5")
        guard case .success(let decoded) = InputDecoder.decode(bytes, declared: "gb2312") else { throw TestFailure("not decoded") }
        #expect(decoded.encoding == "gb18030")
        #expect(decoded.text.contains("临沂市人民政府办公室2020年度政府信息公开工作年度报告"))
    }

    @Test("Word's <o:p> tags are taken out before parsing, and the page reads exactly as with them (sample 101)")
    func officeParagraphTags() throws {
        let page = String(decoding: try Repository.sample("101_linyi_2020_word.html"), as: UTF8.self)
        #expect(page.contains("<o:p>"))
        // An unknown tag of another name is parsed as o:p was: inline, in place.
        let kept = page.replacingOccurrences(of: "o:p>", with: "o:q>")
        func outline(_ document: ExtractedDocument) -> [String] {
            document.blocks.flatMap { block -> [String] in
                switch block {
                case .paragraph(let paragraph): return ["\(paragraph.location.description): \(paragraph.text)"]
                case .table(let table): return table.rows.joined().map { "\($0.location.description): \($0.text)" }
                }
            }
        }
        let stripped = outline(HTMLExtractor.extract(page, encoding: "utf-8"))
        #expect(stripped.count > 100)
        #expect(stripped == outline(HTMLExtractor.extract(kept, encoding: "utf-8")))

        var bytes = Array("甲<o:p></o:p>乙<o:p>&nbsp;</o:p>\n<o:q>丙</o:q><o:p".utf8)
        let plain = bytes.withUnsafeBufferPointer { OfficeMarkup.withoutOfficeParagraphTags($0) }
        #expect(plain.map { String(decoding: $0, as: UTF8.self) } == "甲乙&nbsp;\n<o:q>丙</o:q><o:p")
        bytes = Array("<p>报告</p>".utf8)
        #expect(bytes.withUnsafeBufferPointer { OfficeMarkup.withoutOfficeParagraphTags($0) } == nil)
    }

    @Test("nested tables are read as tables of their own")
    func nested() {
        let page = "<table><tr><td>外<table><tr><td>内</td><td>1</td></tr></table></td><td>2</td></tr></table><table><tr><td>3</td></tr></table>"
        let found = tables(HTMLExtractor.extract(page, encoding: "utf-8"))
        #expect(found.map { $0.rows.map { $0.map(\.text) } } == [[["外", "2"]], [["内", "1"]], [["3"]]])
        #expect(found[2].rows[0][0].location == .grid(table: 3, row: 1, column: 1))
    }

    @Test("broken markup: stray </td>, unclosed tags, 10,000-deep nesting and a truncated file still parse")
    func malformed() {
        let broken = "<html><body><p>一、总体情况</td><table><tr><td>规章<td>1</tr><tr><td>规范性文件<td>10"
        let document = HTMLExtractor.extract(broken, encoding: "utf-8")
        #expect(paragraphs(document) == ["一、总体情况"])
        #expect(tables(document).first?.rows.map { $0.map(\.text) } == [["规章", "1"], ["规范性文件", "10"]])

        let deep = String(repeating: "<div>", count: 10_000) + "深处" + String(repeating: "</div>", count: 10_000)
        _ = HTMLExtractor.extract("<p>表层</p>" + deep, encoding: "utf-8")
        #expect(paragraphs(HTMLExtractor.extract("<p>表层</p>" + deep, encoding: "utf-8")).first == "表层")
    }
}

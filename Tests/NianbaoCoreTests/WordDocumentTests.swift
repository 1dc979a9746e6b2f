import Foundation
import Testing
import ZIPFoundation
@testable import NianbaoCore

/// What a Word document holds beyond its text (issue 24's traps): a heading's `一、` drawn from
/// numbering.xml, tracked changes, fields, merged cells (`gridSpan`, `vMerge`), a content control.
@Suite("Word documents: numbering, changes, fields, merged cells")
struct WordDocumentTests {
    private static let namespace = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\""

    /// A .docx of the given parts, made with ZIPFoundation as Word lays one out.
    private func docx(document body: String, numbering: String? = nil) throws -> [UInt8] {
        let archive = try Archive(data: Data(), accessMode: .create)
        var parts = [("[Content_Types].xml", "<?xml version=\"1.0\"?><Types/>"),
                     ("word/document.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document \(Self.namespace)><w:body>\(body)</w:body></w:document>")]
        if let numbering {
            parts.append(("word/numbering.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:numbering \(Self.namespace)>\(numbering)</w:numbering>"))
        }
        for (path, text) in parts {
            let data = Data(text.utf8)
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        return [UInt8](archive.data!)
    }

    private func read(_ bytes: [UInt8]) throws -> ExtractedDocument {
        guard case .document(let document) = DOCXExtractor.extract(bytes) else { throw TestFailure("not read") }
        return document
    }

    private func paragraphs(_ document: ExtractedDocument) -> [String] {
        document.blocks.compactMap { if case .paragraph(let paragraph) = $0 { return paragraph.text } else { return nil } }
    }

    private func paragraph(_ runs: String, numbered level: Int? = nil) -> String {
        let numbering = level.map { "<w:pPr><w:numPr><w:ilvl w:val=\"\($0)\"/><w:numId w:val=\"7\"/></w:numPr></w:pPr>" } ?? ""
        return "<w:p>\(numbering)\(runs)</w:p>"
    }

    private func run(_ text: String) -> String { "<w:r><w:t xml:space=\"preserve\">\(text)</w:t></w:r>" }

    @Test("headings numbered by numbering.xml read 一、 二、 and （一）, counted as Word counts them")
    func numbering() throws {
        let definitions = """
            <w:abstractNum w:abstractNumId="3">
              <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>
              <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>
              <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/></w:lvl>
            </w:abstractNum>
            <w:num w:numId="7"><w:abstractNumId w:val="3"/></w:num>
            """
        let body = paragraph(run("总体情况"), numbered: 0) + paragraph(run("主动公开。"), numbered: 1) + paragraph(run("规章"), numbered: 2)
            + paragraph(run("依申请公开。"), numbered: 1) + paragraph(run("主动公开政府信息情况"), numbered: 0) + paragraph(run("不带编号的段落"))
        let read = paragraphs(try read(try docx(document: body, numbering: definitions)))
        #expect(read == ["一、总体情况", "（一）主动公开。", "1.规章", "（二）依申请公开。", "二、主动公开政府信息情况", "不带编号的段落"])
        #expect(NumberFormats.chinese(11) == "十一" && NumberFormats.chinese(20) == "二十" && NumberFormats.chinese(105) == "一百零五")
    }

    @Test("tracked changes read as accepted; a field reads its result, never its instruction; a content control its content")
    func changesAndFields() throws {
        let body = paragraph(run("共收到申请") + "<w:ins w:id=\"1\" w:author=\"a\">\(run("28"))</w:ins><w:del w:id=\"2\" w:author=\"a\"><w:r><w:delText>82</w:delText></w:r></w:del>" + run("件。"))
            + paragraph("<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>"
                        + run("3") + "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r>" + "<w:fldSimple w:instr=\" DATE \">\(run("2021年1月30日"))</w:fldSimple>")
            + "<w:sdt><w:sdtPr/><w:sdtContent>\(paragraph(run("控件里的段落")))</w:sdtContent></w:sdt>"
        #expect(paragraphs(try read(try docx(document: body))) == ["共收到申请28件。", "32021年1月30日", "控件里的段落"])
    }

    @Test("a document whose whole article is one paragraph: its part headings cut out, its figures read")
    func oneParagraph() throws {
        let text = try String(contentsOf: Repository.fixtures.appendingPathComponent("legacy/longgui_2016.txt"), encoding: .utf8)
        let body = text.split(separator: "\n").map { paragraph(run(String($0))) }.joined()
        let bytes = try docx(document: body)
        let outcome = sharedConverters.with { FileProcessor(converters: $0, maxFileBytes: 1 << 30).process(bytes: bytes, sourcePath: "longgui.docx") }
        guard case .report(let report) = outcome else { throw TestFailure("rejected") }
        #expect(report.parsed.sections.filter { $0.number > 0 }.map(\.headingRaw).contains("五、行政复议、诉讼和申诉情况"))
        #expect(report.parsed.figures.first { $0.figure == "reviews" }?.value == 0)
    }

    @Test("merged cells: gridSpan spans columns, a vMerge run is one cell at its top, as HTML's colspan and rowspan")
    func mergedCells() throws {
        func cell(_ text: String, span: Int = 1, merge: String? = nil) -> String {
            let properties = (span > 1 ? "<w:gridSpan w:val=\"\(span)\"/>" : "") + (merge.map { $0.isEmpty ? "<w:vMerge/>" : "<w:vMerge w:val=\"\($0)\"/>" } ?? "")
            return "<w:tc><w:tcPr>\(properties)</w:tcPr>\(paragraph(run(text)))</w:tc>"
        }
        let table = "<w:tbl>"
            + "<w:tr>\(cell("三、本年度办理结果", merge: "restart"))\(cell("（一）予以公开", span: 2))\(cell("43"))</w:tr>"
            + "<w:tr>\(cell("", merge: ""))\(cell("（二）部分公开", span: 2))\(cell("0"))</w:tr>"
            + "<w:tr>\(cell("", merge: ""))\(cell("（三）不予公开"))\(cell("1.属于国家秘密"))\(cell(""))</w:tr>"
            + "</w:tbl>"
        let document = try read(try docx(document: table))
        guard case .table(let grid) = document.blocks.first else { throw TestFailure("no table") }
        let cells = grid.rows.map { row in row.map { "\($0.text)@\($0.location.description)" } }
        #expect(cells == [["三、本年度办理结果@table 1 row 1 col 1", "（一）予以公开@table 1 row 1 col 2", "43@table 1 row 1 col 4"],
                          ["（二）部分公开@table 1 row 2 col 2", "0@table 1 row 2 col 4"],
                          ["（三）不予公开@table 1 row 3 col 2", "1.属于国家秘密@table 1 row 3 col 3", "@table 1 row 3 col 4"]])
    }
}

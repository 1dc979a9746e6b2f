import CLibXML2
import Foundation

/// Reads a scraped HTML page through libxml2's HTML parser (recovery mode, no network) into the same
/// document model as the text extractor: paragraphs, and tables resolved into grids. Page chrome is
/// dropped; the page's own metadata (title, 发布机构, 公开日期 …) becomes `pageFields`.
public enum HTMLExtractor {
    /// libxml2 parse options: recover from broken markup, never touch the network, stay quiet, and
    /// ignore `<meta charset>` because the text handed over is already UTF-8.
    static let parseOptions = Int32(HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NONET.rawValue | HTML_PARSE_NOERROR.rawValue
        | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_IGNORE_ENC.rawValue | HTML_PARSE_NODEFDTD.rawValue)

    private static let initialized: Void = { xmlInitParser() }()

    /// The charset a page declares in its first bytes (`<meta charset="gbk">`,
    /// `content="text/html; charset=gb2312"`), lowercased; nil when it declares none.
    public static func declaredCharset(_ bytes: [UInt8]) -> String? {
        let head = String(decoding: bytes.prefix(4096).map { $0 < 0x80 ? $0 : 0x20 }, as: UTF8.self).lowercased()
        guard let range = head.range(of: "charset=") else { return nil }
        let value = head[range.upperBound...].drop { $0 == "\"" || $0 == "'" || $0 == " " }
            .prefix { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }
        return value.isEmpty ? nil : String(value)
    }

    public static func extract(_ text: String, encoding: String) -> ExtractedDocument {
        _ = initialized
        // libxml2 reads the string's own UTF-8 storage, no copy of the page, unless Word's `<o:p>`
        // tags are to be taken out first.
        var text = text.isEmpty ? " " : text
        let document = text.withUTF8 { buffer in
            func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> htmlDocPtr? {
                bytes.baseAddress!.withMemoryRebound(to: CChar.self, capacity: bytes.count) { pointer in
                    htmlReadMemory(pointer, Int32(clamping: bytes.count), "page.html", "UTF-8", parseOptions)
                }
            }
            guard let plain = OfficeMarkup.withoutOfficeParagraphTags(buffer), !plain.isEmpty else { return parse(buffer) }
            return plain.withUnsafeBufferPointer(parse)
        }
        guard let document else { return ExtractedDocument(format: .html, encoding: encoding, blocks: []) }
        defer { xmlFreeDoc(document) }
        var walker = DOMWalker()
        if let root = xmlDocGetRootElement(document) {
            walker.walk(root, depth: 0)
        }
        walker.flushParagraph()
        return ExtractedDocument(format: .html, encoding: encoding, blocks: walker.blocks, pageFields: walker.pageFields)
    }
}

/// Walks the parsed tree in document order, collecting paragraphs, tables and page fields.
struct DOMWalker {
    private(set) var blocks: [Block] = []
    private(set) var pageFields: [String: String] = [:]
    private var paragraph = InlineText()
    private var paragraphLine = 0
    private var tableCount = 0

    /// Deeper than this the tree is not followed (libxml2 stops at 256 levels anyway).
    static let maximumDepth = 400

    mutating func walk(_ node: xmlNodePtr, depth: Int) {
        guard depth < Self.maximumDepth else { return }
        switch node.pointee.type {
        case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
            if paragraph.isEmpty { paragraphLine = Int(xmlGetLineNo(node)) }
            if let content = node.pointee.content { paragraph.append(content) }
        case XML_ELEMENT_NODE:
            element(node, depth: depth)
        default:
            break
        }
    }

    private mutating func element(_ node: xmlNodePtr, depth: Int) {
        let kind = ElementKind.of(node)
        if kind.contains(.head) {
            readHead(node)
            return
        }
        if kind.contains(.table) {
            flushParagraph()
            readAnyTable(node, depth: depth)
            return
        }
        if kind.contains(.lineBreak) {
            flushParagraph()
            return
        }
        if kind.contains(.skipped) || DOM.isChromeContainer(node, kind: kind) { return }
        let isBlock = kind.contains(.block)
        if isBlock { flushParagraph() }
        var child = node.pointee.children
        while let current = child {
            walk(current, depth: depth + 1)
            child = current.pointee.next
        }
        if isBlock { flushParagraph() }
    }

    mutating func flushParagraph() {
        let text = paragraph.text
        paragraph = InlineText()
        // Folding shrinks a scalar to a third at most: longer text cannot fold into a chrome line.
        guard !text.isEmpty, text.utf8.count > 3 * PageChrome.maximumLength || !PageChrome.isChrome(WidthFolding.fold(text)) else { return }
        // A page whose whole article is one paragraph (`… 一、概述 2016年以来… 二、…`): its part headings
        // are cut out as in a one-line text capture, each piece keeping the white space before it.
        for piece in InlineParts.paragraphs(of: text) {
            blocks.append(.paragraph(Paragraph(text: piece.text, location: .line(paragraphLine), lead: piece.lead)))
        }
    }

    // MARK: Tables

    /// Tables are numbered in document order, every `<table>` counted, as a person counts them in the page.
    /// Each cell's text is read once, whether the table turns out to hold the page's fields or data.
    private mutating func readAnyTable(_ table: xmlNodePtr, depth: Int) {
        tableCount += 1
        let number = tableCount
        var nested: [xmlNodePtr] = []
        let cells = DOM.rows(of: table).map { row in
            DOM.cells(of: row).map { cell in
                TableGrid.SourceCell(text: DOM.cellText(cell, nestedTables: &nested),
                                     rowSpan: DOM.span(cell, "rowspan"), columnSpan: DOM.span(cell, "colspan"))
            }
        }
        if nested.isEmpty && readFieldTable(cells) { return }
        let rows = TableGrid(rows: cells).resolved().map { row in
            row.map { Paragraph(text: $0.text, location: .grid(table: number, row: $0.row, column: $0.column)) }
        }
        if !rows.isEmpty { blocks.append(.table(ExtractedTable(rows: rows))) }
        for inner in nested where depth < DOMWalker.maximumDepth {
            readAnyTable(inner, depth: depth + 1)
        }
    }

    /// A table of the page's own fields, read into `pageFields`.
    private mutating func readFieldTable(_ cells: [[TableGrid.SourceCell]]) -> Bool {
        guard let fields = PageFields.fields(inTable: cells) else { return false }
        for (label, value) in fields where pageFields[label] == nil { pageFields[label] = value }
        return true
    }

    private mutating func readHead(_ head: xmlNodePtr) {
        var child = head.pointee.children
        while let node = child {
            if node.pointee.type == XML_ELEMENT_NODE {
                let kind = ElementKind.of(node)
                if kind.contains(.title) {
                    var text = InlineText()
                    text.append(DOM.allText(node))
                    if !text.text.isEmpty { pageFields["title"] = text.text }
                } else if kind.contains(.meta) {
                    if let name = (DOM.attribute(node, "name") ?? DOM.attribute(node, "property"))?.lowercased(),
                       let content = DOM.attribute(node, "content"), let field = PageFields.metaNames[name],
                       !content.trimmingSpaces().isEmpty, pageFields[field] == nil {
                        pageFields[field] = content.trimmingSpaces()
                    }
                } else if kind.contains(.link), DOM.attribute(node, "rel")?.lowercased() == "canonical",
                          let address = DOM.attribute(node, "href") {
                    // The page's own address, which a canonical link states over og:url.
                    pageFields["source_url"] = address.trimmingSpaces()
                }
            }
            child = node.pointee.next
        }
    }
}

/// The labels of a page's metadata block and the `<meta name>`s that carry the same facts.
enum PageFields {
    static let labels = ["名称", "标题", "索引号", "发布机构", "发文机关", "公开日期", "发布日期", "成文日期", "发文日期", "文号",
                         "发文字号", "主题分类", "信息来源", "来源", "生成日期", "公开方式", "公开范围", "有效性", "分类", "时间", "作者"]

    /// `名称:` …: the inline form, matched as bytes (the cell is width-folded first).
    private static let labelsWithColon = labels.map { $0 + ":" }

    static let metaNames: [String: String] = [
        "articletitle": "标题", "pubdate": "发布日期", "contentsource": "发布机构", "firstdate": "发布日期", "og:url": "source_url",
        "url": "source_url",
    ]

    /// The fields of a table of the page's own fields (名称 / 索引号 / 发布机构 / 公开日期): at most eight
    /// rows, at least two labels with their values; nil for any other table.
    static func fields(inTable cells: [[TableGrid.SourceCell]]) -> [String: String]? {
        guard cells.count <= 8 else { return nil }
        var fields: [String: String] = [:]
        for row in cells {
            var index = 0
            while index < row.count {
                let label = label(row[index].text)
                if let label, index + 1 < row.count, self.label(row[index + 1].text) == nil {
                    fields[label] = row[index + 1].text.trimmingSpaces()
                    index += 2
                } else if let label, let inline = inlineValue(row[index].text, label: label) {
                    fields[label] = inline
                    index += 1
                } else {
                    index += 1
                }
            }
        }
        return fields.count >= 2 ? fields : nil
    }

    /// The field label a cell holds (`发布机构：` → `发布机构`), nil for a value.
    static func label(_ cell: String) -> String? {
        let folded = WidthFolding.fold(cell).trimmingSpaces()
        let bare = folded.hasSuffix(":") ? String(folded.dropLast()).trimmingSpaces() : folded
        if labels.contains(bare) { return bare }
        return labelsWithColon.firstIndex { folded.hasPrefixBytes($0) }.map { labels[$0] }
    }

    /// The value in a cell that holds `label：value`, up to the next field of the same line
    /// (`发布机构: 东浦镇 发文日期: 2017-01-13` → `东浦镇`).
    static func inlineValue(_ cell: String, label: String) -> String? {
        let folded = WidthFolding.fold(cell).trimmingSpaces()
        guard folded.hasPrefixBytes(label + ":") else { return nil }
        var value = Substring(folded.dropFirst(label.count + 1))
        if let next = labelsWithColon.compactMap({ value.range(of: $0)?.lowerBound }).min() { value = value[..<next] }
        let trimmed = value.trimmingCharacters(in: .whitespaces)
        return trimmed.isEmpty ? nil : trimmed
    }
}

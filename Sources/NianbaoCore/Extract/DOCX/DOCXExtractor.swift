import CLibXML2
import Foundation

/// Reads a Word document (.docx): `word/document.xml` through libxml2 into the same document model as
/// an HTML page: paragraphs (with Word's automatic numbering drawn in), and tables resolved into
/// grids (`gridSpan`, `vMerge`) with `table T row R col C` locations. Tracked changes read as
/// accepted: inserted text kept, deleted text left out; of a field, its shown result is read, never
/// its instruction. The document's title (`docProps/core.xml`) is a page field.
enum DOCXExtractor {
    static func extract(_ bytes: [UInt8]) -> DocumentFormats.Outcome {
        do {
            let archive = try DOCXArchive(bytes)
            guard let body = try archive.part("word/document.xml") else {
                return .reject("a zip archive without word/document.xml: not a Word document nianbao can read")
            }
            guard let document = WordXML.parse(body, name: "document.xml") else {
                return .reject("a damaged Word document (.docx): word/document.xml is not well-formed XML")
            }
            defer { xmlFreeDoc(document) }
            let numbering = try archive.part("word/numbering.xml").flatMap { WordXML.parse($0, name: "numbering.xml") }
            defer { numbering.map { xmlFreeDoc($0) } }
            let styles = try archive.part("word/styles.xml").flatMap { WordXML.parse($0, name: "styles.xml") }
            defer { styles.map { xmlFreeDoc($0) } }
            var reader = WordDocumentReader(numbering: WordNumbering(numbering: numbering, styles: styles))
            if let root = xmlDocGetRootElement(document), let bodyNode = WordXML.child(root, "body") {
                reader.readBody(bodyNode)
            }
            var fields = reader.pageFields
            if fields["title"] == nil, let title = try archive.part("docProps/core.xml").flatMap(Self.title), !title.isEmpty {
                fields["title"] = title
            }
            return .document(ExtractedDocument(format: .docx, encoding: "", blocks: reader.blocks, pageFields: fields))
        } catch let unreadable as DOCXArchive.Unreadable {
            return .reject(unreadable.reason)
        } catch {
            return .reject("a damaged Word document (.docx): \(error)")
        }
    }

    /// `dc:title` of the document's core properties.
    private static func title(_ core: [UInt8]) -> String? {
        guard let document = WordXML.parse(core, name: "core.xml") else { return nil }
        defer { xmlFreeDoc(document) }
        guard let root = xmlDocGetRootElement(document), let title = WordXML.child(root, "title") else { return nil }
        return WordXML.text(title).trimmingSpaces()
    }
}

/// Walks a document body in order: paragraphs, tables (nested ones after their table), content controls.
struct WordDocumentReader {
    private(set) var blocks: [Block] = []
    /// Fields a table of the page's own fields states (发布机构, 公开日期), as in an HTML page saved as Word.
    private(set) var pageFields: [String: String] = [:]
    private var numbering: WordNumbering
    private var paragraphCount = 0
    private var tableCount = 0

    /// Deeper than this a document is not followed (nested tables in tables …).
    static let maximumDepth = 64

    init(numbering: WordNumbering) {
        self.numbering = numbering
    }

    mutating func readBody(_ body: xmlNodePtr, depth: Int = 0) {
        guard depth < Self.maximumDepth else { return }
        for node in WordXML.children(body) {
            switch WordXML.name(node) {
            case "p":
                paragraphCount += 1
                var text = InlineText()
                text.append(numbering.label(for: node))
                WordRuns.collect(node, into: &text, depth: 0)
                let line = text.text
                // A document whose whole article is one paragraph: its part headings cut out as a page's.
                for piece in line.isEmpty ? [] : InlineParts.paragraphs(of: line) {
                    blocks.append(.paragraph(Paragraph(text: piece.text, location: .paragraph(paragraphCount), lead: piece.lead)))
                }
            case "tbl":
                readTable(node, depth: depth)
            case "sdt":
                if let content = WordXML.child(node, "sdtContent") { readBody(content, depth: depth + 1) }
            case "customXml", "ins", "moveTo":
                readBody(node, depth: depth + 1)
            default:
                break
            }
        }
    }

    /// A table as a grid: a cell spans `gridSpan` columns; a `vMerge` run of cells is one cell spanning
    /// its rows, appearing once at its top (as an HTML `rowspan`).
    private mutating func readTable(_ table: xmlNodePtr, depth: Int) {
        tableCount += 1
        let number = tableCount
        struct Slot { var column: Int; var span: Int; var merge: String?; var text: String }
        var slots: [[Slot]] = []
        var nested: [xmlNodePtr] = []
        for row in WordXML.children(table) where WordXML.name(row) == "tr" {
            var column = WordXML.intValue(WordXML.descendant(row, "trPr", "gridBefore")) ?? 0
            var cells: [Slot] = []
            if column > 0 { cells.append(Slot(column: 0, span: column, merge: nil, text: "")) }
            for cell in WordTable.cells(of: row) {
                let properties = WordXML.child(cell, "tcPr")
                let span = max(1, properties.flatMap { WordXML.intValue(WordXML.child($0, "gridSpan")) } ?? 1)
                let merge = properties.flatMap { WordXML.child($0, "vMerge") }.map { WordXML.attribute($0, "val") ?? "continue" }
                var text = InlineText()
                for part in WordXML.children(cell) {
                    switch WordXML.name(part) {
                    case "p":
                        text.append(numbering.label(for: part))
                        WordRuns.collect(part, into: &text, depth: 0)
                        text.append("\n")
                    case "tbl":
                        nested.append(part)
                    default:
                        WordRuns.collect(part, into: &text, depth: 0)
                    }
                }
                cells.append(Slot(column: column, span: span, merge: merge, text: text.text))
                column += span
            }
            slots.append(cells)
        }
        if nested.isEmpty, let fields = PageFields.fields(inTable: slots.map { $0.map { TableGrid.SourceCell(text: $0.text, rowSpan: 1, columnSpan: $0.span) } }) {
            for (label, value) in fields where pageFields[label] == nil { pageFields[label] = value }
            return
        }
        // A vMerge "restart" cell spans down while the cells below at its column continue it.
        let rows: [[TableGrid.SourceCell]] = slots.enumerated().map { rowIndex, cells in
            cells.compactMap { slot -> TableGrid.SourceCell? in
                if slot.merge == "continue" { return nil }
                var rowSpan = 1
                if slot.merge == "restart" {
                    while rowIndex + rowSpan < slots.count,
                          slots[rowIndex + rowSpan].contains(where: { $0.column == slot.column && $0.merge == "continue" }) {
                        rowSpan += 1
                    }
                }
                return TableGrid.SourceCell(text: slot.text, rowSpan: rowSpan, columnSpan: slot.span)
            }
        }
        let grid = TableGrid(rows: rows).resolved().map { row in
            row.map { Paragraph(text: $0.text, location: .grid(table: number, row: $0.row, column: $0.column)) }
        }
        if !grid.isEmpty { blocks.append(.table(ExtractedTable(rows: grid))) }
        for inner in nested where depth + 1 < Self.maximumDepth { readTable(inner, depth: depth + 1) }
    }
}

enum WordTable {
    /// A row's cells, those inside content controls and custom XML too.
    static func cells(of row: xmlNodePtr) -> [xmlNodePtr] {
        WordXML.children(row).flatMap { node -> [xmlNodePtr] in
            switch WordXML.name(node) {
            case "tc": return [node]
            case "sdt": return WordXML.child(node, "sdtContent").map(cells(of:)) ?? []
            case "customXml": return cells(of: node)
            default: return []
            }
        }
    }
}

/// The text of a paragraph's runs as Word shows it with changes accepted.
enum WordRuns {
    /// Parts never shown as text: deleted runs, field instructions, properties, drawings' own data.
    private static let hidden: Set<String> = ["del", "delText", "moveFrom", "instrText", "delInstrText", "rPr", "pPr", "tblPr",
                                              "tcPr", "trPr", "sectPr", "fldData", "commentReference", "footnoteReference",
                                              "endnoteReference", "drawing", "pict", "object"]

    static func collect(_ node: xmlNodePtr, into text: inout InlineText, depth: Int) {
        guard depth < WordDocumentReader.maximumDepth else { return }
        for child in WordXML.children(node) {
            let name = WordXML.name(child)
            switch name {
            case "t":
                text.append(WordXML.text(child))
            case "tab", "ptab":
                text.append(" ")
            case "br", "cr":
                text.append("\n")
            case "noBreakHyphen":
                text.append("-")
            case "AlternateContent":
                // One of its choices is shown; the others are the same content for older readers.
                if let choice = WordXML.children(child).first { collect(choice, into: &text, depth: depth + 1) }
            default:
                if !hidden.contains(name) { collect(child, into: &text, depth: depth + 1) }
            }
        }
    }
}

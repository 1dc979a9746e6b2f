/// What an extractor yields: the report as paragraphs and tables with source positions,
/// whatever the input format. Every later stage works on this model only.
public struct ExtractedDocument: Sendable {
    public var format: SourceFormat
    /// How the bytes were decoded (`utf-8`, `utf-8-bom`, `utf-16le`, `gb18030`, `big5`, …).
    public var encoding: String
    public var blocks: [Block]
    /// Labelled fields a page states about itself (标题, 发布机构, 发布日期 …), keyed by label.
    public var pageFields: [String: String]

    public init(format: SourceFormat, encoding: String, blocks: [Block], pageFields: [String: String] = [:]) {
        self.format = format
        self.encoding = encoding
        self.blocks = blocks
        self.pageFields = pageFields
    }
}

public enum SourceFormat: String, Sendable {
    case text
    case html
    case pdf
    case docx
}

public enum Block: Sendable {
    case paragraph(Paragraph)
    case table(ExtractedTable)
}

/// One line of running text (a text file's line, an HTML paragraph).
public struct Paragraph: Sendable {
    public var text: String
    public var location: SourceLocation
    /// The white space before it when it continues a line of the capture (a value cut out of a row
    /// of values, `ValueRuns`); nil when it starts a line.
    public var lead: String?
    /// Where a layout capture put it on its line (`ValueRuns.Piece.middle`).
    public var middle: Int?
    /// The same in characters, a wide one counted one (how `pdftotext -layout` places words), and the
    /// page of the capture (form feeds counted) it stands on.
    public var column: Int?
    public var page = 0
    /// Where a PDF printed it (its words' horizontal extents), when known.
    public var printed: PrintedWords?

    public init(text: String, location: SourceLocation, lead: String? = nil, middle: Int? = nil, column: Int? = nil, page: Int = 0) {
        self.text = text
        self.location = location
        self.lead = lead
        self.middle = middle
        self.column = column
        self.page = page
    }
}

/// A table as found. Rows hold only the cells that start there: a cell spanning several
/// rows or columns appears once, at its top-left position in the resolved grid.
public struct ExtractedTable: Sendable {
    public var rows: [[Paragraph]]

    public init(rows: [[Paragraph]]) {
        self.rows = rows
    }
}

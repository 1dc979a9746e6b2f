/// One paragraph or table cell after normalisation, in document order: the unit that parsing reads.
public struct Token: Sendable {
    /// The text as found, trimmed.
    public var text: String
    /// `text` in simplified script (character-level conversion), for `text_simplified`.
    public var simplified: String
    /// `text` width-folded and converted with Taiwan phrases: what headings, labels and numbers are read from.
    public var folded: String
    /// The comparable label form of `folded` (see `LabelKey`).
    public var key: String
    public var location: SourceLocation
    /// The extracted table this cell belongs to (0-based), nil for a paragraph.
    public var table: Int?
    /// True for the first cell of a table row.
    public var startsRow: Bool

    /// What the token says as a table cell (number, placeholder or text), read once.
    public var reading: CellReading
    /// The white space before it on the same line of the capture, nil when it starts a line.
    public var lead: String? = nil
    /// Twice the display column of its middle on a line of values in a layout capture.
    public var middle: Int? = nil
    /// Twice the character column of its middle on such a line, and the capture's page (`Paragraph`).
    public var column: Int? = nil
    public var page = 0
    /// Where a PDF printed it (`Paragraph.printed`).
    public var printed: PrintedWords? = nil
}

/// A document after normalisation: tokens in order plus what was learnt about its script.
public struct NormalizedDocument: Sendable {
    public var source: ExtractedDocument
    public var script: Script
    public var tokens: [Token]
}

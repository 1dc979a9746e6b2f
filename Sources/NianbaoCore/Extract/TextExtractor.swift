import Foundation

/// Reads a crawled raw-text capture: one paragraph per non-empty line (a crawler flattens table
/// cells one per line), pipe-separated lines (`a | b | c`, Markdown, w3m's boxes) as the rows of a
/// table, a line's run of values as one paragraph per value (`ValueRuns`), a crawler's header and
/// the page's field lines as page fields, and page furniture and rules left out.
public enum TextExtractor {
    public static func extract(_ text: String, encoding: String) -> ExtractedDocument {
        var blocks: [Block] = []
        var pipeRows: [(slots: [String], location: SourceLocation)] = []
        var tabRows = false

        func flushPipeRows() {
            if !pipeRows.isEmpty {
                // Empty slots are blank cells in a table that holds values; in one that holds none
                // (seed 002, whose numbers the crawler lost) they are lost text.
                if ClosedCells.closesRows(pipeRows.map(\.slots)) {
                    for index in pipeRows.indices { pipeRows[index].slots.removeLast() }
                }
                if tabRows { TabCells.padTrailingCells(&pipeRows) }
                tabRows = false
                let tableHasValue = pipeRows.contains { TextRules.hasValue($0.slots) }
                let rows = pipeRows.map { row in TextRules.cells(of: row.slots, tableHasValue: tableHasValue).map { Paragraph(text: $0, location: row.location) } }
                blocks.append(.table(ExtractedTable(rows: rows.filter { !$0.isEmpty })))
                pipeRows = []
            }
        }

        var allLines = lines(of: text)
        // A capture wrapped at a fixed width: its running text joined back (a PDF's is joined before).
        if ProseReflow.isHardWrapped(allLines) { allLines = ProseReflow.reflowed(allLines) }
        BrokenCells.mend(&allLines)
        // A line per text node: a sentence's numbers and marks put back into it.
        InlineRunBreaks.mend(&allLines)
        // A cell a line, each closed by a pipe: its cells read as lines, its empty cells kept blank.
        let cellPerLine = ClosedCells.isCellPerLine(allLines)
        // A table copied with its cells between tabs: rows read like pipe rows, empty cells kept.
        let tabbed = TabCells.isTabbed(allLines)
        // A crawler's header block is the page's fields, not the report's text.
        let header = TextPageFields.crawlerHeader(allLines)
        var fields = TextPageFields()
        for (label, value) in header.fields { fields.add(label, value) }
        var lineNumber = header.lineCount
        var markdown = false
        // pdftotext ends each page with a form feed: a table's columns may stand elsewhere on the next.
        var page = 0
        for (position, rawLine) in allLines.enumerated().dropFirst(header.lineCount) {
            lineNumber += 1
            var rawLine = rawLine
            if rawLine.containsByte(0x0C) {
                page += 1
                // The form feed takes no place on the page: the line's columns are counted without it.
                rawLine = rawLine.replacingOccurrences(of: "\u{0C}", with: "")
            }
            var features = LineFeatures(rawLine)
            var line = rawLine
            if features.markdown {
                line = CrawlerArtifacts.strip(line)
                // Marks are taken off lines that start with one, and anywhere once the capture shows it is Markdown.
                let first = line.utf8.first
                if first == UInt8(ascii: "#") || first == UInt8(ascii: "*") { markdown = true }
                if markdown { line = MarkdownMarkup.strip(line) }
            }
            var trimmed = line.trimmingSpaces()
            if cellPerLine, features.separator, let closed = ClosedCells.read(trimmed) {
                flushPipeRows()
                switch closed {
                case .empty(let count):
                    for _ in 0..<count { blocks.append(.paragraph(Paragraph(text: Self.blankCell, location: .line(lineNumber)))) }
                    continue
                case .cell(let text):
                    line = text
                    trimmed = text
                    features = LineFeatures(text)
                }
            }
            if trimmed.isEmpty {
                // A line holding only a no-break space between two lines of text is an empty cell's
                // `&nbsp;` in a capture that writes a cell per line (BeautifulSoup's get_text): a cell
                // the capture shows, blank. Where empty lines separate the cells (seeds 000, 001) such a
                // line may as well be an empty paragraph after a table, and is left out.
                if line.containsBytes("\u{00A0}"), Self.hasText(allLines, position - 1), Self.hasText(allLines, position + 1) {
                    blocks.append(.paragraph(Paragraph(text: Self.blankCell, location: .line(lineNumber))))
                }
                continue
            }
            let location = SourceLocation.line(lineNumber)
            if (features.separator || features.digit) && (TextRules.isRuleLine(trimmed) || PageFurniture.isFurniture(trimmed)) {
                if features.separator && !features.digit { markdown = true }
                continue
            }
            if tabbed, features.gap, let slots = TabCells.slots(of: line) {
                if lineNumber <= Self.fieldLines { fields.readRow(TextRules.cells(of: slots, tableHasValue: false)) }
                if !tabRows { flushPipeRows() }
                tabRows = true
                pipeRows.append((slots, location))
                continue
            }
            if features.separator, let slots = TextRules.slots(of: trimmed) {
                if tabRows { flushPipeRows() }
                if lineNumber <= Self.fieldLines { fields.readRow(TextRules.cells(of: slots, tableHasValue: false)) }
                pipeRows.append((slots, location))
                continue
            }
            if lineNumber <= Self.fieldLines { fields.readLine(trimmed) }
            flushPipeRows()
            if trimmed.utf8.count != line.utf8.count { features = LineFeatures(trimmed) }
            // A piece's column counts the line's indentation too: rows indented differently line up.
            let indentation = 2 * line.prefix { $0 == " " || $0 == "\t" }.count
            for piece in pieces(of: trimmed, features: features) {
                blocks.append(.paragraph(Paragraph(text: piece.text, location: location, lead: piece.lead, middle: piece.middle,
                                                   column: piece.column.map { $0 + indentation }, page: page)))
            }
        }
        flushPipeRows()
        return ExtractedDocument(format: .text, encoding: encoding, blocks: blocks, pageFields: fields.fields)
    }

    /// A line's paragraphs: its cells when it holds a row of values, its columns when a layout put
    /// several side by side, its parts when a crawler wrote several on one line; else the line.
    private static func pieces(of line: String, features: LineFeatures) -> [ValueRuns.Piece] {
        let pieces = features.space && features.digit ? ValueRuns.split(line)
            : features.gap ? ValueRuns.splitAtGaps(line) : [ValueRuns.Piece(text: line, lead: nil)]
        var split = pieces
        if pieces.count == 1, features.space, line.utf8.count > InlineParts.minimumLength { split = InlineParts.split(line) }
        // A long line may hold headings glued to the sentences around them.
        guard line.utf8.count > InlineParts.minimumLength else { return split }
        return split.flatMap(GluedHeadings.split)
    }

    /// The text of a line that held only a no-break space: a placeholder cell, never report text.
    static let blankCell = "&nbsp;"

    private static func hasText(_ lines: [String], _ index: Int) -> Bool {
        index >= 0 && index < lines.count && !lines[index].isEmpty
    }

    /// How far down a capture the page's fields are looked for.
    static let fieldLines = 80

    /// The lines of a text, split on its bytes: LF, CRLF and a lone CR each end a line.
    static func lines(of text: String) -> [String] {
        var lines: [String] = []
        var text = text
        text.withUTF8 { bytes in
            var start = 0
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if byte == 0x0A || byte == 0x0D {
                    lines.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self))
                    if byte == 0x0D, index + 1 < bytes.count, bytes[index + 1] == 0x0A { index += 1 }
                    start = index + 1
                }
                index += 1
            }
            lines.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<bytes.count]), as: UTF8.self))
        }
        return lines
    }
}

/// Markers that crawlers leave in captured text in place of images and bookmarks.
enum CrawlerArtifacts {
    static func strip(_ line: String) -> String {
        guard line.containsByte(UInt8(ascii: "[")), line.containsBytes("[image:") || line.containsBytes("[bookmark:") else { return line }
        var result = line
        for marker in ["[image:", "[bookmark:"] {
            while let start = result.range(of: marker),
                  let end = result.range(of: "]", range: start.upperBound..<result.endIndex) {
                result.removeSubrange(start.lowerBound..<end.upperBound)
            }
        }
        return result
    }
}

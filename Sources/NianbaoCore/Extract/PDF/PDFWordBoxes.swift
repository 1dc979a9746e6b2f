import CLibXML2
import Foundation

/// Where a PDF printed a piece of text: its words and their horizontal extents on the page, in
/// points. Carried by a PDF's paragraphs and tokens so that a table's columns can be proven by its
/// header cells' places (`HeaderAnchors`), which a layout text's character columns do not keep.
public final class PrintedWords: Sendable {
    public struct Word: Sendable {
        public let text: String
        public let x: ClosedRange<Double>
    }

    public let words: [Word]

    init(_ words: [Word]) {
        self.words = words
    }

    /// The horizontal middle of the whole piece.
    var center: Double {
        ((words.map(\.x.lowerBound).min() ?? 0) + (words.map(\.x.upperBound).max() ?? 0)) / 2
    }
}

/// `pdftotext -bbox-layout`: every word of a PDF with its box, page by page, read with libxml2.
enum PDFWordBoxes {
    struct Box {
        var text: String
        var x: ClosedRange<Double>
        var y: ClosedRange<Double>
    }

    static func read(_ input: URL, pages: Int, in folder: URL, seconds: Double) throws -> [[Box]] {
        let result = try ExternalTool(program: "pdftotext", seconds: seconds)
            .run(["-bbox-layout", "-enc", "UTF-8", "-l", String(min(pages, PDFExtractor.maximumPages)), input.path, "-"], in: folder)
        guard result.status == 0, !result.stdout.isEmpty else { return [] }
        let document = result.stdout.withUnsafeBufferPointer { bytes in
            bytes.baseAddress!.withMemoryRebound(to: CChar.self, capacity: bytes.count) { pointer in
                htmlReadMemory(pointer, Int32(clamping: bytes.count), "words.html", "UTF-8", HTMLExtractor.parseOptions)
            }
        }
        guard let document else { return [] }
        defer { xmlFreeDoc(document) }
        var pages: [[Box]] = []
        func walk(_ node: xmlNodePtr) {
            var child = node.pointee.children
            while let current = child {
                if current.pointee.type == XML_ELEMENT_NODE {
                    let name = WordXML.name(current)
                    if name == "page" {
                        pages.append([])
                        walk(current)
                    } else if name == "word" {
                        if let box = box(current), !pages.isEmpty { pages[pages.count - 1].append(box) }
                    } else {
                        walk(current)
                    }
                }
                child = current.pointee.next
            }
        }
        if let root = xmlDocGetRootElement(document) { walk(root) }
        return pages
    }

    private static func box(_ node: xmlNodePtr) -> Box? {
        guard let x0 = DOM.attribute(node, "xmin").flatMap(Double.init), let x1 = DOM.attribute(node, "xmax").flatMap(Double.init),
              let y0 = DOM.attribute(node, "ymin").flatMap(Double.init), let y1 = DOM.attribute(node, "ymax").flatMap(Double.init),
              x0 <= x1, y0 <= y1 else { return nil }
        let text = WordXML.text(node).filter { !$0.isWhitespace }
        return text.isEmpty ? nil : Box(text: text, x: x0...x1, y: y0...y1)
    }
}

/// The words of each line of a PDF's layout text, with their boxes: a page's words ordered into
/// visual lines (by their vertical middles) and along them, matched character for character with
/// the page's layout lines. A page whose two orders do not agree gets no boxes (its tables are then
/// read from the layout text alone, as before).
enum PDFLinePositions {
    /// Per line of the layout text (0-based), its words in order with their boxes; nil where unknown.
    static func words(layoutLines: [String], pages: [[PDFWordBoxes.Box]]) -> [[PrintedWords.Word]?] {
        var result = [[PrintedWords.Word]?](repeating: nil, count: layoutLines.count)
        var pageStart = 0, page = 0
        while pageStart < layoutLines.count {
            var pageEnd = pageStart + 1
            while pageEnd < layoutLines.count && !layoutLines[pageEnd].utf8.contains(0x0C) { pageEnd += 1 }
            if page < pages.count { match(layoutLines, pageStart..<pageEnd, visualLines(pages[page]), into: &result) }
            pageStart = pageEnd
            page += 1
        }
        return result
    }

    /// A page's boxes as lines, top to bottom, each left to right.
    static func visualLines(_ boxes: [PDFWordBoxes.Box]) -> [[PDFWordBoxes.Box]] {
        let sorted = boxes.sorted { ($0.y.lowerBound + $0.y.upperBound, $0.x.lowerBound) < ($1.y.lowerBound + $1.y.upperBound, $1.x.lowerBound) }
        var lines: [[PDFWordBoxes.Box]] = []
        for box in sorted {
            let middle = (box.y.lowerBound + box.y.upperBound) / 2
            // The same line: the middle within the first box, the tops less than 0.4 of a line apart (digits
            // and Chinese sit a point or two apart; a header cell's centred second line, half a line).
            if let first = lines.last?.first, first.y.contains(middle),
               abs(box.y.lowerBound - first.y.lowerBound) < 0.4 * (first.y.upperBound - first.y.lowerBound) {
                lines[lines.count - 1].append(box)
            } else {
                lines.append([box])
            }
        }
        return lines.map { $0.sorted { $0.x.lowerBound < $1.x.lowerBound } }
    }

    /// Each layout line takes, in the next visual lines (top to bottom, a few ahead at most), the
    /// first run of unused words that reads the same characters, white space aside: poppler may put
    /// on two layout lines what stands at nearly one height (a header cell's second line beside
    /// another's first). A line that matches nothing gets no boxes; the lines after it still may.
    private static func match(_ lines: [String], _ range: Range<Int>, _ visual: [[PDFWordBoxes.Box]], into result: inout [[PrintedWords.Word]?]) {
        var used = visual.map { [Bool](repeating: false, count: $0.count) }
        var next = 0
        for index in range {
            let text = String(String.UnicodeScalarView(lines[index].unicodeScalars.filter { !$0.properties.isWhitespace && $0 != "\u{0C}" }))
            guard !text.isEmpty else { continue }
            search: for line in next..<min(visual.count, next + 6) {
                for start in visual[line].indices where !used[line][start] && text.hasPrefix(visual[line][start].text) {
                    var end = start, read = ""
                    while end < visual[line].count, !used[line][end], read.count < text.count {
                        read += visual[line][end].text
                        end += 1
                    }
                    guard read == text else { continue }
                    result[index] = visual[line][start..<end].map { PrintedWords.Word(text: $0.text, x: $0.x) }
                    for word in start..<end { used[line][word] = true }
                    // On from the line matched (the rest of it may be the next layout line's).
                    next = line
                    while next < visual.count, !used[next].contains(false) { next += 1 }
                    break search
                }
            }
        }
    }
}

extension PDFLinePositions {
    /// A line's right end and the width of its characters (the median of its words' widths per character).
    static func edge(_ words: [PrintedWords.Word]) -> PDFProse.PrintedEdge? {
        guard let right = words.map(\.x.upperBound).max() else { return nil }
        // Chinese characters' width where the line has any (digits and Latin letters are narrower).
        let wide = words.filter { !$0.text.unicodeScalars.contains { $0.isASCII } }
        let widths = (wide.isEmpty ? words : wide).map { ($0.x.upperBound - $0.x.lowerBound) / Double(max(1, $0.text.unicodeScalars.count)) }.sorted()
        return PDFProse.PrintedEdge(right: right, character: widths[widths.count / 2])
    }

    /// The document with each paragraph of a line that kept its layout (not joined as running text)
    /// given its words' boxes: the line's words taken in order, a paragraph's characters covering
    /// whole words, or it gets none.
    static func attach(_ document: ExtractedDocument, words: [[PrintedWords.Word]?], unchanged: (Int) -> Bool) -> ExtractedDocument {
        var document = document
        var cursor: (line: Int, word: Int) = (0, 0)
        document.blocks = document.blocks.map { block in
            guard case .paragraph(var paragraph) = block, case .line(let number) = paragraph.location,
                  number >= 1, number <= words.count, let lineWords = words[number - 1], unchanged(number - 1) else { return block }
            if cursor.line != number { cursor = (number, 0) }
            let wanted = String(String.UnicodeScalarView(paragraph.text.unicodeScalars.filter { !$0.properties.isWhitespace }))
            var taken: [PrintedWords.Word] = [], text = ""
            while text.unicodeScalars.count < wanted.unicodeScalars.count, cursor.word < lineWords.count {
                taken.append(lineWords[cursor.word])
                text += lineWords[cursor.word].text
                cursor.word += 1
            }
            // The same characters, or the line was changed on the way (a mended cell): none of its
            // later words is trusted either.
            guard text == wanted, !taken.isEmpty else {
                cursor.word = lineWords.count
                return block
            }
            paragraph.printed = PrintedWords(taken)
            return .paragraph(paragraph)
        }
        return document
    }
}

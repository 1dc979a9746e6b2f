/// The words of each line of a PDF's layout text, with their boxes: a page's words grouped into
/// visual lines (by their tops and middles), and each layout line matched, top to bottom, to a run of
/// a visual line's words that reads the same characters. A line that matches none gets no boxes (its
/// values are then placed from the layout text alone, as before).
enum PDFLinePositions {
    /// Per line of the layout text (0-based), its words in order with their boxes; nil where unknown.
    static func words(layoutLines: [String], pages: [[PDFWordBoxes.Box]]) -> [[PrintedWords.Word]?] {
        var result = [[PrintedWords.Word]?](repeating: nil, count: layoutLines.count)
        var pageStart = 0, page = 0
        while pageStart < layoutLines.count {
            var pageEnd = pageStart + 1
            while pageEnd < layoutLines.count && !layoutLines[pageEnd].containsByte(0x0C) { pageEnd += 1 }
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
    static func edge(_ words: [PrintedWords.Word]) -> ProseReflow.PrintedEdge? {
        guard let right = words.map(\.x.upperBound).max() else { return nil }
        // Chinese characters' width where the line has any (digits and Latin letters are narrower).
        let wide = words.filter { !$0.text.unicodeScalars.contains { $0.isASCII } }
        let widths = (wide.isEmpty ? words : wide).map { ($0.x.upperBound - $0.x.lowerBound) / Double(max(1, $0.text.unicodeScalars.count)) }.sorted()
        return ProseReflow.PrintedEdge(right: right, character: widths[widths.count / 2])
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

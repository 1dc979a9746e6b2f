/// Running text in a PDF's layout text, or in a capture wrapped at a fixed width, comes in lines broken
/// wherever the page or the tool ended them, inside a word as often as not (`…累计主` / `动公开政府信息
/// 592013条`): a phrase a figure is read from must not be cut by the width. A line of running text that
/// fills the width and does not end a sentence is joined with the line after it; the joined-in line is
/// left empty, so line numbers stay. Table rows (cells apart by a column gap), headings and page breaks
/// are never joined.
enum ProseReflow {
    /// What may end a paragraph's last line when it happens to fill the width (a sentence's end; a
    /// semicolon or a bracket at the right edge goes on: `…4 条;` / `其他栏目…169 条。`).
    private static let endings: Set<Character> = ["。", "！", "？", "!", "?"]

    /// `edges`: where each line's last word ends on the page (points), when the PDF's word boxes are
    /// known: then a line fills the width when it ends within a character and a half of the page's
    /// right margin. Without them, by the layout text's display width (which the spaces pdftotext sets
    /// around numbers widen).
    static func reflowed(_ lines: [String], edges: [PrintedEdge?] = []) -> [String] {
        var lines = lines
        var pageStart = 0
        while pageStart < lines.count {
            var pageEnd = pageStart + 1
            while pageEnd < lines.count && !lines[pageEnd].containsByte(0x0C) { pageEnd += 1 }
            reflowPage(&lines, pageStart..<pageEnd, edges: edges)
            pageStart = pageEnd
        }
        return lines
    }

    /// A line's right end and the width of one of its characters, from its word boxes.
    struct PrintedEdge {
        var right: Double
        var character: Double
    }

    private static func fills(_ page: Range<Int>, _ lines: [String], edges: [PrintedEdge?]) -> [Bool] {
        let prose = page.map { isProse(lines[$0]) }
        let known = page.map { $0 < edges.count ? edges[$0] : nil }
        // The margin is running text's: lines holding a sentence's punctuation (a table's cells, one per
        // line, end wherever their labels do, and set no margin).
        let running = page.map { index in lines[index].contains { "，。；、,;".contains($0) } }
        let printed = (0..<page.count).compactMap { prose[$0] && running[$0] ? known[$0] : nil }
        let character = printed.map(\.character).sorted()[safe: printed.count / 2] ?? 0
        // The right margin: the middle end of the long lines (those reaching four fifths of the
        // furthest): justified text ends there exactly, ragged text (a plain text printed) around it,
        // and punctuation or a Latin word may run past it.
        let furthest = printed.map(\.right).max() ?? 0
        let long = printed.map(\.right).filter { $0 >= 0.8 * furthest }.sorted()
        if known.contains(where: { $0 != nil }) {
            guard printed.count >= 2, character > 0, let margin = long[safe: long.count / 2] else { return page.map { _ in false } }
            return (0..<page.count).map { offset in
                guard prose[offset], let edge = known[offset] else { return false }
                return edge.right >= margin - 1.5 * character
            }
        }
        // Without boxes: by display width (pdftotext lays out by width) or by characters (a tool that
        // wraps at a count of characters).
        let widths = page.map { isProse(lines[$0]) ? DisplayWidth.of(lines[$0]) : 0 }
        let counts = page.map { isProse(lines[$0]) ? lines[$0].trimmingSpaces().count : 0 }
        let runningWidths = (0..<page.count).filter { running[$0] }.map { widths[$0] }
        let runningCounts = (0..<page.count).filter { running[$0] }.map { counts[$0] }
        guard let textWidth = runningWidths.max(), textWidth >= 40, let longest = runningCounts.max() else { return page.map { _ in false } }
        return zip(widths, counts).map { width, count in width > 0 && (width >= textWidth - 3 || count >= longest - 1) }
    }

    /// Whether a capture is wrapped at a fixed width: at least five lines of running text, and three in
    /// ten of them, within a character of the longest (one line per paragraph, as most captures are,
    /// gives lengths all over the place), most of those with a sentence's punctuation. Only then is a
    /// text capture's running text joined.
    static func isHardWrapped(_ lines: [String]) -> Bool {
        let prose = lines.filter(isProse).map { $0.trimmingSpaces() }
        // Lengths in scalars, a line longer than 200 settled on its bytes: captures with a line per
        // paragraph have paragraphs of thousands of characters.
        guard prose.allSatisfy({ $0.hasAtMost(200) }) else { return false }
        let lengths = prose.map(\.unicodeScalars.count)
        guard let longest = lengths.max(), longest >= 20 else { return false }
        let full = zip(prose, lengths).filter { $0.1 >= longest - 1 }.map(\.0)
        // Running text: most full lines hold a sentence's punctuation (a list of titles holds none).
        let sentences = full.filter { $0.contains { "，。；,;".contains($0) } }.count
        return full.count >= 5 && full.count * 10 >= prose.count * 3 && sentences * 2 >= full.count
    }

    private static func reflowPage(_ lines: inout [String], _ page: Range<Int>, edges: [PrintedEdge?]) {
        let full = fills(page, lines, edges: edges)
        var target: Int?
        for index in page {
            let line = lines[index]
            let isProseLine = isProse(line)
            defer {
                // The line just read fills the width and runs on: the next line continues it.
                let trimmed = line.trimmingSpaces()
                target = full[index - page.lowerBound] && !trimmed.isEmpty && !endings.contains(trimmed.last!) ? (target ?? index) : nil
            }
            guard let into = target, isProseLine, Numbering.read(WidthFolding.fold(line.trimmingSpaces())) == nil else { continue }
            let piece = line.trimmingSpaces()
            let joint = lines[into].last.map { $0.isASCII && ($0.isLetter || $0.isNumber) } == true
                && piece.first.map { $0.isASCII && ($0.isLetter || $0.isNumber) } == true ? " " : ""
            lines[into] += joint + piece
            lines[index] = ""
        }
    }

    /// A line of running text: text with no column gap (two spaces or more) after its indentation.
    static func isProse(_ line: String) -> Bool {
        // On the bytes: Foundation's `contains("  ")` compares canonically, character cluster by cluster,
        // and had come to take a third of a text capture's run.
        var line = line
        return line.withUTF8 { bytes in
            var start = 0
            while start < bytes.count, bytes[start] == 0x20 || bytes[start] == 0x0C { start += 1 }
            guard start < bytes.count else { return false }
            var afterSpace = false
            for byte in UnsafeBufferPointer(rebasing: bytes[start...]) {
                if byte == 0x09 || (byte == 0x20 && afterSpace) { return false }
                afterSpace = byte == 0x20
            }
            return true
        }
    }
}

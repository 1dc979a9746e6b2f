/// Running text in a PDF's layout text comes in lines broken wherever the page ended them, inside a
/// word as often as not (`…累计主` / `动公开政府信息592013条`): a phrase a figure is read from must not be
/// cut by the page's width. A line of running text that fills the page's text width and does not end
/// a sentence is joined with the line after it; the joined-in line is left empty, so line numbers stay.
/// Table rows (cells apart by a column gap), headings and page breaks are never joined.
enum PDFProse {
    /// What ends a paragraph's last line rather than filling it.
    private static let endings: Set<Character> = ["。", "；", "：", "！", "？", ";", ":", "!", "?", "）", ")"]

    static func reflowed(_ lines: [String]) -> [String] {
        var lines = lines
        var pageStart = 0
        while pageStart < lines.count {
            var pageEnd = pageStart + 1
            while pageEnd < lines.count && !lines[pageEnd].utf8.contains(0x0C) { pageEnd += 1 }
            reflowPage(&lines, pageStart..<pageEnd)
            pageStart = pageEnd
        }
        return lines
    }

    private static func reflowPage(_ lines: inout [String], _ page: Range<Int>) {
        let widths = page.map { isProse(lines[$0]) ? DisplayWidth.of(lines[$0]) : 0 }
        guard let textWidth = widths.max(), textWidth >= 40 else { return }
        var target: Int?
        for index in page {
            let line = lines[index]
            let width = widths[index - page.lowerBound]
            defer {
                // The line just read fills the width and runs on: the next line continues it.
                let trimmed = line.trimmingSpaces()
                target = width >= textWidth - 3 && !trimmed.isEmpty && !endings.contains(trimmed.last!) ? (target ?? index) : nil
            }
            guard let into = target, width > 0, Numbering.read(WidthFolding.fold(line.trimmingSpaces())) == nil else { continue }
            let piece = line.trimmingSpaces()
            let joint = lines[into].last.map { $0.isASCII && ($0.isLetter || $0.isNumber) } == true
                && piece.first.map { $0.isASCII && ($0.isLetter || $0.isNumber) } == true ? " " : ""
            lines[into] += joint + piece
            lines[index] = ""
        }
    }

    /// A line of running text: text with no column gap (two spaces or more) after its indentation.
    private static func isProse(_ line: String) -> Bool {
        let body = line.drop { $0 == " " || $0 == "\u{0C}" }
        guard !body.isEmpty else { return false }
        return !body.contains("  ") && !body.contains("\t")
    }
}

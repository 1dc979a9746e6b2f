/// Lines a printed or paged capture adds at every page break, which are neither the report's text
/// nor its cells: a browser's running header (`2026/12/2 11:58   <title>`), its footer (the page's
/// address and `1/3`), page numbers (`1/3`, `- 2 -`, `第 2 页`, `第2页 共5页`). They stand inside tables
/// when a table crosses a page, so they are left out before anything is read. A pattern is a line
/// of data here.
enum PageFurniture {
    nonisolated(unsafe) static let patterns: [Regex<Substring>] = [
        /\d{4}\/\d{1,2}\/\d{1,2},? \d{1,2}:\d{2}(?: ?[AP]M)?(?:\s.*)?/,
        /(?:file|https?):\/\/\S+\s+\d+\s*\/\s*\d+/,
        /\d+\s*\/\s*\d+/,
        /[-—–]\s*\d+\s*[-—–]/,
        /第\s*\d+\s*页(?:\s*[,，]?\s*共\s*\d+\s*页)?/,
        /共\s*\d+\s*页\s*第\s*\d+\s*页/,
        /[Pp]age \d+(?: of \d+)?/,
    ]

    static func isFurniture(_ line: String) -> Bool {
        // Every pattern starts with a digit followed soon by `/`, an address, 第 or 共, a dash or
        // `Page`: most lines are told apart by their first bytes, without a regular expression.
        guard line.utf8.count <= 300, let first = line.unicodeScalars.first, mayStart(first, line) else { return false }
        return patterns.contains { line.wholeMatch(of: $0) != nil }
    }

    private static func mayStart(_ first: Unicode.Scalar, _ line: String) -> Bool {
        switch first {
        case "0"..."9": return line.utf8.prefix(12).contains(UInt8(ascii: "/"))
        case "f", "h", "第", "共", "-", "—", "–", "P", "p": return true
        default: return false
        }
    }
}

/// A spreadsheet cell holds at most 32,767 characters (Excel, and what Google Sheets imports), and a
/// longer text in a CSV is cut when the file is opened. So in the CSV files only, a section's text
/// longer than that continues on the next rows of the same part (`text_piece` 2, 3, …); joined in
/// `text_piece` order the pieces are the text exactly. JSONL keeps every text whole in one row.
enum SpreadsheetPieces {
    /// UTF-16 code units (what Excel counts), with room for the `'` a formula-like text gets.
    static let limit = 32_000

    /// The text in pieces of at most `limit` units, each cut after a line break when the piece has
    /// one, else at a Unicode scalar boundary; one piece when the text fits.
    static func split(_ text: String, limit: Int = limit) -> [Substring] {
        var pieces: [Substring] = []
        var rest = Substring(text)
        while rest.utf16.count > limit {
            let scalars = rest.unicodeScalars
            var units = 0
            var index = scalars.startIndex
            var lastBreak: String.Index?
            while index < scalars.endIndex {
                let width = scalars[index].utf16.count
                if units + width > limit { break }
                units += width
                let isBreak = scalars[index] == "\n"
                index = scalars.index(after: index)
                if isBreak { lastBreak = index }
            }
            let cut = lastBreak ?? index
            pieces.append(rest[..<cut])
            rest = rest[cut...]
        }
        pieces.append(rest)
        return pieces
    }
}

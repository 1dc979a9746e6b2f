/// A spreadsheet cell holds at most 32,767 characters (Excel, and what Google Sheets imports), and a
/// longer text in a CSV is cut when the file is opened. So in the CSV files only, a section's text
/// longer than that continues on the next rows of the same part (`text_piece` 2, 3, …); joined in
/// `text_piece` order the pieces are the text exactly. JSONL keeps every text whole in one row.
enum SpreadsheetPieces {
    /// UTF-16 code units (what Excel counts), with room for the `'` a formula-like text gets.
    static let limit = 32_000

    /// The text in pieces of at most `limit` units, each cut after a line break when the piece has
    /// one, else at a Unicode scalar boundary; one piece when the text fits. Counted on the UTF-8
    /// bytes: a scalar is one UTF-16 unit, or two when its UTF-8 takes four bytes.
    static func split(_ text: String, limit: Int = limit) -> [Substring] {
        // UTF-16 never takes more units than UTF-8 takes bytes: most texts are known to fit at once.
        if text.utf8.count <= limit || utf16Count(text) <= limit { return [Substring(text)] }
        var cuts: [Int] = []
        var text = text
        text.withUTF8 { bytes in
            var units = 0
            var pieceStart = 0
            var lastBreak: Int?
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                let length = byte < 0x80 ? 1 : byte < 0xE0 ? 2 : byte < 0xF0 ? 3 : 4
                let width = length == 4 ? 2 : 1
                if units + width > limit {
                    let cut = lastBreak ?? index
                    cuts.append(cut)
                    pieceStart = cut
                    lastBreak = nil
                    // Count the units already read past the cut into the new piece.
                    units = 0
                    var scan = pieceStart
                    while scan < index {
                        let lead = bytes[scan]
                        let step = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
                        units += step == 4 ? 2 : 1
                        scan += step
                    }
                }
                units += width
                index += length
                if byte == 0x0A { lastBreak = index }
            }
        }
        var pieces: [Substring] = []
        var start = text.startIndex
        for cut in cuts {
            let end = text.utf8.index(text.utf8.startIndex, offsetBy: cut)
            pieces.append(text[start..<end])
            start = end
        }
        pieces.append(text[start...])
        return pieces
    }

    /// The text's length in UTF-16 units, from its UTF-8 eight bytes a step: every byte that is not
    /// a continuation byte starts a scalar (one unit), and a four-byte scalar takes one more.
    static func utf16Count(_ text: String) -> Int {
        ByteWords.count(text, word: { word in
            let continuations = ByteWords.equal(0x80, in: word & 0xC0C0_C0C0_C0C0_C0C0).nonzeroBitCount
            let fourByteLeads = ByteWords.equal(0xF0, in: word & 0xF0F0_F0F0_F0F0_F0F0).nonzeroBitCount
            return 8 - continuations + fourByteLeads
        }, byte: { byte in
            (byte & 0xC0 != 0x80 ? 1 : 0) + (byte >= 0xF0 ? 1 : 0)
        })
    }
}

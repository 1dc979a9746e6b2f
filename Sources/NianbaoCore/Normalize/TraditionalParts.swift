/// Part headings glued inside a paragraph of a traditional-script report
/// (`…等方面。四、咨詢處理情況國家文物局共接受…`, a crawl with nothing between the lines). The extract
/// stage cuts glued headings against the simplified headings and endings it knows, which traditional
/// text does not match; here they are found in the paragraph's simplified form and the paragraph is
/// cut at the same places. The simplified form comes from a character-level conversion, one scalar
/// for one: where the counts differ nothing is cut.
enum TraditionalParts {
    struct Piece: Equatable {
        var text: String
        var simplified: String
        var lead: String?
    }

    /// The paragraph's pieces, or nil when it stays whole.
    static func pieces(of text: String, simplified: String) -> [Piece]? {
        guard text.utf8.count > InlineParts.minimumLength else { return nil }
        let found = InlineParts.paragraphs(of: simplified)
        guard found.count > 1 else { return nil }
        let original = text.scalarArray, converted = simplified.scalarArray
        guard original.count == converted.count else { return nil }
        var pieces: [Piece] = []
        var cursor = 0
        for piece in found {
            let needle = piece.text.scalarArray
            guard let start = converted.firstIndex(of: needle, from: cursor) else { return nil }
            let end = start + needle.count
            pieces.append(Piece(text: String(String.UnicodeScalarView(original[start..<end])), simplified: piece.text, lead: piece.lead))
            cursor = end
        }
        return pieces
    }
}

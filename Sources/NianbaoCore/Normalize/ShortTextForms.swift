/// The folded form, label key and cell reading of short texts, remembered: labels, placeholders
/// and small numbers recur in every report, and each of the three is a pure function of the text.
/// One per normaliser, so one per worker; bounded, and emptied when full.
final class ShortTextForms {
    struct Forms {
        var folded: String
        var key: String
        var reading: CellReading
    }

    private var known: [ByteKey: Forms] = [:]
    private static let limit = 8_192

    /// The forms of `text`, made by `make` unless already known; texts longer than `shortUpTo`
    /// bytes (running text, rarely repeated) are made every time and not kept.
    func forms(of text: String, shortUpTo limit: Int, make: (String) -> Forms) -> Forms {
        guard text.utf8.count <= limit else { return make(text) }
        let key = ByteKey(text)
        if let forms = known[key] { return forms }
        let forms = make(text)
        if known.count == Self.limit { known.removeAll(keepingCapacity: true) }
        known[key] = forms
        return forms
    }
}

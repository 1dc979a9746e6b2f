/// The folded form, label key and cell reading of short texts, remembered (see `TextMemo`): each of
/// the three is a pure function of the text. One per normaliser, so one per worker.
final class ShortTextForms {
    struct Forms {
        var folded: String
        var key: String
        var reading: CellReading
    }

    private let known = TextMemo<Forms>()

    /// The forms of `text`, made by `make` unless already known; texts longer than `shortUpTo`
    /// bytes (running text, rarely repeated) are made every time and not kept.
    func forms(of text: String, shortUpTo limit: Int, make: (String) -> Forms) -> Forms {
        guard text.utf8.count <= limit else { return make(text) }
        return known.value(for: text, make: make)
    }
}

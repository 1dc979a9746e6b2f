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

import Foundation

/// No silent loss of a report's text: the characters of its text (every paragraph outside its
/// tables and page chrome, and above its first part outside the page's furniture) that no section
/// holds. A report whose sections hold less than 95% of it gets a `text_dropped` finding saying
/// how much.
enum TextCoverage {
    static let minimumShare = 0.95

    /// `preambleTokens`: the report's paragraphs above its first part (`SectionBuilder.preambleTokens`).
    /// From the first part on the parts hold every paragraph outside tables and chrome by
    /// construction, so their own text is counted once, on both sides (counting each paragraph again
    /// cost a fortieth of a run).
    static func finding(tokens: [Token], preambleTokens: [Int], sections: [Section]) -> Finding? {
        var body = preambleTokens.reduce(0) { $0 + characters(tokens[$1].text) }
        let preamble = sections.filter { $0.number == 0 }.reduce(0) { $0 + characters($1.text) }
        // Nothing above the first part is missing: nothing to weigh.
        guard preamble < body else { return nil }
        let parts = sections.filter { $0.number > 0 }.reduce(0) { $0 + characters($1.text) + characters($1.headingRaw) }
        body += parts
        let kept = preamble + parts
        guard body > 0, Double(kept) < minimumShare * Double(body) else { return nil }
        let dropped = body - min(kept, body)
        return Finding(check: "text_dropped", scope: "sections", expected: Decimal(body), actual: Decimal(kept),
                       message: "\(dropped) of the \(body) characters of the report's text are in no section")
    }

    /// Characters other than ASCII white space, counted on the UTF-8 bytes eight at a step: a scalar
    /// is a byte that does not continue another.
    static func characters(_ text: String) -> Int {
        ByteWords.count(text, word: { word in
            let continuations = ByteWords.equal(0x80, in: word & 0xC0C0_C0C0_C0C0_C0C0)
            let spaces = ByteWords.equal(0x20, in: word) | (ByteWords.below(0x0E, in: word) & ~ByteWords.below(0x09, in: word))
            return 8 - (continuations | spaces).nonzeroBitCount
        }, byte: { byte in
            byte & 0xC0 != 0x80 && byte != 0x20 && !(0x09...0x0D).contains(byte) ? 1 : 0
        })
    }
}

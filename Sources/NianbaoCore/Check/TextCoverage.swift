import Foundation

/// No silent loss of a report's text: the characters of its text (every paragraph outside its
/// tables, page chrome and the furniture above its first part) that no section holds. A report
/// whose sections hold less than 95% of it gets a `text_dropped` finding saying how much.
enum TextCoverage {
    static let minimumShare = 0.95

    static func finding(tokens: [Token], tableTokens: Set<Int>, sections: [Section], title: String) -> Finding? {
        var body = 0
        for (index, token) in tokens.enumerated()
        where token.table == nil && !tableTokens.contains(index) && !PageChrome.isChrome(token.folded)
            && !PreambleFurniture.isFurniture(token, title: title) {
            body += characters(token.text)
        }
        let kept = sections.reduce(0) { $0 + characters($1.text) + characters($1.headingRaw) }
        guard body > 0, Double(kept) < minimumShare * Double(body) else { return nil }
        let dropped = body - min(kept, body)
        return Finding(check: "text_dropped", scope: "sections", expected: Decimal(body), actual: Decimal(kept),
                       message: "\(dropped) of the \(body) characters of the report's text are in no section")
    }

    /// Characters that are not white space.
    private static func characters(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { $0 + (TextScanning.isSpace($1.value) ? 0 : 1) }
    }
}

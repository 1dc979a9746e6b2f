/// Finds the report's part headings: by ordinal plus keywords for the six national parts, by
/// ordinal alone for a legacy report's own parts.
public struct PartHeading: Sendable, Equatable {
    public var number: Int
    /// Index of the heading's token.
    public var tokenIndex: Int
}

public enum PartLocator {
    /// Headings are short paragraphs; table cells and long lines are never headings.
    static let maximumHeadingLength = 50

    public static func national(in tokens: [Token]) -> [PartHeading] {
        var found: [PartHeading] = []
        for (index, token) in tokens.enumerated() where isHeadingCandidate(token) {
            guard let numbering = Numbering.read(token.folded), numbering.style == .delimited else { continue }
            let last = found.last?.number ?? 0
            guard numbering.ordinal > last, let part = PartSpec.national.first(where: { $0.number == numbering.ordinal }),
                  part.keywords.contains(where: token.key.containsBytes) else { continue }
            found.append(PartHeading(number: part.number, tokenIndex: index))
        }
        return found
    }

    /// A legacy report's own top-level headings: `一、` … numbered in order (a part may be unnumbered).
    public static func legacy(in tokens: [Token]) -> [PartHeading] {
        var found: [PartHeading] = []
        for (index, token) in tokens.enumerated() where isHeadingCandidate(token) && token.folded.hasAtMost(30) {
            // A heading has no values beside it: `三、行政复议数量  件  0` is a statistics-table row.
            if index + 1 < tokens.count, tokens[index + 1].lead != nil,
               tokens[index + 1].reading.isValue || StatisticsTable.isUnit(tokens[index + 1].folded) { continue }
            guard let numbering = Numbering.read(token.folded), numbering.style == .delimited,
                  let first = token.folded.first, !first.isASCII, !numbering.rest.isEmpty else { continue }
            let last = found.last?.number ?? 0
            // The first part may be a later one when the stored copy starts mid-report (a page 2).
            let reach = found.isEmpty ? 5 : 2
            guard numbering.ordinal > last && numbering.ordinal <= last + reach else { continue }
            found.append(PartHeading(number: numbering.ordinal, tokenIndex: index))
        }
        return found
    }

    private static func isHeadingCandidate(_ token: Token) -> Bool {
        token.table == nil && token.folded.hasAtMost(maximumHeadingLength)
    }
}

import Foundation

/// A paragraph cut into sentences (。！？) and clauses (，；：), each clause kept twice: verbatim, for
/// the `quote`, and as a reading key (simplified, width-folded, without white space or the pinyin a
/// mirror site put in brackets after characters: 申請(qǐng)). Both forms are cut at the same marks,
/// which neither width folding nor script conversion adds or removes.
struct ProseClause: Sendable {
    /// The clause as printed, trimmed.
    var quote: String
    var key: [Unicode.Scalar]
    /// Which sentence of the paragraph it belongs to.
    var sentence: Int
}

enum ProseClauses {
    static let sentenceMarks: Set<Unicode.Scalar> = ["。", "！", "？", "!", "?"]
    static let clauseMarks: Set<Unicode.Scalar> = ["，", ",", "；", ";", "：", ":"]

    /// nil when the two forms do not cut into the same clauses (then no quote could be trusted).
    static func split(verbatim: String, folded: String) -> [ProseClause]? {
        let quotes = pieces(verbatim)
        let keys = pieces(folded)
        guard quotes.count == keys.count else { return nil }
        return zip(quotes, keys).compactMap { quote, key in
            let text = String(String.UnicodeScalarView(quote.scalars)).trimmingCharacters(in: .whitespaces)
            let scalars = readingKey(key.scalars)
            guard !text.isEmpty, !scalars.isEmpty else { return nil }
            return ProseClause(quote: text, key: scalars, sentence: quote.sentence)
        }
    }

    private static func pieces(_ text: String) -> [(scalars: [Unicode.Scalar], sentence: Int)] {
        var result: [(scalars: [Unicode.Scalar], sentence: Int)] = []
        var current: [Unicode.Scalar] = []
        var sentence = 0
        for scalar in text.unicodeScalars {
            if sentenceMarks.contains(scalar) || scalar == "\n" {
                result.append((current, sentence))
                current = []
                sentence += 1
            } else if clauseMarks.contains(scalar) {
                result.append((current, sentence))
                current = []
            } else {
                current.append(scalar)
            }
        }
        result.append((current, sentence))
        return result
    }

    /// White space dropped, except that two digits it separates stay apart (`1 000` is not read as
    /// 1000); bracketed pinyin dropped.
    static func readingKey(_ scalars: [Unicode.Scalar]) -> [Unicode.Scalar] {
        var key: [Unicode.Scalar] = []
        key.reserveCapacity(scalars.count)
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "(" || scalar == "（", let end = pinyinEnd(scalars, from: index + 1) {
                index = end + 1
                continue
            }
            if scalar.properties.isWhitespace || scalar == "\u{3000}" {
                let next = scalars[(index + 1)...].first { !$0.properties.isWhitespace && $0 != "\u{3000}" }
                if let last = key.last, ProseNumbers.isDigit(last), let next, ProseNumbers.isDigit(next) { key.append("|") }
                index += 1
                continue
            }
            key.append(scalar)
            index += 1
        }
        return key
    }

    /// The index of the closing bracket of `(qǐng)`: Latin letters, some with tone marks, nothing else.
    private static func pinyinEnd(_ scalars: [Unicode.Scalar], from start: Int) -> Int? {
        var index = start
        while index < scalars.count, index - start <= 8 {
            let scalar = scalars[index]
            if scalar == ")" || scalar == "）" { return index > start ? index : nil }
            let isLetter = ("a"..."z").contains(scalar) || ("\u{00E0}"..."\u{01DC}").contains(scalar)
            guard isLetter else { return nil }
            index += 1
        }
        return nil
    }
}

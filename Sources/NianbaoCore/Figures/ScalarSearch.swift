/// Word search in a clause key (an array of scalars): the few operations the prose reader needs.
extension Array where Element == Unicode.Scalar {
    func contains(anyOf words: [[Unicode.Scalar]]) -> Bool { words.contains { firstIndex(of: $0) != nil } }

    /// `contains(anyOf:)` for words compiled with their masks, in a text whose mask is `mask`: a word
    /// with a scalar the text lacks is passed by without a search.
    func contains(anyOf words: [MaskedWord], mask: ScalarMask) -> Bool {
        words.contains { mask.covers($0.mask) && firstIndex(of: $0.scalars) != nil }
    }

    /// Where `needle` first stands at or after `from`.
    func firstIndex(of needle: [Unicode.Scalar], from: Int = 0) -> Int? {
        guard let head = needle.first, needle.count <= count else { return nil }
        var start = from
        let last = count - needle.count
        while start <= last {
            if self[start] == head {
                var matched = 1
                while matched < needle.count, self[start + matched] == needle[matched] { matched += 1 }
                if matched == needle.count { return start }
            }
            start += 1
        }
        return nil
    }

    /// The clause without the given words (each occurrence taken out, longest words first as listed).
    func removing(_ words: [[Unicode.Scalar]]) -> [Unicode.Scalar] {
        var rest = self
        for word in words {
            while let index = rest.firstIndex(of: word) { rest.removeSubrange(index..<index + word.count) }
        }
        return rest
    }

    /// Every place a word starts.
    func indices(of word: String) -> [Int] {
        indices(of: Array(word.unicodeScalars))
    }

    func indices(of needle: [Unicode.Scalar]) -> [Int] {
        guard !needle.isEmpty, needle.count <= count else { return [] }
        return (0...(count - needle.count)).filter { self[$0..<$0 + needle.count].elementsEqual(needle) }
    }

    /// The years a clause names (2013年, 2013年度), in order.
    var years: [Int] {
        indices.filter { self[$0] == "年" }.compactMap { end -> Int? in
            guard end >= 4, (end - 4..<end).allSatisfy({ ProseNumbers.isDigit(self[$0]) }),
                  end == 4 || !ProseNumbers.isDigit(self[end - 5]) else { return nil }
            let year = Int(String(String.UnicodeScalarView(self[end - 4..<end])))!
            return (1990...2100).contains(year) ? year : nil
        }
    }

    /// A negation word starts before `object` (one that is a word of its own: not 无论, 未来, 没收 …).
    func negation(before object: Int, among negations: [String]) -> Bool {
        let falseNegations = ["无论", "无纸", "无障碍", "无偿", "未来", "未成年", "没收", "无缝", "无线"]
        let falseStarts = Set(falseNegations.flatMap { indices(of: $0) })
        return negations.contains { word in
            indices(of: word).contains { $0 < object && !falseStarts.contains($0) }
        }
    }
}

/// Which of 128 buckets the scalars of a text fall in. A word can stand in a text only if the text's
/// mask covers the word's: most of the phrase words a clause is searched for are ruled out so.
struct ScalarMask: Sendable {
    private var low: UInt64 = 0, high: UInt64 = 0

    init(_ scalars: some Sequence<Unicode.Scalar>) {
        for scalar in scalars {
            let bucket = (scalar.value &* 0x9E37_79B1) >> 25
            if bucket & 64 == 0 { low |= 1 << (bucket & 63) } else { high |= 1 << (bucket & 63) }
        }
    }

    func covers(_ other: ScalarMask) -> Bool { low & other.low == other.low && high & other.high == other.high }
}

/// A word as scalars, with its mask.
struct MaskedWord: Sendable {
    let scalars: [Unicode.Scalar]
    let mask: ScalarMask

    init(_ scalars: [Unicode.Scalar]) {
        self.scalars = scalars
        mask = ScalarMask(scalars)
    }
}

/// OpenCC's own answers, tabled, so that running text costs a lookup per character instead of a
/// dictionary search: what the converter does to each character alone, and which characters take
/// part in a phrase of its dictionaries (segmentation and conversion alike).
///
/// Why this gives OpenCC's output exactly: a phrase can only match where all of its characters stand
/// together, so a stretch of phrase characters bounded by others converts the same alone as in its
/// text, and a stretch in which no phrase occurs converts character by character. Stretches in which
/// a phrase does occur are handed to OpenCC itself, all of a text's in one call.
struct ConversionTable: Sendable {
    /// The BMP scalar a character becomes alone, 0 when it stays itself.
    private var replacement: [UInt32]
    /// BMP characters that occur in a phrase, or that OpenCC must see (several scalars out).
    private var phraseCharacters: [UInt64]
    private var otherPhraseCharacters: Set<UInt32> = []
    /// Characters OpenCC must see even when no phrase occurs.
    private var alwaysConverted: Set<UInt32> = []
    /// The phrases (two characters or more) by their first character.
    private var phrasesByFirst: [UInt32: [[UInt32]]] = [:]
    /// BMP characters that start a phrase or are always converted: only these are looked up in
    /// `phrasesByFirst` and `alwaysConverted` when a stretch is judged.
    private var phraseStartsOrAlways: [UInt64]

    struct Unsupported: Error, CustomStringConvertible {
        var description: String
    }

    /// Learns the table from a converter and the keys of its dictionaries.
    init(converter: ScriptConverter, keys: [String]) throws {
        replacement = Array(repeating: 0, count: 0x10000)
        phraseCharacters = Array(repeating: 0, count: 0x10000 / 64)
        phraseStartsOrAlways = Array(repeating: 0, count: 0x10000 / 64)
        var singles: [UInt32] = []
        for key in keys {
            let scalars = key.unicodeScalars.map(\.value)
            guard !scalars.isEmpty else { continue }
            // Stretches are joined by line breaks for one OpenCC call: a key must not hold one.
            guard !scalars.contains(0x0A) else { throw Unsupported(description: "a dictionary key holds a line break") }
            if scalars.count == 1 {
                singles.append(scalars[0])
            } else {
                phrasesByFirst[scalars[0], default: []].append(scalars)
                Self.mark(scalars[0], in: &phraseStartsOrAlways)
                for scalar in scalars { markPhraseCharacter(scalar) }
            }
        }
        // Each single character converted alone, one per line, in one call.
        let unique = Array(Set(singles)).sorted()
        var batch = String.UnicodeScalarView()
        for value in unique {
            batch.append(Unicode.Scalar(value)!)
            batch.append("\n")
        }
        let answers = converter.convert(String(batch)).unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false)
        guard answers.count >= unique.count else { throw Unsupported(description: "OpenCC changed the line count") }
        for (value, answer) in zip(unique, answers) {
            if answer.count == 1, let only = answer.first, value < 0x10000, only.value < 0x10000 {
                if only.value != value { replacement[Int(value)] = only.value }
            } else {
                alwaysConverted.insert(value)
                Self.mark(value, in: &phraseStartsOrAlways)
                markPhraseCharacter(value)
            }
        }
    }

    private mutating func markPhraseCharacter(_ value: UInt32) {
        if value < 0x10000 {
            Self.mark(value, in: &phraseCharacters)
        } else {
            otherPhraseCharacters.insert(value)
        }
    }

    @inline(__always)
    private func isPhraseCharacter(_ value: UInt32) -> Bool {
        value < 0x10000 ? Self.isMarked(value, in: phraseCharacters) : otherPhraseCharacters.contains(value)
    }

    /// Marks a BMP character in a bit set of the plane; characters beyond it are left out.
    private static func mark(_ value: UInt32, in bits: inout [UInt64]) {
        if value < 0x10000 { bits[Int(value) >> 6] |= 1 << UInt64(value & 63) }
    }

    /// Whether a BMP character is marked in a bit set of the plane.
    @inline(__always)
    private static func isMarked(_ value: UInt32, in bits: [UInt64]) -> Bool {
        bits[Int(value) >> 6] & (1 << UInt64(value & 63)) != 0
    }

    /// Whether converting `value` alone changes it (for judging a report's script).
    func changes(_ value: UInt32) -> Bool {
        (value < 0x10000 && replacement[Int(value)] != 0) || alwaysConverted.contains(value)
    }

    /// `text` as `converter` (the one the table was learnt from) converts it.
    func convert(_ text: String, with converter: ScriptConverter) -> String {
        var text = text
        return text.withUTF8 { bytes -> String in
            guard bytes.contains(where: { $0 >= 0x80 }) else { return String(decoding: bytes, as: UTF8.self) }
            let handedOver = stretchesForOpenCC(bytes)
            var converted: [Substring.UTF8View] = []
            if !handedOver.isEmpty {
                let batch = handedOver.map { String(decoding: UnsafeBufferPointer(rebasing: bytes[$0]), as: UTF8.self) }
                let answer = converter.convert(batch.joined(separator: "\n"))
                converted = Substring(answer).utf8.split(separator: 0x0A, omittingEmptySubsequences: false)
                if converted.count != handedOver.count {
                    return converter.convert(String(decoding: bytes, as: UTF8.self))
                }
            }
            var output: [UInt8] = []
            output.reserveCapacity(bytes.count)
            var next = 0
            var index = 0
            while index < bytes.count {
                if next < handedOver.count && handedOver[next].lowerBound == index {
                    output.append(contentsOf: converted[next])
                    index = handedOver[next].upperBound
                    next += 1
                    continue
                }
                let (value, length) = TextScanning.scalar(in: bytes, at: index)
                if value < 0x10000, let twin = Unicode.Scalar(replacement[Int(value)]), twin.value != 0 {
                    Unicode.UTF8.encode(twin) { output.append($0) }
                } else {
                    output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[index..<index + length]))
                }
                index += length
            }
            return String(decoding: output, as: UTF8.self)
        }
    }

    /// Byte ranges of the maximal stretches of phrase characters in which a phrase occurs (or a
    /// character OpenCC must see stands).
    private func stretchesForOpenCC(_ bytes: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        var stretches: [Range<Int>] = []
        var start = -1
        var scalars: [UInt32] = []
        var index = 0
        while index <= bytes.count {
            let (value, length) = index < bytes.count ? TextScanning.scalar(in: bytes, at: index) : (0, 1)
            if index < bytes.count && isPhraseCharacter(value) {
                if start < 0 { start = index }
                scalars.append(value)
            } else if start >= 0 {
                if needsOpenCC(scalars) { stretches.append(start..<index) }
                start = -1
                scalars.removeAll(keepingCapacity: true)
            }
            index += length
        }
        return stretches
    }

    private func needsOpenCC(_ stretch: [UInt32]) -> Bool {
        for position in stretch.indices {
            let value = stretch[position]
            // Characters beyond the BMP are not in the bit set: they are always looked up.
            if value < 0x10000 && !Self.isMarked(value, in: phraseStartsOrAlways) { continue }
            if alwaysConverted.contains(value) { return true }
            guard let phrases = phrasesByFirst[value] else { continue }
            for phrase in phrases where phrase.count <= stretch.count - position {
                if stretch[position..<position + phrase.count].elementsEqual(phrase) { return true }
            }
        }
        return false
    }
}

import Foundation

/// Folds full-width ASCII forms (０-９, （, ：, ．…) to their half-width twins and the odd spaces and
/// minus signs of pasted text to plain ones, so numbers and punctuation compare as one.
public enum WidthFolding {
    public static func fold(_ text: String) -> String {
        var text = text
        return text.withUTF8 { bytes -> String? in
            // Most text has nothing to fold: find the first scalar that does before allocating.
            // Only the lead bytes that can start a foldable scalar are looked at (`firstCandidate`).
            var index = firstCandidate(bytes, from: 0)
            while index < bytes.count, foldable(bytes, at: index) == nil { index = firstCandidate(bytes, from: index + 1) }
            guard index < bytes.count else { return nil }
            var output = [UInt8]()
            output.reserveCapacity(bytes.count)
            var start = 0
            while index < bytes.count {
                guard let (length, replacement) = foldable(bytes, at: index) else {
                    index = firstCandidate(bytes, from: index + 1)
                    continue
                }
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index]))
                Unicode.UTF8.encode(replacement) { output.append($0) }
                index += length
                start = index
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start...]))
            return String(decoding: output, as: UTF8.self)
        } ?? text
    }

    /// The index of the first lead byte at or after `start` that may begin a scalar that folds (C2,
    /// E2, E3 or EF), or the end. Words without one are skipped eight bytes at a time; a continuation
    /// byte is never taken for a lead.
    @inline(__always)
    private static func firstCandidate(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var index = start
        while index < bytes.count {
            index = ByteWords.skipUnflagged(bytes, from: index) { word in
                ByteWords.equal(0xC2, in: word) | ByteWords.equal(0xE2, in: word) | ByteWords.equal(0xE3, in: word)
                    | ByteWords.equal(0xEF, in: word)
            }
            // A flagged word (or the tail): at most eight bytes by hand, then words again.
            let end = min(index + 8, bytes.count)
            while index < end {
                switch bytes[index] {
                case 0xC2, 0xE2, 0xE3, 0xEF: return index
                default: index += 1
                }
            }
        }
        return index
    }

    /// The byte length and replacement of a scalar that folds and starts at `index`. Every such
    /// scalar is two bytes (C2 A0) or three starting with E2, E3 or EF.
    @inline(__always)
    private static func foldable(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (Int, Unicode.Scalar)? {
        let lead = bytes[index]
        if lead == 0xC2 {
            return index + 1 < bytes.count && bytes[index + 1] == 0xA0 ? (2, " ") : nil
        }
        guard lead == 0xE2 || lead == 0xE3 || lead == 0xEF, index + 2 < bytes.count else { return nil }
        let value = UInt32(lead & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6 | UInt32(bytes[index + 2] & 0x3F)
        if value >= 0xF900 && value <= 0xFAFF, let unified = unifiedIdeographs[Int(value - 0xF900)] {
            return (3, unified)
        }
        guard let scalar = Unicode.Scalar(value), needsFolding(scalar) else { return nil }
        return (3, folded(scalar))
    }

    /// CJK compatibility ideographs (U+F900–FAFF) are canonically the unified ideographs they
    /// decompose to (豈 U+F900 is 豈 U+8C48): folded to them, so that labels compare byte for byte.
    private static let unifiedIdeographs: [Unicode.Scalar?] = (0xF900...0xFAFF).map { value in
        guard let scalar = Unicode.Scalar(UInt32(value)) else { return nil }
        let normalized = String(scalar).precomposedStringWithCanonicalMapping.unicodeScalars
        guard normalized.count == 1, let only = normalized.first, only != scalar else { return nil }
        return only
    }

    @inline(__always)
    static func needsFolding(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        return (value >= 0xFF01 && value <= 0xFF5E) || value == 0x3000 || value == 0x00A0
            || value == 0x2212 || value == 0xFE63 || value == 0xFE62 || value == 0x2009 || value == 0x200B
            || value == 0xFEFF
    }

    @inline(__always)
    static func folded(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        let value = scalar.value
        switch value {
        case 0xFF01...0xFF5E: return Unicode.Scalar(value - 0xFEE0)!
        case 0x3000, 0x00A0, 0x2009: return " "
        case 0x200B, 0xFEFF: return " "
        case 0x2212, 0xFE63: return "-"
        case 0xFE62: return "+"
        default: return scalar
        }
    }
}

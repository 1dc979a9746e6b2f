import CSystemShims
import Foundation

/// Byte- and scalar-level helpers for the hot paths: searching UTF-8 bytes instead of Characters,
/// and classifying scalars by range instead of Unicode property lookups.
enum TextScanning {
    /// White space as Unicode defines it (the scalars `Unicode.Scalar.Properties.isWhitespace` accepts).
    @inline(__always)
    static func isSpace(_ value: UInt32) -> Bool {
        switch value {
        case 0x20, 0x09...0x0D, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: return true
        default: return false
        }
    }

    /// The length in bytes of the scalar whose UTF-8 starts with `lead` (1 for a stray continuation
    /// byte), so that scans over valid text can step a whole scalar at a time.
    @inline(__always)
    static func scalarLength(lead: UInt8) -> Int {
        lead < 0xC0 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
    }

    /// The scalar whose UTF-8 starts at `index`, and its length in bytes (cut short at the end).
    @inline(__always)
    static func scalar(in bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (value: UInt32, length: Int) {
        let lead = bytes[index]
        if lead < 0x80 { return (UInt32(lead), 1) }
        let length = scalarLength(lead: lead)
        let end = min(index + length, bytes.count)
        var value = UInt32(lead) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
        for offset in index + 1 ..< end { value = value << 6 | UInt32(bytes[offset] & 0x3F) }
        return (value, end - index)
    }

    /// Han ideographs (CJK unified ideographs and their extensions, compatibility ideographs).
    @inline(__always)
    static func isHan(_ value: UInt32) -> Bool {
        (0x4E00...0x9FFF).contains(value) || (0x3400...0x4DBF).contains(value) || (0xF900...0xFAFF).contains(value)
            || (0x20000...0x3134F).contains(value)
    }
}

extension String {
    /// The string's Unicode scalars as an array, decoded in one pass (`Array(unicodeScalars)` counts
    /// them first, decoding a long paragraph twice).
    var scalarArray: [Unicode.Scalar] {
        var scalars: [Unicode.Scalar] = []
        scalars.reserveCapacity(utf8.count)
        for scalar in unicodeScalars { scalars.append(scalar) }
        return scalars
    }

    /// Whether the string's UTF-8 holds `byte` (memchr).
    func containsByte(_ byte: UInt8) -> Bool {
        var text = self
        return text.withUTF8 { bytes in bytes.baseAddress.map { memchr($0, Int32(byte), bytes.count) != nil } ?? false }
    }

    /// Whether `needle` occurs in the string, compared as UTF-8 bytes (no Unicode folding).
    func containsBytes(_ needle: String) -> Bool {
        var needle = needle
        var haystack = self
        return haystack.withUTF8 { hay in
            needle.withUTF8 { pin in ByteSearch.contains(hay, pin) }
        }
    }

    /// Byte equality: no Unicode normalisation, a length check and one `memcmp`.
    func hasSameBytes(as other: String) -> Bool {
        guard utf8.count == other.utf8.count else { return false }
        guard !isEmpty else { return true }
        var this = self, other = other
        return this.withUTF8 { mine in other.withUTF8 { theirs in memcmp(mine.baseAddress!, theirs.baseAddress!, mine.count) == 0 } }
    }

    /// The longest prefix of at most `count` UTF-8 bytes that ends on a scalar boundary.
    func utf8Prefix(_ count: Int) -> String {
        let bytes = utf8
        guard bytes.count > count else { return self }
        var end = bytes.index(bytes.startIndex, offsetBy: count)
        // Back off continuation bytes (10xxxxxx) to the start of the scalar that straddles the limit.
        while end > bytes.startIndex, bytes[end] & 0xC0 == 0x80 { end = bytes.index(before: end) }
        return String(Substring(bytes[..<end]))
    }
}

extension StringProtocol {
    /// Whether the string starts with `prefix`, compared as UTF-8 bytes. Labels and keys are
    /// width-folded (compatibility ideographs included), so bytes are what equality means for them.
    func hasPrefixBytes(_ prefix: String) -> Bool {
        utf8.count >= prefix.utf8.count && utf8.starts(with: prefix.utf8)
    }
}

enum ByteSearch {
    /// glibc's `memmem`, far quicker than a byte loop over a long paragraph.
    static func contains(_ haystack: UnsafeBufferPointer<UInt8>, _ needle: UnsafeBufferPointer<UInt8>) -> Bool {
        guard !needle.isEmpty else { return true }
        guard haystack.count >= needle.count, let hay = haystack.baseAddress, let pin = needle.baseAddress else { return false }
        return nianbao_contains_bytes(hay, haystack.count, pin, needle.count) != 0
    }

    /// Where `needle` first stands in `haystack` (a byte offset), nil when it does not.
    static func firstOffset(_ haystack: UnsafeBufferPointer<UInt8>, _ needle: [UInt8]) -> Int? {
        guard !needle.isEmpty, haystack.count >= needle.count, let hay = haystack.baseAddress else { return nil }
        let offset = needle.withUnsafeBufferPointer { pin in nianbao_find_bytes(hay, haystack.count, pin.baseAddress!, pin.count) }
        return offset < 0 ? nil : offset
    }
}

extension StringProtocol {
    /// At most `limit` Unicode scalars, counted without walking a long paragraph to its end: the
    /// byte count settles most cases (a scalar is one to four bytes), else `limit` scalars are stepped
    /// over. Scalars, not Characters: grapheme breaking costs far more, and in Chinese text they agree.
    func hasAtMost(_ limit: Int) -> Bool {
        let bytes = utf8.count
        if bytes <= limit { return true }
        if bytes > 4 * limit { return false }
        return unicodeScalars.dropFirst(limit).isEmpty
    }
}

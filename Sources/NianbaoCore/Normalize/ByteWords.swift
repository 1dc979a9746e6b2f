/// Eight bytes at a time: skips the long runs of Chinese text in which no byte needs escaping or
/// quoting, a word per step instead of a byte per step.
enum ByteWords {
    private static let ones: UInt64 = 0x0101_0101_0101_0101
    private static let highBits: UInt64 = 0x8080_8080_8080_8080

    /// The high bit of each byte of `word` below `limit` (at most 0x80) is among those of the result:
    /// zero exactly when no byte is below it.
    @inline(__always)
    static func below(_ limit: UInt8, in word: UInt64) -> UInt64 {
        (word &- ones &* UInt64(limit)) & ~word & highBits
    }

    /// Zero exactly when no byte of `word` equals `byte`.
    @inline(__always)
    static func equal(_ byte: UInt8, in word: UInt64) -> UInt64 {
        below(1, in: word ^ (ones &* UInt64(byte)))
    }

    /// The index of the first word-aligned stretch at or after `start` in which `flags` marks a
    /// byte, or where fewer than eight bytes are left: the caller goes on byte by byte from there.
    @inline(__always)
    static func skipUnflagged(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, flags: (UInt64) -> UInt64) -> Int {
        guard let base = bytes.baseAddress else { return start }
        let raw = UnsafeRawPointer(base)
        var index = start
        while index + 8 <= bytes.count, flags(raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)) == 0 {
            index += 8
        }
        return index
    }

    /// A count over a text's bytes, eight at a step: `word` counts in a whole word, `byte` in each of
    /// the last bytes (fewer than eight).
    @inline(__always)
    static func count(_ text: String, word: (UInt64) -> Int, byte: (UInt8) -> Int) -> Int {
        var text = text
        return text.withUTF8 { bytes in
            var total = 0
            var index = 0
            if let base = bytes.baseAddress {
                let raw = UnsafeRawPointer(base)
                while index + 8 <= bytes.count {
                    total += word(raw.loadUnaligned(fromByteOffset: index, as: UInt64.self))
                    index += 8
                }
            }
            while index < bytes.count {
                total += byte(bytes[index])
                index += 1
            }
            return total
        }
    }
}

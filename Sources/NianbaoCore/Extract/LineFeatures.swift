/// What a capture's line holds, found in one pass over its bytes, so that the readers of pipe rows,
/// boxes, rows of values, column gaps and Markdown marks look only at lines they can apply to:
/// most lines are running text, and hold none of these.
struct LineFeatures {
    /// A space, tab, ideographic space (U+3000) or no-break space (U+00A0).
    var space = false
    /// Two ASCII spaces in a row, or a tab: a layout's column gap.
    var gap = false
    /// An ASCII or full-width digit.
    var digit = false
    /// `|` or a box-drawing character (U+2500–U+257F).
    var separator = false
    /// `#`, `*`, `\`, `[`, `_` or `!`: a Markdown mark may stand in the line.
    var markdown = false

    /// Bytes that may begin a feature: ASCII, and the lead bytes of U+00A0, U+2500–U+257F, U+3000
    /// and the full-width digits.
    @inline(__always)
    private static func flags(_ word: UInt64) -> UInt64 {
        ByteWords.below(0x80, in: word) | ByteWords.equal(0xC2, in: word) | ByteWords.equal(0xE2, in: word)
            | ByteWords.equal(0xE3, in: word) | ByteWords.equal(0xEF, in: word)
    }

    init(_ line: String) {
        var line = line
        line.withUTF8 { bytes in
            var previousSpace = false
            var index = 0
            // Bytes up to here are read one by one (a flagged stretch of eight), then words again.
            var slowUntil = 0
            while index < bytes.count {
                // Runs of Chinese text hold no byte of interest: eight bytes a step through them.
                if index >= slowUntil && !previousSpace {
                    index = ByteWords.skipUnflagged(bytes, from: index, flags: Self.flags)
                    slowUntil = index + 8
                    guard index < bytes.count else { break }
                }
                let byte = bytes[index]
                switch byte {
                case 0x20:
                    space = true
                    if previousSpace { gap = true }
                    previousSpace = true
                    index += 1
                    continue
                case 0x09:
                    space = true
                    gap = true
                case 0x30...0x39:
                    digit = true
                case 0x7C:
                    separator = true
                case 0x23, 0x2A, 0x5C, 0x5B, 0x5F, 0x21:
                    markdown = true
                case 0xC2 where index + 1 < bytes.count && bytes[index + 1] == 0xA0:
                    space = true
                case 0xE3 where index + 2 < bytes.count && bytes[index + 1] == 0x80 && bytes[index + 2] == 0x80:
                    space = true
                case 0xE2 where index + 1 < bytes.count && (bytes[index + 1] == 0x94 || bytes[index + 1] == 0x95):
                    separator = true
                case 0xEF where index + 2 < bytes.count && bytes[index + 1] == 0xBC && (0x90...0x99).contains(bytes[index + 2]):
                    digit = true
                default:
                    break
                }
                previousSpace = false
                index += 1
            }
        }
    }
}

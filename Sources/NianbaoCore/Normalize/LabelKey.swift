/// The comparable form of a label: width-folded, numbering dropped, and without spaces, quotes and
/// punctuation, so `（三）不予公开`, `(三)不予公开` and `不予 公开` are one key. Expects simplified script.
public enum LabelKey {
    public static func make(_ text: String) -> String {
        key(ofFolded: WidthFolding.fold(text))
    }

    /// The key of text that is already width-folded (a token's `folded` form).
    static func key(ofFolded folded: String) -> String {
        // Numbers, the most common short texts in a report, are their own key.
        if !folded.isEmpty, folded.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) { return folded }
        var body = Numbering.read(folded)?.rest ?? Substring(folded)
        // Scalars are kept or dropped whole; the runs between dropped ones are copied as UTF-8 bytes.
        return body.withUTF8 { bytes in
            var key = [UInt8]()
            var runStart = 0
            var index = 0
            while index < bytes.count {
                // Lead bytes E4–EF start U+4000–U+FFFF: Han and other text, never dropped.
                if bytes[index] >= 0xE4 && bytes[index] < 0xF0 {
                    index += 3
                    continue
                }
                let (value, length) = TextScanning.scalar(in: bytes, at: index)
                if TextScanning.isSpace(value) || isIgnored(value) {
                    if key.isEmpty { key.reserveCapacity(bytes.count) }
                    key.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                    runStart = index + length
                }
                index += length
            }
            // Nothing dropped: the body is its own key.
            if runStart == 0 { return String(decoding: bytes, as: UTF8.self) }
            key.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<min(index, bytes.count)]))
            return String(decoding: key, as: UTF8.self)
        }
    }

    /// Quotes, brackets and punctuation: “”‘’"'「」『』()[]【】《》<>〈〉,.:;!?、。·•/\|-—–_~*#
    @inline(__always)
    static func isIgnored(_ value: UInt32) -> Bool {
        switch value {
        case 0x22, 0x23, 0x27, 0x28, 0x29, 0x2A, 0x2C, 0x2D, 0x2E, 0x2F, 0x3A, 0x3B, 0x3C, 0x3E, 0x3F, 0x21,
             0x5B, 0x5C, 0x5D, 0x5F, 0x7C, 0x7E, 0xB7,
             0x2013, 0x2014, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
             0x3001, 0x3002, 0x3008, 0x3009, 0x300A, 0x300B, 0x300C, 0x300D, 0x300E, 0x300F, 0x3010, 0x3011:
            return true
        default:
            return false
        }
    }
}

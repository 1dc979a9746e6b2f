/// The comparable form of a label: width-folded, numbering dropped, and without spaces, quotes and
/// punctuation, so `（三）不予公开`, `(三)不予公开` and `不予 公开` are one key. Expects simplified script.
public enum LabelKey {
    public static func make(_ text: String) -> String {
        // Numbers, the most common short texts in a report, are their own key.
        if !text.isEmpty, text.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) { return text }
        let folded = WidthFolding.fold(text)
        let body = Numbering.read(folded)?.rest ?? Substring(folded)
        var key = String.UnicodeScalarView()
        for scalar in body.unicodeScalars where !TextScanning.isSpace(scalar.value) && !isIgnored(scalar.value) {
            key.append(scalar)
        }
        return String(key)
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

/// A Chinese ordinal followed by `、` (`二、`), looked for on a text's UTF-8 bytes before any of its
/// characters are read: most long lines hold none, and are passed by at the cost of a byte scan.
struct OrdinalMarks {
    /// The ordinals' UTF-8 bytes (each three).
    private let ordinals: [(UInt8, UInt8, UInt8)]

    init(_ ordinals: String) {
        self.ordinals = ordinals.map { character in
            let bytes = Array(String(character).utf8)
            return (bytes[0], bytes[1], bytes[2])
        }
    }

    /// Whether an ordinal and `、` (E3 80 81) stand in `text`, after a space when `afterSpace`.
    func occur(in text: String, afterSpace: Bool) -> Bool {
        var text = text
        let lead = afterSpace ? 1 : 0
        return text.withUTF8 { bytes in
            var index = 0
            while index + lead + 6 <= bytes.count {
                let start = index + lead
                if (!afterSpace || bytes[index] == 0x20), bytes[start + 3] == 0xE3, bytes[start + 4] == 0x80, bytes[start + 5] == 0x81,
                   ordinals.contains(where: { $0.0 == bytes[start] && $0.1 == bytes[start + 1] && $0.2 == bytes[start + 2] }) {
                    return true
                }
                index += 1
            }
            return false
        }
    }
}

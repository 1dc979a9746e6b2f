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

    /// Whether an ordinal and `、` (E3 80 81) stand in `text`, after a space when `afterSpace`: each
    /// `、` is found by memmem and the bytes before it are looked at.
    func occur(in text: String, afterSpace: Bool) -> Bool {
        var text = text
        let lead = afterSpace ? 4 : 3
        return text.withUTF8 { bytes in
            var from = lead
            while from + 3 <= bytes.count,
                  let found = ByteSearch.firstOffset(UnsafeBufferPointer(rebasing: bytes[from...]), Self.enumerationComma) {
                let mark = from + found
                if !afterSpace || bytes[mark - 4] == 0x20,
                   ordinals.contains(where: { $0.0 == bytes[mark - 3] && $0.1 == bytes[mark - 2] && $0.2 == bytes[mark - 1] }) {
                    return true
                }
                from = mark + 3
            }
            return false
        }
    }

    private static let enumerationComma: [UInt8] = [0xE3, 0x80, 0x81]
}

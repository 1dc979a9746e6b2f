/// Folds full-width ASCII forms (０-９, （, ：, ．…) to their half-width twins and the odd spaces and
/// minus signs of pasted text to plain ones, so numbers and punctuation compare as one.
public enum WidthFolding {
    public static func fold(_ text: String) -> String {
        var text = text
        return text.withUTF8 { bytes -> String? in
            // Every scalar that folds is two or three bytes long and starts with C2, E2, E3 or EF.
            guard bytes.contains(where: { $0 == 0xEF || $0 == 0xE3 || $0 == 0xE2 || $0 == 0xC2 }) else { return nil }
            var output = [UInt8]()
            output.reserveCapacity(bytes.count)
            var changed = false
            var index = 0
            while index < bytes.count {
                let lead = bytes[index]
                let length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
                guard length > 1, index + length <= bytes.count else {
                    output.append(lead)
                    index += 1
                    continue
                }
                var value = UInt32(lead) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
                for offset in 1..<length { value = value << 6 | UInt32(bytes[index + offset] & 0x3F) }
                if let scalar = Unicode.Scalar(value), needsFolding(scalar) {
                    output.append(UInt8(folded(scalar).value))
                    changed = true
                } else {
                    output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[index..<index + length]))
                }
                index += length
            }
            return changed ? String(decoding: output, as: UTF8.self) : nil
        } ?? text
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

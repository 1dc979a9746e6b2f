/// Folds full-width ASCII forms (０-９, （, ：, ．…) to their half-width twins and the odd spaces and
/// minus signs of pasted text to plain ones, so numbers and punctuation compare as one.
public enum WidthFolding {
    public static func fold(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: needsFolding) else { return text }
        var scalars = String.UnicodeScalarView()
        scalars.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars {
            scalars.append(folded(scalar))
        }
        return String(scalars)
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

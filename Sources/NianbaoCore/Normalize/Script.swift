/// The script a report is written in, judged by the share of its Han characters that a
/// traditional-to-simplified conversion (OpenCC `t2s`) would change.
public enum Script: String, Sendable {
    case simplified
    case traditional
    case mixed

    static func judge(_ texts: [String], traditional: TraditionalCharacters) -> Script {
        var han = 0, changed = 0
        for var text in texts {
            text.withUTF8 { bytes in
                var index = 0
                let count = bytes.count
                while index < count {
                    let lead = bytes[index]
                    // ASCII (numbers, markup leftovers) is skipped without decoding.
                    if lead < 0x80 {
                        index += 1
                        continue
                    }
                    // Three bytes: the Basic Multilingual Plane, where nearly all Han characters are;
                    // one table lookup says whether it is Han and whether t2s changes it.
                    if lead & 0xF0 == 0xE0 && index + 2 < count {
                        let value = Int(lead & 0x0F) << 12 | Int(bytes[index + 1] & 0x3F) << 6 | Int(bytes[index + 2] & 0x3F)
                        let kind = traditional.kind(ofBMP: value)
                        han &+= Int(kind & 1)
                        changed &+= Int(kind >> 1)
                        index += 3
                        continue
                    }
                    let (value, length) = TextScanning.scalar(in: bytes, at: index)
                    if TextScanning.isHan(value) {
                        han += 1
                        if traditional.contains(value) { changed += 1 }
                    }
                    index += length
                }
            }
        }
        guard han > 0 else { return .simplified }
        let share = Double(changed) / Double(han)
        if share >= 0.06 { return .traditional }
        if share >= 0.01 && changed >= 5 { return .mixed }
        return .simplified
    }
}

/// The Han characters of the Basic Multilingual Plane that OpenCC's `t2s` changes, learnt once per
/// converter from OpenCC itself: judging a report's script then needs no conversion at all.
public struct TraditionalCharacters: Sendable, Equatable {
    private static let ranges: [ClosedRange<UInt32>] = [0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF]
    private static let han: UInt8 = 1, changed: UInt8 = 2
    /// For every scalar of the Basic Multilingual Plane: bit 0 set for a Han character, bit 1 for
    /// one that t2s changes. Judging reads one byte per character instead of testing ranges.
    private var kinds: [UInt8] = (0..<0x10000).map { TextScanning.isHan(UInt32($0)) ? TraditionalCharacters.han : 0 }

    init(learningFrom converter: ScriptConverter) {
        for range in Self.ranges {
            // Characters one per line, so that no two of them form a phrase OpenCC would convert as a whole.
            var batch = String.UnicodeScalarView()
            for value in range {
                batch.append(Unicode.Scalar(value)!)
                batch.append("\n")
            }
            let converted = converter.convert(String(batch)).unicodeScalars.split(separator: "\n")
            for (value, twin) in zip(range, converted) where twin.count != 1 || twin.first!.value != value {
                kinds[Int(value)] |= Self.changed
            }
        }
    }

    /// The Han characters the table says OpenCC changes alone: the same set, with no conversion.
    init(_ table: ConversionTable) {
        for range in Self.ranges {
            for value in range where table.changes(value) { kinds[Int(value)] |= Self.changed }
        }
    }

    /// Bit 0: Han; bit 1: changed by t2s. `value` must be below 0x10000.
    @inline(__always)
    func kind(ofBMP value: Int) -> UInt8 {
        kinds.withUnsafeBufferPointer { $0[value] }
    }

    @inline(__always)
    func contains(_ value: UInt32) -> Bool {
        value < 0x10000 && kinds[Int(value)] & Self.changed != 0
    }
}

import Foundation

/// Turns a file's bytes into text, telling which encoding was used, or says why it cannot.
public enum InputDecoder {
    public struct Decoded: Sendable, Equatable {
        public var text: String
        /// `utf-8`, `utf-8-bom`, `utf-16le`, `utf-16be`, `gb18030` or `big5`.
        public var encoding: String
    }

    public enum Failure: Error, Equatable, Sendable, CustomStringConvertible {
        case empty
        case binary
        case undecodable

        public var description: String {
            switch self {
            case .empty: return "empty file"
            case .binary: return "binary file (NUL bytes outside UTF-16 text)"
            case .undecodable: return "not decodable as UTF-8, UTF-16, GB18030 or Big5"
            }
        }
    }

    /// Decodes `bytes`. A byte-order mark decides; then a charset the page declares
    /// (`declared`, HTML only); then strict UTF-8; then GB18030 or Big5, whichever reads as Chinese.
    public static func decode(_ bytes: [UInt8], declared: String? = nil) -> Result<Decoded, Failure> {
        if bytes.isEmpty || bytes.allSatisfy(isWhitespaceByte) { return .failure(.empty) }
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            return utf8(Array(bytes.dropFirst(3)), name: "utf-8-bom")
        }
        if bytes.starts(with: [0xFF, 0xFE]) {
            return utf16(Array(bytes.dropFirst(2)), littleEndian: true)
        }
        if bytes.starts(with: [0xFE, 0xFF]) {
            return utf16(Array(bytes.dropFirst(2)), littleEndian: false)
        }
        // glibc's memchr: a vectorised scan of the whole file, where a byte loop costs 1% of a run.
        if bytes.withUnsafeBytes({ memchr($0.baseAddress!, 0, $0.count) }) != nil {
            // UTF-16 without a mark still has a NUL in every other byte of its ASCII.
            if let littleEndian = unmarkedUTF16ByteOrder(bytes) {
                return utf16(bytes, littleEndian: littleEndian)
            }
            return .failure(.binary)
        }
        if let declared, let name = legacyName(declared) {
            if let text = Transcoder.decode(bytes, from: name.iconv) {
                return .success(Decoded(text: text, encoding: name.reported))
            }
        }
        if let text = String(validating: bytes, as: UTF8.self) {
            return .success(Decoded(text: text, encoding: "utf-8"))
        }
        var candidates = [("GB18030", "gb18030"), ("BIG5", "big5")].compactMap { name, reported -> (String, String, Int)? in
            guard let text = Transcoder.decode(bytes, from: name) else { return nil }
            return (text, reported, ChineseLikeness.score(text))
        }
        // UTF-8 with a few broken sequences (a download cut mid-character, a damaged byte) is still
        // UTF-8: the broken bytes become U+FFFD, which the likeness score counts against it.
        let repaired = String(decoding: bytes, as: UTF8.self)
        let damaged = repaired.unicodeScalars.lazy.filter { $0 == "\u{FFFD}" }.count
        if damaged <= max(4, bytes.count / 1000) {
            candidates.append((repaired, "utf-8", ChineseLikeness.score(repaired)))
        }
        guard let best = candidates.max(by: { $0.2 < $1.2 }), best.2 > 0 else {
            return .failure(.undecodable)
        }
        return .success(Decoded(text: best.0, encoding: best.1))
    }

    private static func utf8(_ bytes: [UInt8], name: String) -> Result<Decoded, Failure> {
        guard let text = String(validating: bytes, as: UTF8.self) else { return .failure(.undecodable) }
        return .success(Decoded(text: text, encoding: name))
    }

    private static func utf16(_ bytes: [UInt8], littleEndian: Bool) -> Result<Decoded, Failure> {
        guard bytes.count % 2 == 0 else { return .failure(.undecodable) }
        var units = [UInt16]()
        units.reserveCapacity(bytes.count / 2)
        var index = 0
        while index < bytes.count {
            let first = UInt16(bytes[index]), second = UInt16(bytes[index + 1])
            units.append(littleEndian ? first | second << 8 : first << 8 | second)
            index += 2
        }
        guard let text = String(validating: units, as: UTF16.self) else { return .failure(.undecodable) }
        return .success(Decoded(text: text, encoding: littleEndian ? "utf-16le" : "utf-16be"))
    }

    /// Little or big endian when most NULs sit on one parity of a mostly-ASCII text; nil otherwise.
    private static func unmarkedUTF16ByteOrder(_ bytes: [UInt8]) -> Bool? {
        guard bytes.count % 2 == 0 else { return nil }
        var evenNULs = 0, oddNULs = 0
        for (offset, byte) in bytes.prefix(4096).enumerated() where byte == 0 {
            if offset % 2 == 0 { evenNULs += 1 } else { oddNULs += 1 }
        }
        let pairs = min(bytes.count, 4096) / 2
        if oddNULs > pairs / 4 && evenNULs == 0 { return true }
        if evenNULs > pairs / 4 && oddNULs == 0 { return false }
        return nil
    }

    private static func legacyName(_ declared: String) -> (iconv: String, reported: String)? {
        switch declared.lowercased().trimmingCharacters(in: .whitespaces) {
        case "gb2312", "gbk", "gb18030", "x-gbk", "cp936", "euc-cn":
            return ("GB18030", "gb18030")
        case "big5", "big5-hkscs", "x-x-big5", "cp950":
            return ("BIG5", "big5")
        default:
            return nil
        }
    }

    private static func isWhitespaceByte(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }
}

/// How much a decoded text reads like a Chinese government report: counts characters that such
/// reports use constantly (in both scripts), minus replacement and private-use characters.
enum ChineseLikeness {
    private static let frequent: Set<Character> = Set(
        "的政府信息公开開年度报報告工作情况況申请請行部门門办辦理和在了主动動人民市县縣"
    )

    static func score(_ text: String) -> Int {
        var score = 0
        for scalar in text.unicodeScalars.prefix(20_000) {
            if scalar.value >= 0xE000 && scalar.value <= 0xF8FF || scalar == "\u{FFFD}" {
                score -= 4
            } else if frequent.contains(Character(scalar)) {
                score += 1
            }
        }
        return score
    }
}

import Crypto

/// Lowercase hex of digests: the first bytes of a text's SHA-256 as stable ids and fingerprints
/// (parser version, organ_id) that are the same on every machine and run, a file's SHA-256, page digests.
enum ShortDigest {
    static func hex(of text: String, bytes: Int) -> String {
        hex(SHA256.hash(data: Array(text.utf8)).prefix(bytes))
    }

    /// Hex digits from a table: `String(format:)` per byte had cost a tenth of hashing a file.
    static func hex(_ bytes: some Sequence<UInt8>) -> String {
        var hex: [UInt8] = []
        hex.reserveCapacity(64)
        for byte in bytes {
            hex.append(digits[Int(byte >> 4)])
            hex.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: hex, as: UTF8.self)
    }

    /// The bytes of lowercase hex; nil for anything else.
    static func bytes(ofHex hex: String) -> [UInt8]? {
        let text = Array(hex.utf8)
        guard text.count % 2 == 0 else { return nil }
        func value(_ digit: UInt8) -> UInt8? { digits.firstIndex(of: digit).map(UInt8.init) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.count / 2)
        for index in stride(from: 0, to: text.count, by: 2) {
            guard let high = value(text[index]), let low = value(text[index + 1]) else { return nil }
            bytes.append(high << 4 | low)
        }
        return bytes
    }

    private static let digits = Array("0123456789abcdef".utf8)
}

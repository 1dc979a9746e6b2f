import Crypto

/// The first bytes of a text's SHA-256 as lowercase hex: stable ids and fingerprints (parser
/// version, organ_id) that are the same on every machine and run.
enum ShortDigest {
    static func hex(of text: String, bytes: Int) -> String {
        SHA256.hash(data: Array(text.utf8)).prefix(bytes).map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Strict decoding of legacy Chinese encodings through the C library's iconv.
enum Transcoder {
    /// Decodes `bytes` from `encoding` (an iconv name such as `GB18030` or `BIG5`);
    /// nil when iconv does not know the encoding or any byte sequence is invalid.
    static func decode(_ bytes: [UInt8], from encoding: String) -> String? {
        let converter = iconv_open("UTF-8", encoding)
        guard let converter, Int(bitPattern: converter) != -1 else { return nil }
        defer { iconv_close(converter) }

        var input = bytes
        var output = [UInt8](repeating: 0, count: bytes.count * 4 + 16)
        let produced: Int? = input.withUnsafeMutableBufferPointer { inBuffer in
            output.withUnsafeMutableBufferPointer { outBuffer in
                var inPointer = UnsafeMutableRawPointer(inBuffer.baseAddress)?.assumingMemoryBound(to: CChar.self)
                var inLeft = inBuffer.count
                var outPointer = UnsafeMutableRawPointer(outBuffer.baseAddress)?.assumingMemoryBound(to: CChar.self)
                var outLeft = outBuffer.count
                if inLeft == 0 { return 0 }
                let result = iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft)
                guard result != -1 && inLeft == 0 else { return nil }
                return outBuffer.count - outLeft
            }
        }
        guard let produced else { return nil }
        return String(decoding: output[0..<produced], as: UTF8.self)
    }
}

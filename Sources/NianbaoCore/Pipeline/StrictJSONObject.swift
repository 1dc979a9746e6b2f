import Foundation

/// A flat JSON object read strictly (RFC 8259), for `pipeline.json`. Foundation's reader accepts
/// trailing commas and lets a repeated key silently win; in a configuration both hide a mistake,
/// so here they are errors, as are values that are objects or arrays. Strings are decoded by
/// Foundation; this type only walks the object's structure.
struct StrictJSONObject {
    enum Value: Equatable {
        case string(String)
        /// The number as written, so that `1.5` and `1e3` can be told from whole numbers.
        case number(String)
        case bool(Bool)
        case null
    }

    struct Invalid: Error, CustomStringConvertible {
        var description: String
    }

    /// Keys in the order written.
    private(set) var keys: [String] = []
    private(set) var values: [String: Value] = [:]

    init(_ data: Data) throws {
        var bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        var reader = Reader(bytes: bytes)
        try reader.expect(UInt8(ascii: "{"), "the file must be one JSON object, starting with {")
        if try reader.peek() == UInt8(ascii: "}") {
            reader.position += 1
        } else {
            while true {
                let key = try reader.string()
                if values[key] != nil { throw Invalid(description: "key \"\(key)\" appears twice") }
                try reader.expect(UInt8(ascii: ":"), "expected : after \"\(key)\"")
                values[key] = try reader.value(for: key)
                keys.append(key)
                let next = try reader.peek()
                reader.position += 1
                if next == UInt8(ascii: "}") { break }
                guard next == UInt8(ascii: ",") else { throw Invalid(description: "expected , or } after \"\(key)\"") }
                if try reader.peek() == UInt8(ascii: "}") { throw Invalid(description: "trailing comma after \"\(key)\"") }
            }
        }
        if reader.skipSpace() < bytes.count { throw Invalid(description: "text after the closing }") }
    }

    private struct Reader {
        let bytes: [UInt8]
        var position = 0

        /// Skips white space; returns the position of the next byte.
        @discardableResult
        mutating func skipSpace() -> Int {
            while position < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[position]) { position += 1 }
            return position
        }

        mutating func peek() throws -> UInt8 {
            guard skipSpace() < bytes.count else { throw Invalid(description: "the file ends before the object does") }
            return bytes[position]
        }

        mutating func expect(_ byte: UInt8, _ message: String) throws {
            guard try peek() == byte else { throw Invalid(description: message) }
            position += 1
        }

        mutating func string() throws -> String {
            guard try peek() == UInt8(ascii: "\"") else { throw Invalid(description: "expected a key in double quotes") }
            let start = position
            position += 1
            while position < bytes.count, bytes[position] != UInt8(ascii: "\"") {
                position += bytes[position] == UInt8(ascii: "\\") ? 2 : 1
            }
            guard position < bytes.count else { throw Invalid(description: "a string is not closed") }
            position += 1
            let literal = Data(bytes[start..<position])
            guard let text = try? JSONSerialization.jsonObject(with: literal, options: .fragmentsAllowed) as? String else {
                throw Invalid(description: "a string is not valid JSON")
            }
            return text
        }

        mutating func value(for key: String) throws -> Value {
            let first = try peek()
            switch first {
            case UInt8(ascii: "\""):
                return .string(try string())
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                throw Invalid(description: "\"\(key)\" must be a single value, not an object or a list")
            default:
                let start = position
                while position < bytes.count, !",}] \t\r\n".utf8.contains(bytes[position]) { position += 1 }
                let word = String(decoding: bytes[start..<position], as: UTF8.self)
                switch word {
                case "true": return .bool(true)
                case "false": return .bool(false)
                case "null": return .null
                default:
                    guard word.wholeMatch(of: /-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?/) != nil else {
                        throw Invalid(description: "\"\(key)\" has a value that is not JSON: \(word)")
                    }
                    return .number(word)
                }
            }
        }
    }
}

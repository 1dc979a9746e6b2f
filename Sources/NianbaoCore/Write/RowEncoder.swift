import Foundation

/// Encodes output rows as CSV (RFC 4180, CRLF, formula-safe text) and as JSON Lines, with the same
/// columns in the same order, straight into UTF-8 bytes. Both forms are byte-for-byte deterministic.
public struct RowEncoder: Sendable {
    public let schema: OutputSchema
    private let jsonKeys: [[UInt8]]

    public init(schema: OutputSchema) {
        self.schema = schema
        jsonKeys = schema.fields.map { field in
            var key: [UInt8] = []
            JSONText.append(field.name, to: &key)
            return key + [UInt8(ascii: ":")]
        }
    }

    /// The CSV header line.
    public var csvHeader: String {
        schema.fields.map { CSVField.escape($0.name) }.joined(separator: ",") + "\r\n"
    }

    public func csvLine(_ row: [FieldValue]) -> String {
        var bytes: [UInt8] = []
        appendCSV(row, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    public func jsonLine(_ row: [FieldValue]) -> String {
        var bytes: [UInt8] = []
        appendJSON(row, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    public func appendCSV(_ row: [FieldValue], to bytes: inout [UInt8]) {
        precondition(row.count == schema.fields.count, "row of \(row.count) values for \(schema.name)")
        for (index, value) in row.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            switch value {
            case .empty: break
            case .integer(let integer): bytes.append(contentsOf: String(integer).utf8)
            case .number(let number): bytes.append(contentsOf: FieldValue.plain(number).utf8)
            case .text(let text): CSVField.append(CSVField.formulaSafe(text), to: &bytes)
            }
        }
        bytes.append(contentsOf: [0x0D, 0x0A])
    }

    public func appendJSON(_ row: [FieldValue], to bytes: inout [UInt8]) {
        precondition(row.count == schema.fields.count, "row of \(row.count) values for \(schema.name)")
        bytes.append(UInt8(ascii: "{"))
        for (index, value) in row.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            bytes.append(contentsOf: jsonKeys[index])
            switch value {
            case .empty: bytes.append(contentsOf: "null".utf8)
            case .integer(let integer): bytes.append(contentsOf: String(integer).utf8)
            case .number(let number): bytes.append(contentsOf: FieldValue.plain(number).utf8)
            case .text(let text): JSONText.append(text, to: &bytes)
            }
        }
        bytes.append(contentsOf: [UInt8(ascii: "}"), 0x0A])
    }
}

enum CSVField {
    /// Quotes a field when it holds a comma, quote or line break (RFC 4180).
    static func escape(_ field: String) -> String {
        var bytes: [UInt8] = []
        append(field, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    static func append(_ field: String, to bytes: inout [UInt8]) {
        guard field.utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) else {
            bytes.append(contentsOf: field.utf8)
            return
        }
        bytes.append(0x22)
        for byte in field.utf8 {
            bytes.append(byte)
            if byte == 0x22 { bytes.append(0x22) }
        }
        bytes.append(0x22)
    }

    /// Prefixes `'` to text a spreadsheet would run as a formula (`=`, `+`, `-`, `@` first),
    /// unless the text is a number such as `+118` or `-260`.
    static func formulaSafe(_ text: String) -> String {
        guard let first = text.utf8.first, first == 0x3D || first == 0x2B || first == 0x2D || first == 0x40 else { return text }
        if case .number(_, nil, nil) = CellReading(text) { return text }
        return "'" + text
    }
}

enum JSONText {
    static func appendString(_ text: String, to output: inout String) {
        var bytes: [UInt8] = []
        append(text, to: &bytes)
        output += String(decoding: bytes, as: UTF8.self)
    }

    /// Appends `text` as a JSON string. Most text needs no escaping and is copied whole; otherwise
    /// the UTF-8 bytes are escaped in one pass.
    static func append(_ text: String, to bytes: inout [UInt8]) {
        bytes.append(0x22)
        guard text.utf8.contains(where: needsEscape) else {
            bytes.append(contentsOf: text.utf8)
            bytes.append(0x22)
            return
        }
        var utf8 = text.utf8.makeIterator()
        while let byte = utf8.next() {
            switch byte {
            case 0x22: bytes += [0x5C, 0x22]
            case 0x5C: bytes += [0x5C, 0x5C]
            case 0x0A: bytes += [0x5C, 0x6E]
            case 0x0D: bytes += [0x5C, 0x72]
            case 0x09: bytes += [0x5C, 0x74]
            case 0x00..<0x20:
                bytes += Array("\\u00".utf8) + [hexDigit(byte >> 4), hexDigit(byte & 0x0F)]
            case 0xE2:
                // U+2028 and U+2029 (E2 80 A8/A9) end lines in JavaScript: escaped.
                var pending: [UInt8] = [byte]
                if let second = utf8.next() { pending.append(second) }
                if pending.count == 2, pending[1] == 0x80, let third = utf8.next() {
                    if third == 0xA8 || third == 0xA9 {
                        bytes += Array((third == 0xA8 ? "\\u2028" : "\\u2029").utf8)
                    } else {
                        bytes += pending + [third]
                    }
                } else {
                    bytes += pending
                }
            default:
                bytes.append(byte)
            }
        }
        bytes.append(0x22)
    }

    @inline(__always)
    private static func needsEscape(_ byte: UInt8) -> Bool {
        byte < 0x20 || byte == 0x22 || byte == 0x5C || byte == 0xE2
    }

    private static func hexDigit(_ nibble: UInt8) -> UInt8 {
        nibble < 10 ? 0x30 + nibble : 0x61 + nibble - 10
    }
}

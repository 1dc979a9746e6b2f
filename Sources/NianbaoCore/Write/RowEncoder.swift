import Foundation

/// Encodes output rows as CSV (RFC 4180, CRLF, formula-safe text) and as JSON Lines, with the same
/// columns in the same order. Both forms are byte-for-byte deterministic.
public struct RowEncoder: Sendable {
    public let schema: OutputSchema

    public init(schema: OutputSchema) {
        self.schema = schema
    }

    /// The CSV header line.
    public var csvHeader: String {
        schema.fields.map { CSVField.escape($0.name) }.joined(separator: ",") + "\r\n"
    }

    public func csvLine(_ row: [FieldValue]) -> String {
        precondition(row.count == schema.fields.count, "row of \(row.count) values for \(schema.name)")
        var line = ""
        for (index, value) in row.enumerated() {
            if index > 0 { line += "," }
            switch value {
            case .empty: break
            case .integer(let integer): line += String(integer)
            case .number(let number): line += FieldValue.plain(number)
            case .text(let text): line += CSVField.escape(CSVField.formulaSafe(text))
            }
        }
        return line + "\r\n"
    }

    public func jsonLine(_ row: [FieldValue]) -> String {
        precondition(row.count == schema.fields.count, "row of \(row.count) values for \(schema.name)")
        var line = "{"
        for (index, value) in row.enumerated() {
            if index > 0 { line += "," }
            JSONText.appendString(schema.fields[index].name, to: &line)
            line += ":"
            switch value {
            case .empty: line += "null"
            case .integer(let integer): line += String(integer)
            case .number(let number): line += FieldValue.plain(number)
            case .text(let text): JSONText.appendString(text, to: &line)
            }
        }
        return line + "}\n"
    }
}

enum CSVField {
    /// Quotes a field when it holds a comma, quote or line break (RFC 4180).
    static func escape(_ field: String) -> String {
        guard field.utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) else {
            return field
        }
        guard field.utf8.contains(0x22) else { return "\"" + field + "\"" }
        var bytes: [UInt8] = [0x22]
        bytes.reserveCapacity(field.utf8.count + 8)
        for byte in field.utf8 {
            bytes.append(byte)
            if byte == 0x22 { bytes.append(0x22) }
        }
        bytes.append(0x22)
        return String(decoding: bytes, as: UTF8.self)
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
    /// Appends `text` as a JSON string. Most text needs no escaping and is appended whole; otherwise
    /// the UTF-8 bytes are escaped in one pass.
    static func appendString(_ text: String, to output: inout String) {
        guard text.utf8.contains(where: needsEscape) else {
            output += "\""
            output += text
            output += "\""
            return
        }
        var bytes: [UInt8] = [0x22]
        bytes.reserveCapacity(text.utf8.count + 16)
        var utf8 = text.utf8.makeIterator()
        var pending: [UInt8] = []
        while let byte = utf8.next() {
            switch byte {
            case 0x22: bytes += [0x5C, 0x22]
            case 0x5C: bytes += [0x5C, 0x5C]
            case 0x0A: bytes += [0x5C, 0x6E]
            case 0x0D: bytes += [0x5C, 0x72]
            case 0x09: bytes += [0x5C, 0x74]
            case 0x00..<0x20:
                bytes += Array("\\u00".utf8) + hexDigits(byte >> 4) + hexDigits(byte & 0x0F)
            case 0xE2:
                // U+2028 and U+2029 (E2 80 A8/A9) end lines in JavaScript: escaped.
                pending = [byte]
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
        output += String(decoding: bytes, as: UTF8.self)
    }

    @inline(__always)
    private static func needsEscape(_ byte: UInt8) -> Bool {
        byte < 0x20 || byte == 0x22 || byte == 0x5C || byte == 0xE2
    }

    private static func hexDigits(_ nibble: UInt8) -> [UInt8] {
        [nibble < 10 ? 0x30 + nibble : 0x61 + nibble - 10]
    }
}

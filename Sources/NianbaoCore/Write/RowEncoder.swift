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
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) else {
            return field
        }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// Prefixes `'` to text a spreadsheet would run as a formula (`=`, `+`, `-`, `@` first),
    /// unless the text is a number such as `+118` or `-260`.
    static func formulaSafe(_ text: String) -> String {
        guard let first = text.first, first == "=" || first == "+" || first == "-" || first == "@" else { return text }
        if case .number(_, nil, nil) = CellReading(text) { return text }
        return "'" + text
    }
}

enum JSONText {
    static func appendString(_ text: String, to output: inout String) {
        output += "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case "\u{2028}": output += "\\u2028"
            case "\u{2029}": output += "\\u2029"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    output.unicodeScalars.append(scalar)
                }
            }
        }
        output += "\""
    }
}

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
        var previousText: Range<Int>?
        for (index, value) in row.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            switch value {
            case .empty: break
            case .integer(let integer): bytes.append(contentsOf: String(integer).utf8)
            case .number(let number): bytes.append(contentsOf: FieldValue.plain(number).utf8)
            case .text(let text):
                previousText = Self.appendText(text, after: index > 0 ? row[index - 1] : nil, encodedAt: previousText, to: &bytes) {
                    CSVField.append(CSVField.formulaSafe($0), to: &$1)
                }
                continue
            }
            previousText = nil
        }
        bytes.append(contentsOf: [0x0D, 0x0A])
    }

    public func appendJSON(_ row: [FieldValue], to bytes: inout [UInt8]) {
        precondition(row.count == schema.fields.count, "row of \(row.count) values for \(schema.name)")
        bytes.append(UInt8(ascii: "{"))
        var previousText: Range<Int>?
        for (index, value) in row.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            bytes.append(contentsOf: jsonKeys[index])
            switch value {
            case .empty: bytes.append(contentsOf: "null".utf8)
            case .integer(let integer): bytes.append(contentsOf: String(integer).utf8)
            case .number(let number): bytes.append(contentsOf: FieldValue.plain(number).utf8)
            case .text(let text):
                previousText = Self.appendText(text, after: index > 0 ? row[index - 1] : nil, encodedAt: previousText, to: &bytes) {
                    JSONText.append($0, to: &$1)
                }
                continue
            }
            previousText = nil
        }
        bytes.append(contentsOf: [UInt8(ascii: "}"), 0x0A])
    }

    /// Appends an encoded text and returns where its bytes are. A text equal to the field before it
    /// (`text_simplified` of a simplified report), whose bytes are at `previous`, is not encoded again:
    /// those bytes are copied.
    private static func appendText(_ text: String, after before: FieldValue?, encodedAt previous: Range<Int>?,
                                   to bytes: inout [UInt8], encode: (String, inout [UInt8]) -> Void) -> Range<Int> {
        let start = bytes.count
        if let previous, case .text(let beforeText) = before, beforeText.hasSameBytes(as: text) {
            bytes.appendCopy(of: previous)
        } else {
            encode(text, &bytes)
        }
        return start..<bytes.count
    }
}

extension Array where Element == UInt8 {
    /// Appends a copy of some of the array's own bytes, without a temporary array.
    mutating func appendCopy(of range: Range<Int>) {
        guard !range.isEmpty else { return }
        let start = count
        append(contentsOf: repeatElement(0, count: range.count))
        withUnsafeMutableBufferPointer { buffer in
            let base = buffer.baseAddress!
            (base + start).update(from: base + range.lowerBound, count: range.count)
        }
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
        var field = field
        field.withUTF8 { utf8 in
            let clear = ByteWords.skipUnflagged(utf8, from: 0) { word in
                ByteWords.equal(0x2C, in: word) | ByteWords.equal(0x22, in: word) | ByteWords.below(0x0E, in: word)
            }
            guard utf8[clear...].contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) else {
                bytes.append(contentsOf: utf8)
                return
            }
            bytes.append(0x22)
            // Copy the runs between quotes whole; each quote is doubled.
            var start = 0
            for index in utf8.indices where utf8[index] == 0x22 {
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start...index]))
                start = index
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start...]))
            bytes.append(0x22)
        }
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

    /// Appends `text` as a JSON string: the runs that need no escaping are copied whole.
    static func append(_ text: String, to bytes: inout [UInt8]) {
        var text = text
        bytes.append(0x22)
        text.withUTF8 { utf8 in
            var start = 0
            var index = 0
            while index < utf8.count {
                index = ByteWords.skipUnflagged(utf8, from: index) { word in
                    ByteWords.below(0x20, in: word) | ByteWords.equal(0x22, in: word) | ByteWords.equal(0x5C, in: word)
                        | ByteWords.equal(0xE2, in: word)
                }
                guard index < utf8.count else { break }
                let byte = utf8[index]
                guard needsEscape(byte) else {
                    index += 1
                    continue
                }
                // U+2028 and U+2029 (E2 80 A8/A9) end lines in JavaScript: escaped. Other E2 sequences are not.
                if byte == 0xE2 {
                    guard index + 2 < utf8.count, utf8[index + 1] == 0x80, utf8[index + 2] == 0xA8 || utf8[index + 2] == 0xA9 else {
                        index += 1
                        continue
                    }
                }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<index]))
                switch byte {
                case 0x22: bytes.append(contentsOf: [0x5C, 0x22])
                case 0x5C: bytes.append(contentsOf: [0x5C, 0x5C])
                case 0x0A: bytes.append(contentsOf: [0x5C, 0x6E])
                case 0x0D: bytes.append(contentsOf: [0x5C, 0x72])
                case 0x09: bytes.append(contentsOf: [0x5C, 0x74])
                case 0xE2:
                    bytes.append(contentsOf: utf8[index + 2] == 0xA8 ? Array("\\u2028".utf8) : Array("\\u2029".utf8))
                    index += 2
                default:
                    bytes.append(contentsOf: [0x5C, 0x75, 0x30, 0x30, hexDigit(byte >> 4), hexDigit(byte & 0x0F)])
                }
                index += 1
                start = index
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start...]))
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

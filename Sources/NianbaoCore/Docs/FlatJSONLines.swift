import Foundation

/// Reads the dataset's own JSON Lines back (one flat object per line: strings, numbers, null, in the
/// schema's column order), fast and streaming, for the data docs: values by position, numbers as
/// their text, null as nil. Not a general JSON parser; it reads what `RowEncoder` writes.
struct FlatJSONLines: IteratorProtocol {
    private var reader: LineReader?
    /// By column position, whether its values are skipped (nil), not decoded: `text_simplified` of sections.
    private let skipped: [Bool]

    init(contentsOf url: URL, skipping skipped: Set<Int> = []) {
        reader = LineReader(url)
        self.skipped = (0..<((skipped.max() ?? -1) + 1)).map(skipped.contains)
    }

    /// The next line's values, in column order.
    mutating func next() -> [String?]? {
        let skipped = self.skipped
        while let values = reader?.withNextLine({ line in Self.parse(line, skipping: skipped) }) {
            if let values { return values }
        }
        return nil
    }

    /// The value at `column` of the next line that holds an object, which stays the next line (the
    /// line is read up to that value only); nil at the end.
    mutating func peekValue(at column: Int) -> String?? {
        while let found = reader?.withCurrentLine({ line in Self.value(at: column, in: line) }) {
            if let found { return .some(found) }
            skip()
        }
        return nil
    }

    /// Passes the next line by unread.
    mutating func skip() { _ = reader?.withNextLine { _ in () } }

    /// The value at `column` of a line; nil (not .some(nil)) for a line that holds no object.
    private static func value(at column: Int, in bytes: UnsafeBufferPointer<UInt8>) -> String?? {
        var position = 0
        while position < bytes.count, bytes[position] != UInt8(ascii: "{") { position += 1 }
        guard position < bytes.count else { return nil }
        position += 1
        var index = 0
        while position < bytes.count {
            guard let keyEnd = skipString(bytes, from: position) else { return .some(nil) }
            position = keyEnd + 1
            let value = readValue(bytes, &position, decode: index == column)
            if index == column { return .some(value) }
            index += 1
            if position < bytes.count, bytes[position] == UInt8(ascii: ",") { position += 1; continue }
            break
        }
        return .some(nil)
    }

    /// One line's values; nil for a line that holds no object.
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>, skipping skipped: [Bool] = []) -> [String?]? {
        var position = 0
        while position < bytes.count, bytes[position] != UInt8(ascii: "{") { position += 1 }
        guard position < bytes.count else { return nil }
        var values: [String?] = []
        values.reserveCapacity(12)
        position += 1
        while position < bytes.count {
            // Key, then colon.
            guard let keyEnd = skipString(bytes, from: position) else { return values }
            position = keyEnd + 1
            values.append(readValue(bytes, &position, decode: values.count >= skipped.count || !skipped[values.count]))
            if position < bytes.count, bytes[position] == UInt8(ascii: ",") { position += 1; continue }
            break
        }
        return values
    }

    /// The index after the closing quote of the string that starts at `start`.
    private static func skipString(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        var index = start + 1, quote: Int? = nil
        while let special = nextQuoteOrEscape(bytes, from: index, quote: &quote) {
            if bytes[special] == UInt8(ascii: "\\") { index = special + 2; continue }
            return special + 1
        }
        return nil
    }

    /// The first `"` or `\\` at or after `start`, found with memchr (a part's text runs to kilobytes);
    /// `quote` keeps the next `"` found, so that a text with many escapes is not searched again for it.
    @inline(__always)
    private static func nextQuoteOrEscape(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, quote: inout Int?) -> Int? {
        guard start < bytes.count, let base = bytes.baseAddress else { return nil }
        func find(_ byte: UInt8, _ from: Int, _ to: Int) -> Int? {
            memchr(base + from, Int32(byte), to - from).map { base.distance(to: $0.assumingMemoryBound(to: UInt8.self)) }
        }
        if quote.map({ $0 < start }) ?? true { quote = find(UInt8(ascii: "\""), start, bytes.count) }
        return find(UInt8(ascii: "\\"), start, quote ?? bytes.count) ?? quote
    }

    private static func readValue(_ bytes: UnsafeBufferPointer<UInt8>, _ position: inout Int, decode: Bool) -> String? {
        guard position < bytes.count else { return nil }
        if bytes[position] == UInt8(ascii: "\"") {
            // Most strings have no escape: made from their bytes at once.
            var quote: Int? = nil
            let end = nextQuoteOrEscape(bytes, from: position + 1, quote: &quote) ?? bytes.count
            if end < bytes.count, bytes[end] == UInt8(ascii: "\"") {
                defer { position = end + 1 }
                return decode ? String(decoding: UnsafeBufferPointer(rebasing: bytes[(position + 1)..<end]), as: UTF8.self) : nil
            }
            guard decode, let closing = skipString(bytes, from: position) else {
                position = (skipString(bytes, from: position) ?? bytes.count)
                return nil
            }
            defer { position = closing }
            return unescape(UnsafeBufferPointer(rebasing: bytes[(position + 1)..<(closing - 1)]))
        }
        let start = position
        while position < bytes.count, bytes[position] != UInt8(ascii: ","), bytes[position] != UInt8(ascii: "}") { position += 1 }
        guard decode, !(position - start == 4 && bytes[start] == UInt8(ascii: "n")) else { return nil }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self)
    }

    /// A JSON string's content with its escapes resolved.
    private static func unescape(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        var text: [UInt8] = []
        text.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            guard bytes[index] == UInt8(ascii: "\\"), index + 1 < bytes.count else {
                // The run up to the next escape, copied whole.
                let end = bytes.baseAddress.flatMap { base in
                    memchr(base + index + 1, Int32(UInt8(ascii: "\\")), bytes.count - index - 1).map { base.distance(to: $0.assumingMemoryBound(to: UInt8.self)) }
                } ?? bytes.count
                text.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[index..<end]))
                index = end
                continue
            }
            let escape = bytes[index + 1]
            switch escape {
            case UInt8(ascii: "n"): text.append(0x0A); index += 2
            case UInt8(ascii: "r"): text.append(0x0D); index += 2
            case UInt8(ascii: "t"): text.append(0x09); index += 2
            case UInt8(ascii: "b"): text.append(0x08); index += 2
            case UInt8(ascii: "f"): text.append(0x0C); index += 2
            case UInt8(ascii: "u") where index + 6 <= bytes.count:
                var scalar = UInt32(String(decoding: UnsafeBufferPointer(rebasing: bytes[index + 2..<index + 6]), as: UTF8.self), radix: 16) ?? 0xFFFD
                index += 6
                if (0xD800..<0xDC00).contains(scalar), index + 6 <= bytes.count, bytes[index] == UInt8(ascii: "\\") {
                    let low = UInt32(String(decoding: UnsafeBufferPointer(rebasing: bytes[index + 2..<index + 6]), as: UTF8.self), radix: 16) ?? 0
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low &- 0xDC00)
                    index += 6
                }
                text.append(contentsOf: String(Unicode.Scalar(scalar).map(Character.init) ?? "\u{FFFD}").utf8)
            default: text.append(escape); index += 2
            }
        }
        return String(decoding: text, as: UTF8.self)
    }
}

/// A file's lines, read a megabyte at a time (memory stays flat whatever the file's size).
struct LineReader {
    private let handle: FileHandle
    private var buffer: [UInt8] = []
    private var start = 0
    private var finished = false

    init?(_ url: URL) {
        guard let handle = try? FileHandle(forReadingFrom: url) else { return nil }
        self.handle = handle
    }

    /// Hands the next line's bytes to `body` without copying them; nil at the end.
    mutating func withNextLine<T>(_ body: (UnsafeBufferPointer<UInt8>) -> T) -> T? {
        guard let line = currentLine() else { return nil }
        defer { start = min(line.upperBound + 1, buffer.count) }
        return buffer.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[line])) }
    }

    /// Hands the next line's bytes to `body` and leaves it the next line; nil at the end.
    mutating func withCurrentLine<T>(_ body: (UnsafeBufferPointer<UInt8>) -> T) -> T? {
        guard let line = currentLine() else { return nil }
        return buffer.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[line])) }
    }

    /// Where the next line stands in the buffer (read on until it is whole); nil at the end.
    private mutating func currentLine() -> Range<Int>? {
        var searched = start
        while true {
            // memchr: lines of a part's text run to many kilobytes.
            let end = buffer.withUnsafeBufferPointer { all -> Int? in
                guard searched < all.count, let base = all.baseAddress,
                      let found = memchr(base + searched, 0x0A, all.count - searched) else { return nil }
                return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            }
            if let end { return start..<end }
            if finished { return start < buffer.count ? start..<buffer.count : nil }
            buffer.removeFirst(start)
            searched = buffer.count
            start = 0
            let chunk = (try? handle.read(upToCount: 1 << 20)) ?? nil
            if let chunk, !chunk.isEmpty { buffer.append(contentsOf: chunk) } else { finished = true; try? handle.close() }
        }
    }
}

/// One table of the dataset read as rows of named values, and grouped by report_id in the order the
/// dataset is written (report_id first), for walking every table alongside the reports. Rows of
/// reports not asked for are passed over on their first value alone.
struct DatasetTable {
    let schema: OutputSchema
    private var lines: FlatJSONLines
    private let reportColumn: Int?

    /// `skipping`: columns not needed (read as nil).
    init(folder: URL, schema: OutputSchema, skipping: [String] = []) {
        self.schema = schema
        let skipped = Set(skipping.compactMap { name in schema.fields.firstIndex { $0.name == name } })
        lines = FlatJSONLines(contentsOf: folder.appendingPathComponent("\(schema.name).jsonl"), skipping: skipped)
        reportColumn = schema.fields.firstIndex { $0.name == "report_id" }
    }

    mutating func next() -> [String?]? { lines.next() }

    /// The rows of `reportID` (the table is sorted by report_id; rows of earlier reports are skipped).
    mutating func rows(of reportID: String) -> [[String?]] {
        guard let reportColumn else { return [] }
        var rows: [[String?]] = []
        while let id = lines.peekValue(at: reportColumn), let id, id <= reportID {
            if id == reportID, let row = lines.next() { rows.append(row) } else { lines.skip() }
        }
        return rows
    }
}

/// Where a piece of text was read, so that anyone can find it again in the original file.
public enum SourceLocation: Hashable, Sendable {
    /// 1-based line of a text file.
    case line(Int)
    /// 1-based table, row and column of the span-resolved grid of an HTML page.
    case grid(table: Int, row: Int, column: Int)
    /// 1-based paragraph of a Word document's body.
    case paragraph(Int)
    /// 1-based page of a PDF and line of that page's layout text.
    case pageLine(page: Int, line: Int)

    /// The `source` column's wording: `line 233`, `table 3 row 5 col 4`, `page 3 line 12`.
    public var description: String {
        // Every cell of every report gets one: written as ASCII bytes and made a String once, a
        // fraction of what interpolation's generic path costs.
        var text = ASCIIText()
        switch self {
        case .line(let line):
            text.append("line ")
            text.append(line)
        case .grid(let table, let row, let column):
            text.append("table ")
            text.append(table)
            text.append(" row ")
            text.append(row)
            text.append(" col ")
            text.append(column)
        case .paragraph(let number):
            text.append("paragraph ")
            text.append(number)
        case .pageLine(let page, let line):
            text.append("page ")
            text.append(page)
            text.append(" line ")
            text.append(line)
        }
        return text.string
    }
}

/// A short ASCII string written as bytes (words and whole numbers), made a `String` once.
struct ASCIIText {
    private var bytes: [UInt8] = []

    init() {
        bytes.reserveCapacity(32)
    }

    mutating func append(_ word: StaticString) {
        word.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    mutating func append(_ number: Int) {
        if number < 0 { bytes.append(UInt8(ascii: "-")) }
        var magnitude = number.magnitude
        let start = bytes.count
        repeat {
            bytes.append(UInt8(ascii: "0") + UInt8(magnitude % 10))
            magnitude /= 10
        } while magnitude > 0
        bytes[start...].reverse()
    }

    var string: String { String(decoding: bytes, as: UTF8.self) }
}

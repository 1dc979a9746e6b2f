/// A capture that writes a line for every text node of the page (BeautifulSoup's `get_text("\n")` over
/// a Word-styled page, where each number sits in a `<span>` of its own) breaks a sentence around its
/// numbers and punctuation: `累计主动公开政府信息` / `5928` / `条,全文电子化率达`. A figure read from
/// such a text would be cut from its words. Two shapes are put back, both proven by what cannot start a
/// paragraph:
/// - a line that starts with a closing or continuing mark (`，`, `。`, `)`, `;`…) continues the line of
///   running text before it;
/// - a line that is only a number, between a line of running text and a line that starts with a count
///   or money unit and runs on (`条,…`), is the number of that sentence.
/// The line joined into keeps its number; the lines joined in become empty (line numbers stay). Nothing
/// is joined across an empty line, into a line that ends a sentence or is no running text (a table row,
/// a column gap), or where two numbers would meet (`…申请1` / `2件`: never digits joined).
enum InlineRunBreaks {
    /// Marks a paragraph never starts with: ，,。；;：:、）)】》」』”％%？！?!
    @inline(__always)
    static func isContinuing(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0xFF0C, 0x2C, 0x3002, 0xFF1B, 0x3B, 0xFF1A, 0x3A, 0x3001, 0xFF09, 0x29, 0x3011, 0x300B, 0x300D, 0x300F, 0x201D,
             0xFF05, 0x25, 0xFF1F, 0xFF01, 0x3F, 0x21: return true
        default: return false
        }
    }

    /// What ends a sentence (。！？!?, as the clause reader cuts them): a line ending so is a paragraph's
    /// end, whatever follows.
    @inline(__always)
    static func endsSentence(_ scalar: Unicode.Scalar) -> Bool {
        ProseClauses.mark(scalar) == .sentence
    }

    /// The units a number's line may run on with (ProseNumbers' count and money words).
    static let units = (ProseNumbers.countWords + ProseNumbers.moneyWords.map(\.word)).sorted { $0.count > $1.count }

    /// Every line is looked at by its first and last scalars (no copy); a line is trimmed only when it
    /// is joined or may be a bare number.
    static func mend(_ lines: inout [String]) {
        // The line a continuation would join: its sentence does not end there. Whether it is running
        // text (no pipe, no column gap) is asked only when a line would join it.
        var target: Int?
        var index = 0
        while index < lines.count {
            guard let (first, last) = edges(lines[index]) else {
                target = nil
                index += 1
                continue
            }
            if let into = target {
                if isContinuing(first), isRunningText(lines[into]) {
                    lines[into] += lines[index].trimmingSpaces()
                    lines[index] = ""
                    target = edges(lines[into]).map { !endsSentence($0.last) } == true ? into : nil
                    index += 1
                    continue
                }
                if index + 1 < lines.count, isDigit(first), isDigit(last) || last == "%" || last == "％",
                   case let number = lines[index].trimmingSpaces(), isBareNumber(number), !endsWithDigit(lines[into]),
                   case let next = lines[index + 1].trimmingSpaces(), startsWithUnitAndRunsOn(next), isRunningText(lines[into]) {
                    lines[into] += number + next
                    lines[index] = ""
                    lines[index + 1] = ""
                    target = edges(lines[into]).map { !endsSentence($0.last) } == true ? into : nil
                    index += 2
                    continue
                }
            }
            target = endsSentence(last) ? nil : index
            index += 1
        }
    }

    /// The first and last scalars that are not white space; nil for an empty line.
    static func edges(_ line: String) -> (first: Unicode.Scalar, last: Unicode.Scalar)? {
        let scalars = line.unicodeScalars
        guard let first = scalars.first(where: { !TextScanning.isSpace($0.value) }),
              let last = scalars.last(where: { !TextScanning.isSpace($0.value) }) else { return nil }
        return (first, last)
    }

    /// Running text: no table pipe, no column gap (two spaces or a tab) inside it.
    static func isRunningText(_ line: String) -> Bool {
        !line.containsByte(UInt8(ascii: "|")) && ProseReflow.isProse(line.trimmingSpaces())
    }

    /// Digits only, with a decimal point, thousands commas or a percent sign (`5928`, `90.3%`).
    static func isBareNumber(_ line: String) -> Bool {
        guard let first = line.unicodeScalars.first, isDigit(first) else { return false }
        return line.unicodeScalars.allSatisfy { isDigit($0) || $0 == "." || $0 == "," || $0 == "%" || $0 == "％" }
    }

    static func endsWithDigit(_ line: String) -> Bool {
        edges(line).map { isDigit($0.last) } ?? false
    }

    /// `条,全文电子化率达` / `条。依申请公开` / `,其中`: a unit followed by more of the sentence, or a
    /// continuing mark. A unit alone on its line (a table's unit column) is not.
    static func startsWithUnitAndRunsOn(_ line: String) -> Bool {
        if let first = line.unicodeScalars.first, isContinuing(first), first != "、" { return true }
        guard let unit = units.first(where: line.hasPrefix) else { return false }
        guard let after = line.unicodeScalars.dropFirst(unit.unicodeScalars.count).first else { return false }
        return isContinuing(after) && after != "、"
    }

    private static func isDigit(_ scalar: Unicode.Scalar) -> Bool {
        (scalar.value >= 0x30 && scalar.value <= 0x39) || (scalar.value >= 0xFF10 && scalar.value <= 0xFF19)
    }
}

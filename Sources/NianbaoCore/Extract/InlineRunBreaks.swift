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
    /// Marks a paragraph never starts with.
    static let continuing: Set<Character> = ["，", ",", "。", "；", ";", "：", ":", "、", "）", ")", "】", "》", "」", "』", "”", "％", "%",
                                             "？", "！", "?", "!"]
    /// What ends a sentence: a line ending so is a paragraph's end, whatever follows.
    static let sentenceEnds: Set<Character> = ["。", "！", "？", "!", "?"]
    /// The units a number's line may run on with (ProseNumbers' count and money words).
    static let units = (ProseNumbers.countWords + ProseNumbers.moneyWords.map(\.word)).sorted { $0.count > $1.count }

    static func mend(_ lines: inout [String]) {
        var target: Int?
        var index = 0
        while index < lines.count {
            let line = lines[index].trimmingSpaces()
            guard !line.isEmpty else {
                target = nil
                index += 1
                continue
            }
            if let into = target {
                if let first = line.first, continuing.contains(first) {
                    lines[into] += line
                    lines[index] = ""
                    target = runsOn(lines[into]) ? into : nil
                    index += 1
                    continue
                }
                if index + 1 < lines.count, isBareNumber(line), !endsWithDigit(lines[into]) {
                    let next = lines[index + 1].trimmingSpaces()
                    if startsWithUnitAndRunsOn(next) {
                        lines[into] += line + next
                        lines[index] = ""
                        lines[index + 1] = ""
                        target = runsOn(lines[into]) ? into : nil
                        index += 2
                        continue
                    }
                }
            }
            target = runsOn(line) ? index : nil
            index += 1
        }
    }

    /// Running text that does not end its sentence: no column gap, no table pipe, no sentence end.
    static func runsOn(_ line: String) -> Bool {
        let trimmed = line.trimmingSpaces()
        guard let last = trimmed.last, !sentenceEnds.contains(last), !trimmed.containsByte(UInt8(ascii: "|")) else { return false }
        return ProseReflow.isProse(trimmed)
    }

    /// Digits only, with a decimal point, thousands commas or a percent sign (`5928`, `90.3%`).
    static func isBareNumber(_ line: String) -> Bool {
        guard let first = line.unicodeScalars.first, isDigit(first) else { return false }
        return line.unicodeScalars.allSatisfy { isDigit($0) || $0 == "." || $0 == "," || $0 == "%" || $0 == "％" }
    }

    static func endsWithDigit(_ line: String) -> Bool {
        line.trimmingSpaces().unicodeScalars.last.map(isDigit) ?? false
    }

    /// `条,全文电子化率达` / `条。依申请公开` / `,其中`: a unit followed by more of the sentence, or a
    /// continuing mark. A unit alone on its line (a table's unit column) is not.
    static func startsWithUnitAndRunsOn(_ line: String) -> Bool {
        if let first = line.first, continuing.contains(first), first != "、" { return true }
        guard let unit = units.first(where: line.hasPrefix) else { return false }
        guard let after = line.dropFirst(unit.count).first else { return false }
        return continuing.contains(after) && after != "、"
    }

    private static func isDigit(_ scalar: Unicode.Scalar) -> Bool {
        (scalar.value >= 0x30 && scalar.value <= 0x39) || (scalar.value >= 0xFF10 && scalar.value <= 0xFF19)
    }
}

/// Part headings a crawler glued to the text around them (`…亮点、成效。二、主动公开政府信息情况第二十条…`,
/// BeautifulSoup's `get_text("")` or a one-line capture): a heading is cut out only where it starts right
/// after a sentence end (。；：), a space or a table's last value (`251000元三、…`) with a Chinese
/// ordinal and `、`, names the keywords of that national part,
/// and ends with 情况 or 事项 within a heading's length. Never inside a sentence; the text is kept whole
/// (the pieces rebuild it exactly).
enum GluedHeadings {
    static let sentenceEnds: Set<Character> = ["。", "；", "：", ";", ":"]
    static let headingEndings = ["情况", "事项"]
    /// The longest heading looked for, in characters.
    static let maximumLength = 40

    /// The piece cut where headings stand glued; the piece itself when none does.
    static func split(_ piece: ValueRuns.Piece) -> [ValueRuns.Piece] {
        guard mayHold(piece.text) else { return [piece] }
        let text = piece.text
        var cuts: [(start: String.Index, end: String.Index)] = []
        var previous: Character?
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            defer { previous = character; index = text.index(after: index) }
            // After a sentence, a space (a no-break one too) or a table's last value; never after a word.
            // The piece's start is a line's or a space's end.
            guard previous.map({ sentenceEnds.contains($0) || $0.isWhitespace || $0.isASCII && $0.isNumber || $0 == "元" }) ?? true,
                  let end = headingEnd(in: text, at: index) else { continue }
            cuts.append((index, end))
        }
        guard !cuts.isEmpty else { return [piece] }
        var pieces: [ValueRuns.Piece] = []
        var start = text.startIndex
        for cut in cuts where cut.start >= start {
            if cut.start > start { pieces.append(ValueRuns.Piece(text: String(text[start..<cut.start]), lead: pieces.isEmpty ? piece.lead : "")) }
            pieces.append(ValueRuns.Piece(text: String(text[cut.start..<cut.end]), lead: pieces.isEmpty ? piece.lead : ""))
            start = cut.end
        }
        if start < text.endIndex { pieces.append(ValueRuns.Piece(text: String(text[start...]), lead: "")) }
        return pieces
    }

    /// Whether an ordinal 一 … 六 followed by `、` stands anywhere in the text, on its UTF-8 bytes: most
    /// long lines hold none, and are passed by without reading their characters.
    private static func mayHold(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            var index = 0
            while index + 6 <= bytes.count {
                // 、 is E3 80 81; the ordinals 一二三四五六 are three bytes each before it.
                if bytes[index + 3] == 0xE3, bytes[index + 4] == 0x80, bytes[index + 5] == 0x81,
                   ordinals.contains(where: { $0.0 == bytes[index] && $0.1 == bytes[index + 1] && $0.2 == bytes[index + 2] }) {
                    return true
                }
                index += 1
            }
            return false
        }
    }

    private static let ordinals: [(UInt8, UInt8, UInt8)] = "一二三四五六".map { character in
        let bytes = Array(String(character).utf8)
        return (bytes[0], bytes[1], bytes[2])
    }

    /// Where a national part's heading that starts at `start` ends, or nil when none starts there.
    private static func headingEnd(in text: String, at start: String.Index) -> String.Index? {
        guard let ordinal = "一二三四五六".firstIndex(of: text[start]).map({ "一二三四五六".distance(from: "一二三四五六".startIndex, to: $0) + 1 }),
              let mark = text.index(start, offsetBy: 1, limitedBy: text.endIndex), mark < text.endIndex, text[mark] == "、",
              let part = PartSpec.national.first(where: { $0.number == ordinal }) else { return nil }
        let window = text[start..<(text.index(start, offsetBy: maximumLength, limitedBy: text.endIndex) ?? text.endIndex)]
        guard let ending = headingEndings.compactMap({ window.range(of: $0)?.upperBound }).min() else { return nil }
        let heading = LabelKey.make(String(text[start..<ending]))
        guard part.keywords.contains(where: heading.containsBytes), !heading.contains("。") else { return nil }
        return ending
    }
}

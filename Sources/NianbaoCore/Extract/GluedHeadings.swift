/// Part headings a crawler glued to the text around them (`…亮点、成效。二、主动公开政府信息情况第二十条…`,
/// BeautifulSoup's `get_text("")` or a one-line capture): a heading is cut out only where it starts right
/// after a sentence end (。；：), a space or a table's last value (`251000元三、…`) with a Chinese
/// ordinal and `、`, names the keywords of that national part or of a legacy report's part (收费及减免,
/// 复议、诉讼 …), and ends with 情况 or 事项 within a heading's length. Never inside a sentence; the text is kept whole
/// (the pieces rebuild it exactly).
enum GluedHeadings {
    static let sentenceEnds: Set<Character> = ["。", "；", "：", ";", ":"]
    static let headingEndings = ["情况", "事项"]
    /// Units a count ends with (`3条`), after which a heading may stand glued.
    static let countUnits: Set<Character> = ["条", "件", "项", "宗", "个", "次", "份", "篇", "起"]
    /// The longest heading looked for, in characters.
    static let maximumLength = 40

    /// The piece cut where headings stand glued; the piece itself when none does.
    static func split(_ piece: ValueRuns.Piece) -> [ValueRuns.Piece] {
        guard mayHold(piece.text) else { return [piece] }
        let text = piece.text
        var cuts: [(start: String.Index, end: String.Index)] = []
        var previous: Character?, beforePrevious: Character?
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            defer { beforePrevious = previous; previous = character; index = text.index(after: index) }
            // After a sentence, a space (a no-break one too), a table's last value or a count with its
            // unit (`其他类3条三、政府信息依申请公开办理情况`); never after a word. The piece's start is a
            // line's or a space's end.
            let afterCount = previous.map(countUnits.contains) == true && beforePrevious.map { $0.isASCII && $0.isNumber } == true
            guard afterCount || previous.map({ sentenceEnds.contains($0) || $0.isWhitespace || $0.isASCII && $0.isNumber || $0 == "元" }) ?? true,
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

    /// Whether an ordinal 一 … 八 and `、` stand anywhere in the text.
    private static func mayHold(_ text: String) -> Bool { marks.occur(in: text, afterSpace: false) }

    private static let ordinals = "一二三四五六七八"
    private static let marks = OrdinalMarks(ordinals)

    /// Where a national part's heading that starts at `start` ends, or nil when none starts there.
    private static func headingEnd(in text: String, at start: String.Index) -> String.Index? {
        guard let ordinal = ordinals.firstIndex(of: text[start]).map({ ordinals.distance(from: ordinals.startIndex, to: $0) + 1 }),
              let mark = text.index(start, offsetBy: 1, limitedBy: text.endIndex), mark < text.endIndex, text[mark] == "、" else { return nil }
        let window = text[start..<(text.index(start, offsetBy: maximumLength, limitedBy: text.endIndex) ?? text.endIndex)]
        guard let ending = headingEndings.compactMap({ window.range(of: $0)?.upperBound }).min() else { return nil }
        let heading = LabelKey.make(String(text[start..<ending]))
        guard !heading.contains("。") else { return nil }
        // That national part's heading, or a legacy report's part (`四、政府信息公开的收费及减免情况`).
        let national = PartSpec.national.first { $0.number == ordinal }.map { $0.keywords.contains(where: heading.containsBytes) } ?? false
        return national || !SectionTopics.legacy(headingKey: heading).isEmpty ? ending : nil
    }
}

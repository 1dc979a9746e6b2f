/// A long line holding several parts of a report (a crawler that wrote the article on one line:
/// `… 报告。 一、概述 2016年以来… 二、主动公开… `): cut before each part heading that stands as a word
/// of its own (`一、` … `十、` after white space) and after the heading's word, so that headings are
/// found as they are in a report with line breaks. The pieces keep the white space between them,
/// so the text is rebuilt exactly.
enum InlineParts {
    /// Lines shorter than this (in bytes) are a paragraph or a heading, never several parts.
    static let minimumLength = 200

    /// A page's or a document's long paragraph cut where part headings stand in it (here or glued to
    /// the sentences around them), each piece keeping the white space before it; shorter ones whole.
    static func paragraphs(of text: String) -> [ValueRuns.Piece] {
        guard text.utf8.count > minimumLength else { return [ValueRuns.Piece(text: text, lead: nil)] }
        return split(text).flatMap(GluedHeadings.split)
    }

    static func split(_ line: String) -> [ValueRuns.Piece] {
        guard mayHoldHeading(line) else { return [ValueRuns.Piece(text: line, lead: nil)] }
        let words = ValueRuns.words(of: line)
        guard words.count > 1 else { return [ValueRuns.Piece(text: line, lead: nil)] }
        var pieces: [ValueRuns.Piece] = []
        var afterHeading = false
        for (index, word) in words.enumerated() {
            let heading = index > 0 && isHeading(word.text)
            if index == 0 || heading || afterHeading {
                pieces.append(ValueRuns.Piece(text: word.text, lead: index == 0 ? nil : word.lead))
            } else {
                pieces[pieces.count - 1].text += (word.lead ?? "") + word.text
            }
            afterHeading = heading
        }
        return pieces
    }

    /// Whether a space stands before a Chinese ordinal and `、` (`一、` … `十、`).
    private static func mayHoldHeading(_ line: String) -> Bool { marks.occur(in: line, afterSpace: true) }

    private static let marks = OrdinalMarks("一二三四五六七八九十")

    /// A word that starts with a Chinese ordinal and `、` and is short enough for a heading.
    private static func isHeading(_ word: String) -> Bool {
        guard word.hasAtMost(40), let numbering = Numbering.read(word), numbering.style == .delimited else { return false }
        guard let first = word.unicodeScalars.first else { return false }
        return "一二三四五六七八九十".unicodeScalars.contains(first) && !numbering.rest.isEmpty
    }
}

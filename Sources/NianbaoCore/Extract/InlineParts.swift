/// A long line holding several parts of a report (a crawler that wrote the article on one line:
/// `… 报告。 一、概述 2016年以来… 二、主动公开… `): cut before each part heading that stands as a word
/// of its own (`一、` … `十、` after white space) and after the heading's word, so that headings are
/// found as they are in a report with line breaks. The pieces keep the white space between them,
/// so the text is rebuilt exactly.
enum InlineParts {
    /// Lines shorter than this (in bytes) are a paragraph or a heading, never several parts.
    static let minimumLength = 200

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

    /// Whether a space stands before a Chinese ordinal and `、` (`一、` … `十、`), on the bytes.
    private static func mayHoldHeading(_ line: String) -> Bool {
        var line = line
        return line.withUTF8 { bytes in
            var index = 0
            while index + 7 <= bytes.count {
                if bytes[index] == 0x20, bytes[index + 4] == 0xE3, bytes[index + 5] == 0x80, bytes[index + 6] == 0x81,
                   ordinals.contains(where: { $0.0 == bytes[index + 1] && $0.1 == bytes[index + 2] && $0.2 == bytes[index + 3] }) {
                    return true
                }
                index += 1
            }
            return false
        }
    }

    /// 一 … 十 in UTF-8, each followed by `、` (E3 80 81) in a heading.
    private static let ordinals: [(UInt8, UInt8, UInt8)] = "一二三四五六七八九十".map { character in
        let bytes = Array(String(character).utf8)
        return (bytes[0], bytes[1], bytes[2])
    }

    /// A word that starts with a Chinese ordinal and `、` and is short enough for a heading.
    private static func isHeading(_ word: String) -> Bool {
        guard word.hasAtMost(40), let numbering = Numbering.read(word), numbering.style == .delimited else { return false }
        guard let first = word.unicodeScalars.first else { return false }
        return "一二三四五六七八九十".unicodeScalars.contains(first) && !numbering.rest.isEmpty
    }
}

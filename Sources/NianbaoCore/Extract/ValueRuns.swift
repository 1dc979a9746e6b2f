/// Rows of values on one line of a text capture (`（一）予以公开 5 0 0 0 0 0 5`, a `get_text(" ")` or
/// `pdftotext -raw` line). Two or more white-space-separated values in a row are separate cells,
/// never one number, so the line is cut into its text and one paragraph per value; each paragraph
/// after the first keeps the white space that stood before it, so that section text is rebuilt
/// exactly as printed. The other words of such a line are cut apart too: the line is a table row,
/// its words are its cells; so is a line of text ending in one number (`行政许可 335002`). A single
/// number inside a sentence (`共 5 件`) leaves its line whole.
enum ValueRuns {
    /// A piece of a line and the white space before it on the same line (nil for the line's first).
    struct Piece: Equatable {
        var text: String
        var lead: String?
        /// Twice the display column of the piece's middle on its line (a wide character is two
        /// columns): where a layout capture put the cell, for a row of values only.
        var middle: Int? = nil
        /// The same in characters (a wide character one).
        var column: Int? = nil
    }

    /// The line's pieces: text runs and the values of every run of at least two values.
    /// Expects a line with white space and a digit (`LineFeatures`).
    static func split(_ line: String) -> [Piece] {
        let words = self.words(of: line)
        guard let row = rowPieces(words) else { return splitAtGaps(line) }
        // In a row a unit one space after its number is that number's cell (`188.64 万元`).
        return rowPieces(unitsJoined(words)) ?? row
    }

    /// The words of a line that holds a row of values, as cells; nil for a line that holds none.
    private static func rowPieces(_ words: [Piece]) -> [Piece]? {
        let readings = words.map(reading)
        let isValue = readings.map { $0?.isValue ?? false }
        let isNumber = readings.map { reading -> Bool in
            if case .number = reading { return true }
            return false
        }
        // Runs of two or more values with at least one number among them are cut out, and a number
        // that ends a line after text.
        var cut = [Bool](repeating: false, count: words.count)
        var start = 0
        while start < words.count {
            guard isValue[start] else { start += 1; continue }
            var end = start
            while end < words.count && isValue[end] { end += 1 }
            // `— 2 —` and `- 3 -` are page numbers, not a row.
            let pageNumber = end - start == 3 && !isNumber[start] && isNumber[start + 1] && !isNumber[start + 2]
            // A single number ends a row whose label starts the line (`行政许可 335002`).
            let endsLabelledRow = end == words.count && start > 0 && isNumber[start]
            if (end - start >= 2 || endsLabelledRow) && isNumber[start..<end].contains(true) && !pageNumber {
                for index in start..<end { cut[index] = true }
            }
            start = end
        }
        guard cut.contains(true) else { return nil }
        // A line that holds a row of values is a table's row as a capture lays it out: its words are
        // its cells (`三、本年度办理结果 （一）予以公开 43 3 …`: a group label, a row label, the values).
        var column = 0, characters = 0
        return words.enumerated().map { index, word in
            column += DisplayWidth.of(word.lead ?? "")
            characters += (word.lead ?? "").count
            let width = DisplayWidth.of(word.text), count = word.text.count
            defer { column += width; characters += count }
            return Piece(text: word.text, lead: index == 0 ? nil : word.lead, middle: 2 * column + width, column: 2 * characters + count)
        }
    }

    /// A money unit one space after a number is that number's, not a word of its own.
    private static func unitsJoined(_ words: [Piece]) -> [Piece] {
        var joined: [Piece] = []
        for word in words {
            if let lead = word.lead, lead == " ", let last = joined.last, CellReading.isMoneyUnit(word.text),
               case .number(_, nil, nil) = CellReading(WidthFolding.fold(last.text)) {
                joined[joined.count - 1].text += lead + word.text
            } else {
                joined.append(word)
            }
        }
        return joined
    }

    /// A line with a gap of two ASCII spaces or a tab between words (`理结果    （二）部分公开…`) holds
    /// the cells of several columns side by side, as `pdftotext -layout` and text browsers place
    /// them: cut at the gaps, each piece keeping the gap before it.
    static func splitAtGaps(_ line: String) -> [Piece] {
        var pieces: [Piece] = []
        for (index, word) in words(of: line).enumerated() {
            let lead = word.lead ?? ""
            if index == 0 || isGap(lead) {
                pieces.append(Piece(text: word.text, lead: index == 0 ? nil : lead))
            } else {
                pieces[pieces.count - 1].text += lead + word.text
            }
        }
        return pieces
    }

    /// Whether white space between two words is a layout's column gap: a tab, or two spaces or more.
    static func isGap(_ space: String) -> Bool {
        space.utf8.contains(0x09) || space.utf8.lazy.filter { $0 == 0x20 }.count >= 2
    }

    /// How a word reads as a cell; nil for a word that cannot be a value (it starts with neither a
    /// digit, a sign nor a placeholder's character), which is most words, read without folding.
    private static func reading(_ word: Piece) -> CellReading? {
        guard let first = word.text.unicodeScalars.first else { return nil }
        let value = first.value
        let mayBeValue = (0x30...0x39).contains(value) || (0xFF10...0xFF19).contains(value) || "+-−－＋/／\\—–─×…无無空&".unicodeScalars.contains(first)
        return mayBeValue ? CellReading(WidthFolding.fold(word.text)) : nil
    }

    /// The line's words and the white space before each (the first's is empty), cut on the UTF-8
    /// bytes: white space is Unicode's (`TextScanning.isSpace`), ideographic space included.
    static func words(of line: String) -> [Piece] {
        var line = line
        return line.withUTF8 { bytes in
            var words: [Piece] = []
            var index = 0
            var wordStart = 0, leadStart = 0
            var inWord = false
            func text(_ range: Range<Int>) -> String { String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self) }
            while index < bytes.count {
                let (value, length) = TextScanning.scalar(in: bytes, at: index)
                if TextScanning.isSpace(value) {
                    if inWord {
                        words.append(Piece(text: text(wordStart..<index), lead: text(leadStart..<wordStart)))
                        inWord = false
                        leadStart = index
                    }
                } else if !inWord {
                    inWord = true
                    wordStart = index
                }
                index += length
            }
            if inWord { words.append(Piece(text: text(wordStart..<bytes.count), lead: text(leadStart..<wordStart))) }
            return words
        }
    }
}

import Foundation

/// The normalise stage: flattens the extracted blocks into tokens, judges the script, and gives every
/// token its simplified, width-folded and label-key forms. A simplified report needs no OpenCC call at
/// all; a traditional or mixed one, one call per configuration over the whole report.
public struct Normalizer {
    private let converters: ScriptConverters
    private let shortForms = ShortTextForms()

    public init(converters: ScriptConverters) {
        self.converters = converters
    }

    public func normalize(_ document: ExtractedDocument) -> NormalizedDocument {
        var texts: [String] = []
        var places: [Place] = []
        var tableIndex = 0
        for block in document.blocks {
            switch block {
            case .paragraph(let paragraph):
                texts.append(paragraph.text)
                places.append(Place(location: paragraph.location, table: nil, startsRow: false, lead: paragraph.lead, middle: paragraph.middle,
                                    column: paragraph.column, page: paragraph.page, printed: paragraph.printed))
            case .table(let table):
                for row in table.rows {
                    for (column, cell) in row.enumerated() {
                        texts.append(cell.text)
                        places.append(Place(location: cell.location, table: tableIndex, startsRow: column == 0))
                    }
                }
                tableIndex += 1
            }
        }

        let script = Script.judge(texts, traditional: converters.traditional)
        var simplified = script == .simplified ? texts : convertAll(texts, with: converters.simplified)
        if script != .simplified { cutTraditionalParts(&texts, &simplified, &places) }
        let phraseForms = script == .simplified ? texts : labelForms(texts, simplified: simplified)

        var tokens: [Token] = []
        tokens.reserveCapacity(texts.count)
        for index in texts.indices {
            let forms = shortForms.forms(of: phraseForms[index], shortUpTo: Self.labelFormLength) { phraseForm in
                let folded = WidthFolding.fold(phraseForm).trimmingSpaces()
                return ShortTextForms.Forms(
                    folded: folded,
                    key: LabelKey.key(ofFolded: folded.utf8.count <= Self.keyedLength ? folded : folded.utf8Prefix(Self.keyedLength)),
                    reading: CellReading(folded)
                )
            }
            tokens.append(Token(
                text: texts[index],
                simplified: simplified[index],
                folded: forms.folded,
                key: forms.key,
                location: places[index].location,
                table: places[index].table,
                startsRow: places[index].startsRow,
                reading: forms.reading,
                lead: places[index].lead,
                middle: places[index].middle,
                column: places[index].column,
                page: places[index].page,
                printed: places[index].printed
            ))
        }
        return NormalizedDocument(source: document, script: script, tokens: tokens)
    }

    /// Paragraphs of a traditional or mixed report cut where part headings stand glued in them
    /// (`TraditionalParts`); each piece keeps its paragraph's place.
    private func cutTraditionalParts(_ texts: inout [String], _ simplified: inout [String], _ places: inout [Place]) {
        var index = 0
        while index < texts.count {
            defer { index += 1 }
            guard places[index].table == nil, let pieces = TraditionalParts.pieces(of: texts[index], simplified: simplified[index]) else { continue }
            let place = places[index]
            let cut = pieces.enumerated().map { number, piece in
                var piecePlace = place
                if number > 0 { piecePlace.lead = piece.lead }
                return piecePlace
            }
            texts.replaceSubrange(index...index, with: pieces.map(\.text))
            simplified.replaceSubrange(index...index, with: pieces.map(\.simplified))
            places.replaceSubrange(index...index, with: cut)
            index += pieces.count - 1
        }
    }

    /// Where a token's text stood (a struct, not a tuple: tuples of this size are copied through
    /// generic value witnesses).
    private struct Place {
        var location: SourceLocation
        var table: Int?
        var startsRow: Bool
        var lead: String? = nil
        var middle: Int? = nil
        var column: Int? = nil
        var page = 0
        var printed: PrintedWords? = nil
    }

    /// Labels and headings are short; a paragraph longer than this (in bytes) gets the key of its start
    /// only, which is still far longer than any label.
    static let keyedLength = 600

    /// Texts as labels and headings are matched: Taiwan phrases converted (`tw2sp`) for the short ones,
    /// the only ones read as labels, headings or titles; longer text keeps its character-level form,
    /// which is all that is read from it (dates, years, disclosure wording).
    private func labelForms(_ texts: [String], simplified: [String]) -> [String] {
        var forms = simplified
        // Labels recur report after report: what the converters already answered is not asked again.
        var unknown: [Int] = []
        for index in texts.indices where texts[index].utf8.count <= Self.labelFormLength {
            if let known = converters.knownPhraseForm(of: texts[index]) { forms[index] = known } else { unknown.append(index) }
        }
        let converted = convertAll(unknown.map { texts[$0] }, with: converters.phrases.convert)
        for (index, form) in zip(unknown, converted) {
            forms[index] = form
            converters.remember(phraseForm: form, of: texts[index])
        }
        return forms
    }

    /// The longest text (in bytes) read as a label, heading or title: 80 Han characters, more than the
    /// longest label (`TableLabels.longestLabel`), heading (`PartLocator.maximumHeadingLength`) or title (70).
    static let labelFormLength = 240


    /// Converts all texts in one OpenCC call, one line each; texts never hold a newline of their own.
    /// Texts without a byte that can start a Han character (numbers, most cells) cannot change and are
    /// left out: every key of OpenCC's dictionaries holds a Han character.
    private func convertAll(_ texts: [String], with convert: (String) -> String) -> [String] {
        let convertible = texts.indices.filter { texts[$0].utf8.contains(where: Self.mayStartHan) }
        guard !convertible.isEmpty else { return texts }
        let joined = convertible.map { index -> String in
            let text = texts[index]
            return text.hasLineBreak ? text.replacingNewlines() : text
        }.joined(separator: "\n")
        let converted = convert(joined).splitOnLineFeeds()
        var result = texts
        if converted.count == convertible.count {
            for (index, text) in zip(convertible, converted) { result[index] = String(text) }
        } else {
            for index in convertible { result[index] = convert(texts[index]) }
        }
        return result
    }

    /// Lead bytes of U+3000 and above: Han starts at U+3400 (lead byte E3), beyond the BMP at F0.
    @inline(__always)
    private static func mayStartHan(_ byte: UInt8) -> Bool {
        byte >= 0xE3
    }
}

extension String {
    /// The string without leading and trailing white space (Unicode's, ideographic space included).
    func trimmingSpaces() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !TextScanning.isSpace($0.value) }) else { return "" }
        let last = scalars.lastIndex(where: { !TextScanning.isSpace($0.value) })!
        if first == scalars.startIndex && last == scalars.index(before: scalars.endIndex) { return self }
        return String(scalars[first...last])
    }

    /// Whether the text holds a line break Character (LF, VT, FF, CR, U+0085, U+2028, U+2029), found by bytes.
    var hasLineBreak: Bool {
        var text = self
        return text.withUTF8 { bytes in
            var index = 0
            while index < bytes.count {
                // Only a byte below 0x0E, or a lead byte C2 or E2, can start a line break.
                index = ByteWords.skipUnflagged(bytes, from: index) { word in
                    ByteWords.below(0x0E, in: word) | ByteWords.equal(0xC2, in: word) | ByteWords.equal(0xE2, in: word)
                }
                guard index < bytes.count else { return false }
                switch bytes[index] {
                case 0x0A...0x0D: return true
                case 0xC2 where index + 1 < bytes.count && bytes[index + 1] == 0x85: return true
                case 0xE2 where index + 2 < bytes.count && bytes[index + 1] == 0x80 && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9):
                    return true
                default: index += 1
                }
            }
            return false
        }
    }

    /// The text cut at every line feed, empty pieces kept; the cuts are found with `memchr`.
    func splitOnLineFeeds() -> [Substring] {
        var text = self
        let offsets = text.withUTF8 { bytes -> [Int] in
            guard let base = bytes.baseAddress else { return [] }
            var offsets: [Int] = []
            var index = 0
            while index < bytes.count, let found = memchr(base + index, 0x0A, bytes.count - index) {
                let offset = UnsafeRawPointer(found) - UnsafeRawPointer(base)
                offsets.append(offset)
                index = offset + 1
            }
            return offsets
        }
        var pieces: [Substring] = []
        pieces.reserveCapacity(offsets.count + 1)
        var start = text.utf8.startIndex
        for offset in offsets {
            // A line feed is one ASCII byte: the cuts fall on scalar boundaries.
            let end = text.utf8.index(text.utf8.startIndex, offsetBy: offset)
            pieces.append(Substring(text.utf8[start..<end]))
            start = text.utf8.index(after: end)
        }
        pieces.append(Substring(text.utf8[start...]))
        return pieces
    }

    fileprivate func replacingNewlines() -> String {
        String(map { $0.isNewline ? " " : $0 })
    }
}

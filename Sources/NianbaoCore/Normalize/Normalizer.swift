/// The normalise stage: flattens the extracted blocks into tokens, judges the script, and gives every
/// token its simplified, width-folded and label-key forms. A simplified report costs one OpenCC call on
/// a sample of its text; a traditional or mixed one, one call per configuration over the whole report.
public struct Normalizer {
    private let converters: ScriptConverters

    public init(converters: ScriptConverters) {
        self.converters = converters
    }

    public func normalize(_ document: ExtractedDocument) -> NormalizedDocument {
        var texts: [String] = []
        var places: [(location: SourceLocation, table: Int?, startsRow: Bool)] = []
        var tableIndex = 0
        for block in document.blocks {
            switch block {
            case .paragraph(let paragraph):
                texts.append(paragraph.text)
                places.append((paragraph.location, nil, false))
            case .table(let table):
                for row in table.rows {
                    for (column, cell) in row.enumerated() {
                        texts.append(cell.text)
                        places.append((cell.location, tableIndex, column == 0))
                    }
                }
                tableIndex += 1
            }
        }

        let script: Script
        let simplified: [String], phraseForms: [String]
        if looksSimplified(texts) {
            (script, simplified, phraseForms) = (.simplified, texts, texts)
        } else {
            let characterForms = convertAll(texts, with: converters.characters)
            script = Script.judge(original: texts.joined(separator: "\n"), converted: characterForms.joined(separator: "\n"))
            simplified = script == .simplified ? texts : characterForms
            phraseForms = script == .simplified ? texts : convertAll(texts, with: converters.phrases)
        }

        var tokens: [Token] = []
        tokens.reserveCapacity(texts.count)
        for index in texts.indices {
            let folded = WidthFolding.fold(phraseForms[index]).trimmingSpaces()
            tokens.append(Token(
                text: texts[index],
                simplified: simplified[index],
                folded: folded,
                key: folded.utf8.count <= Self.keyedLength ? LabelKey.make(folded) : LabelKey.make(String(folded.prefix(Self.keyedLength / 3))),
                location: places[index].location,
                table: places[index].table,
                startsRow: places[index].startsRow
            ))
        }
        return NormalizedDocument(source: document, script: script, tokens: tokens)
    }

    /// Labels and headings are short; a paragraph longer than this (in bytes) gets the key of its start
    /// only, which is still far longer than any label.
    static let keyedLength = 600

    /// Han characters converted to judge whether a report is purely simplified.
    static let sampleSize = 4000

    /// True when a conversion of the first Han characters changes none of them: the report is in
    /// simplified script and needs no further conversion.
    private func looksSimplified(_ texts: [String]) -> Bool {
        var sample = String.UnicodeScalarView()
        var han = 0
        outer: for text in texts {
            for scalar in text.unicodeScalars where TextScanning.isHan(scalar.value) {
                sample.append(scalar)
                han += 1
                if han >= Self.sampleSize { break outer }
            }
        }
        let original = String(sample)
        return converters.characters.convert(original) == original
    }

    /// Bytes that may start a line break (LF, CR, and the lead byte of U+0085, U+2028, U+2029).
    private static func isLineBreakByte(_ byte: UInt8) -> Bool {
        byte == 0x0A || byte == 0x0D || byte == 0xC2 || byte == 0xE2
    }

    /// Converts all texts in one OpenCC call, one line each; texts never hold a newline of their own.
    private func convertAll(_ texts: [String], with converter: ScriptConverter) -> [String] {
        let joined = texts.map { $0.utf8.contains(where: Self.isLineBreakByte) ? $0.replacingNewlines() : $0 }.joined(separator: "\n")
        let converted = converter.convert(joined).utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        if converted.count == texts.count { return converted.map { String(Substring($0)) } }
        return texts.map { converter.convert($0) }
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

    fileprivate func replacingNewlines() -> String {
        String(map { $0.isNewline ? " " : $0 })
    }
}

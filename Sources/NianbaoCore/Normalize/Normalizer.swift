/// The normalise stage: flattens the extracted blocks into tokens, judges the script, and gives every
/// token its simplified, width-folded and label-key forms. One OpenCC pass over the whole report per
/// configuration, and only the character pass when the report is in simplified script.
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

        let characterForms = convertAll(texts, with: converters.characters)
        let script = Script.judge(original: texts.joined(separator: "\n"), converted: characterForms.joined(separator: "\n"))
        let simplified = script == .simplified ? texts : characterForms
        let phraseForms = script == .simplified ? texts : convertAll(texts, with: converters.phrases)

        var tokens: [Token] = []
        tokens.reserveCapacity(texts.count)
        for index in texts.indices {
            let folded = WidthFolding.fold(phraseForms[index]).trimmingSpaces()
            tokens.append(Token(
                text: texts[index],
                simplified: simplified[index],
                folded: folded,
                key: LabelKey.make(folded),
                location: places[index].location,
                table: places[index].table,
                startsRow: places[index].startsRow
            ))
        }
        return NormalizedDocument(source: document, script: script, tokens: tokens)
    }

    /// Converts all texts in one OpenCC call, one line each; texts never hold a newline of their own.
    private func convertAll(_ texts: [String], with converter: ScriptConverter) -> [String] {
        let joined = texts.map { $0.contains("\n") ? $0.replacingNewlines() : $0 }.joined(separator: "\n")
        let converted = converter.convert(joined).split(separator: "\n", omittingEmptySubsequences: false)
        if converted.count == texts.count { return converted.map(String.init) }
        return texts.map { converter.convert($0) }
    }
}

extension String {
    func trimmingSpaces() -> String {
        guard let first = firstIndex(where: { !$0.isWhitespace }) else { return "" }
        let last = lastIndex(where: { !$0.isWhitespace })!
        return String(self[first...last])
    }

    fileprivate func replacingNewlines() -> String {
        String(map { $0.isNewline ? " " : $0 })
    }
}

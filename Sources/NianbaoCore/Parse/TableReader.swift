import Foundation

/// Reads one statistics table from a stretch of tokens, driven by its `TableSpec`: every cell the
/// spec defines comes out once, with a status, and every oddity as a finding.
public struct TableReading: Sendable {
    public var cells: [Cell] = []
    public var findings: [Finding] = []
    /// Indices of the tokens that belong to the table (left out of the section text).
    public var consumed: Set<Int> = []
}

public struct TableReader {
    public let spec: TableSpec
    private var labels: TableLabels { spec.labels }

    public init(spec: TableSpec) {
        self.spec = spec
    }

    public func read(_ tokens: [Token], range: Range<Int>) -> TableReading {
        var reading = TableReading()
        var placed = PlacedValues(spec: spec)
        switch spec.layout {
        case .labelledRows:
            readLabelledRows(tokens, range: range, into: &placed, reading: &reading)
        case .valueRun(let anchors):
            readValueRun(tokens, range: range, anchors: anchors, into: &placed, reading: &reading)
        }
        // A table of which no value was found takes no text: what looked like its headers is the
        // report's text (a part whose table is absent, read where its heading was looked for).
        if placed.values.allSatisfy({ $0.allSatisfy(\.isEmpty) }) && placed.stray.isEmpty && placed.unplaceable == nil {
            reading.consumed.removeAll()
        }
        CellEmitter(spec: spec, tokens: tokens).emit(placed, into: &reading)
        return reading
    }

    // MARK: Tables 2 and 3: a label, then its values

    private func readLabelledRows(_ tokens: [Token], range: Range<Int>, into placed: inout PlacedValues,
                                  reading: inout TableReading) {
        var block: Int? = spec.blocks.count == 1 ? 0 : nil
        var headerPhase = true
        var group: String?
        var row: Int?
        // Short text pieces in a row, which may be one label broken character by character
        // (`规` / `章`, a Word page's runs captured one per line).
        var fragmentKey = ""
        var fragmentIndices: [Int] = []

        for index in range {
            let token = tokens[index]
            let cell = token.reading
            if token.table == nil, !cell.isValue, !fragmentIndices.isEmpty,
               let match = labels.exactRow(fragmentKey + token.key, block: block) {
                block = match.block
                row = match.row
                headerPhase = false
                reading.consumed.formUnion(fragmentIndices)
                reading.consumed.insert(index)
                fragmentKey = ""
                fragmentIndices.removeAll()
                continue
            }
            if token.table == nil, !cell.isValue, token.key.utf8.count <= 6, !token.key.isEmpty {
                fragmentKey += token.key
                fragmentIndices.append(index)
            } else if !fragmentIndices.isEmpty {
                fragmentKey = ""
                fragmentIndices.removeAll()
            }
            if cell.isValue {
                if let block, let row {
                    placed.values[block][row].append(index)
                    reading.consumed.insert(index)
                } else if case .number = cell, block != nil || token.table != nil {
                    placed.stray.append(index)
                    reading.consumed.insert(index)
                } else if token.table != nil {
                    reading.consumed.insert(index)
                }
                continue
            }
            guard token.key.hasAtMost(TableLabels.longestLabel) else { continue }

            if let caption = labels.caption(token.key) {
                block = caption
                headerPhase = true
                group = nil
                row = nil
                reading.consumed.insert(index)
                continue
            }
            if headerPhase, let block, labels.isHeader(token.key, block: block) {
                placed.headers[block].append(index)
                reading.consumed.insert(index)
                continue
            }
            var rowKey = Substring(token.key)
            if let match = labels.group(token.key) {
                group = match.group
                row = nil
                headerPhase = false
                reading.consumed.insert(index)
                rowKey = match.rest
                if rowKey.isEmpty { continue }
            }
            if let match = labels.row(rowKey, block: block, group: group) ?? labels.rowAfterGroupOrdinal(token.folded, block: block)
                ?? labels.rowByNumberAndStart(token.folded, block: block) {
                block = match.block
                row = match.row
                headerPhase = false
                reading.consumed.insert(index)
                continue
            }
            if headerPhase, let block, token.key.hasAtMost(40) {
                placed.headers[block].append(index)
                reading.consumed.insert(index)
            } else if let block, let row, placed.values[block][row].isEmpty, token.table == nil, token.key.hasAtMost(30) {
                // In a text capture, text after a row's label and before its values is the rest of
                // the label, broken over lines (`（二）部分公开（…不` / `计其他情形）`), not a cell.
                reading.consumed.insert(index)
            } else if let block, let row, placed.values[block][row].count < spec.blocks[block].columns.count,
                      token.key.hasAtMost(12) {
                // Short text where a value belongs: the cell is there but is not a number.
                placed.values[block][row].append(index)
                reading.consumed.insert(index)
            } else if token.table != nil {
                reading.consumed.insert(index)
            }
        }
    }

    // MARK: Table 4: header rows, then all values in one run

    private func readValueRun(_ tokens: [Token], range: Range<Int>, anchors: [String], into placed: inout PlacedValues,
                              reading: inout TableReading) {
        guard let anchor = range.first(where: { index in
            tokens[index].key.hasAtMost(20) && anchors.contains { tokens[index].key.hasPrefixBytes($0) }
        }) else { return }
        var run: [Int] = []
        var index = anchor
        while index < range.upperBound {
            let token = tokens[index]
            if token.table != nil {
                // A grid row counts only when it holds a value that is not an empty cell.
                var end = index + 1
                while end < range.upperBound, tokens[end].table == token.table, !tokens[end].startsRow { end += 1 }
                let rowIndices = Array(index..<end)
                let hasValue = rowIndices.contains { tokens[$0].reading.isValue && !tokens[$0].folded.isEmpty }
                if hasValue { run += rowIndices.filter { tokens[$0].reading.isValue } }
                reading.consumed.formUnion(rowIndices)
                index = end
                continue
            }
            if token.reading.isValue {
                run.append(index)
                reading.consumed.insert(index)
            } else if token.key.hasAtMost(20) {
                reading.consumed.insert(index)
                if run.isEmpty { placed.headers[0].append(index) }
            }
            index += 1
        }
        let block = spec.blocks[0]
        // A run too short for the table whose values stood in rows on a line: the capture dropped
        // cells, and nothing shows which, so no value can be placed, unless a PDF's header shows it.
        if run.count < block.rows.count * block.columns.count && RowPlacement.shareALine(run, in: tokens) {
            if let rows = HeaderAnchors.rows(of: run, block: block, headers: placed.headers[0], tokens: tokens) {
                placed.values[0] = rows
                return
            }
            placed.unplaceable = run
            return
        }
        // A run short of the table's cells, a value a line: placed by the table's arithmetic, never cut
        // into rows of five (`RunPlacement`).
        if !run.isEmpty, run.count < block.rows.count * block.columns.count {
            guard let placements = RunPlacement.place(run, block: block, sums: CellEmitter(spec: spec, tokens: tokens).sums(of: block),
                                                      tokens: tokens) else {
                placed.unplaceable = run
                return
            }
            placed.runPlacements = placements
            for (row, placement) in placements.enumerated() {
                if case .proven(let columns, _) = placement { placed.values[0][row] = columns.compactMap { $0 } }
            }
            return
        }
        for (position, tokenIndex) in run.enumerated() {
            let row = position / block.columns.count
            if row < block.rows.count {
                placed.values[0][row].append(tokenIndex)
            } else {
                placed.stray.append(tokenIndex)
            }
        }
    }
}

/// Token indices placed under each block's rows, the block headers, and values that fit nowhere.
struct PlacedValues {
    var values: [[[Int]]]
    var headers: [[Int]]
    var stray: [Int] = []
    /// The values of a table that cannot be placed at all (a short run of values on a line): every
    /// cell of the table is then unparsed.
    var unplaceable: [Int]?
    /// The first block's rows placed at once by the table's arithmetic (`RunPlacement`).
    var runPlacements: [RowPlacement]?

    init(spec: TableSpec) {
        values = spec.blocks.map { block in Array(repeating: [], count: block.rows.count) }
        headers = Array(repeating: [], count: spec.blocks.count)
    }
}

/// A table spec's labels, prepared for matching label keys (longest label first).
struct TableLabels: Sendable, CustomDebugStringConvertible {
    /// Tokens longer than this are running text, never labels.
    static let longestLabel = 60

    private let captions: [(key: String, block: Int)]
    private let groups: [String]
    private let rows: [[(key: String, row: Int, group: String?)]]
    private let headers: [Set<String>]
    /// The number each row is printed with (`2.`), nil for a row without one.
    private let numbers: [[Int?]]

    init(blocks: [BlockSpec], groups: [String], headerLabels: [String]) {
        captions = blocks.enumerated().flatMap { block, blockSpec in blockSpec.captions.map { ($0, block) } }
        self.groups = groups.sorted { $0.count > $1.count }
        rows = blocks.map { block in
            block.rows.enumerated()
                .flatMap { row, rowSpec in rowSpec.labels.map { (key: $0, row: row, group: rowSpec.group) } }
                .sorted { $0.key.count > $1.key.count }
        }
        headers = blocks.map { block in Set(block.columns.flatMap(\.labels) + headerLabels) }
        numbers = blocks.map { block in block.rows.map(\.number) }
    }

    /// Derived from the description it sits in, and holding sets whose order changes from process to
    /// process: left out of the description that template fingerprints are taken from.
    var debugDescription: String { "TableLabels(derived)" }

    func caption(_ key: String) -> Int? {
        captions.first { key.hasPrefixBytes($0.key) }?.block
    }

    func isHeader(_ key: String, block: Int) -> Bool {
        headers[block].contains(key) || headers[block].contains { $0.count >= 4 && key.hasPrefixBytes($0) }
    }

    func group(_ key: String) -> (group: String, rest: Substring)? {
        guard let group = groups.first(where: { key.hasPrefixBytes($0) }) else { return nil }
        var rest = key.dropFirst(group.count)
        if let numbering = Numbering.read(rest) { rest = numbering.rest }
        return (group, rest)
    }

    /// The row whose label is exactly this key (for a label joined from pieces), current block first.
    func exactRow(_ key: String, block: Int?) -> (block: Int, row: Int)? {
        let order = (block.map { [$0] } ?? []) + rows.indices.filter { $0 != block }
        for candidate in order {
            if let match = rows[candidate].first(where: { $0.key == key }) { return (candidate, match.row) }
        }
        return nil
    }

    /// The row of a numbered label whose text lost characters (`2.其他法律行政止公开`, glyphs a PDF's text
    /// layer dropped): its first four characters or more begin one row's label only, and its number is
    /// the one the template prints before that row. Both must hold; the number alone or the text alone never decides.
    func rowByNumberAndStart(_ folded: String, block: Int?) -> (block: Int, row: Int)? {
        guard let numbering = Numbering.read(folded), numbering.style == .delimited else { return nil }
        let key = LabelKey.key(ofFolded: String(numbering.rest))
        guard key.unicodeScalars.count >= 4 else { return nil }
        let order = (block.map { [$0] } ?? []) + rows.indices.filter { $0 != block }
        var named: (block: Int, row: Int)?
        for candidate in order {
            for label in rows[candidate] where Self.sharedStart(label.key, key) >= 4 {
                if let named, named != (candidate, label.row) { return nil }
                named = (candidate, label.row)
            }
        }
        guard let named, numbers[named.block][named.row] == numbering.ordinal else { return nil }
        return named
    }

    /// How many characters two keys share at their start.
    private static func sharedStart(_ a: String, _ b: String) -> Int {
        zip(a.unicodeScalars, b.unicodeScalars).prefix { $0 == $1 }.count
    }

    /// The row named after a group's bare ordinal on the same line (`（五） 1.信访举报投诉类申`: a layout
    /// capture puts the group cell's first line beside its first row), when the label names one row only.
    func rowAfterGroupOrdinal(_ folded: String, block: Int?) -> (block: Int, row: Int)? {
        guard let outer = Numbering.read(folded), outer.style == .parenthesized else { return nil }
        var rest = outer.rest
        // The group cell's first line may hold a character or two of its name (`（四）無 2.沒有…`).
        if Numbering.read(rest) == nil, let space = rest.firstIndex(of: " "), rest[..<space].count <= 4 {
            rest = rest[space...]
        }
        guard let inner = Numbering.read(rest), inner.style == .delimited else { return nil }
        return row(Substring(LabelKey.key(ofFolded: String(inner.rest))), block: block, group: nil)
    }

    /// The row a label names: in the current block first, then in any block (a table whose captions
    /// were lost still has unique category labels). A label under a group heading the capture put
    /// elsewhere (a layout capture centres a spanning label on its rows) is taken when it names one
    /// row only, whatever the group.
    func row(_ key: Substring, block: Int?, group: String?) -> (block: Int, row: Int)? {
        let order = (block.map { [$0] } ?? []) + rows.indices.filter { $0 != block }
        for candidate in order {
            if let match = rows[candidate].first(where: { label in
                (label.group == nil || label.group == group) && key.hasPrefixBytes(label.key)
            }) {
                return (candidate, match.row)
            }
        }
        // The same, for the first part of a label broken over lines (`2.其他法律行政法规禁止公` / `开`):
        // at least four characters that begin one row's label only. Its last character may be half of
        // a word the script conversion reads whole (`政府資` / `訊` is 政府信息 in mainland wording).
        let broken = key.utf8.count >= 12
        let start = String(key), shorter = String(key.dropLast())
        var named: (block: Int, row: Int)?
        for candidate in order {
            // A label that needs its group (`3.其他`) is never taken without it.
            for label in rows[candidate] where (label.group == nil || label.group == group)
                && (key.hasPrefixBytes(label.key) || (broken && (label.key.hasPrefixBytes(start) || label.key.hasPrefixBytes(shorter)))) {
                if let named, named != (candidate, label.row) { return nil }
                named = (candidate, label.row)
            }
        }
        return named
    }
}

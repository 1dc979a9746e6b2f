/// A PDF table's columns proven by its header: where the PDF printed each column's header (自然人,
/// 商业企业 … 总计, in the template's order left to right; table 4's 结果维持 … 总计 once under each of its
/// three proceedings), a value printed under exactly one of them is in that column. This proves the
/// rows that leave zero cells empty (Shanghai 2019), which neither their arithmetic nor a layout
/// text's compressed character columns can. A header broken over lines (`结果` over `维持`) is read
/// whole: words of the labels' characters standing over one another are one header. Nothing is placed
/// unless every column has its header, every value has its box, and each value's middle lies inside
/// exactly one header's extent (a value printed off every header, or under two, leaves the table to
/// the other proofs).
enum HeaderAnchors {
    /// How far (in points) a value's middle may stand outside its header: header and value are both
    /// set in their cell, centred or from its left edge.
    static let margin = 2.0

    /// Per row, its values' cells (blank where none stands); nil when the header proves nothing.
    static func place(rows: [[Int]], block: BlockSpec, headers: [Int], tokens: [Token]) -> [[ArithmeticPlacement.Slot]]? {
        let columns = block.columns.count
        guard let anchors = anchors(block: block, headers: headers, tokens: tokens, copies: 1)
                ?? anchors(block: block, headers: headers, tokens: tokens, copies: rows.count) else { return nil }
        var grid: [[ArithmeticPlacement.Slot]] = []
        for (index, row) in rows.enumerated() {
            // One set of headers for all rows, or (table 4) a set per row.
            let own = anchors.count == columns ? anchors : Array(anchors[(index * columns)..<((index + 1) * columns)])
            var cells = [ArithmeticPlacement.Slot](repeating: .blank, count: columns)
            for token in row {
                guard let column = column(of: token, among: own, tokens: tokens), cells[column] == .blank else { return nil }
                cells[column] = .value(token)
            }
            grid.append(cells)
        }
        return grid
    }

    /// A run of values on one line (table 4 without its blank cells) divided among the rows by the
    /// header each value stands under; nil when the header does not prove every value's place.
    static func rows(of run: [Int], block: BlockSpec, headers: [Int], tokens: [Token]) -> [[Int]]? {
        let columns = block.columns.count
        guard let anchors = anchors(block: block, headers: headers, tokens: tokens, copies: block.rows.count) else { return nil }
        var rows = [[Int]](repeating: [], count: block.rows.count)
        for token in run {
            guard let cell = column(of: token, among: anchors, tokens: tokens) else { return nil }
            rows[cell / columns].append(token)
        }
        return rows
    }

    private static func column(of token: Int, among anchors: [ClosedRange<Double>], tokens: [Token]) -> Int? {
        guard let printed = tokens[token].printed else { return nil }
        let middle = printed.center
        let columns = anchors.indices.filter { anchors[$0].lowerBound - margin <= middle && middle <= anchors[$0].upperBound + margin }
        return columns.count == 1 ? columns[0] : nil
    }

    /// The headers' extents, left to right, when they read the columns' labels in order `copies` times,
    /// each label once per copy: printed as single words, or as words stacked over one another.
    private static func anchors(block: BlockSpec, headers: [Int], tokens: [Token], copies: Int) -> [ClosedRange<Double>]? {
        guard copies >= 1 else { return nil }
        let labels = block.columns.map(\.labels)
        let words = headers.flatMap { tokens[$0].printed?.words ?? [] }
        let expected = copies * labels.count
        // Single words that are a column's label.
        let whole = words.filter { word in labels.contains { $0.contains(LabelKey.make(word.text)) } }.sorted { $0.x.lowerBound < $1.x.lowerBound }
        if let anchors = ordered(whole.map { (LabelKey.make($0.text), $0.x) }, labels: labels, count: expected) { return anchors }
        // Words of a label's characters stacked in one column, read top line first.
        var stacks: [(key: String, x: ClosedRange<Double>)] = []
        for word in words {
            let key = LabelKey.make(word.text)
            guard labels.contains(where: { $0.contains { $0 != key && $0.contains(key) } }) else { continue }
            if let index = stacks.firstIndex(where: { $0.x.overlaps(word.x) }) {
                stacks[index] = (stacks[index].key + key, min(stacks[index].x.lowerBound, word.x.lowerBound)...max(stacks[index].x.upperBound, word.x.upperBound))
            } else {
                stacks.append((key, word.x))
            }
        }
        let singles = whole.filter { word in !stacks.contains { $0.x.overlaps(word.x) } }.map { (LabelKey.make($0.text), $0.x) }
        return ordered((stacks + singles).sorted { $0.x.lowerBound < $1.x.lowerBound }, labels: labels, count: expected)
    }

    /// The extents when the headers, left to right, are the labels in the columns' order, repeated,
    /// and stand apart.
    private static func ordered(_ headers: [(String, ClosedRange<Double>)], labels: [[String]], count: Int) -> [ClosedRange<Double>]? {
        guard headers.count == count else { return nil }
        for (index, header) in headers.enumerated() where !labels[index % labels.count].contains(header.0) { return nil }
        let anchors = headers.map(\.1)
        guard zip(anchors, anchors.dropFirst()).allSatisfy({ $0.upperBound < $1.lowerBound }) else { return nil }
        return anchors
    }
}

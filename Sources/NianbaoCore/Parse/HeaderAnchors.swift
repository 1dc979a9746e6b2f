/// A PDF table's columns proven by its header: where the PDF printed each column's header word (自然人,
/// 商业企业 … 总计, one word per column of the template, in the template's order left to right), a value
/// printed under exactly one of them is in that column. This proves the rows that leave zero cells
/// empty (Shanghai 2019), which neither their arithmetic nor a layout text's compressed character
/// columns can. Nothing is placed unless every column has its header word, every value of the open
/// rows has its box, and each value's middle lies inside one header word's extent (a value printed
/// off every header word, or under two, leaves the table to the other proofs).
enum HeaderAnchors {
    /// How far (in points) a value's middle may stand outside its header word: the word and the value
    /// are both set in their cell, centred or from its left edge.
    static let margin = 2.0

    static func place(rows: [[Int]], block: BlockSpec, headers: [Int], tokens: [Token]) -> [[ArithmeticPlacement.Slot]]? {
        guard let anchors = anchors(block: block, headers: headers, tokens: tokens) else { return nil }
        var grid: [[ArithmeticPlacement.Slot]] = []
        for row in rows {
            var cells = [ArithmeticPlacement.Slot](repeating: .blank, count: block.columns.count)
            for token in row {
                guard let printed = tokens[token].printed else { return nil }
                let middle = printed.center
                let columns = anchors.indices.filter { anchors[$0].lowerBound - margin <= middle && middle <= anchors[$0].upperBound + margin }
                guard columns.count == 1, cells[columns[0]] == .blank else { return nil }
                cells[columns[0]] = .value(token)
            }
            grid.append(cells)
        }
        return grid
    }

    /// Each column's header word extent, when every column's label is printed as one word exactly once
    /// among the header's words and the words stand in the columns' order.
    private static func anchors(block: BlockSpec, headers: [Int], tokens: [Token]) -> [ClosedRange<Double>]? {
        var found = [[ClosedRange<Double>]](repeating: [], count: block.columns.count)
        for header in headers {
            guard let printed = tokens[header].printed else { continue }
            for word in printed.words {
                let key = LabelKey.make(word.text)
                for (index, column) in block.columns.enumerated() where column.labels.contains(key) { found[index].append(word.x) }
            }
        }
        guard found.allSatisfy({ $0.count == 1 }) else { return nil }
        let anchors = found.map { $0[0] }
        // Left to right in the columns' order, apart (a value near two of them is placed by neither).
        guard zip(anchors, anchors.dropFirst()).allSatisfy({ $0.upperBound < $1.lowerBound }) else { return nil }
        return anchors
    }
}

/// Places the values of a short row of a layout capture (`pdftotext -layout`, whose blank cells are
/// gaps) by where they stand on the line, measured against a full row of the same table: each value
/// must sit, within a column, at the same distance from the others as that row's values do. Only
/// one way of placing all the values may fit; the columns no value sits in are empty on the page.
enum LayoutColumns {
    /// How far (in half columns) a value's middle may stand from its column's, as cells centre
    /// numbers of different widths.
    static let tolerance = 2

    /// Token indices per column (nil where the layout shows an empty cell), or nil when the row's
    /// values cannot be placed beyond doubt.
    static func place(_ values: [Int], reference: [Int], tokens: [Token]) -> [Int?]? {
        let middles = values.compactMap { tokens[$0].middle }
        let columns = reference.compactMap { tokens[$0].middle }
        // Places mean something only where the capture pads cells to their columns; values one
        // space apart (`get_text(" ")`) stand wherever their neighbours' widths put them.
        guard isPadded(values, tokens), isPadded(reference, tokens), middles.count == values.count, columns.count == reference.count,
              values.count < columns.count, let first = middles.first else { return nil }
        var found: [Int?]?
        for start in columns.indices {
            let shift = first - columns[start]
            var placed = [Int?](repeating: nil, count: columns.count)
            var next = 0
            var fits = true
            for (value, middle) in zip(values, middles) {
                let candidates = columns.indices.filter { $0 >= next && abs(middle - shift - columns[$0]) <= tolerance }
                guard candidates.count == 1 else { fits = false; break }
                placed[candidates[0]] = value
                next = candidates[0] + 1
            }
            guard fits else { continue }
            if found != nil && found! != placed { return nil }
            found = placed
        }
        return found
    }

    /// Whether some value of the row stands in a column gap after the one before it.
    private static func isPadded(_ values: [Int], _ tokens: [Token]) -> Bool {
        values.dropFirst().contains { tokens[$0].lead.map(ValueRuns.isGap) ?? false }
    }
}

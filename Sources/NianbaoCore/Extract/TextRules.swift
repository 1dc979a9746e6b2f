/// The table rows of text captures: pipe-separated lines (`a | b | c`, Markdown's `a| b| c`) and the
/// boxes text browsers draw (w3m's `│a │b │`, with `├──┼──┤` rules between rows).
enum TextRules {
    /// Characters that separate cells: the ASCII pipe and the box-drawing verticals and junctions.
    private static func isSeparator(_ value: UInt32) -> Bool {
        value == 0x7C || value == 0x2502 || value == 0x2503 || value == 0x2551
            || [0x251C, 0x2524, 0x253C, 0x252C, 0x2534, 0x250C, 0x2510, 0x2514, 0x2518].contains(value)
    }

    private static func isBoxDrawing(_ value: UInt32) -> Bool {
        (0x2500...0x257F).contains(value)
    }

    /// A line that only draws: a box's rule (`├──┼──┤`) or Markdown's header rule (`---|:--:|---`).
    static func isRuleLine(_ line: String) -> Bool {
        var drawsBox = false, hasPipe = false, hasDash = false
        for scalar in line.unicodeScalars {
            let value = scalar.value
            if isBoxDrawing(value) { drawsBox = true; continue }
            if value == 0x7C { hasPipe = true; continue }
            if value == 0x2D { hasDash = true; continue }
            if value == 0x3A || TextScanning.isSpace(value) { continue }
            return false
        }
        return drawsBox || (hasPipe && hasDash)
    }

    /// The slots of a row line (two separators or more), trimmed; nil for any other line.
    static func slots(of line: String) -> [String]? {
        var count = 0
        for scalar in line.unicodeScalars where isSeparator(scalar.value) { count += 1 }
        guard count >= 2 else { return nil }
        var slots: [String] = []
        var current = String.UnicodeScalarView()
        for scalar in line.unicodeScalars {
            if isSeparator(scalar.value) {
                slots.append(String(current).trimmingSpaces())
                current = String.UnicodeScalarView()
            } else {
                current.append(scalar)
            }
        }
        slots.append(String(current).trimmingSpaces())
        // Running text with a few pipes in it (a one-line capture holding `作者:… | 来源:… | 时间:…`) is
        // no table row: no cell holds sentences of that length.
        if slots.contains(where: { $0.unicodeScalars.count > 120 && $0.contains("。") }) { return nil }
        // The slots before the first separator and after the last are outside the table when empty;
        // a row drawn without outer pipes (html2text's `label| 1| 2| `) ends with its last cell, empty or not.
        let outerPipes = slots.first == ""
        if outerPipes { slots.removeFirst() }
        if slots.last == "", outerPipes || slots.count < 3 { slots.removeLast() }
        // A rule drawn through a slot (`│三、本年度办理结果├────┼──`) is no cell.
        return slots.filter { slot in !(slot.unicodeScalars.contains { isBoxDrawing($0.value) }
                                          && slot.unicodeScalars.allSatisfy { isBoxDrawing($0.value) || TextScanning.isSpace($0.value) }) }
    }

    /// The cells of a row's slots. An empty slot is a cell the capture shows (blank) in a table that
    /// holds values, after the row's first filled slot (leading empties are the rows a label spans);
    /// in a table with no value at all (seed 002, whose numbers the crawler lost) the empty slots are
    /// lost text, left out so that their cells come out missing, never blank.
    static func cells(of slots: [String], tableHasValue: Bool) -> [String] {
        guard tableHasValue || hasValue(slots), let first = slots.firstIndex(where: { !$0.isEmpty }) else { return slots.filter { !$0.isEmpty } }
        return Array(slots[first...])
    }

    static func hasValue(_ slots: [String]) -> Bool {
        slots.contains { !$0.isEmpty && CellReading(WidthFolding.fold($0)).isValue }
    }
}

/// Resolves a table's rows and column and row spans into grid positions, the way a browser lays
/// them out: each cell takes the first free column of its row, and spans reserve the cells below
/// and to the right. Only a cell's top-left position is returned; its copies are not.
struct TableGrid {
    struct SourceCell {
        var text: String
        var rowSpan: Int
        var columnSpan: Int
    }

    struct PlacedCell: Equatable {
        var text: String
        /// 1-based row and column of the resolved grid.
        var row: Int
        var column: Int
    }

    var rows: [[SourceCell]]

    func resolved() -> [[PlacedCell]] {
        var occupied: [Set<Int>] = Array(repeating: [], count: rows.count)
        var placed: [[PlacedCell]] = []
        for (rowIndex, row) in rows.enumerated() {
            var column = 0
            var placedRow: [PlacedCell] = []
            for cell in row {
                while occupied[rowIndex].contains(column) { column += 1 }
                placedRow.append(PlacedCell(text: cell.text, row: rowIndex + 1, column: column + 1))
                let lastRow = min(rows.count - 1, rowIndex + cell.rowSpan - 1)
                for spannedRow in rowIndex...lastRow {
                    for spannedColumn in column..<(column + cell.columnSpan) { occupied[spannedRow].insert(spannedColumn) }
                }
                column += cell.columnSpan
            }
            placed.append(placedRow)
        }
        return placed
    }
}

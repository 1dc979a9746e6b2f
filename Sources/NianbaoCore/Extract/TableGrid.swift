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
        // Which columns of each row a cell already covers, as flags grown to the widest span seen.
        var occupied: [[Bool]] = Array(repeating: [], count: rows.count)
        var placed: [[PlacedCell]] = []
        placed.reserveCapacity(rows.count)
        for (rowIndex, row) in rows.enumerated() {
            var column = 0
            var placedRow: [PlacedCell] = []
            placedRow.reserveCapacity(row.count)
            for cell in row {
                while column < occupied[rowIndex].count && occupied[rowIndex][column] { column += 1 }
                placedRow.append(PlacedCell(text: cell.text, row: rowIndex + 1, column: column + 1))
                let lastRow = min(rows.count - 1, rowIndex + cell.rowSpan - 1)
                let end = column + cell.columnSpan
                for spannedRow in rowIndex...lastRow {
                    if occupied[spannedRow].count < end {
                        occupied[spannedRow].append(contentsOf: repeatElement(false, count: end - occupied[spannedRow].count))
                    }
                    for spannedColumn in column..<end { occupied[spannedRow][spannedColumn] = true }
                }
                column = end
            }
            placed.append(placedRow)
        }
        return placed
    }
}

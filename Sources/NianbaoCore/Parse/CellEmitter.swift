import Foundation

/// Turns the values placed under each row into one `Cell` per cell the spec defines, aligning short
/// and long rows and raising the structural findings (`cells_missing`, `extra_cells`, `table_missing`,
/// `cell_note`, `unit_unspecified`).
struct CellEmitter {
    let spec: TableSpec
    let tokens: [Token]

    /// The identities a row of the block obeys: its total is the sum of its part columns.
    func sums(of block: BlockSpec) -> [ArithmeticPlacement.Sum] {
        guard spec.rules.rowTotal != nil, let total = block.totalColumn else { return [] }
        return [ArithmeticPlacement.Sum(parts: block.columns.indices.filter { block.columns[$0].role == .part }, total: total)]
    }

    func emit(_ placed: PlacedValues, into reading: inout TableReading) {
        var cells: [Cell] = []
        var findings: [Finding] = []
        for (blockIndex, block) in spec.blocks.enumerated() {
            let headerUnits = moneyUnits(block: block, headerTokens: placed.headers[blockIndex])
            let placements = (blockIndex == 0 ? placed.runPlacements : nil)
                ?? placements(of: block, values: placed.values[blockIndex], unplaceable: placed.unplaceable, headers: placed.headers[blockIndex])
            for (rowIndex, row) in block.rows.enumerated() {
                let values = placed.values[blockIndex][rowIndex]
                let scope = block.code.isEmpty ? row.code : "\(block.code)/\(row.code)"
                let placement = placements[rowIndex]
                // A table none of whose values can be placed has one finding, on the table.
                findings += rowFindings(values, placement: placement, columns: block.columns.count,
                                        scope: placed.unplaceable == nil ? scope : spec.kind.rawValue,
                                        reportedOnce: placed.unplaceable != nil && (rowIndex > 0 || blockIndex > 0))
                // The placement, resolved once for the row's cells.
                var columnTokens = [Int?](repeating: nil, count: block.columns.count)
                var digits: [Character] = [], digitToken = 0
                var emptyIsBlank = false
                var undecided: [Int] = []
                var unparsed: (raw: String, source: String)?
                switch placement {
                case .aligned(let aligned):
                    columnTokens = aligned
                case .positioned(let positions):
                    columnTokens = positions
                    emptyIsBlank = true
                case .proven(let positions, let open):
                    columnTokens = positions
                    emptyIsBlank = true
                    undecided = open
                case .digits(let token):
                    digits = Array(tokens[token].folded)
                    digitToken = token
                case .unplaceable(let found, _, _):
                    unparsed = (found.map { tokens[$0].text.trimmingSpaces() }.joined(separator: " "), tokens[found[0]].location.description)
                }
                for (columnIndex, column) in block.columns.enumerated() {
                    var cell = Cell(table: spec.kind, item: block.code, row: row.code, column: column.code,
                                    status: .missing, value: nil, unit: "", raw: "", source: "")
                    if let tokenIndex = columnTokens[columnIndex] {
                        read(tokens[tokenIndex], column: column, headerUnit: headerUnits[columnIndex], into: &cell, findings: &findings)
                    } else if !digits.isEmpty {
                        var digit = tokens[digitToken]
                        digit.text = String(digits[columnIndex])
                        digit.reading = CellReading(digit.text)
                        read(digit, column: column, headerUnit: headerUnits[columnIndex], into: &cell, findings: &findings)
                    } else if let unparsed {
                        cell.status = .unparsed
                        (cell.raw, cell.source) = unparsed
                    } else if emptyIsBlank && !undecided.contains(columnIndex) {
                        cell.status = .blank
                        cell.source = values.first.map { tokens[$0].location.description } ?? ""
                    }
                    cells.append(cell)
                }
            }
        }
        for index in placed.stray {
            findings.append(Finding(
                check: "extra_cells", scope: spec.kind.rawValue,
                message: "value \(tokens[index].text.debugDescription) at \(tokens[index].location.description) belongs to no row of table \(spec.kind.number)"
            ))
        }

        if !cells.isEmpty && cells.allSatisfy({ $0.status == .missing }) {
            findings.removeAll { $0.check == "cells_missing" }
            findings.insert(Finding(
                check: "table_missing", scope: spec.kind.rawValue,
                expected: Decimal(cells.count), actual: 0,
                message: "table \(spec.kind.number) (\(spec.kind.rawValue)): no values found; all \(cells.count) cells are missing"
            ), at: 0)
        } else if placed.unplaceable == nil {
            for (blockIndex, block) in spec.blocks.enumerated() {
                for (rowIndex, row) in block.rows.enumerated() where placed.values[blockIndex][rowIndex].isEmpty
                    && !cells.contains(where: { $0.row == row.code && $0.item == block.code && $0.status == .blank }) {
                    findings.append(Finding(
                        check: "cells_missing", scope: block.code.isEmpty ? row.code : "\(block.code)/\(row.code)",
                        expected: Decimal(block.columns.count), actual: 0,
                        message: "row not found in table \(spec.kind.number); its \(block.columns.count) cells are missing"
                    ))
                }
            }
        }
        reading.cells = cells
        reading.findings = findings
    }

    /// Where each row's values go: by what the capture shows, then, for short rows nothing placed, by
    /// the row's arithmetic together with the table's column identities over the rows already placed
    /// (again while that places more).
    private func placements(of block: BlockSpec, values rows: [[Int]], unplaceable: [Int]?, headers: [Int]) -> [RowPlacement] {
        if let run = unplaceable {
            let placement = RowPlacement.unplaceable(run, check: "row_short", reason: "\(run.count) values on a line for the table's "
                                                     + "\(block.rows.count * block.columns.count) cells: the capture dropped cells, and which is not shown")
            return Array(repeating: placement, count: rows.count)
        }
        let columns = block.columns.count
        var placements = rows.indices.map { index -> RowPlacement in
            let values = rows[index]
            // A short row's values may be placed against a full row of the table (layout captures).
            let short = !values.isEmpty && values.count < columns
            return RowPlacement.decide(values, columns: columns, sums: sums(of: block), tokens: tokens,
                                       reference: short ? referenceRow(near: index, in: rows, columns: columns) : nil)
        }
        var progress = true
        while progress {
            progress = false
            for index in rows.indices {
                let open: Bool
                switch placements[index] {
                case .unplaceable(_, "row_short", _): open = true
                case .proven(_, let undecided): open = !undecided.isEmpty
                default: open = false
                }
                guard open, !rows[index].isEmpty, rows[index].count < columns else { continue }
                let expected = ColumnIdentities.expected(row: index, block: block, rules: spec.rules, known: placements.map(known))
                guard !expected.isEmpty else { continue }
                let numbers = rows[index].map { tokens[$0].reading.number }
                guard let slots = ArithmeticPlacement.place(numbers, columns: columns, sums: sums(of: block), expected: expected) else { continue }
                let proven = RowPlacement.proven(slots, values: rows[index])
                guard case .proven = proven, proven != placements[index] else { continue }
                placements[index] = proven
                progress = true
            }
        }
        return grid(of: block, values: rows, placements: placements, headers: headers)
    }

    /// A layout capture's rows placed all at once by the columns their header words' places prove in
    /// a PDF (`HeaderAnchors`), else their values' places (`LayoutGrid`), when rows remain open; the
    /// rows already placed must agree.
    private func grid(of block: BlockSpec, values rows: [[Int]], placements: [RowPlacement], headers: [Int]) -> [RowPlacement] {
        let open = placements.indices.contains { index in
            switch placements[index] {
            case .unplaceable: return !rows[index].isEmpty
            case .proven(_, let undecided): return !undecided.isEmpty
            default: return false
            }
        }
        guard open, rows.contains(where: { $0.count > 1 }) else { return placements }
        let sums = sums(of: block)
        guard let grid = HeaderAnchors.place(rows: rows, block: block, headers: headers, tokens: tokens)
            ?? LayoutGrid.place(rows: rows, columns: block.columns.count, tokens: tokens, satisfied: { values in
                ColumnIdentities.satisfied(values, block: block, rules: spec.rules, sums: sums)
            }) else { return placements }
        // The grid's cells as tokens (nil: blank) and the columns it leaves open, per row.
        let cells = grid.map { row in row.map { slot -> Int? in if case .value(let token) = slot { return token } else { return nil } } }
        let left = grid.map { row in row.indices.filter { row[$0] == .undecided } }
        for (index, placement) in placements.enumerated() {
            switch placement {
            case .positioned(let columns), .aligned(let columns):
                if !rows[index].isEmpty, columns.indices.contains(where: { !left[index].contains($0) && columns[$0] != cells[index][$0] }) { return placements }
            case .proven(let columns, let undecided):
                for column in columns.indices where !undecided.contains(column) && !left[index].contains(column) && columns[column] != cells[index][column] {
                    return placements
                }
            default: break
            }
        }
        return cells.indices.map { index in
            // A row the layout placed before keeps its placement; the others take the grid's.
            if case .positioned = placements[index], !rows[index].isEmpty { return placements[index] }
            if case .aligned = placements[index], !rows[index].isEmpty { return placements[index] }
            return left[index].isEmpty ? .positioned(cells[index]) : .proven(cells[index], undecided: left[index])
        }
    }

    /// A placed row's values for the identities: numbers, blanks as 0, nil where not known.
    private func known(_ placement: RowPlacement) -> [Decimal?] {
        func value(_ token: Int?, blank: Bool) -> Decimal? {
            guard let token else { return blank ? 0 : nil }
            switch tokens[token].reading {
            case .number(let number, _, _): return number
            case .placeholder: return 0
            case .text: return nil
            }
        }
        switch placement {
        case .aligned(let columns): return columns.map { value($0, blank: false) }
        case .positioned(let columns): return columns.map { value($0, blank: true) }
        case .proven(let columns, let undecided): return columns.indices.map { undecided.contains($0) ? nil : value(columns[$0], blank: true) }
        case .digits(let token): return tokens[token].folded.map { Decimal(string: String($0)) }
        case .unplaceable: return []
        }
    }

    /// The nearest full row of values on a line of its own in the same block (before the row first).
    private func referenceRow(near row: Int, in rows: [[Int]], columns: Int) -> [Int]? {
        let full = { (values: [Int]) in values.count == columns && values.allSatisfy { self.tokens[$0].middle != nil }
                                        && Set(values.map { self.tokens[$0].location.description }).count == 1 }
        for distance in 1..<max(rows.count, 1) {
            if row - distance >= 0, full(rows[row - distance]) { return rows[row - distance] }
            if row + distance < rows.count, full(rows[row + distance]) { return rows[row + distance] }
        }
        return nil
    }

    /// The findings a row's placement gives: values left over, values too few, values not placed.
    private func rowFindings(_ values: [Int], placement: RowPlacement, columns: Int, scope: String, reportedOnce: Bool) -> [Finding] {
        switch placement {
        case .unplaceable(let found, let check, let reason):
            if reportedOnce { return [] }
            return [Finding(check: check, scope: scope,
                            expected: Decimal(columns), actual: Decimal(found.count),
                            message: "\(reason); all cells unparsed, values as found: \(quoted(found[...]))")]
        case .positioned(let positions):
            // A row of blanks in a proven grid: its line is on the page, nothing stands on it.
            if values.isEmpty { return [] }
            let empty = positions.indices.filter { positions[$0] == nil }.map { String($0 + 1) }.joined(separator: ", ")
            return [Finding(check: "row_short", scope: scope, expected: Decimal(columns), actual: Decimal(values.count),
                            message: "\(values.count) values on one line for \(columns) cells (\(quoted(values[...]))), placed by where they "
                                + "stand against the table's full rows; column \(empty) empty on the page, so blank")]
        case .proven(_, let undecided):
            // A row the arithmetic proves all blank (table 4's proceeding with no case) says nothing.
            if values.isEmpty && undecided.isEmpty { return [] }
            let open = undecided.map { String($0 + 1) }.joined(separator: ", ")
            return [Finding(check: undecided.isEmpty ? "row_short" : "cells_missing", scope: scope, expected: Decimal(columns),
                            actual: Decimal(values.count),
                            message: "\(values.count) values for \(columns) cells (\(quoted(values[...]))), placed where the row's and the "
                                + "table's arithmetic puts them; the other columns blank"
                                + (undecided.isEmpty ? "" : ", except column \(open), which the arithmetic leaves open: missing"))]
        case .digits(let token):
            return [Finding(check: "cells_joined", scope: scope, expected: Decimal(columns), actual: 1,
                            message: "\(tokens[token].text.trimmingSpaces().debugDescription) for \(columns) cells: as many digits as cells, "
                                + "read one digit per cell")]
        case .aligned:
            // Empty cells past the row's last (a capture's padding for a spanning cell, `||`) lose nothing.
            if values.count > columns, !values.dropFirst(columns).allSatisfy({ tokens[$0].reading == .placeholder }) {
                return [Finding(check: "extra_cells", scope: scope, expected: Decimal(columns), actual: Decimal(values.count),
                                message: "\(values.count) values for \(columns) cells; the first \(columns) were kept, "
                                    + "ignored: \(quoted(values.dropFirst(columns)))")]
            }
            if !values.isEmpty && values.count < columns {
                return [Finding(check: "cells_missing", scope: scope, expected: Decimal(columns), actual: Decimal(values.count),
                                message: "\(values.count) values for \(columns) cells (\(quoted(values[...]))); "
                                    + "the first and last were placed in the first and total columns, the others are missing")]
            }
            return []
        }
    }

    private func read(_ token: Token, column: ColumnSpec, headerUnit: MoneyUnit?, into cell: inout Cell,
                      findings: inout [Finding]) {
        cell.raw = token.text.trimmingSpaces()
        cell.source = token.location.description
        switch token.reading {
        case .placeholder:
            cell.status = .blank
        case .text:
            cell.status = .unparsed
        case .number(let number, let unit, let note):
            cell.status = .reported
            switch column.quantity {
            case .count:
                cell.value = number
                cell.unit = "count"
            case .money:
                if let unit = unit ?? headerUnit {
                    cell.value = number * unit.multiplier
                    cell.unit = "yuan"
                } else {
                    cell.value = number
                    cell.unit = "unspecified"
                    findings.append(Finding(
                        check: "unit_unspecified", scope: cell.scopeName,
                        message: "money printed as \(cell.raw.debugDescription) with no unit in the cell or its column header; kept as printed"
                    ))
                }
            }
            if let note {
                findings.append(Finding(
                    check: "cell_note", scope: cell.scopeName,
                    message: "note next to the number: \(note.debugDescription) (raw \(cell.raw.debugDescription))"
                ))
            }
        }
    }

    /// The money unit each column's header states, read from the header tokens joined in order
    /// (headers are often broken over several cells or lines).
    private func moneyUnits(block: BlockSpec, headerTokens: [Int]) -> [MoneyUnit?] {
        let header = headerTokens.map { tokens[$0].key }.joined()
        return block.columns.map { column in
            guard column.quantity == .money else { return nil }
            for label in column.labels {
                guard let range = header.range(of: label) else { continue }
                let following = header[range.upperBound...]
                let nextLabel = block.columns.flatMap(\.labels).compactMap { following.range(of: $0)?.lowerBound }.min()
                return MoneyUnit.stated(in: following[..<(nextLabel ?? following.endIndex)].prefix(10))
            }
            return nil
        }
    }

    private func quoted(_ values: ArraySlice<Int>) -> String {
        values.map { tokens[$0].text.trimmingSpaces() }.joined(separator: ", ")
    }
}

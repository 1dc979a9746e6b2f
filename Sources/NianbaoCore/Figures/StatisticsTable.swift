import Foundation

/// The legacy statistics table (政府信息公开情况统计表, SPEC §5) read as a table: 指标名称 / 计量单位 /
/// 本年度 / 历年累计, in an HTML `<table>` (each value placed by its grid column) and in a text capture
/// (a row per line, its cells apart; or a cell per line). A text row whose values are fewer than the
/// value columns cannot say which column each belongs to: it gives nothing and a
/// `statistics_row_short` finding, never a shifted value.
enum StatisticsTable {
    struct Reading {
        var candidates: [FigureCandidate] = []
        /// Tokens of the table, kept out of the parts' text.
        var consumed = Set<Int>()
        var findings: [Finding] = []
    }

    enum Role: Equatable { case label, unit, year, cumulative, other }

    static func read(_ tokens: [Token], year: Int?) -> Reading {
        var reading = Reading()
        var index = 0
        while index < tokens.count {
            guard tokens[index].folded.hasAtMost(60), StatisticsHeader.startsHeader(tokens[index]),
                  let header = StatisticsHeader(tokens, at: index, year: year) else {
                index += 1
                continue
            }
            index = readRows(tokens, header: header, into: &reading)
        }
        return reading
    }

    /// Reads the rows under `header`; returns the index after the table.
    private static func readRows(_ tokens: [Token], header: StatisticsHeader, into reading: inout Reading) -> Int {
        var rows = StatisticsRows(tokens, from: header.end, table: header.table, cellPerLine: header.cellPerLine)
        var lastValueToken = header.end - 1
        while let row = rows.next() {
            let labelToken = tokens[row[0]]
            let hasValues = row.dropFirst().contains { tokens[$0].reading.isValue || isUnit(tokens[$0].folded) }
            if header.table == nil, !hasValues, Numbering.read(labelToken.folded) == nil, !labelToken.key.hasPrefix("其中"),
               StatisticsLabels.figure(ofLabelKey: labelToken.key) == nil {
                break
            }
            if hasValues { lastValueToken = row.last! }
            if let combined = StatisticsLabels.combinedFigures(ofLabel: labelToken.folded) {
                readCombined(row, figures: combined, tokens: tokens, header: header, into: &reading)
                continue
            }
            guard let figure = StatisticsLabels.figure(ofLabelKey: labelToken.key) else {
                let hasNumbers = row.dropFirst().contains { tokens[$0].reading.isValue }
                if hasNumbers, !labelToken.key.isEmpty {
                    reading.findings.append(Finding(check: "statistics_label_unknown", scope: "statistics_table",
                                                    message: "statistics-table row “\(labelToken.text)” (\(labelToken.location.description)) maps to no figure; not read"))
                }
                continue
            }
            read(row, figure: figure, tokens: tokens, header: header, into: &reading)
        }
        if header.table == nil { reading.consumed.formUnion(header.start...max(header.start, lastValueToken)) }
        return max(rows.position, header.end)
    }

    /// A row that counts several figures at once gives none of them, except a zero, which is zero
    /// for each (SPEC §5, combined labels).
    private static func readCombined(_ row: [Int], figures: [String], tokens: [Token], header: StatisticsHeader, into reading: inout Reading) {
        var zeros = Reading()
        read(row, figure: figures[0], tokens: tokens, header: header, into: &zeros)
        reading.findings += zeros.findings
        for candidate in zeros.candidates where candidate.value == 0 {
            for figure in figures {
                var each = candidate
                each.figure = figure
                reading.candidates.append(each)
            }
        }
    }

    private static func read(_ row: [Int], figure: String, tokens: [Token], header: StatisticsHeader, into reading: inout Reading) {
        let cells = Array(row.dropFirst())
        let unitText = cells.map { tokens[$0].folded }.first(where: isUnit)
        let values = cells.filter { tokens[$0].reading.isValue && !isUnit(tokens[$0].folded) }
        var placed: [(token: Int, role: Role)] = []
        if header.table != nil {
            placed = values.compactMap { index in
                guard case .grid(_, _, let column) = tokens[index].location, let role = header.roles[column] else { return nil }
                return (index, role)
            }
        } else if values.count == header.valueRoles.count {
            placed = Array(zip(values, header.valueRoles))
        } else if !values.isEmpty {
            reading.findings.append(Finding(check: "statistics_row_short", scope: figure,
                                            message: "statistics-table row \(tokens[row[0]].location.description) has \(values.count) values for \(header.valueRoles.count) columns; not placed"))
            return
        }
        let quote = rowText(row, tokens: tokens, html: header.table != nil)
        for (index, role) in placed where role == .year || role == .cumulative {
            guard case .number(let number, let cellUnit, _) = tokens[index].reading else { continue }
            guard let (value, unit) = measure(number, cellUnit: cellUnit, unitText: unitText, figure: figure) else { continue }
            reading.candidates.append(FigureCandidate(
                figure: figure, period: role == .year ? "year" : "cumulative", value: value, unit: unit, tier: 0, part: false,
                method: .statisticsTable, source: tokens[index].location.description, quote: quote))
        }
    }

    /// The value in yuan for money (the cell's unit, else the row's), `unspecified` when neither
    /// names one; a count for the rest. nil for a count printed in money.
    private static func measure(_ number: Decimal, cellUnit: MoneyUnit?, unitText: String?, figure: String) -> (Decimal, String)? {
        let rowUnit = unitText.flatMap(MoneyUnit.init(rawValue:))
        guard FigureCatalog.isMoney(figure) else { return cellUnit == nil && rowUnit == nil ? (number, "count") : nil }
        guard let unit = cellUnit ?? rowUnit else { return (number, "unspecified") }
        return (number * unit.multiplier, "yuan")
    }

    static func isUnit(_ folded: String) -> Bool {
        StatisticsLabels.countUnits.contains(folded) || MoneyUnit(rawValue: folded) != nil
    }

    /// A text row as printed (its cells with the white space between them); an HTML row's cells
    /// joined by ` | `.
    private static func rowText(_ row: [Int], tokens: [Token], html: Bool) -> String {
        if html { return row.map { tokens[$0].text }.filter { !$0.isEmpty }.joined(separator: " | ") }
        return row.enumerated().map { offset, index in (offset == 0 ? "" : tokens[index].lead ?? " ") + tokens[index].text }.joined()
    }
}

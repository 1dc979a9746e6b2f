/// The header of a statistics table: where it stands and which column is which (label, unit,
/// this year, cumulative). In HTML by grid column; in text by the order of the value headers.
struct StatisticsHeader {
    typealias Role = StatisticsTable.Role

    var start: Int
    /// The first token after the header.
    var end: Int
    /// The HTML table it heads, nil in a text capture.
    var table: Int?
    /// Grid column → role (HTML).
    var roles: [Int: Role] = [:]
    /// The value columns in printed order (text).
    var valueRoles: [Role] = []
    /// Each header cell stood on a line of its own: so will the rows' cells.
    var cellPerLine = false

    init?(_ tokens: [Token], at start: Int, year: Int?) {
        self.start = start
        table = tokens[start].table
        var cells = [start]
        var next = start + 1
        let words = Self.words(tokens[start])
        if table == nil, words.count > 1 {
            // The header's words on one line, white space between them (a line without values is one token).
            valueRoles = words.map { Self.role(of: $0, year: year) }.filter { $0 == .year || $0 == .cumulative }
        } else if let table {
            while next < tokens.count, tokens[next].table == table, !tokens[next].startsRow { cells.append(next); next += 1 }
        } else if next < tokens.count, tokens[next].lead != nil {
            while next < tokens.count, tokens[next].lead != nil { cells.append(next); next += 1 }
        } else {
            // A cell per line: the header words that follow, each on its own line.
            while next < tokens.count, Self.role(of: tokens[next].key, year: year) != .other, tokens[next].folded.hasAtMost(12) {
                cells.append(next)
                next += 1
            }
            cellPerLine = true
        }
        end = next
        for index in cells where words.count == 1 || table != nil {
            let role = Self.role(of: tokens[index].key, year: year)
            if case .grid(_, _, let column) = tokens[index].location { roles[column] = role }
            if role == .year || role == .cumulative { valueRoles.append(role) }
        }
        guard !valueRoles.isEmpty else { return nil }
    }

    /// `指标名称`, alone or first of the header's words on its line.
    static func startsHeader(_ token: Token) -> Bool {
        guard let first = words(token).first else { return false }
        return StatisticsLabels.labelHeaders.contains(first)
    }

    /// The label keys of a line's words (split at white space).
    static func words(_ token: Token) -> [String] {
        token.folded.split(whereSeparator: { $0.isWhitespace }).map { LabelKey.make(String($0)) }
    }

    /// A header cell's role. A value column names this year in any form (本年度, 当年, `2013年度`) or a
    /// period to date (历年累计, 截至…); 累计 within the year (本年累计) is the year. A column that names
    /// another year than the report's is neither: its values are not this report's figures.
    static func role(of key: String, year: Int?) -> Role {
        if StatisticsLabels.labelHeaders.contains(key) { return .label }
        if StatisticsLabels.unitHeaders.contains(key) { return .unit }
        let years = TitleParts.years(in: key)
        if StatisticsLabels.toDateHeaders.contains(where: key.containsBytes) { return .cumulative }
        let scopedToYear = StatisticsLabels.yearHeaders.contains(where: key.containsBytes) || !years.isEmpty
        if let year, years.contains(where: { $0 != year }) { return .other }
        if StatisticsLabels.cumulativeHeaders.contains(where: key.containsBytes) { return scopedToYear ? .year : .cumulative }
        return scopedToYear ? .year : .other
    }
}

/// The rows under a statistics header, as token indices, the label first. HTML: one grid row each,
/// to the end of the table. Text: a line each (its cells apart); with a cell per line, a label and
/// the unit and value lines after it.
struct StatisticsRows {
    let tokens: [Token]
    let table: Int?
    let cellPerLine: Bool
    private(set) var position: Int

    init(_ tokens: [Token], from start: Int, table: Int?, cellPerLine: Bool) {
        self.tokens = tokens
        self.table = table
        self.cellPerLine = cellPerLine
        position = start
    }

    mutating func next() -> [Int]? {
        guard position < tokens.count else { return nil }
        if let table {
            guard tokens[position].table == table else { return nil }
            var row = [position]
            position += 1
            while position < tokens.count, tokens[position].table == table, !tokens[position].startsRow { row.append(position); position += 1 }
            return row
        }
        guard tokens[position].table == nil else { return nil }
        var row = [position]
        position += 1
        if cellPerLine {
            while position < tokens.count, tokens[position].table == nil,
                  tokens[position].reading.isValue || StatisticsTable.isUnit(tokens[position].folded) {
                row.append(position)
                position += 1
            }
        } else {
            while position < tokens.count, tokens[position].lead != nil { row.append(position); position += 1 }
        }
        return row
    }
}

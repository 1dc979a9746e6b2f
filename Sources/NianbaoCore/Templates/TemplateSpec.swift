/// A template generation of the national report format, described as data: its years, the labels
/// that identify it, and its statistical tables. Parsing, checking and writing are all driven by it.
public struct TemplateSpec: Sendable {
    /// `gb2019`, `gb2021`, `legacy`, `unknown`.
    public let code: String
    /// Years reported on that use this template, for reports whose tables do not tell.
    public let years: ClosedRange<Int>?
    /// Label keys found only in this template's tables.
    public let markers: [String]
    /// True when the report has the six national parts (gb2019, gb2021); false for legacy reports.
    public let hasNationalParts: Bool
    public let tables: [TableSpec]

    public init(code: String, years: ClosedRange<Int>?, markers: [String], hasNationalParts: Bool, tables: [TableSpec]) {
        self.code = code
        self.years = years
        self.markers = markers.map(LabelKey.make)
        self.hasNationalParts = hasNationalParts
        self.tables = tables
    }
}

/// The three statistics tables of the national format, named as their output files.
public enum TableKind: String, Sendable, CaseIterable {
    case activeDisclosure = "active_disclosure"
    case applications
    case reviewsLitigation = "reviews_litigation"

    /// How the table is called in findings and docs: `table 2`, `table 3`, `table 4`.
    public var number: Int {
        switch self {
        case .activeDisclosure: return 2
        case .applications: return 3
        case .reviewsLitigation: return 4
        }
    }
}

public struct TableSpec: Sendable {
    public enum Layout: Sendable {
        /// Each row starts with its label and is followed by its values (tables 2 and 3).
        case labelledRows
        /// Header rows, then all values in one run, row after row (table 4). The anchors mark where
        /// the header begins; the count of values decides, not the header text.
        case valueRun(anchors: [String])
    }

    public let kind: TableKind
    /// The report part (1–6) whose text holds the table.
    public let part: Int
    public let layout: Layout
    /// Sub-tables: table 2 has one per article clause, tables 3 and 4 one each.
    public let blocks: [BlockSpec]
    /// Labels that open a group of rows and carry no values (`（三）不予公开`).
    public let groups: [String]
    /// Header labels that are neither rows nor columns (`申请人情况`, `信息内容`).
    public let headerLabels: [String]
    /// Names of the consistency rules this table takes part in.
    public let rules: Rules
    /// The labels above, prepared once for matching.
    let labels: TableLabels

    public struct Rules: Sendable {
        /// Per row: the total column equals the sum of the part columns.
        public var rowTotal: String?
        /// Per column: intake rows equal the result total plus the carried-forward row.
        public var balance: String?
        /// Per column: the result total equals the sum of the result rows.
        public var resultsSum: String?

        public init(rowTotal: String? = nil, balance: String? = nil, resultsSum: String? = nil) {
            self.rowTotal = rowTotal
            self.balance = balance
            self.resultsSum = resultsSum
        }
    }

    public init(kind: TableKind, part: Int, layout: Layout, blocks: [BlockSpec], groups: [String] = [],
                headerLabels: [String] = [], rules: Rules = Rules()) {
        self.kind = kind
        self.part = part
        switch layout {
        case .labelledRows: self.layout = .labelledRows
        case .valueRun(let anchors): self.layout = .valueRun(anchors: anchors.map(LabelKey.make))
        }
        self.blocks = blocks
        self.groups = groups.map(LabelKey.make)
        self.headerLabels = headerLabels.map(LabelKey.make)
        self.rules = rules
        self.labels = TableLabels(blocks: blocks, groups: self.groups, headerLabels: self.headerLabels)
    }
}

/// A sub-table: rows × columns of cells, optionally under a caption (`第二十条第（一）项`).
public struct BlockSpec: Sendable {
    /// The `item` code of table 2 (`art20_1`); empty for tables 3 and 4.
    public let code: String
    public let captions: [String]
    public let rows: [RowSpec]
    public let columns: [ColumnSpec]

    public init(code: String = "", captions: [String] = [], rows: [RowSpec], columns: [ColumnSpec]) {
        self.code = code
        self.captions = captions.map(LabelKey.make)
        self.rows = rows
        self.columns = columns
    }

    /// Index of the column that holds the row's total, if the block has one.
    public var totalColumn: Int? { columns.lastIndex { $0.role == .total } }
}

public struct RowSpec: Sendable {
    public enum Role: Sendable {
        case other
        /// Applications entering the year (new, carried over).
        case intake
        /// One way an application was handled.
        case result
        /// The total of results.
        case resultTotal
        /// Applications carried into the next year.
        case carriedForward
    }

    public let code: String
    /// Label variants, longest first when matching; compared as label keys, numbering ignored.
    public let labels: [String]
    /// A group label (key) the row must sit under, for labels that are ambiguous alone (`3.其他`).
    public let group: String?
    /// The number the template prints before the label within its group (`2.` of
    /// `2.其他法律行政法规禁止公开`), nil for a row printed without one.
    public let number: Int?
    public let role: Role

    public init(_ code: String, _ labels: [String], group: String? = nil, number: Int? = nil, role: Role = .other) {
        self.code = code
        self.labels = labels.map(LabelKey.make)
        self.group = group.map(LabelKey.make)
        self.number = number
        self.role = role
    }
}

public struct ColumnSpec: Sendable {
    public enum Quantity: Sendable {
        case count
        /// Money, reported in yuan; the unit comes from the cell, else the header, else it is unspecified.
        case money
    }

    public enum Role: Sendable {
        case part
        case total
    }

    public let code: String
    public let labels: [String]
    public let quantity: Quantity
    public let role: Role

    public init(_ code: String, _ labels: [String], quantity: Quantity = .count, role: Role = .part) {
        self.code = code
        self.labels = labels.map(LabelKey.make)
        self.quantity = quantity
        self.role = role
    }
}

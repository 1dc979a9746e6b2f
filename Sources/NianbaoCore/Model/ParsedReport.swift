import Foundation

/// Everything parsing and checking learnt from one report, before it is written.
public struct ParsedReport: Sendable {
    public var metadata: ReportMetadata
    public var script: Script
    public var template: String
    public var status: ReportStatus
    public var sections: [Section]
    public var cells: [Cell]
    public var findings: [Finding]
    /// Harmonised figures (SPEC §5), in the order of `FigureCatalog`.
    public var figures: [Figure] = []
    /// Who published it (SPEC §6).
    public var organ = OrganIdentity()
}

public struct ReportMetadata: Sendable, Equatable {
    public var title: String = ""
    public var organ: String = ""
    /// Every form of the publisher's name the report gives (title, page fields, preamble, signature).
    public var organNames: [String] = []
    public var year: Int?
    /// ISO date (`2021-01-30`) or empty.
    public var publishedOn: String = ""
    /// The page's own address when the page or capture names it (canonical link, 原文链接), else empty.
    public var sourceURL: String = ""
}

public enum ReportStatus: String, Sendable {
    /// Every table of the template found with all its cells.
    case complete
    /// A table or cells missing.
    case partial
    /// Legacy or unknown template: parts only.
    case narrative
}

/// One part of the report (SPEC `sections`).
public struct Section: Sendable {
    public var number: Int
    public var heading: String
    public var headingRaw: String
    public var text: String
    public var textSimplified: String
    /// SPEC §5 topic code, or "" when the heading fits none.
    public var topic: String
}

public enum CellStatus: String, Sendable {
    case reported
    case blank
    case missing
    case unparsed
}

/// One cell a template defines, whatever happened to it.
public struct Cell: Sendable {
    public var table: TableKind
    /// Table 2's article clause (`art20_1`); empty elsewhere.
    public var item: String
    /// Category, row or proceeding code.
    public var row: String
    /// Metric, applicant or outcome code.
    public var column: String
    public var status: CellStatus
    /// Set only when `status` is `reported`; money in yuan unless `unit` is `unspecified`.
    public var value: Decimal?
    /// `count`, `yuan` or `unspecified`; empty when there is no value.
    public var unit: String
    public var raw: String
    public var source: String

    /// `item/row/column` for table 2, `row/column` otherwise: how findings name a cell.
    public var scopeName: String { item.isEmpty ? "\(row)/\(column)" : "\(item)/\(row)/\(column)" }
}

/// A failed consistency rule or a structural observation (SPEC `checks`).
public struct Finding: Sendable, Equatable {
    public enum Severity: String, Sendable {
        case error
        case warning
    }

    public var check: String
    public var scope: String
    public var severity: Severity
    public var expected: Decimal?
    public var actual: Decimal?
    public var message: String

    public init(check: String, scope: String, severity: Severity = .warning, expected: Decimal? = nil,
                actual: Decimal? = nil, message: String) {
        self.check = check
        self.scope = scope
        self.severity = severity
        self.expected = expected
        self.actual = actual
        self.message = message
    }
}

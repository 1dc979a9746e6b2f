import Foundation

/// One harmonised figure a report states (SPEC §5, `figures`): the same codes for every era.
public struct Figure: Sendable, Equatable {
    public enum Status: String, Sendable {
        case reported, missing, ambiguous
    }

    public enum Method: String, Sendable {
        /// One cell of a national table.
        case table
        /// A sum of national-table cells, listed in `source`.
        case derived
        case statisticsTable = "statistics_table"
        case prose
    }

    public var figure: String
    /// `year` (the report's year) or `cumulative`.
    public var period = "year"
    public var value: Decimal?
    /// `count`, `yuan` or `unspecified`; empty when `value` is.
    public var unit = ""
    public var status: Status
    /// nil for a core figure the report does not state.
    public var method: Method?
    public var source: String
    /// The verbatim text the value was read from.
    public var quote: String
}

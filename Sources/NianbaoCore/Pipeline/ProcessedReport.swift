/// One input file that became a report: where it came from, how it was read, and what was parsed.
public struct ProcessedReport: Sendable {
    public var reportID: String
    public var sourcePath: String
    public var format: SourceFormat
    public var encoding: String
    public var sha256: String
    public var bytes: Int
    public var parsed: ParsedReport
}

/// One input file that was not accepted, and why.
public struct Reject: Sendable, Equatable {
    public var sourcePath: String
    public var sha256: String
    public var reason: String
}

/// What processing one file gave.
public enum FileOutcome: Sendable {
    case report(ProcessedReport)
    case reject(Reject)
}

/// One input file that became a report: where it came from, how it was read, and what was parsed.
public struct ProcessedReport: Sendable {
    public var reportID: String
    public var sourcePath: String
    public var format: SourceFormat
    public var encoding: String
    public var sha256: String
    public var bytes: Int
    public var parsed: ParsedReport

    /// `r` and the first 16 hex digits of the content's SHA-256 (SPEC §2). The letter keeps every
    /// loader from reading an id of only decimal digits as a number (about 1 in 2,000 of them).
    public static func id(sha256: String) -> String {
        "r" + sha256.prefix(16)
    }
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

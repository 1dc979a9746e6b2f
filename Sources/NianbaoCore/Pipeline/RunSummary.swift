import Foundation

/// What a run did, for the final log line and for `summary.json` (monitoring, a morning glance).
public struct RunSummary: Sendable {
    /// When the run started; written with the local zone (ISO 8601), as a cron log reads it.
    public var started: Date
    public var seen = 0
    public var new = 0
    public var changed = 0
    public var unchanged = 0
    public var deleted = 0
    /// Files whose bytes went through the stages in this run (one per distinct content); the rest were
    /// reused from the last run or are copies of a content parsed once.
    public var parsed = 0
    public var rejected = 0
    public var reports = 0
    /// Reports chosen for the panel (copies of an organ's year left out) with an error finding, and
    /// the copies behind them with errors too.
    public var reportsWithErrors = 0
    public var copiesWithErrors = 0
    /// Reports that are another file's copy (`copy_of`).
    public var copies = 0
    public var byTemplate: [String: Int] = [:]
    public var byYear: [String: Int] = [:]
    public var byStatus: [String: Int] = [:]
    public var findingsByCheck: [String: Int] = [:]
    public var elapsed: Duration = .zero
    /// Listing, identifying and handling the files (reading, parsing, streaming or copying the row
    /// tables), then writing `reports`, `checks` and rejects and syncing the dataset.
    public var handling: Duration = .zero
    public var writing: Duration = .zero
    /// Writing the data docs (index.html and the report pages), part of `writing`.
    public var docs: Duration = .zero

    /// What the book of files counts after handling.
    struct FileCounts {
        var seen: Int
        var new: Int
        var changed: Int
        var unchanged: Int
        var deleted: Int
        var parsed: Int
    }

    init(_ files: FileCounts, started: Date) {
        self.started = started
        seen = files.seen
        new = files.new
        changed = files.changed
        unchanged = files.unchanged
        deleted = files.deleted
        parsed = files.parsed
    }

    /// Counts one report of the dataset as it is written.
    mutating func count(_ header: ReportHeader, crossReportFindings: [Finding], isCopy: Bool) {
        reports += 1
        if isCopy { copies += 1 }
        if header.errors > 0 || crossReportFindings.contains(where: { $0.severity == .error }) {
            if isCopy { copiesWithErrors += 1 } else { reportsWithErrors += 1 }
        }
        byTemplate[header.template, default: 0] += 1
        byYear[header.year.map(String.init) ?? "unknown", default: 0] += 1
        byStatus[header.status, default: 0] += 1
        for (check, count) in header.findingsByCheck { findingsByCheck[check, default: 0] += count }
        for finding in crossReportFindings { findingsByCheck[finding.check, default: 0] += 1 }
    }

    public var seconds: Double { Self.seconds(elapsed) }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    /// The one line a run always ends with.
    public var line: String {
        "nianbao: \(startedText) \(Self.count(seen, "file")) seen, \(new) new, \(changed) changed, \(unchanged) unchanged, "
            + "\(deleted) deleted, \(rejected) rejected, \(parsed) parsed, \(Self.count(reportsWithErrors, "report")) with errors"
            + (copiesWithErrors > 0 ? " (+ \(Self.count(copiesWithErrors, "copy")))" : "")
            + ", \(String(format: "%.2f", seconds)) s"
    }

    private static func count(_ number: Int, _ noun: String) -> String {
        number == 1 ? "1 \(noun)" : noun == "copy" ? "\(number) copies" : "\(number) \(noun)s"
    }

    /// The start time in ISO 8601 with the machine's zone offset (`2026-12-02T03:15:00+08:00`).
    public var startedText: String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = .current
        formatter.formatOptions = [.withInternetDateTime, .withColonSeparatorInTimeZone]
        return formatter.string(from: started)
    }

    public func json() -> JSONValue {
        func counts(_ values: [String: Int]) -> JSONValue {
            .object(values.sorted { $0.key < $1.key }.map { ($0.key, .integer($0.value)) })
        }
        return .object([
            ("started", .string(startedText)),
            ("parser", .string(ParserVersion.current)),
            ("elapsed_seconds", .number(String(format: "%.3f", seconds))),
            ("handling_seconds", .number(String(format: "%.3f", Self.seconds(handling)))),
            ("writing_seconds", .number(String(format: "%.3f", Self.seconds(writing)))),
            ("docs_seconds", .number(String(format: "%.3f", Self.seconds(docs)))),
            ("files", .object([
                ("seen", .integer(seen)), ("new", .integer(new)), ("changed", .integer(changed)),
                ("unchanged", .integer(unchanged)), ("deleted", .integer(deleted)), ("rejected", .integer(rejected)),
                ("parsed", .integer(parsed)),
            ])),
            ("reports", .object([
                ("total", .integer(reports)), ("copies", .integer(copies)), ("with_errors", .integer(reportsWithErrors)),
                ("copies_with_errors", .integer(copiesWithErrors)),
                ("by_template", counts(byTemplate)), ("by_year", counts(byYear)), ("by_status", counts(byStatus)),
            ])),
            ("findings_by_check", counts(findingsByCheck)),
        ])
    }
}

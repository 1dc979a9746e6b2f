import Foundation

/// The run's result before writing: reports and rejects in the contract's order, duplicates
/// turned into rejects, and the findings that need more than one report (cross_year_carry).
public struct Dataset: Sendable {
    public private(set) var reports: [ProcessedReport] = []
    public private(set) var rejects: [Reject] = []
    /// Findings across reports, by the report they are attached to.
    public private(set) var crossReportFindings: [String: [Finding]] = [:]

    public init(outcomes: [FileOutcome]) {
        var seen: [String: String] = [:]
        let ordered = outcomes.sorted { Self.path(of: $0).utf8.lexicographicallyPrecedes(Self.path(of: $1).utf8) }
        for outcome in ordered {
            switch outcome {
            case .reject(let reject):
                rejects.append(reject)
            case .report(let report):
                if let first = seen[report.reportID] {
                    rejects.append(Reject(sourcePath: report.sourcePath, sha256: report.sha256,
                                          reason: "duplicate of \(first) (same bytes)"))
                } else {
                    seen[report.reportID] = report.sourcePath
                    reports.append(report)
                }
            }
        }
        reports.sort { $0.reportID < $1.reportID }
        crossReportFindings = CrossYearChecker.check(reports)
    }

    /// Every finding of a report, its own first.
    public func findings(of report: ProcessedReport) -> [Finding] {
        report.parsed.findings + (crossReportFindings[report.reportID] ?? [])
    }

    private static func path(of outcome: FileOutcome) -> String {
        switch outcome {
        case .report(let report): return report.sourcePath
        case .reject(let reject): return reject.sourcePath
        }
    }
}

/// cross_year_carry: an organ's applications carried over into year N equal those it carried
/// forward out of year N−1, when both reports are in the run.
enum CrossYearChecker {
    static func check(_ reports: [ProcessedReport]) -> [String: [Finding]] {
        var byOrganYear: [String: [Int: ProcessedReport]] = [:]
        for report in reports {
            let metadata = report.parsed.metadata
            guard !metadata.organ.isEmpty, let year = metadata.year else { continue }
            // Reports are in report_id order, so the first of two same-year reports is a stable choice.
            if byOrganYear[metadata.organ]?[year] == nil { byOrganYear[metadata.organ, default: [:]][year] = report }
        }
        var findings: [String: [Finding]] = [:]
        for (organ, years) in byOrganYear {
            for (year, report) in years {
                guard let previous = years[year - 1],
                      let carriedOver = total(of: "carried_over", in: report),
                      let carriedForward = total(of: "carried_forward", in: previous),
                      carriedOver != carriedForward else { continue }
                findings[report.reportID, default: []].append(Finding(
                    check: "cross_year_carry", scope: "\(year - 1)-\(year)", severity: .error,
                    expected: carriedForward, actual: carriedOver,
                    message: "\(organ): \(carriedForward) applications carried forward out of \(year - 1) (report \(previous.reportID)), "
                        + "\(carriedOver) carried over into \(year)"
                ))
            }
        }
        return findings
    }

    private static func total(of row: String, in report: ProcessedReport) -> Decimal? {
        let cell = report.parsed.cells.first { $0.table == .applications && $0.row == row && $0.column == "total" }
        guard let cell else { return nil }
        switch cell.status {
        case .reported: return cell.value
        case .blank: return 0
        case .missing, .unparsed: return nil
        }
    }
}

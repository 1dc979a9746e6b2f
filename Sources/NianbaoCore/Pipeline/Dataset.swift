import Foundation

/// The run's result before writing: reports in report_id order, rejects in path order (a file with
/// the same bytes as an earlier one becomes a duplicate reject), and the findings that need more
/// than one report (cross_year_carry).
public struct Dataset: Sendable {
    public struct Report: Sendable {
        public var result: FileResult
        public var header: ReportHeader
        public var crossReportFindings: [Finding]

        public var warnings: Int { header.ownFindings + crossReportFindings.count }
        public var hasErrors: Bool { header.errors > 0 || crossReportFindings.contains { $0.severity == .error } }
    }

    public private(set) var reports: [Report] = []
    public private(set) var rejects: [Reject] = []

    public init(results: [FileResult]) {
        var seen: [String: String] = [:]
        let ordered = results.sorted { $0.file.relativePath.utf8.lexicographicallyPrecedes($1.file.relativePath.utf8) }
        for result in ordered {
            switch result.outcome {
            case .reject(let reason):
                rejects.append(Reject(sourcePath: result.file.relativePath, sha256: result.sha256, reason: reason))
            case .report(let header):
                if let first = seen[header.reportID] {
                    rejects.append(Reject(sourcePath: result.file.relativePath, sha256: result.sha256,
                                          reason: "duplicate of \(first) (same bytes)"))
                } else {
                    seen[header.reportID] = result.file.relativePath
                    reports.append(Report(result: result, header: header, crossReportFindings: []))
                }
            }
        }
        reports.sort { $0.header.reportID < $1.header.reportID }
        let crossYear = CrossYearChecker.check(reports.map(\.header))
        for index in reports.indices {
            reports[index].crossReportFindings = crossYear[reports[index].header.reportID] ?? []
        }
    }
}

/// cross_year_carry: an organ's applications carried over into year N equal those it carried
/// forward out of year N−1, when both reports are in the run.
enum CrossYearChecker {
    static func check(_ headers: [ReportHeader]) -> [String: [Finding]] {
        var byOrganYear: [String: [Int: ReportHeader]] = [:]
        for header in headers {
            guard !header.organ.isEmpty, let year = header.year else { continue }
            // Headers come in report_id order, so the first of two same-year reports is a stable choice.
            if byOrganYear[header.organ]?[year] == nil { byOrganYear[header.organ, default: [:]][year] = header }
        }
        var findings: [String: [Finding]] = [:]
        for (organ, years) in byOrganYear {
            for (year, header) in years {
                guard let previous = years[year - 1],
                      let carriedOver = header.carriedOverTotal.flatMap({ Decimal(string: $0) }),
                      let carriedForward = previous.carriedForwardTotal.flatMap({ Decimal(string: $0) }),
                      carriedOver != carriedForward else { continue }
                findings[header.reportID, default: []].append(Finding(
                    check: "cross_year_carry", scope: "\(year - 1)-\(year)", severity: .error,
                    expected: carriedForward, actual: carriedOver,
                    message: "\(organ): \(FieldValue.plain(carriedForward)) applications carried forward out of \(year - 1) "
                        + "(report \(previous.reportID)), \(FieldValue.plain(carriedOver)) carried over into \(year)"
                ))
            }
        }
        return findings
    }
}

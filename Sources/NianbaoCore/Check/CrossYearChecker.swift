import Foundation

/// cross_year_carry: an organ's applications carried over into year N equal those it carried
/// forward out of year N−1, when both reports are in the run.
public enum CrossYearChecker {
    /// Findings by report_id. `reports` may hold any number of organs; given in report_id order,
    /// the first of two reports of one organ and year is the one compared (a stable choice).
    public static func check(_ reports: some Sequence<ReportFacts>) -> [String: [Finding]] {
        var byOrganYear: [String: [Int: ReportFacts]] = [:]
        for report in reports {
            guard !report.organ.isEmpty, let year = report.year else { continue }
            if byOrganYear[report.organ]?[year] == nil { byOrganYear[report.organ, default: [:]][year] = report }
        }
        var findings: [String: [Finding]] = [:]
        for (organ, years) in byOrganYear {
            for (year, report) in years {
                guard let previous = years[year - 1],
                      let carriedOver = report.carriedOverTotal.flatMap({ Decimal(string: $0) }),
                      let carriedForward = previous.carriedForwardTotal.flatMap({ Decimal(string: $0) }),
                      carriedOver != carriedForward else { continue }
                findings[report.reportID, default: []].append(Finding(
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

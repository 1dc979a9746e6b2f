import Foundation

/// What one organ's reports give the dataset (SPEC §6): its `organs` row; the copies of one year's
/// report grouped, one chosen for the panel and the others `copy_of` it (with `copy_conflict` when
/// their figures differ); one `panel` row per year; `cross_year_carry` between its chosen years.
struct OrganYears {
    var organ: [FieldValue] = []
    var panel: [[FieldValue]] = []
    /// report_id → the report_id of the copy chosen in its place.
    var copyOf: [String: String] = [:]
    var findings: [String: [Finding]] = [:]

    /// `reports`: one organ's, in year then report_id order.
    init(_ reports: [ReportHeader]) {
        var chosen: [ReportHeader] = []
        var index = 0
        while index < reports.count {
            var end = index + 1
            if reports[index].year != nil { while end < reports.count, reports[end].year == reports[index].year { end += 1 } }
            let copies = Array(reports[index..<end])
            let pick = copies.min(by: Self.preferred)!
            chosen.append(pick)
            for copy in copies where copy.reportID != pick.reportID {
                copyOf[copy.reportID] = pick.reportID
                if let conflict = Self.conflict(copy, chosen: pick) { findings[copy.reportID, default: []].append(conflict) }
            }
            index = end
        }
        for (reportID, found) in CrossYearChecker.check(chosen.map(ReportFacts.init)) { findings[reportID, default: []] += found }
        panel = chosen.filter { $0.year != nil }.map(Self.panelRow)
        organ = Self.organRow(reports, chosen: chosen)
    }

    /// The copy the panel takes (SPEC §6, the rule documented in the README): fewest missing cells,
    /// then fewest findings, then an HTML page over a text capture, then the smallest report_id.
    static func preferred(_ a: ReportHeader, _ b: ReportHeader) -> Bool {
        if a.missingCells != b.missingCells { return a.missingCells < b.missingCells }
        if a.ownFindings != b.ownFindings { return a.ownFindings < b.ownFindings }
        if a.format != b.format { return a.format == SourceFormat.html.rawValue }
        return a.reportID < b.reportID
    }

    /// Figures both copies report with different values (a corrected re-post is real; neither is picked
    /// as right, the finding says where they differ).
    static func conflict(_ copy: ReportHeader, chosen: ReportHeader) -> Finding? {
        let differing = FigureCatalog.codes.compactMap { code -> String? in
            guard let mine = copy.figures[code], let theirs = chosen.figures[code], mine != theirs else { return nil }
            return "\(code) \(mine) here, \(theirs) there"
        }
        guard !differing.isEmpty else { return nil }
        return Finding(check: "copy_conflict", scope: chosen.reportID,
                       message: "a copy of report \(chosen.reportID) (same organ and year) with other numbers: \(differing.joined(separator: "; "))")
    }

    static func panelRow(_ report: ReportHeader) -> [FieldValue] {
        let identity = report.identity
        var row = [FieldValue(identity.organID), FieldValue(report.year), FieldValue(report.reportID), FieldValue(report.template),
                   FieldValue(report.status), FieldValue(identity.regionCode), FieldValue(identity.level), FieldValue(identity.kind)]
        for code in FigureCatalog.codes { row.append(FieldValue(report.figures[code].flatMap { Decimal(string: $0) })) }
        return row
    }

    /// The organ's fullest name, its latest year's division, level and kind, and every name seen.
    static func organRow(_ reports: [ReportHeader], chosen: [ReportHeader]) -> [FieldValue] {
        let latest = chosen.last!.identity
        let name = reports.map(\.identity.name).reversed().max { $0.count < $1.count } ?? latest.name
        let names = Set(reports.flatMap(\.identity.namesSeen)).sorted()
        return [FieldValue(latest.organID), FieldValue(name), FieldValue(latest.regionCode), FieldValue(latest.regionName),
                FieldValue(latest.level), FieldValue(latest.kind), FieldValue(names.joined(separator: ";"))]
    }
}

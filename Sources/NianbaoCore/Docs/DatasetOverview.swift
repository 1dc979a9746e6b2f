import Foundation

/// What the index page shows of the whole dataset, gathered while the report pages are written
/// (one report at a time; only counts and the attention list are kept).
struct DatasetOverview {
    struct Attention {
        var reportID: String
        var title: String
        var organ: String
        var year: String
        var template: String
        var status: String
        var errors: Int
        var warnings: Int
        var missingTables: Int
    }

    var reports = 0
    var copies = 0
    var rejects = 0
    var rejectReasons: [String: Int] = [:]
    /// year → "template/status" → reports.
    var coverage: [String: [String: Int]] = [:]
    /// "check/severity" → findings.
    var findings: [String: Int] = [:]
    var attention: [Attention] = []
    /// Reports chosen for the panel (copies left out): figure → status → reports; figure → reports
    /// with a conflict between table and text; statistics labels no figure maps → reports.
    var figureStatus: [String: [String: Int]] = [:]
    var figureConflicts: [String: Int] = [:]
    var unknownLabels: [String: Int] = [:]
    var organs: [ReportPage.Row] = []
    var panel: [ReportPage.Row] = []

    mutating func add(_ page: ReportPage) {
        let report = page.report
        reports += 1
        if !report["copy_of"].isEmpty { copies += 1 }
        let year = report["year"].isEmpty ? "—" : report["year"]
        coverage[year, default: [:]]["\(report["template"])/\(report["status"])", default: 0] += 1
        if report["copy_of"].isEmpty { addFigures(page) }
        var errors = 0, warnings = 0, missingTables = 0
        for check in page.checks {
            findings["\(check["check"])/\(check["severity"])", default: 0] += 1
            if check["severity"] == "error" { errors += 1 } else { warnings += 1 }
            if check["check"] == "table_missing" { missingTables += 1 }
        }
        // One entry per organ-year: a copy's problems are its chosen copy's page away (copy_of).
        if report["copy_of"].isEmpty, errors > 0 || missingTables > 0 || report["status"] == "partial" {
            attention.append(Attention(reportID: report["report_id"], title: report["title"].isEmpty ? report["source_path"] : report["title"],
                                       organ: report["organ"], year: report["year"], template: report["template"], status: report["status"],
                                       errors: errors, warnings: warnings, missingTables: missingTables))
        }
    }

    private mutating func addFigures(_ page: ReportPage) {
        var seen = Set<String>()
        for figure in page.figures where figure["period"] == "year" && seen.insert(figure["figure"]).inserted {
            figureStatus[figure["figure"], default: [:]][figure["status"], default: 0] += 1
        }
        var conflicted = Set<String>(), labels = Set<String>()
        for check in page.checks {
            if check["check"] == "figure_conflict" { conflicted.insert(check["scope"]) }
            if check["check"] == "statistics_label_unknown", let label = Self.quoted(check["message"]) { labels.insert(label) }
        }
        for figure in conflicted { figureConflicts[figure, default: 0] += 1 }
        for label in labels { unknownLabels[label, default: 0] += 1 }
    }

    /// The text between the first “ and ” of a finding's message (the label it quotes).
    static func quoted(_ message: String) -> String? {
        guard let open = message.firstIndex(of: "“"), let close = message[open...].firstIndex(of: "”") else { return nil }
        return String(message[message.index(after: open)..<close])
    }

    mutating func addReject(reason: String) {
        rejects += 1
        // Reasons name files (duplicate of X): counted by their kind, the words before the first detail.
        let kind = reason.hasPrefix("duplicate of") ? "duplicate of another file (same bytes)"
            : String(reason.prefix { $0 != "(" && $0 != ":" }).trimmingCharacters(in: .whitespaces)
        rejectReasons[kind, default: 0] += 1
    }
}

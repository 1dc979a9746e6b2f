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
    var organs: [ReportPage.Row] = []
    var panel: [ReportPage.Row] = []

    mutating func add(_ page: ReportPage) {
        let report = page.report
        reports += 1
        if !report["copy_of"].isEmpty { copies += 1 }
        let year = report["year"].isEmpty ? "—" : report["year"]
        coverage[year, default: [:]]["\(report["template"])/\(report["status"])", default: 0] += 1
        var errors = 0, warnings = 0, missingTables = 0
        for check in page.checks {
            findings["\(check["check"])/\(check["severity"])", default: 0] += 1
            if check["severity"] == "error" { errors += 1 } else { warnings += 1 }
            if check["check"] == "table_missing" { missingTables += 1 }
        }
        if errors > 0 || missingTables > 0 || report["status"] == "partial" {
            attention.append(Attention(reportID: report["report_id"], title: report["title"].isEmpty ? report["source_path"] : report["title"],
                                       organ: report["organ"], year: report["year"], template: report["template"], status: report["status"],
                                       errors: errors, warnings: warnings, missingTables: missingTables))
        }
    }

    mutating func addReject(reason: String) {
        rejects += 1
        // Reasons name files (duplicate of X): counted by their kind, the words before the first detail.
        let kind = reason.hasPrefix("duplicate of") ? "duplicate of another file (same bytes)"
            : String(reason.prefix { $0 != "(" && $0 != ":" }).trimmingCharacters(in: .whitespaces)
        rejectReasons[kind, default: 0] += 1
    }
}

import Foundation

/// A night on which nothing came in, changed or went (`RunLedger.isUnchangedListing`), with the same
/// parser and settings and an intact previous dataset: the run proves it from the listing and the
/// manifest and leaves the dataset in place, untouched, instead of writing the same bytes again. Only
/// `summary.json` is written, so that a monitor still sees the night's run; its report counts are the
/// previous run's, which the dataset still is.
enum UnchangedNight {
    /// The run's summary carried over from the previous `summary.json`; nil when that cannot be read
    /// (the run then writes the dataset as usual).
    static func summary(_ files: RunSummary.FileCounts, started: Date, output: URL) -> RunSummary? {
        guard let data = try? Data(contentsOf: output.appendingPathComponent("summary.json")),
              let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let previousFiles = object["files"] as? [String: Any], let reports = object["reports"] as? [String: Any],
              let rejected = previousFiles["rejected"] as? Int, let total = reports["total"] as? Int else { return nil }
        var summary = RunSummary(files, started: started)
        summary.rejected = rejected
        summary.reports = total
        summary.copies = reports["copies"] as? Int ?? 0
        summary.reportsWithErrors = reports["with_errors"] as? Int ?? 0
        summary.copiesWithErrors = reports["copies_with_errors"] as? Int ?? 0
        summary.byTemplate = reports["by_template"] as? [String: Int] ?? [:]
        summary.byYear = reports["by_year"] as? [String: Int] ?? [:]
        summary.byStatus = reports["by_status"] as? [String: Int] ?? [:]
        summary.findingsByCheck = object["findings_by_check"] as? [String: Int] ?? [:]
        return summary
    }

    /// The dataset's pages are there too (a dataset from before the docs is written again).
    static func hasDocs(_ output: URL) -> Bool {
        [DataDocs.index, ReportList.name].allSatisfy { FileManager.default.fileExists(atPath: output.appendingPathComponent($0).path) }
    }
}

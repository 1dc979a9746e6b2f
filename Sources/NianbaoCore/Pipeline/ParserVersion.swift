
/// What a reused parse depends on. A report parsed by another version of the code, or with another
/// description of the template it used, or with other recognition markers, is parsed again.
public enum ParserVersion {
    /// Raise when a change in code (not in template data) changes what a report parses to.
    public static let code = "28"

    /// The code version plus the markers that decide every report's template and the output's
    /// columns: rows reused from an earlier run must have been encoded for the same columns.
    public static let current: String = {
        let markers = TemplateSpec.catalog.map { "\($0.code):\($0.years.map { "\($0)" } ?? ""):\($0.markers)" }.joined(separator: ";")
        let columns = OutputSchema.all.map { "\($0.name):\($0.fields.map(\.name).joined(separator: ","))" }.joined(separator: ";")
        // The figure and recognition descriptions are data too: a new phrase or label re-reads every report.
        let figureData = ProsePhrases.all.map(\.fingerprint).joined(separator: ";") + String(reflecting: StatisticsLabels.figures)
            + String(reflecting: StatisticsLabels.combinedParts) + String(reflecting: PageKinds.all)
        return "\(code)-\(digest(markers + "|" + columns + "|docs " + DataDocs.version + "|" + figureData))"
    }()

    /// A fingerprint of one template's full description: rows, columns, labels, units, rules.
    public static func fingerprint(of template: String) -> String {
        fingerprints[template] ?? ""
    }

    /// Whether a report parsed under this fingerprint of its template's description is still current.
    static func isCurrent(_ fingerprint: String, of template: String) -> Bool {
        fingerprint == self.fingerprint(of: template)
    }

    private static let fingerprints: [String: String] = Dictionary(
        uniqueKeysWithValues: (TemplateSpec.catalog + [.unknown]).map { ($0.code, digest(String(reflecting: $0))) }
    )

    private static func digest(_ text: String) -> String { ShortDigest.hex(of: text, bytes: 8) }
}

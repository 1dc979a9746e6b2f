/// What the run's bookkeeping keeps of a report, without its rows: enough to order it, to
/// cross-check it against the organ's other years, and to tell whether its rows in the output may
/// be reused. The `reports` row itself comes from the header the book keeps beside these facts.
public struct ReportFacts: Sendable, Equatable {
    public var reportID: String
    public var template: String
    /// The fingerprint of the template's description when the report was parsed.
    public var templateFingerprint: String
    public var status: String
    /// The organ_id (SPEC §6).
    public var organ: String
    public var year: Int?
    /// carried_over.total and carried_forward.total of table 3 when reported or blank.
    public var carriedOverTotal: String?
    public var carriedForwardTotal: String?

    /// Whether a change to the template's description since the parse invalidates the report's rows.
    public var isCurrent: Bool { ParserVersion.isCurrent(templateFingerprint, of: template) }
}

extension ReportFacts: CustomStringConvertible {
    /// What a verbose run prints for a file that is (or holds the same bytes as) this report.
    public var description: String { "report \(reportID) \(template) \(status)" }

    public init(_ header: ReportHeader) {
        // Reports are grouped by organ_id: one body under all the names its reports use.
        self.init(reportID: header.reportID, template: header.template, templateFingerprint: header.templateFingerprint,
                  status: header.status, organ: header.identity.organID, year: header.year,
                  carriedOverTotal: header.carriedOverTotal, carriedForwardTotal: header.carriedForwardTotal)
    }
}

/// The output tables of the data contract (SPEC §2): names, columns in order, types and keys.
/// The CSV and JSONL writers and `datapackage.json` are all generated from these descriptions.
public struct OutputSchema: Sendable {
    public enum FieldType: String, Sendable {
        case string
        case integer
        case number
        case date
    }

    public struct Field: Sendable {
        public var name: String
        public var type: FieldType
        public var description: String
        /// Allowed values, for the contract's code lists.
        public var values: [String]?

        init(_ name: String, _ type: FieldType, _ description: String, values: [String]? = nil) {
            self.name = name
            self.type = type
            self.description = description
            self.values = values
        }

        init(_ name: String, _ description: String, values: [String]? = nil) {
            self.init(name, .string, description, values: values)
        }
    }

    public var name: String
    public var title: String
    public var fields: [Field]
    public var primaryKey: [String]
    /// True when `report_id` refers to `reports.report_id`.
    public var referencesReports: Bool

    public static let reports = OutputSchema(
        name: "reports", title: "One row per input file accepted as a report",
        fields: [
            Field("report_id", "r and the first 16 hex digits of the SHA-256 of the file's bytes (text, never a number)"),
            Field("source_path", "Path relative to the input folder, with /"),
            Field("source_format", "Input format", values: CodeLists.codes("reports.source_format")),
            Field("encoding", "How the bytes were decoded (utf-8, utf-8-bom, utf-16le, utf-16be, gb18030, big5)"),
            Field("script", "Script of the report", values: CodeLists.codes("reports.script")),
            Field("sha256", "SHA-256 of the file's bytes"),
            Field("bytes", .integer, "File size in bytes"),
            Field("title", "The report's own title, in simplified script"),
            Field("organ", "The publishing body as the title or page names it, in simplified script"),
            Field("year", .integer, "The year reported on"),
            Field("published_on", .date, "Publication date from the page's date line or the signature"),
            Field("template", "Template generation", values: CodeLists.codes("reports.template")),
            Field("status", "complete, partial (a table or cells missing) or narrative (parts only)",
                  values: CodeLists.codes("reports.status")),
            Field("warnings", .integer, "Number of checks rows for this report: every finding, errors included (see errors)"),
            Field("source_url", "The page's own address when the page or capture names it (canonical link, 原文链接), else empty"),
            Field("organ_id", "The publishing body (organs.organ_id); empty when the report names none"),
            Field("copy_of", "The report_id of the copy chosen for the panel when this file is another copy of the same organ's report for the year; empty for the chosen one"),
            Field("errors", .integer, "Number of this report's checks rows of severity error (a broken identity of its own arithmetic); warnings - errors are the rest"),
        ],
        primaryKey: ["report_id"], referencesReports: false
    )

    public static let activeDisclosure = OutputSchema(
        name: "active_disclosure", title: "Table 2: active disclosure, one row per cell",
        fields: [
            Field("report_id", "Report the cell belongs to"),
            Field("item", "Article clause (art20_1 …)", values: Codebook.codes("active_disclosure.item")),
            Field("category", "Row of the clause", values: Codebook.codes("active_disclosure.category")),
            Field("metric", "Column of the clause", values: Codebook.codes("active_disclosure.metric")),
        ] + valueFields(withUnit: true),
        primaryKey: ["report_id", "item", "category", "metric"], referencesReports: true
    )

    public static let applications = OutputSchema(
        name: "applications", title: "Table 3: applications received and handled, one row per cell",
        fields: [
            Field("report_id", "Report the cell belongs to"),
            Field("row", "Row code (new_received … carried_forward)", values: Codebook.codes("applications.row")),
            Field("applicant", "Applicant column code (natural_person … total)", values: Codebook.codes("applications.applicant")),
        ] + valueFields(withUnit: false),
        primaryKey: ["report_id", "row", "applicant"], referencesReports: true
    )

    public static let reviewsLitigation = OutputSchema(
        name: "reviews_litigation", title: "Table 4: administrative review and litigation, one row per cell",
        fields: [
            Field("report_id", "Report the cell belongs to"),
            Field("proceeding", "review, litigation_direct or litigation_after_review", values: Codebook.codes("reviews_litigation.proceeding")),
            Field("outcome", "upheld, corrected, other, pending or total", values: Codebook.codes("reviews_litigation.outcome")),
        ] + valueFields(withUnit: false),
        primaryKey: ["report_id", "proceeding", "outcome"], referencesReports: true
    )

    public static let sections = OutputSchema(
        name: "sections", title: "One row per report part",
        fields: [
            Field("report_id", "Report the part belongs to"),
            Field("section", .integer, "Part number (1–6 in national reports, the legacy report's own ordinal; 0 for the preamble)"),
            Field("heading", "Canonical simplified heading"),
            Field("heading_raw", "Heading as found"),
            Field("text", "The part's paragraphs as found, joined by newlines, tables left out"),
            Field("text_simplified", "The same in simplified script"),
            Field("topic", "What the part is about (Documentation/data.md, sections); empty when its heading fits none", values: SectionTopics.codes),
            Field("text_piece", .integer,
                  "1; in CSV a text longer than a spreadsheet cell (32,767 characters) continues on rows 2, 3, …, joined in order"),
        ],
        primaryKey: ["report_id", "section", "text_piece"], referencesReports: true
    )

    public static let figures = OutputSchema(
        name: "figures", title: "One row per harmonised figure a report states (Documentation/data.md, figures)",
        fields: [
            Field("report_id", "Report the figure belongs to"),
            Field("figure", "Figure code (applications_received, granted, withheld, reviews, litigation …)", values: FigureCatalog.codes),
            Field("period", "year (the report's year) or cumulative", values: CodeLists.codes("figures.period")),
            Field("value", .number, "The figure; empty unless status is reported"),
            Field("unit", "count, yuan or unspecified; empty when value is empty", values: CodeLists.units.map(\.code)),
            Field("status", "reported, missing or ambiguous", values: CodeLists.codes("figures.status")),
            Field("method", "table (one national-table cell), derived (a sum of cells), statistics_table or prose",
                  values: CodeLists.codes("figures.method")),
            Field("source", "The cells (with where they were read) or the place in the text"),
            Field("quote", "The text the value was read from (the cells' text as found)"),
        ],
        primaryKey: ["report_id", "figure", "period"], referencesReports: true
    )

    public static let checks = OutputSchema(
        name: "checks", title: "One row per finding: failed consistency rules and structural observations",
        fields: [
            Field("report_id", "Report the finding is about"),
            Field("check", "Rule or finding name", values: CheckCatalog.codes),
            Field("scope", "What the finding covers (a column, a row, a cell, a field)"),
            Field("severity", "error for a broken identity, warning otherwise", values: CodeLists.codes("checks.severity")),
            Field("expected", .number, "What the rule expected"),
            Field("actual", .number, "What the report has"),
            Field("message", "Explanation for a person"),
        ],
        primaryKey: ["report_id", "check", "scope"], referencesReports: true
    )

    public static let rejects = OutputSchema(
        name: "rejects", title: "One row per input file not accepted as a report",
        fields: [
            Field("source_path", "Path relative to the input folder, with /"),
            Field("sha256", "SHA-256 of the file's bytes (empty when unreadable)"),
            Field("reason", "Why the file was not accepted"),
        ],
        primaryKey: ["source_path"], referencesReports: false
    )

    /// Every output table, in the order they are described in `datapackage.json`.
    public static let all: [OutputSchema] = [
        .reports, .activeDisclosure, .applications, .reviewsLitigation, .sections, .figures, .organs, .panel, .checks, .rejects, .codes,
    ]

    public static func forTable(_ kind: TableKind) -> OutputSchema {
        switch kind {
        case .activeDisclosure: return .activeDisclosure
        case .applications: return .applications
        case .reviewsLitigation: return .reviewsLitigation
        }
    }

    private static func valueFields(withUnit: Bool) -> [Field] {
        [Field("value", .number, "The number read; empty unless status is reported")]
            + (withUnit ? [Field("unit", "count, yuan or unspecified; empty when value is empty",
                                 values: CodeLists.units.map(\.code))] : [])
            + [
                Field("status", "reported, blank, missing or unparsed", values: CodeLists.cellStatus.map(\.code)),
                Field("raw", "The cell's text as found, trimmed"),
                Field("source", "Where the cell was read (line N, or table T row R col C)"),
            ]
    }
}

/// The tables of organs and of the organ × year panel (SPEC §6).
extension OutputSchema {
    static let levels = Codebook.codes("organs.level")
    static let kinds = Codebook.codes("organs.kind")

    public static let organs = OutputSchema(
        name: "organs", title: "One row per publishing body (organ), under every name its reports use",
        fields: [
            Field("organ_id", "o and 12 hex digits of the SHA-256 of its division code and body name in full form (stable across runs)"),
            Field("name", "Full name in simplified script (the fullest form its reports print; short body forms written out)"),
            Field("region_code", "GB/T 2260 county-level (or prefecture, province) code of its area, edition of its latest year; empty when not certain"),
            Field("region_name", "The division's name in that edition"),
            Field("level", "Administrative level", values: levels),
            Field("kind", "Kind of body", values: kinds),
            Field("names_seen", "Every surface form met in its reports (titles, page fields, preambles, signatures), ;-joined"),
        ],
        primaryKey: ["organ_id"], referencesReports: false
    )

    public static let panel = OutputSchema(
        name: "panel", title: "One row per organ and year: the chosen copy of its report and its figures (codes as in figures.figure), wide",
        fields: [
            Field("organ_id", "The organ (organs.organ_id)"),
            Field("year", .integer, "The year reported on"),
            Field("report_id", "The copy chosen for the panel (reports.copy_of names it for the other copies)"),
            Field("template", "Template generation", values: CodeLists.codes("reports.template")),
            Field("status", "The chosen report's status", values: CodeLists.codes("reports.status")),
            Field("region_code", "GB/T 2260 code in the edition valid for the year; empty when not certain"),
            Field("level", "Administrative level", values: levels),
            Field("kind", "Kind of body", values: kinds),
        ] + FigureCatalog.entries.map { entry in
            Field(entry.code, .number, "Figure \(entry.code) for the year (\(entry.money ? "yuan, or as printed when unspecified" : "count")); empty unless reported")
        },
        primaryKey: ["organ_id", "year"], referencesReports: true
    )

    public static let codes = OutputSchema(
        name: "codes", title: "Every code of every code column, with its Chinese label and a definition",
        fields: [
            Field("code", "The code as written in the data"),
            Field("table", "table.column the code is a value of (applications.row, figures.figure …)"),
            Field("label_zh", "Its Chinese label (the printed form's wording; variants /-joined)"),
            Field("definition", "What it means"),
        ],
        primaryKey: ["table", "code"], referencesReports: false
    )
}

/// Every code of every code column with its Chinese label and a definition (`codes.csv`), and the
/// code lists `datapackage.json` declares as enums: read from the templates, the figure catalog, the
/// topics, the check catalog and the organ forms, so that a new code is never listed by hand twice.
enum Codebook {
    struct Entry: Sendable {
        var code: String
        /// `table.column` the code is a value of.
        var column: String
        var label: String
        var definition: String
    }

    static let entries: [Entry] = {
        var entries: [Entry] = []
        func add(_ column: String, _ code: String, _ label: String, _ definition: String) {
            if let index = entries.firstIndex(where: { $0.column == column && $0.code == code }) {
                if !entries[index].label.split(separator: "/").contains(Substring(label)) { entries[index].label += "/" + label }
            } else {
                entries.append(Entry(code: code, column: column, label: label, definition: definition))
            }
        }
        for template in TemplateSpec.catalog {
            for table in template.tables {
                let (rowColumn, columnColumn, name): (String, String, String) = switch table.kind {
                case .activeDisclosure: ("active_disclosure.category", "active_disclosure.metric", "table 2")
                case .applications: ("applications.row", "applications.applicant", "table 3")
                case .reviewsLitigation: ("reviews_litigation.proceeding", "reviews_litigation.outcome", "table 4")
                }
                for block in table.blocks {
                    if !block.code.isEmpty {
                        add("active_disclosure.item", block.code, block.captions.first ?? "", "table 2 block: an article clause of the regulation")
                    }
                    for row in block.rows { add(rowColumn, row.code, row.labels.first ?? "", "\(name) row") }
                    for column in block.columns { add(columnColumn, column.code, column.labels.first ?? "", "\(name) column") }
                }
            }
        }
        for entry in FigureCatalog.entries {
            add("figures.figure", entry.code, entry.label, entry.definition + (entry.money ? "; money in yuan" : "; a count"))
        }
        for (column, codes) in CodeLists.lists {
            for code in codes { add(column, code.code, code.label, code.definition) }
        }
        for (code, label) in SectionTopics.labels { add("sections.topic", code, label, "what a report part is about (Documentation/data.md, sections)") }
        for entry in CheckCatalog.entries { add("checks.check", entry.code, entry.label, entry.definition) }
        for (code, label) in [("national", "中央"), ("province", "省级"), ("prefecture", "地市级"), ("county", "县级"), ("township", "乡镇级")] {
            add("organs.level", code, label, "administrative level of the organ")
        }
        for (code, label) in [("government", "人民政府"), ("general_office", "政府办公厅（室）"), ("department", "政府部门"),
                              ("township", "乡镇人民政府、街道办事处"), ("other", "其他")] {
            add("organs.kind", code, label, "kind of body")
        }
        // The panel repeats four code columns of other tables, with the same codes.
        for (column, source) in [("panel.template", "reports.template"), ("panel.status", "reports.status"),
                                 ("panel.level", "organs.level"), ("panel.kind", "organs.kind")] {
            for entry in entries where entry.column == source { add(column, entry.code, entry.label, entry.definition) }
        }
        return entries
    }()

    /// A code's Chinese label (the code itself when it has none).
    static func label(_ column: String, _ code: String) -> String {
        labels(column)[code] ?? code
    }

    /// A column's labels by code (looked up once by a page for a whole table).
    static func labels(_ column: String) -> [String: String] { labelsByColumn[column] ?? [:] }

    private static let labelsByColumn: [String: [String: String]] = entries.reduce(into: [:]) { columns, entry in
        if columns[entry.column]?[entry.code] == nil { columns[entry.column, default: [:]][entry.code] = entry.label }
    }

    /// The codes of one column, in catalog order.
    static func codes(_ column: String) -> [String] {
        entries.filter { $0.column == column }.map(\.code)
    }
}

/// `datapackage.json`: a Frictionless Tabular Data Package describing every CSV with field types,
/// code lists, primary keys and `report_id` foreign keys, so that frictionless, DuckDB, pandas and R
/// load the dataset typed.
enum DataPackage {
    static func describe(_ schemas: [OutputSchema]) -> JSONValue {
        .object([
            ("profile", .string("tabular-data-package")),
            ("name", .string("nianbao")),
            ("title", .string("Government information disclosure annual reports (政府信息公开工作年度报告)")),
            ("description", .string("Tables read from the reports by nianbao; every table, column, code and rule is explained in nianbao's Documentation/data.md, and codes.csv lists each code with its label and definition.")),
            ("resources", .array(schemas.map(resource))),
        ])
    }

    private static func resource(_ schema: OutputSchema) -> JSONValue {
        var tableSchema: [(String, JSONValue)] = [
            ("fields", .array(schema.fields.map(field))),
            ("missingValues", .array([.string("")])),
            ("primaryKey", .array(schema.primaryKey.map(JSONValue.string))),
        ]
        var foreignKeys: [JSONValue] = []
        if schema.referencesReports { foreignKeys.append(foreignKey("report_id", to: "reports")) }
        // Every organ_id but the organs table's own names a row of organs (empty when a report names no organ).
        if schema.name != OutputSchema.organs.name, schema.fields.contains(where: { $0.name == "organ_id" }) {
            foreignKeys.append(foreignKey("organ_id", to: OutputSchema.organs.name))
        }
        if !foreignKeys.isEmpty { tableSchema.append(("foreignKeys", .array(foreignKeys))) }
        return .object([
            ("name", .string(schema.name)),
            ("title", .string(schema.title)),
            ("path", .string("\(schema.name).csv")),
            ("profile", .string("tabular-data-resource")),
            ("format", .string("csv")),
            ("mediatype", .string("text/csv")),
            ("encoding", .string("utf-8-sig")),
            ("dialect", .object([
                ("delimiter", .string(",")),
                ("lineTerminator", .string("\r\n")),
                ("quoteChar", .string("\"")),
                ("doubleQuote", .bool(true)),
                ("header", .bool(true)),
            ])),
            ("schema", .object(tableSchema)),
        ])
    }

    private static func foreignKey(_ field: String, to resource: String) -> JSONValue {
        .object([
            ("fields", .array([.string(field)])),
            ("reference", .object([("resource", .string(resource)), ("fields", .array([.string(field)]))])),
        ])
    }

    private static func field(_ field: OutputSchema.Field) -> JSONValue {
        var members: [(String, JSONValue)] = [
            ("name", .string(field.name)),
            ("type", .string(field.type.rawValue)),
            ("description", .string(field.description)),
        ]
        var constraints: [(String, JSONValue)] = []
        if let values = field.values { constraints.append(("enum", .array(values.map(JSONValue.string)))) }
        if field.name == "report_id" || field.name == "copy_of" { constraints.append(("pattern", .string("r[0-9a-f]{16}"))) }
        if field.name == "organ_id" { constraints.append(("pattern", .string("o[0-9a-f]{12}"))) }
        if !constraints.isEmpty { members.append(("constraints", .object(constraints))) }
        return .object(members)
    }
}

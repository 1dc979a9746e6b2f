/// `datapackage.json`: a Frictionless Tabular Data Package describing every CSV with field types,
/// code lists, primary keys and `report_id` foreign keys, so that frictionless, DuckDB, pandas and R
/// load the dataset typed.
enum DataPackage {
    static func describe(_ schemas: [OutputSchema]) -> JSONValue {
        .object([
            ("profile", .string("tabular-data-package")),
            ("name", .string("nianbao")),
            ("title", .string("Government information disclosure annual reports (政府信息公开工作年度报告)")),
            ("description", .string("Tables read from the reports by nianbao; see README.md for the data contract.")),
            ("resources", .array(schemas.map(resource))),
        ])
    }

    private static func resource(_ schema: OutputSchema) -> JSONValue {
        var tableSchema: [(String, JSONValue)] = [
            ("fields", .array(schema.fields.map(field))),
            ("missingValues", .array([.string("")])),
            ("primaryKey", .array(schema.primaryKey.map(JSONValue.string))),
        ]
        if schema.referencesReports {
            tableSchema.append(("foreignKeys", .array([.object([
                ("fields", .array([.string("report_id")])),
                ("reference", .object([("resource", .string("reports")), ("fields", .array([.string("report_id")]))])),
            ])])))
        }
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

    private static func field(_ field: OutputSchema.Field) -> JSONValue {
        var members: [(String, JSONValue)] = [
            ("name", .string(field.name)),
            ("type", .string(field.type.rawValue)),
            ("description", .string(field.description)),
        ]
        var constraints: [(String, JSONValue)] = []
        if let values = field.values { constraints.append(("enum", .array(values.map(JSONValue.string)))) }
        if field.name == "report_id" { constraints.append(("pattern", .string("r[0-9a-f]{16}"))) }
        if !constraints.isEmpty { members.append(("constraints", .object(constraints))) }
        return .object(members)
    }
}

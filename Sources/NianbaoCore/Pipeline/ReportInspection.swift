/// One report's parse as readable JSON, for a person checking a page against the original
/// (`nianbao inspect FILE`).
public enum ReportInspection {
    public static func describe(_ outcome: FileOutcome) -> JSONValue {
        switch outcome {
        case .reject(let reject):
            return .object([("source_path", .string(reject.sourcePath)), ("rejected", .string(reject.reason))])
        case .report(let report):
            let parsed = report.parsed
            return .object([
                ("report_id", .string(report.reportID)),
                ("source_path", .string(report.sourcePath)),
                ("source_format", .string(report.format.rawValue)),
                ("encoding", .string(report.encoding)),
                ("script", .string(parsed.script.rawValue)),
                ("title", .string(parsed.metadata.title)),
                ("organ", .string(parsed.metadata.organ)),
                ("year", parsed.metadata.year.map(JSONValue.integer) ?? .null),
                ("published_on", .string(parsed.metadata.publishedOn)),
                ("source_url", .string(parsed.metadata.sourceURL)),
                ("template", .string(parsed.template)),
                ("status", .string(parsed.status.rawValue)),
                ("identity", .object([
                    ("organ_id", .string(parsed.organ.organID)), ("name", .string(parsed.organ.name)),
                    ("names_seen", .array(parsed.organ.namesSeen.map(JSONValue.string))),
                    ("region_code", .string(parsed.organ.regionCode)), ("region_name", .string(parsed.organ.regionName)),
                    ("level", .string(parsed.organ.level)), ("kind", .string(parsed.organ.kind)),
                ])),
                ("figures", .array(parsed.figures.filter { $0.status != .missing }.map { figure in
                    .string("\(figure.figure) \(figure.period) \(figure.value.map(FieldValue.plain) ?? figure.status.rawValue) (\(figure.method?.rawValue ?? ""))")
                })),
                ("sections", .array(parsed.sections.map { section in
                    .object([
                        ("section", .integer(section.number)),
                        ("heading", .string(section.heading)),
                        ("heading_raw", .string(section.headingRaw)),
                        ("characters", .integer(section.text.count)),
                    ])
                })),
                ("tables", .object(TableKind.allCases.map { kind in
                    (kind.rawValue, .array(parsed.cells.filter { $0.table == kind }.map(describe)))
                })),
                ("checks", .array(parsed.findings.map { finding in
                    .object([
                        ("check", .string(finding.check)),
                        ("scope", .string(finding.scope)),
                        ("severity", .string(finding.severity.rawValue)),
                        ("message", .string(finding.message)),
                    ])
                })),
            ])
        }
    }

    private static func describe(_ cell: Cell) -> JSONValue {
        .object([
            ("cell", .string(cell.scopeName)),
            ("status", .string(cell.status.rawValue)),
            ("value", cell.value.map { .number(FieldValue.plain($0)) } ?? .null),
            ("unit", cell.unit.isEmpty ? .null : .string(cell.unit)),
            ("raw", .string(cell.raw)),
            ("source", .string(cell.source)),
        ])
    }
}

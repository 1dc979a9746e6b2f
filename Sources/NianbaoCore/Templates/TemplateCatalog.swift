extension TemplateSpec {
    /// Reports of 2008–2018: free narrative with their own part headings and no national tables.
    public static let legacy = TemplateSpec(code: "legacy", years: 2008...2018, markers: [], hasNationalParts: false, tables: [])

    /// A disclosure report whose tables match no known template: what can be kept is kept.
    public static let unknown = TemplateSpec(code: "unknown", years: nil, markers: [], hasNationalParts: true, tables: [])

    /// Every template, in the order they are tried.
    public static let catalog: [TemplateSpec] = [.gb2019, .gb2021, .legacy]
}

/// Which of several files with the same bytes stands for the report (its `source_path`); the others
/// are listed in `rejects` as its duplicates. A crawl often holds a page beside a backup or a copy
/// without an extension, and the page is the one to cite: a recognised report extension first,
/// then a name that does not look like a copy, then path byte order. A function of the path alone,
/// so the choice is the same whatever the listing order.
enum CopyPreference {
    /// Extensions reports are saved under.
    static let reportExtensions: Set<String> = ["html", "htm", "shtml", "xhtml", "txt", "text"]
    /// What backups and copies add to a name (file managers, editors, Windows, Chinese systems).
    static let copyMarks = ["副本", " copy", "_copy", "-copy", "copy of ", "(1)", "(2)", "（1）", ".bak", ".orig", ".old", "~"]

    /// 0 for the best kind of copy; lower wins.
    static func rank(_ path: String) -> Int {
        let name = (path.split(separator: "/").last.map(String.init) ?? path).lowercased()
        let dot = name.lastIndex(of: ".")
        let fileExtension = dot.map { String(name[name.index(after: $0)...]) } ?? ""
        let recognised = reportExtensions.contains(fileExtension)
        let looksLikeCopy = copyMarks.contains { name.contains($0) }
        return (recognised ? 0 : 2) + (looksLikeCopy ? 1 : 0)
    }
}

/// The page's own fields in a text capture, as `pageFields` (title, date, publishing body, address):
/// a crawler's header block above the article (`标题: …` `发布时间: …` `原文链接: …` `==== 正文 ====`),
/// which is not report text; a row of field cells (`发布机构：| … | 公开日期：| …`, a Markdown capture
/// of the page's field table); a field label on a line of its own with its value on the next
/// (`公开日期：` / `2020-03-09`, `get_text("\n")`). The first value of a field wins.
struct TextPageFields {
    private(set) var fields: [String: String] = [:]
    /// A label read on the line before, waiting for its value.
    private var pendingLabel: String?

    /// A crawler header's keys and the field each gives (`source_url` is the page's address).
    static let headerKeys: [String: String] = [
        "标题": "标题", "题目": "标题", "title": "标题", "发布时间": "发布时间", "发布日期": "发布日期", "日期": "发布日期",
        "时间": "发布时间", "date": "发布日期", "原文链接": "source_url", "原文地址": "source_url", "链接": "source_url",
        "网址": "source_url", "来源网址": "source_url", "url": "source_url", "source": "source_url", "来源": "来源",
        "发布机构": "发布机构", "作者": "作者", "抓取时间": "抓取时间", "采集时间": "采集时间", "栏目": "栏目",
    ]

    /// Lines that end a crawler's header (`==== 正文 ====`, `---正文---`, `正文：`).
    static func endsHeader(_ line: String) -> Bool {
        let bare = line.filter { !"=-*#_ :：".contains($0) }
        return bare == "正文" || bare.lowercased() == "content" || bare.lowercased() == "body"
    }

    /// The crawler header at the start of the lines: its fields and the number of lines it takes
    /// (0 when there is none). A header is at least two `key: value` lines at the top, ended by a
    /// `正文` marker or a blank line.
    static func crawlerHeader(_ lines: [String]) -> (fields: [String: String], lineCount: Int) {
        var fields: [String: String] = [:]
        var count = 0
        var matched = 0
        for line in lines.prefix(20) {
            let trimmed = line.trimmingSpaces()
            count += 1
            if trimmed.isEmpty {
                if matched == 0 { continue }
                return matched >= 2 ? (fields, count) : ([:], 0)
            }
            if endsHeader(trimmed) { return matched >= 1 ? (fields, count) : ([:], 0) }
            guard let (key, value) = keyValue(trimmed), let field = headerKeys[key.lowercased()] else { break }
            matched += 1
            if fields[field] == nil, !value.isEmpty { fields[field] = value }
        }
        return ([:], 0)
    }

    private static func keyValue(_ line: String) -> (String, String)? {
        guard let colon = line.firstIndex(where: { $0 == ":" || $0 == "：" }) else { return nil }
        let key = line[..<colon].trimmingCharacters(in: .whitespaces)
        guard !key.isEmpty, key.count <= 6 else { return nil }
        return (key, line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces))
    }

    mutating func add(_ label: String, _ value: String) {
        let value = value.trimmingSpaces()
        if fields[label] == nil, !value.isEmpty { fields[label] = value }
    }

    /// A row of cells: `label：` followed by its value, or `label：value` in one cell.
    mutating func readRow(_ cells: [String]) {
        var index = 0
        while index < cells.count {
            if let label = PageFields.label(cells[index]) {
                if let inline = PageFields.inlineValue(cells[index], label: label) {
                    add(label, inline)
                } else if index + 1 < cells.count, PageFields.label(cells[index + 1]) == nil {
                    add(label, cells[index + 1])
                    index += 1
                }
            }
            index += 1
        }
    }

    /// A line near the top: `label：value`, or a bare label whose value is the next line.
    mutating func readLine(_ line: String) {
        if let label = pendingLabel {
            pendingLabel = nil
            if PageFields.label(line) == nil { add(label, line) }
        }
        guard line.utf8.count <= 120, let label = PageFields.label(line) else { return }
        if let inline = PageFields.inlineValue(line, label: label) { add(label, inline) } else { pendingLabel = label }
    }
}

/// What stands above a report's text on its page and is not the report: the title (also broken over
/// lines), the page's fields (索引号, 发布机构, 发布日期 …), breadcrumbs (首页 > 政务公开 > …), view
/// counters, font switches and a date line of its own. Left out of the preamble; a marker is a
/// line of data here.
enum PreambleFurniture {
    static let markers = ["首页", "登录", "注册", "发布日期", "发布时间", "浏览次数", "点击数", "访问量", "字号", "来源:", "信息来源", "索引号", "发文日期",
                          "主题分类", "组配分类", "公开方式", "公开范围", "首页>", "首页 >", ">政务公开", ">信息公开", "文章来源", "作者:"]

    /// Furniture is short: a paragraph longer than this (in bytes) is text.
    static let longest = 360

    static func isFurniture(_ token: Token, title: String) -> Bool {
        let text = token.folded
        guard !text.isEmpty else { return true }
        guard text.utf8.count <= longest else { return false }
        if !title.isEmpty, title.containsBytes(text) { return true }
        if PageFields.label(text) != nil { return true }
        if markers.contains(where: { text.containsBytes($0) }) { return true }
        // A field written with a space for its colon (`标题 临沂市…报告`).
        if let space = text.firstIndex(of: " "), PageFields.labels.contains(String(text[..<space])) { return true }
        // A date alone on its line, bracketed or not: `(2017年1月12日)`.
        guard text.hasAtMost(24) else { return false }
        let brackets: Set<Character> = ["(", ")", "（", "）", " "]
        let bare = String(text.drop { brackets.contains($0) }.reversed().drop { brackets.contains($0) }.reversed())
        return DateReader.isoDate(in: Substring(bare), wholeText: true) != nil
    }
}

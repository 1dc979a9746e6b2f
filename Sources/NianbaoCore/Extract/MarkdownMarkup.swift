/// The markup a Markdown capture (html2text, markdownify) puts around a report's text: heading
/// marks (`### 一、总体情况`), strong emphasis (`**一、总体情况**`), escapes (`1\.`), links and
/// images. Taken off so that headings, titles and labels read as the page printed them; pipe
/// tables are rows already (`TextRules`). Text with none of these marks is returned as it is.
enum MarkdownMarkup {
    static func strip(_ line: String) -> String {
        guard line.utf8.contains(where: { $0 == 0x23 || $0 == 0x2A || $0 == 0x5C || $0 == 0x5B || $0 == 0x5F }) else { return line }
        var text = Substring(line)
        // `#` to `######` and a space open a heading.
        let hashes = text.prefix { $0 == "#" }.count
        if (1...6).contains(hashes), text.dropFirst(hashes).first == " " { text = text.dropFirst(hashes + 1) }
        var result = String(text)
        for mark in ["**", "__"] where result.contains(mark) { result = result.replacingOccurrences(of: mark, with: "") }
        if result.contains("\\") { result = result.replacing(/\\([\\`*_{}\[\]()#+\-.!|])/) { String($0.1) } }
        if result.contains("](") {
            result = result.replacing(/!\[[^\]]*\]\([^)]*\)/, with: "")
            result = result.replacing(/\[([^\]]*)\]\([^)]*\)/) { String($0.1) }
        }
        return result
    }
}

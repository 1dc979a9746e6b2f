/// A page written as UTF-8 bytes: markup appended as is, text escaped. The docs write tens of
/// thousands of pages; appending bytes keeps that to a few seconds.
struct HTMLText {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int = 16_384) { bytes.reserveCapacity(capacity) }

    /// Markup, as is.
    mutating func raw(_ markup: String) {
        var markup = markup
        markup.withUTF8 { bytes.append(contentsOf: $0) }
    }

    /// Markup already made, as bytes.
    mutating func append(_ markup: [UInt8]) { bytes.append(contentsOf: markup) }

    /// Text, escaped for an element's content or a quoted attribute: the runs between the four
    /// characters that need escaping are copied whole (found eight bytes at a time; most texts, codes
    /// and labels, have none and are copied at once).
    mutating func text(_ text: String) {
        var text = text
        text.withUTF8 { utf8 in
            var start = 0
            var index = 0
            while index < utf8.count {
                index = ByteWords.skipUnflagged(utf8, from: index) { word in
                    ByteWords.equal(0x26, in: word) | ByteWords.equal(0x3C, in: word) | ByteWords.equal(0x3E, in: word)
                        | ByteWords.equal(0x22, in: word)
                }
                guard index < utf8.count else { break }
                let replacement: StaticString
                switch utf8[index] {
                case UInt8(ascii: "&"): replacement = "&amp;"
                case UInt8(ascii: "<"): replacement = "&lt;"
                case UInt8(ascii: ">"): replacement = "&gt;"
                case UInt8(ascii: "\""): replacement = "&quot;"
                default: index += 1; continue
                }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<index]))
                replacement.withUTF8Buffer { bytes.append(contentsOf: $0) }
                index += 1
                start = index
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<utf8.count]))
        }
    }

    /// `<tag attributes>text</tag>`.
    mutating func element(_ tag: String, _ attributes: String = "", _ content: String) {
        raw("<\(tag)\(attributes.isEmpty ? "" : " " + attributes)>")
        text(content)
        raw("</\(tag)>")
    }

    static func escaped(_ text: String) -> String {
        var html = HTMLText(capacity: text.utf8.count + 16)
        html.text(text)
        return String(decoding: html.bytes, as: UTF8.self)
    }
}

/// The pages' shared head: inline style (no file, no network), and the optional script that sorts a
/// table by a clicked header. Pages work without it.
enum DocsStyle {
    static func head(title: String, digest: String? = nil) -> String {
        """
        <!DOCTYPE html>
        <html lang="zh-CN"><head><meta charset="utf-8">\(digest.map { "\n<meta name=\"\(PageReuse.metaName)\" content=\"\($0)\">" } ?? "")
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">
        <title>\(HTMLText.escaped(title))</title>
        <style>\(css)</style></head><body>
        """
    }

    static let css = """
    body{font:14px/1.5 "Noto Sans CJK SC","Source Han Sans SC","Microsoft YaHei",sans-serif;margin:0 auto;max-width:1200px;padding:16px 24px;color:#1f2933}\
    h1{font-size:22px;margin:8px 0}h2{font-size:18px;margin:28px 0 8px;border-bottom:1px solid #d9e2ec}h3{font-size:15px;margin:18px 0 6px}\
    table{border-collapse:collapse;margin:6px 0}th,td{border:1px solid #d9e2ec;padding:3px 7px;vertical-align:top}th{background:#f0f4f8;text-align:left}\
    td.n{text-align:right;font-variant-numeric:tabular-nums}code{font-size:12px;color:#52606d}.muted{color:#7b8794}\
    .stats{display:flex;flex-wrap:wrap;gap:12px}.stat{border:1px solid #d9e2ec;border-radius:6px;padding:8px 14px;min-width:110px}\
    .stat b{display:block;font-size:22px}.cell{text-align:right;min-width:54px}.cell.reported{background:#fff}\
    .cell.blank{background:#f5f7fa;color:#9aa5b1}.cell.missing{background:#fde8e8;color:#b42318;font-weight:600}\
    .cell.unparsed{background:#fff4e5;color:#b54708}.cell.flagged{outline:2px solid #d97706;outline-offset:-2px}\
    .sev-error{color:#b42318;font-weight:600}.sev-warning{color:#b54708}.finding{margin:2px 0}\
    .legend span{display:inline-block;margin-right:12px}.sw{display:inline-block;width:10px;height:10px;margin-right:4px}\
    th.sortable{cursor:pointer}td.src{max-width:16em;font-size:.8em;color:#52606d;overflow-wrap:anywhere}td.quote{min-width:26em}td.quote mark{background:#fff3bf;padding:0 1px}tr.copy{color:#7b8794}\
    pre.text{white-space:pre-wrap;background:#fafbfc;border:1px solid #eef2f6;padding:8px}\
    nav a{margin-right:14px}
    """

    /// Sorts a table by the clicked header (numbers as numbers); optional: the page reads without it.
    static let sortScript = """
    <script>document.querySelectorAll("th.sortable").forEach(function(th){th.addEventListener("click",function(){\
    var table=th.closest("table"),body=table.tBodies[0],i=Array.prototype.indexOf.call(th.parentNode.children,th),\
    asc=th.getAttribute("data-asc")!=="1";th.setAttribute("data-asc",asc?"1":"0");\
    var rows=Array.prototype.slice.call(body.rows);rows.sort(function(a,b){var x=a.cells[i].getAttribute("data-v")||a.cells[i].textContent,\
    y=b.cells[i].getAttribute("data-v")||b.cells[i].textContent,p=parseFloat(x),q=parseFloat(y);\
    var c=(!isNaN(p)&&!isNaN(q))?p-q:x.localeCompare(y);return asc?c:-c;});rows.forEach(function(r){body.appendChild(r);});});});</script>
    """
}

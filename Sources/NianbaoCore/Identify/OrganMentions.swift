import Foundation

/// Every place a report names the body that publishes it (issue 16): the title (`TitleParts`), the
/// page's fields (发布机构, 发文机关, 信息来源, 来源), the preamble (由XX编制, 现将XX2019年…) and the
/// signature above the closing date. Surface forms as printed, in simplified script, first the most
/// trustworthy.
enum OrganMentions {
    static let fieldLabels = ["发布机构", "发文机关", "发布单位", "编制单位", "信息来源", "来源"]
    /// Phrases of a preamble that name the body: 由XX编制, 由XX根据…, 现将XX2019年…, 现公布XX2017年…
    static let preamblePatterns = [#"由([^,，。、由]{2,30}?)(?:编制|制作|编写|发布)"#, #"由([^,，。、由]{2,30}?)(?:根据|按照|依据|依照)"#,
                                   #"现(?:将|公布|发布)([^,，。、]{2,30}?)(?:19|20)\d\d年"#]
        .map { try! NSRegularExpression(pattern: $0) }
    /// A field printed in the page's head (`信息来源:沙塘镇人民政府`), when the capture kept no field table.
    static let headField = try! NSRegularExpression(pattern: #"(?:发布机构|发文机关|信息来源|来源|发布单位)[:：]\s*([^\s|:：]{2,30})"#)
    /// Words that end a body's name.
    static let endings = ["人民政府", "政府", "办公室", "办公厅", "局", "委员会", "委", "厅", "署", "院", "办", "中心", "镇", "乡",
                          "街道", "办事处", "管委会"]
    static let notBodies = ["本站", "本网", "原创", "网站", "门户", "我局", "我镇", "我市", "我县", "我区", "本局", "本单位"]
    /// A body's own word for itself (我办, 本委, 该局): 我/本/该 and nothing but a body's ending or one of these.
    static let selfReferences = ["我", "本", "该"]
    static let genericBodies = ["单位", "机关", "部门", "系统"]

    static func isSelfReference(_ name: String) -> Bool {
        guard let first = selfReferences.first(where: name.hasPrefix) else { return false }
        let rest = String(name.dropFirst(first.count))
        return endings.contains(rest) || genericBodies.contains(rest)
    }

    static func read(tokens: [Token], pageFields: [String: String], titleOrgan: String, firstPart: Int?) -> [String] {
        var found: [String] = []
        func add(_ raw: String) {
            let name = clean(raw)
            guard looksLikeBody(name), !found.contains(name) else { return }
            found.append(name)
        }
        // The title's organ as the title prints it, whatever its form.
        let title = clean(titleOrgan)
        if !title.isEmpty, !isSelfReference(title) { found.append(title) }
        let head = tokens.prefix(firstPart ?? min(tokens.count, 12)).filter { $0.table == nil }
        for token in head.prefix(12) where token.folded.contains("由") || token.folded.contains("现") {
            let text = token.folded
            for pattern in preamblePatterns {
                let range = NSRange(text.startIndex..., in: text)
                for match in pattern.matches(in: text, range: range) {
                    if let group = Range(match.range(at: 1), in: text) { add(String(text[group])) }
                }
            }
        }
        if let signature = signature(tokens) { add(signature) }
        if let cover = cover(head) { add(cover) }
        for label in fieldLabels { if let value = pageFields[label] { add(value) } }
        for token in head.prefix(8) where token.folded.contains("来源") || token.folded.contains("发布机构") || token.folded.contains("发文机关") {
            let text = token.folded
            for match in headField.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                if let group = Range(match.range(at: 1), in: text) { add(String(text[group])) }
            }
        }
        return found
    }

    /// The line above a closing date, when it names a body (`沭阳县发展和改革局` / `2013年3月20日`).
    static func signature(_ tokens: [Token]) -> String? {
        let paragraphs = tokens.suffix(6).filter { $0.table == nil }
        guard let dateIndex = paragraphs.lastIndex(where: { DateReader.isoDate(in: Substring($0.folded)) != nil && $0.folded.hasAtMost(20) }),
              dateIndex > paragraphs.startIndex else { return nil }
        let line = paragraphs[paragraphs.index(before: dateIndex)].folded
        return line.hasAtMost(40) ? line : nil
    }

    /// A date alone on its line, to the month at least (`2013年3月`, `2017年3月1日`).
    nonisolated(unsafe) static let dateLine = /\s*(?:19|20)\d\d\s*年\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?\s*/

    /// A cover's body: the line above a date standing alone near the top (`廣州市人民政府` / `2013年3月`),
    /// when it names a body.
    static func cover(_ head: [Token]) -> String? {
        let lines = Array(head.prefix(8))
        for index in lines.indices.dropLast() where lines[index].folded.hasAtMost(30) && lines[index + 1].folded.hasAtMost(20)
            && lines[index + 1].folded.wholeMatch(of: dateLine) != nil {
            let name = clean(lines[index].folded)
            if looksLikeBody(name) { return name }
        }
        return nil
    }

    /// The name without spaces, punctuation and the 关于 of a `关于…的报告` or `XX关于2019年…` title.
    static func clean(_ text: String) -> String {
        var name = text.trimmingCharacters(in: .whitespaces.union(.punctuationCharacters)).replacingOccurrences(of: " ", with: "")
        if name.hasPrefix("关于") { name.removeFirst(2) }
        if name.hasSuffix("关于") { name.removeLast(2) }
        return name
    }

    static func looksLikeBody(_ name: String) -> Bool {
        guard name.count >= 2, name.count <= 30, !notBodies.contains(where: name.contains), !isSelfReference(name),
              !name.contains("http"), !name.contains("年"),
              // A mirror site's address put in for the place (`puroview.com溪下乡`): no body's name holds Latin letters.
              !name.unicodeScalars.contains(where: { $0.isASCII && $0.properties.isAlphabetic }) else { return false }
        if endings.contains(where: name.hasSuffix) { return true }
        // A bare place (白城市) names its government.
        return OrganForms.isPlaces(name, year: nil)
    }
}

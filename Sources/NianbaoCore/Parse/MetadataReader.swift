import Foundation

/// Reads title, organ, year and publication date from the page's own fields, the title line and
/// the signature (SPEC §2, `reports`).
public enum MetadataReader {
    /// How far into the report the title and the page's date line are looked for.
    static let headTokens = 40

    public static func read(_ tokens: [Token], pageFields: [String: String], firstPart: Int?,
                            findings: inout [Finding]) -> ReportMetadata {
        var metadata = ReportMetadata()
        let head = tokens.prefix(min(firstPart ?? headTokens, headTokens)).filter { $0.table == nil }

        metadata.title = title(head: head, pageFields: pageFields)
        if let year = TitleParts.year(in: metadata.title) {
            metadata.year = year
        } else if let year = mostFrequentYear(tokens) {
            metadata.year = year
            findings.append(Finding(check: "metadata_missing", scope: "year",
                                    message: "the title gives no year; \(year), the year the text names most, was taken"))
        }
        // Every name the report gives its publisher; the title's first (SPEC: as the title or page names it).
        metadata.organNames = OrganMentions.read(tokens: tokens, pageFields: pageFields,
                                                 titleOrgan: TitleParts.organ(in: metadata.title) ?? "", firstPart: firstPart)
            .filter { OrganForms.isOrganName($0, year: metadata.year) }
        metadata.organ = metadata.organNames.first ?? ""
        metadata.publishedOn = pageDate(head: head, pageFields: pageFields) ?? signatureDate(tokens) ?? ""
        metadata.sourceURL = pageFields["source_url"].flatMap(webAddress) ?? ""

        for (field, value) in [("title", metadata.title), ("organ", metadata.organ), ("published_on", metadata.publishedOn)]
            where value.isEmpty {
            findings.append(Finding(check: "metadata_missing", scope: field, message: "no \(field) found in the page"))
        }
        if metadata.year == nil {
            findings.append(Finding(check: "metadata_missing", scope: "year", message: "no year reported on found"))
        }
        return metadata
    }

    // MARK: Title

    private static func title(head: [Token], pageFields: [String: String]) -> String {
        for label in ["标题", "名称", "title"] {
            if let value = pageFields[label].map(clean), looksLikeTitle(value) { return value }
        }
        for token in head {
            for label in ["标题", "名称", "题名"] where token.folded.hasPrefix(label) {
                let value = clean(String(token.folded.dropFirst(label.count)).trimmingCharacters(in: CharacterSet(charactersIn: " :")))
                if looksLikeTitle(value) { return value }
            }
        }
        for (offset, token) in head.enumerated() {
            let value = clean(token.folded)
            // A title broken over two lines, neither a title alone: `…工作年度报` / `告`, or
            // `宿州市人民政府2016年` / `政府信息公开工作年度报告` (the line before holds no sentence).
            if !looksLikeTitle(value), offset + 1 < head.count, value.hasAtMost(40), head[offset + 1].folded.hasAtMost(40),
               !value.contains(where: { "。，,；;".contains($0) }), case let next = clean(head[offset + 1].folded),
               !looksLikeTitle(next), looksLikeTitle(value + next) {
                return value + next
            }
            if looksLikeTitle(value) {
                // A title broken over two lines: the organ, then `2020年度政府信息公开工作年度报告`.
                if TitleParts.year(in: value).map({ value.hasPrefix(String($0)) }) == true, offset > 0 {
                    let organ = clean(head[offset - 1].folded)
                    if organ.hasAtMost(30) && !organ.contains("报告") && !organ.contains(" ") { return organ + value }
                }
                return value
            }
        }
        return ""
    }

    /// An absolute http(s) address, trimmed; nil for anything else.
    static func webAddress(_ text: String) -> String? {
        let trimmed = text.trimmingSpaces()
        let lowered = trimmed.lowercased()
        guard lowered.hasPrefix("http://") || lowered.hasPrefix("https://"), !trimmed.contains(where: { $0 == " " }) else { return nil }
        return trimmed
    }

    private static func looksLikeTitle(_ text: String) -> Bool {
        !text.hasAtMost(7) && text.hasAtMost(70) && (text.hasSuffix("报告") || text.hasSuffix("年报")) && TitleParts.year(in: text) != nil
            && (text.contains("信息公开") || text.contains("政务公开")) && !text.hasPrefix("本报告") && !text.hasPrefix("根据")
    }

    private static func clean(_ text: String) -> String {
        var text = text.trimmingSpaces()
        // A list's bullet before the title (`• 南京市…年度报告`, a page's breadcrumb or menu item).
        while let first = text.first, listBullets.contains(first) { text = String(text.dropFirst()).trimmingSpaces() }
        return joinDigitsAndHan(text.replacingOccurrences(of: "  ", with: " ").trimmingCharacters(in: CharacterSet(charactersIn: "| ")))
    }

    static let listBullets: Set<Character> = ["•", "·", "●", "○", "■", "□", "◆", "◇", "▪", "►", "▶"]

    /// PDF text puts a space between a run of digits and the Chinese beside it (`2023 年政府信息…`):
    /// not the title's own. Spaces between an ASCII digit and a Han character are taken out.
    static func joinDigitsAndHan(_ text: String) -> String {
        guard text.contains(" ") else { return text }
        let scalars = text.scalarArray
        var kept = String.UnicodeScalarView()
        for (index, scalar) in scalars.enumerated() {
            if scalar == " ", index > 0, index + 1 < scalars.count {
                let (before, after) = (scalars[index - 1], scalars[index + 1])
                let digit = { (s: Unicode.Scalar) in s.isASCII && s.properties.numericType == .decimal }
                let han = { (s: Unicode.Scalar) in s.properties.isIdeographic }
                if (digit(before) && han(after)) || (han(before) && digit(after)) { continue }
            }
            kept.append(scalar)
        }
        return String(kept)
    }

    // MARK: Year

    /// The year named most often as `20xx年` in the text, for a report without a title.
    private static func mostFrequentYear(_ tokens: [Token]) -> Int? {
        var counts: [Int: Int] = [:]
        for token in tokens where token.table == nil {
            for year in TitleParts.years(in: token.folded) { counts[year, default: 0] += 1 }
        }
        return counts.max { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key }?.key
    }

    // MARK: Dates

    /// In the page's head: `时间:` with its colon (a page line `来源:… 时间:2017-01-12`); the bare word is too
    /// common in running text to look for.
    private static let timeLabel = "时间:"
    private static let dateLabels = ["发布日期", "发布时间", "公开日期", "成文日期", "发文日期", "生成日期", "日期", timeLabel]
    /// A page field named only 时间 is a date too.
    private static let fieldDateLabels = dateLabels + ["时间"]

    private static func pageDate(head: [Token], pageFields: [String: String]) -> String? {
        for label in fieldDateLabels {
            if let value = pageFields[label], let date = DateReader.isoDate(in: Substring(value)) { return date }
        }
        for (offset, token) in head.enumerated() {
            for label in dateLabels where token.folded.containsBytes(label) {
                guard let range = token.folded.range(of: label) else { continue }
                // `时间:` as a label of its own, not the end of another (抓取时间, a crawler's time of capture).
                if label == Self.timeLabel, range.lowerBound > token.folded.startIndex,
                   !token.folded[token.folded.index(before: range.lowerBound)].isWhitespace { continue }
                var after = token.folded[range.upperBound...].drop { $0 == " " || $0 == ":" }
                // The label alone, its date the next piece (`公开日期：` / `2020-03-09`).
                if after.isEmpty, offset + 1 < head.count { after = Substring(head[offset + 1].folded) }
                if let date = DateReader.isoDate(in: after) { return date }
            }
        }
        return nil
    }

    /// The date under the signature: the last line near the end that ends with a date standing alone
    /// (`沂源县人民政府 2021年2月19日` too, or spaced as a PDF prints it: `2021 年 2 月 19 日`), not a date cut
    /// out of the middle of a line.
    private static func signatureDate(_ tokens: [Token]) -> String? {
        let start = max(tokens.count - 15, 0)
        for index in (start..<tokens.count).reversed() where tokens[index].table == nil && tokens[index].folded.hasAtMost(30) {
            let endsLine = index + 1 == tokens.count || tokens[index + 1].lead == nil
            if endsLine, let date = DateReader.isoDate(in: Substring(tokens[index].folded), wholeText: true) { return date }
        }
        return nil
    }
}

/// What a report title says: the organ before the year, and the year.
public enum TitleParts {
    /// The first `20xx年` (or `19xx年`) of a title.
    public static func year(in title: String) -> Int? {
        years(in: title).first
    }

    static func years(in text: String) -> [Int] {
        var years: [Int] = []
        let scalars = text.scalarArray
        var index = 0
        while index + 4 < scalars.count {
            // `2020年`, or `2020 年` as a PDF's text sets it (one space between).
            let mark = scalars[index + 4] == " " && index + 5 < scalars.count ? index + 5 : index + 4
            if scalars[mark] == "年", (0..<4).allSatisfy({ scalars[index + $0].properties.numericType == .decimal && scalars[index + $0].isASCII }),
               index == 0 || !(scalars[index - 1].isASCII && scalars[index - 1].properties.numericType == .decimal) {
                let year = Int(String(String.UnicodeScalarView(scalars[index..<index + 4])))!
                if (1990...2100).contains(year) { years.append(year) }
                index = mark + 1
            } else {
                index += 1
            }
        }
        return years
    }

    /// The publishing body as the title names it: what stands before the year
    /// (`临沂市人民政府办公室2020年度…` → `临沂市人民政府办公室`), or in a title that starts with the
    /// year, what stands between the year and the report's subject (`2016年龙归镇政府信息公开年度报告`
    /// → `龙归镇`).
    public static func organ(in title: String) -> String? {
        guard let first = year(in: title), let range = title.range(of: "\(first)年") else { return nil }
        let organ = String(title[..<range.lowerBound]).trimmingSpaces()
        if !organ.isEmpty { return organ }
        var rest = title[range.upperBound...]
        if rest.hasPrefix("度") { rest = rest.dropFirst() }
        for subject in subjects {
            if let end = rest.range(of: subject)?.lowerBound {
                let named = String(rest[..<end]).trimmingSpaces()
                return named.isEmpty ? nil : named
            }
        }
        return nil
    }

    /// What a report title says it is about, after the body's name.
    static let subjects = ["政府信息公开", "信息公开", "政务公开", "政府信息", "年度报告", "工作报告"]
}

/// Cuts the report into its parts: each part's paragraphs between its heading and the next,
/// tables left out.
enum SectionBuilder {
    /// `bodies`: each heading's paragraphs (`bodies(tokens:headings:tableTokens:)`). `canonical`: a national part's heading and topic by its number (nil for a legacy report's own
    /// parts, whose topic is read from the heading's wording).
    static func build(tokens: [Token], headings: [PartHeading], bodies: [[Int]], canonical: (Int) -> PartSpec?) -> [Section] {
        zip(headings, bodies).map { heading, body in
            let headingToken = tokens[heading.tokenIndex]
            let part = canonical(heading.number)
            return Section(
                number: heading.number,
                heading: part?.heading ?? headingToken.folded,
                headingRaw: headingToken.text,
                text: joined(body, of: tokens) { $0.text },
                textSimplified: joined(body, of: tokens) { $0.simplified },
                topic: part?.topic ?? SectionTopics.legacy(headingKey: headingToken.key)
            )
        }
    }
}

extension SectionBuilder {
    /// Each part's paragraphs: from its heading to the next, outside tables and page chrome.
    static func bodies(tokens: [Token], headings: [PartHeading], tableTokens: Set<Int>) -> [[Int]] {
        headings.indices.map { offset in
            let end = offset + 1 < headings.count ? headings[offset + 1].tokenIndex : tokens.count
            return (headings[offset].tokenIndex + 1..<end).filter { index in
                tokens[index].table == nil && !tableTokens.contains(index) && !PageChrome.isChrome(tokens[index].folded)
                    && tokens[index].text != TextExtractor.blankCell
            }
        }
    }

    /// The text before the first part heading, as section 0 with topic `preamble`: an introduction,
    /// or a whole report that has no part headings. The page's furniture (`PreambleFurniture`) is
    /// left out; nil when nothing else is there.
    static func preamble(tokens: [Token], body: [Int]) -> Section? {
        guard !body.isEmpty else { return nil }
        return Section(number: 0, heading: "", headingRaw: "", text: joined(body, of: tokens) { $0.text },
                       textSimplified: joined(body, of: tokens) { $0.simplified }, topic: "preamble")
    }

    /// The paragraphs above the first part (`end`) that are the report's: not table cells, page
    /// chrome or the page's furniture.
    static func preambleTokens(_ tokens: [Token], before end: Int, tableTokens: Set<Int>, title: String) -> [Int] {
        (0..<end).filter { index in
            tokens[index].table == nil && !tableTokens.contains(index) && !PageChrome.isChrome(tokens[index].folded)
                && !PreambleFurniture.isFurniture(tokens[index], title: title) && tokens[index].text != TextExtractor.blankCell
        }
    }

    /// Paragraphs joined by line breaks; a paragraph cut out of a line (`ValueRuns`) rejoins it with
    /// the white space that stood before it, so the text is the line as printed.
    static func joined(_ indices: [Int], of tokens: [Token], _ text: (borrowing Token) -> String) -> String {
        // Most parts are whole lines: joined by line breaks in one step.
        if indices.allSatisfy({ tokens[$0].lead == nil }) { return indices.map { text(tokens[$0]) }.joined(separator: "\n") }
        var result = ""
        result.reserveCapacity(indices.reduce(0) { $0 + text(tokens[$1]).utf8.count + 1 })
        for (position, index) in indices.enumerated() {
            if position > 0 { result += tokens[index].lead ?? "\n" }
            result += text(tokens[index])
        }
        return result
    }
}

/// Lines that belong to the web page around a report, not to the report: print and close
/// buttons, font switches, QR-code prompts, breadcrumbs.
public enum PageChrome {
    static let markers = ["【关闭", "【打印", "关闭窗口", "打印本页", "打印本文", "【字体", "扫描二维码", "扫一扫", "当前位置", "您现在的位置",
                          "分享到", "【大 中 小】", "【大中小】", "返回顶部", "相关链接", "上一篇", "下一篇",
                          "繁體版", "繁体版", "简体版", "簡體版", "无障碍", "無障礙", "抓取时间", "采集时间"]

    /// No chrome line is longer (in bytes); width folding shrinks text at most threefold.
    static let maximumLength = 180

    public static func isChrome(_ line: String) -> Bool {
        line.utf8.count <= maximumLength && line.hasAtMost(60) && markers.contains { line.containsBytes($0) }
    }
}

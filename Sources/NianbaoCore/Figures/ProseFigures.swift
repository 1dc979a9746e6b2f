import Foundation

/// A value a sentence of the report gives for a figure, before the report's candidates are weighed.
struct FigureCandidate: Sendable {
    var figure: String
    var period: String
    var value: Decimal
    var unit: String
    var tier: Int
    /// Stated after 其中, or summed by a total later in its sentence: a part of the figure.
    var part: Bool
    var method: Figure.Method
    var source: String
    var quote: String
    /// Whose count it is, as its words say (市本级 / 全市…); `unqualified` when they say nothing.
    var scope: Scope = .unqualified

    enum Scope: Sendable { case unqualified, own, wider }
}

/// A paragraph of the report's text and the topic of the part it stands in.
struct ProseParagraph {
    var token: Token
    var topic: String
}

/// Figures stated in words (SPEC §5, `method` = prose): every clause of the text is read against
/// `ProsePhrases`; what a clause gives is a candidate, weighed with the others by `FigureResolution`.
enum ProseFigures {
    /// Parts of a 2019+ report whose figures its tables give (review and litigation) or that state
    /// none (problems): not read. Other matters are (2021+ reports state 信息处理费 there).
    static let tableOnlyTopics: Set<String> = ["review_litigation", "problems"]

    static func candidates(in paragraphs: [ProseParagraph], year: Int?, nationalTables: Bool = false) -> [FigureCandidate] {
        var found: [FigureCandidate] = []
        for paragraph in paragraphs where !(nationalTables && tableOnlyTopics.contains(paragraph.topic)) {
            let folded = paragraph.token.folded
            if isSubheading(folded) { continue }
            let hasDigit = folded.utf8.contains { $0 >= 0x30 && $0 <= 0x39 }
            guard hasDigit || ProsePhrases.wordedFigures.contains(where: folded.containsBytes),
                  ProsePhrases.triggers.contains(where: folded.containsBytes),
                  case let clauses = ProseClauses.split(verbatim: paragraph.token.text, folded: folded), !clauses.isEmpty else { continue }
            let source = paragraph.token.location.description
            var reader = SentenceReader(year: year, topic: paragraph.topic, source: source)
            for clause in clauses { reader.read(clause) }
            found += reader.candidates
        }
        return found
    }
}

extension ProseFigures {
    /// The nouns a subsection's title ends with (`…减免收费情况`).
    static let subheadingEnds = ["情况", "情形"]

    /// A line that titles a subsection (`（三）依申请公开政府信息减免收费情况`): numbered or short, one
    /// clause without a sentence's punctuation, ending in `subheadingEnds`. It names what the sentences
    /// under it are about (减免收费 is a topic, not a statement that nothing was charged), so it is not read.
    static func isSubheading(_ folded: String) -> Bool {
        guard folded.hasAtMost(60) else { return false }
        let numbering = Numbering.read(folded)
        let body = numbering?.rest ?? Substring(folded)
        guard numbering != nil || body.hasAtMost(30),
              subheadingEnds.contains(where: { body.hasSuffix($0) }),
              !body.contains(where: { "，,。；;：:！!？?".contains($0) }) else { return false }
        return true
    }
}

/// Reads the clauses of one paragraph in order, keeping what a sentence has said so far (其中, the
/// numbers a later 总计 adds up).
struct SentenceReader {
    let year: Int?
    let topic: String
    let source: String
    private(set) var candidates: [FigureCandidate] = []
    private var sentence = -1
    private var inParts = false
    private var sentenceStart = 0
    /// A count carried over from last year (结转上年度5件) was read in the sentence: a total after it
    /// (共59件) adds last year's to this year's and is no figure.
    private var sentenceCarriesOver = false

    /// The phrases that may be read in this part (their topics allow it), in the table's order.
    private let phrases: [CompiledPhrase]

    init(year: Int?, topic: String, source: String) {
        self.year = year
        self.topic = topic
        self.source = source
        phrases = ProsePhrases.compiled.filter { $0.phrase.topics?.contains(topic) ?? true }
    }

    static let totals = ProsePhrases.scalars(["总计", "合计", "共计", "总共", "共", "累计"])
    static let totalWords = ProsePhrases.scalars(ProsePhrases.totalWords)
    static let partMarker = Array(ProsePhrases.partMarker.unicodeScalars)
    static let otherPeriod = ProsePhrases.scalars(ProsePhrases.otherPeriod)
    static let cumulative = ProsePhrases.scalars(ProsePhrases.cumulative)
    static let untilDate = ProsePhrases.scalars(ProsePhrases.untilDate)
    static let thisYear = ProsePhrases.scalars(ProsePhrases.thisYear)
    static let carryOver = ProsePhrases.scalars(ProsePhrases.carryOverWords)
    static let nextPeriod = ProsePhrases.scalars(ProsePhrases.nextPeriod)
    static let foreignContexts = ProsePhrases.scalars(ProsePhrases.foreignContexts)
    static let partQualifiers = ProsePhrases.scalars(ProsePhrases.partQualifiers)
    static let ownScope = ProsePhrases.scalars(ProsePhrases.ownScopeWords)
    static let widerScope = ProsePhrases.scalars(ProsePhrases.widerScopeWords)

    /// A clause that is only an 在…的…中 frame (在主动公开的信息中, 在收到的申请中), with no number of its
    /// own; 在办理过程中 (during) frames no set.
    static func framesParts(_ key: [Unicode.Scalar]) -> Bool {
        key.count >= 4 && key.count <= 24 && key.first == ProsePhrases.amongFrame.opening && key.last == ProsePhrases.amongFrame.closing
            && key.contains(ProsePhrases.amongFrame.of) && !key.contains(where: ProseNumbers.isDigit)
    }

    /// The scope the words before a number (back to the number before it) give it; a wider word wins
    /// (市本级及市直部门 is wider than 市本级).
    static func scope(of before: [Unicode.Scalar]) -> FigureCandidate.Scope {
        if before.contains(anyOf: widerScope) { return .wider }
        return before.contains(anyOf: ownScope) ? .own : .unqualified
    }

    mutating func read(_ clause: ProseClause) {
        if clause.sentence != sentence {
            sentence = clause.sentence
            inParts = false
            sentenceStart = candidates.count
            sentenceCarriesOver = false
        }
        let key = clause.key
        if key.firstIndex(of: Self.partMarker) != nil || Self.framesParts(key) { inParts = true }
        let numbers = ProseNumbers.find(in: key)
        if !numbers.isEmpty, key.contains(anyOf: Self.nextPeriod) { return }
        if numbers.isEmpty {
            // Zero in words needs a negation: most clauses without a figure have none.
            if key.contains(where: { $0 == "没" || $0 == "未" || $0 == "无" || $0 == "不" || $0 == "免" }) { readZero(clause) }
            return
        }
        var segmentStart = 0
        for number in numbers {
            defer { segmentStart = number.end }
            let before = Array(key[segmentStart..<number.start])
            let carryOver = before.contains(anyOf: Self.carryOver)
            if carryOver && number.unit == .count { sentenceCarriesOver = true }
            guard carryOver || !mentionsAnotherPeriod(before) else { continue }
            let period = self.period(of: before, sentence: clause.sentenceSoFar)
            if let total = totalOfSentence(before, number: number, clause: clause, period: period) {
                candidates.append(total)
                continue
            }
            // The words before the number (back to the number before it) say what it counts; a
            // single number may be named after it (收到2宗…申请). A trap word anywhere before it rules it out.
            let segment = Array(key[segmentStart..<number.end])
            let prefix = Array(key[0..<number.end])
            let phrase = phrase(for: number, in: segment, prefix: prefix, clause: clause)
                ?? (numbers.count == 1 ? phrase(for: number, in: key, prefix: key, clause: clause) : nil)
            guard let phrase, phrase.carryOver || !carryOver else { continue }
            if var found = candidate(phrase.figure, number: number, tier: phrase.tier, clause: clause, period: period) {
                // 各乡镇…1503条, 县直各单位…2475条, 通过网站…: a part of the figure, not its total.
                if prefix.contains(anyOf: Self.partQualifiers) { found.part = true }
                found.scope = Self.scope(of: before)
                candidates.append(found)
            }
        }
    }

    private func phrase(for number: ProseNumber, in text: [Unicode.Scalar], prefix: [Unicode.Scalar], clause: ProseClause) -> ProsePhrase? {
        // Masked once for all phrases: each phrase's words are looked for only where they may stand.
        let masks = (text: ScalarMask(text), prefix: ScalarMask(prefix))
        return phrases.first { compiled in
            let phrase = compiled.phrase
            switch phrase.kind {
            case .zero: return false
            case .money: guard number.unit == .yuan else { return false }
            case .count: guard number.unit != .yuan else { return false }
            }
            if let units = compiled.units, !units.contains(number.word) { return false }
            return fits(compiled, text, excluding: prefix, masks: masks, sentence: clause.sentenceSoFar)
        }?.phrase
    }

    private func fits(_ compiled: CompiledPhrase, _ text: [Unicode.Scalar], excluding context: [Unicode.Scalar],
                      masks: (text: ScalarMask, prefix: ScalarMask), sentence: ArraySlice<Unicode.Scalar>) -> Bool {
        guard compiled.all.allSatisfy({ text.contains(anyOf: $0, mask: masks.text) })
                && !context.contains(anyOf: compiled.none, mask: masks.prefix) else { return false }
        if !compiled.sentenceNone.isEmpty, !context.contains(anyOf: compiled.ownObject),
           Array(sentence).contains(anyOf: compiled.sentenceNone) { return false }
        return isAbout(compiled, clause: context, sentence: sentence)
    }

    /// The phrase's subject named in the clause; or its part, in a sentence about nothing foreign.
    private func isAbout(_ compiled: CompiledPhrase, clause: [Unicode.Scalar], sentence: ArraySlice<Unicode.Scalar>) -> Bool {
        guard let subject = compiled.subject, !clause.contains(anyOf: subject) else { return true }
        return compiled.phrase.subjectTopics.contains(topic) && !Array(sentence).contains(anyOf: Self.foreignContexts)
    }

    /// `cumulative` for 历年累计, 截至…, or 累计 not scoped to the year (in its clause or earlier in its
    /// sentence: 一年来，…累计); `year` otherwise.
    private func period(of before: [Unicode.Scalar], sentence: ArraySlice<Unicode.Scalar>) -> String {
        guard before.contains(anyOf: Self.cumulative) else { return "year" }
        if before.contains(anyOf: Self.untilDate) { return "cumulative" }
        let scoped = before.contains(anyOf: Self.thisYear) || (year.map { before.years.contains($0) } ?? false)
        if scoped { return "year" }
        let context = Array(sentence)
        return context.contains(anyOf: Self.thisYear) && !context.contains(anyOf: Self.untilDate) ? "year" : "cumulative"
    }

    /// 总计2401条 after 发布信息514条 in one sentence: the total of the figure before it, whose
    /// numbers in the sentence become its parts. Only when the sentence's figures so far are that one
    /// figure: `网上申请6件，信函申请4件，共计10件` totals two channels and is neither of them; nor after a
    /// carry-over: `收到…申请54件，结转上年度5件，共59件` adds last year's to this year's.
    private mutating func totalOfSentence(_ before: [Unicode.Scalar], number: ProseNumber, clause: ProseClause,
                                          period: String) -> FigureCandidate? {
        guard number.unit == .count, let last = candidates[sentenceStart...].last(where: { $0.unit == "count" }),
              before.contains(anyOf: Self.totals), before.removing(Self.totalWords).isEmpty else { return nil }
        guard !sentenceCarriesOver, candidates[sentenceStart...].allSatisfy({ $0.figure == last.figure }) else { return nil }
        for index in sentenceStart..<candidates.count where candidates[index].figure == last.figure {
            candidates[index].part = true
        }
        return candidate(last.figure, number: number, tier: last.tier, clause: clause, period: period)
    }

    private mutating func readZero(_ clause: ProseClause) {
        let key = clause.key
        if let year, key.years.contains(where: { $0 != year }) { return }
        let mask = ScalarMask(key)
        for compiled in phrases where compiled.phrase.kind == .zero
            && fits(compiled, key, excluding: key, masks: (mask, mask), sentence: clause.sentenceSoFar) {
            let phrase = compiled.phrase
            // The object's last place: a glued sub-heading may name it first (`（二）依申请公开 2021年…未收到…申请`).
            guard let object = compiled.all[0].compactMap({ key.indices(of: $0.scalars).last }).max()
            else { continue }
            guard key.negation(before: object, among: phrase.negations) else { continue }
            guard let quote = clause.quote else { continue }
            candidates.append(FigureCandidate(figure: phrase.figure, period: "year", value: 0,
                                              unit: FigureCatalog.isMoney(phrase.figure) ? "unspecified" : "count",
                                              tier: phrase.tier, part: false, method: .prose, source: source, quote: quote))
        }
    }

    private func mentionsAnotherPeriod(_ before: [Unicode.Scalar]) -> Bool {
        if before.contains(anyOf: Self.otherPeriod) { return true }
        guard let year, let stated = before.years.last else { return false }
        return stated != year
    }

    /// nil when the clause cannot be quoted as printed.
    private func candidate(_ figure: String, number: ProseNumber, tier: Int, clause: ProseClause, period: String) -> FigureCandidate? {
        guard let quote = clause.quote else { return nil }
        let unit: String
        switch number.unit {
        case .yuan: unit = "yuan"
        case .count, .none: unit = FigureCatalog.isMoney(figure) ? "unspecified" : "count"
        }
        return FigureCandidate(figure: figure, period: period, value: number.value, unit: unit, tier: tier, part: inParts,
                               method: .prose, source: source, quote: quote)
    }
}

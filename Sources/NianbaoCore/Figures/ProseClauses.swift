import Foundation

/// A paragraph cut into sentences (。！？) and clauses (，；：), each clause kept twice: verbatim, for
/// the `quote`, and as a reading key (simplified, width-folded, without white space or the pinyin a
/// mirror site put in brackets after characters: 申請(qǐng)). Both forms are cut at the same marks,
/// which neither width folding nor script conversion adds or removes.
struct ProseClause {
    var key: [Unicode.Scalar]
    /// Which sentence of the paragraph it belongs to.
    var sentence: Int
    /// Its place among the paragraph's pieces (of `pieceCount`), and the paragraph's text as printed.
    var piece: Int
    var pieceCount: Int
    var verbatim: VerbatimPieces
    /// Its sentence as read up to the clause's end (white space and pinyin still in): the context a
    /// clause's figure is weighed in (一年来, 窗口服务大厅 said before the clause).
    var sentenceSoFar: ArraySlice<Unicode.Scalar> = []

    /// The clause as printed, trimmed; nil when the printed text does not cut into the same pieces
    /// (then no quote can be trusted). The printed text is cut only when a figure quotes it.
    var quote: String? { verbatim.quote(piece, of: pieceCount) }
}

/// A paragraph's text as printed, cut at the same marks as its reading form when first asked.
final class VerbatimPieces {
    private let text: String
    private lazy var scalars = text.scalarArray
    private lazy var pieces = ProseClauses.pieces(scalars)

    init(_ text: String) { self.text = text }

    func quote(_ piece: Int, of count: Int) -> String? {
        guard pieces.count == count else { return nil }
        var slice = scalars[pieces[piece].range]
        while let first = slice.first, ProseClauses.isSpace(first) { slice.removeFirst() }
        while let last = slice.last, ProseClauses.isSpace(last) { slice.removeLast() }
        return String(String.UnicodeScalarView(slice))
    }
}

enum ProseClauses {
    enum Mark { case none, clause, sentence }

    @inline(__always)
    static func mark(_ scalar: Unicode.Scalar) -> Mark {
        switch scalar.value {
        case 0x3002, 0xFF01, 0xFF1F, 0x21, 0x3F, 0x0A: return .sentence      // 。！？!? and a line break
        case 0xFF0C, 0x2C, 0xFF1B, 0x3B, 0xFF1A, 0x3A: return .clause         // ，,；;：:
        default: return .none
        }
    }

    @inline(__always)
    static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x20, 0x09, 0x0D, 0xA0, 0x3000, 0x2002...0x200B: return true
        default: return false
        }
    }

    /// The clauses that may state a figure. The printed text is cut only when one does (and must then
    /// cut into the same pieces, which neither width folding nor script conversion changes).
    static func split(verbatim: String, folded: String) -> [ProseClause] {
        let reading = folded.scalarArray
        let keys = pieces(reading)
        let printed = VerbatimPieces(verbatim)
        var clauses: [ProseClause] = []
        var sentenceStart = 0, sentence = -1
        for (index, key) in keys.enumerated() {
            if key.sentence != sentence { sentence = key.sentence; sentenceStart = key.range.lowerBound }
            let slice = reading[key.range]
            guard slice.contains(where: mayStateFigure) else { continue }
            let scalars = readingKey(slice)
            guard !scalars.isEmpty else { continue }
            clauses.append(ProseClause(key: scalars, sentence: key.sentence, piece: index, pieceCount: keys.count, verbatim: printed,
                                       sentenceSoFar: reading[sentenceStart..<key.range.upperBound]))
        }
        return clauses
    }

    /// A digit, a Chinese numeral or the first character of a negation: a clause without one states no
    /// figure (or 其, of 其中, which its sentence's later clauses need).
    @inline(__always)
    static func mayStateFigure(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.value >= 0x30 && scalar.value <= 0x39 { return true }
        switch scalar {
        case "没", "未", "无", "不", "免", "尚", "均", "一", "二", "两", "三", "四", "五", "六", "七", "八", "九", "十", "百",
             "其", "在": return true   // 其中 and 在…中 mark the parts that follow
        default: return false
        }
    }

    static func pieces(_ scalars: [Unicode.Scalar]) -> [(range: Range<Int>, sentence: Int)] {
        var result: [(range: Range<Int>, sentence: Int)] = []
        var start = 0, sentence = 0
        for (index, scalar) in scalars.enumerated() {
            switch mark(scalar) {
            case .none: continue
            case .clause:
                result.append((start..<index, sentence))
            case .sentence:
                result.append((start..<index, sentence))
                sentence += 1
            }
            start = index + 1
        }
        result.append((start..<scalars.count, sentence))
        return result
    }

    /// White space dropped, except that two digits it separates stay apart (`1 000` is not read as
    /// 1000); bracketed pinyin dropped.
    static func readingKey(_ scalars: ArraySlice<Unicode.Scalar>) -> [Unicode.Scalar] {
        var key: [Unicode.Scalar] = []
        key.reserveCapacity(scalars.count)
        var index = scalars.startIndex
        while index < scalars.endIndex {
            let scalar = scalars[index]
            if scalar == "(" || scalar == "（", let end = pinyinEnd(scalars, from: index + 1) {
                index = end + 1
                continue
            }
            if isSpace(scalar) {
                let next = scalars[(index + 1)...].first { !isSpace($0) }
                if let last = key.last, ProseNumbers.isDigit(last), let next, ProseNumbers.isDigit(next) { key.append("|") }
                index += 1
                continue
            }
            key.append(scalar)
            index += 1
        }
        return key
    }

    /// The index of the closing bracket of `(qǐng)`: Latin letters, some with tone marks, nothing else.
    private static func pinyinEnd(_ scalars: ArraySlice<Unicode.Scalar>, from start: Int) -> Int? {
        var index = start
        while index < scalars.endIndex, index - start <= 8 {
            let scalar = scalars[index]
            if scalar == ")" || scalar == "）" { return index > start ? index : nil }
            let isLetter = ("a"..."z").contains(scalar) || ("\u{00E0}"..."\u{01DC}").contains(scalar)
            guard isLetter else { return nil }
            index += 1
        }
        return nil
    }
}

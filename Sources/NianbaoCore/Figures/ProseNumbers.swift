import Foundation

/// A number stated in a clause, with the unit printed after it.
struct ProseNumber: Sendable {
    enum Unit: Sendable, Equatable {
        /// 条, 件, 宗, 起 …: a count.
        case count
        /// 元, 万元, 亿元: money, the value already in yuan.
        case yuan
        /// Nothing after the number but the clause's end (`申请数为2`).
        case none
    }

    var value: Decimal
    var unit: Unit
    /// The count or money word as printed (条, 件, 万元), empty for `none`.
    var word: String
    /// Where the number starts and where its unit ends, in the clause key.
    var start: Int
    var end: Int
}

/// Numbers in a clause key: Arabic digits (a decimal point allowed) or Chinese numerals before a count
/// word (`一件`, `两起`). Dates, percentages, ordinals (第3次) and approximations (3000余人次) are not
/// figures and are left out.
enum ProseNumbers {
    static let countWords: [String] = ["人次", "条", "件", "宗", "起", "项", "个", "次", "份", "篇", "例", "家", "封", "人"]
    /// Chinese numerals are read only before these: `一个`, `一次`, `一起` (together) are too often not counts.
    static let chineseCountWords: Set<String> = ["条", "件", "宗", "项", "份", "篇", "例"]
    static let moneyWords: [(word: String, factor: Decimal)] = [("亿元", 100_000_000), ("万元", 10_000), ("元", 1)]
    /// A number followed by one of these is not a figure: a date, a share, an approximation.
    /// Periods and deadlines (15个工作日内, 3天, 24小时) are not counts either.
    static let notAFigure: [String] = ["%", "％", "‰", "年", "月", "日", "号", "时", "分", "岁", "余", "多", "以上", "左右", "多万",
                                       "个工作日", "工作日", "个月", "个小时", "小时", "天", "周", "个星期", "星期", "个季度", "季度"]
    @inline(__always)
    static func digitOfHan(_ scalar: Unicode.Scalar) -> Int? {
        switch scalar {
        case "零", "〇": return 0
        case "一": return 1
        case "二", "两": return 2
        case "三": return 3
        case "四": return 4
        case "五": return 5
        case "六": return 6
        case "七": return 7
        case "八": return 8
        case "九": return 9
        default: return nil
        }
    }

    @inline(__always)
    static func powerOfHan(_ scalar: Unicode.Scalar) -> Int? {
        switch scalar {
        case "十": return 10
        case "百": return 100
        case "千": return 1000
        default: return nil
        }
    }

    static func isDigit(_ scalar: Unicode.Scalar) -> Bool { scalar.value >= 0x30 && scalar.value <= 0x39 }

    static func find(in key: [Unicode.Scalar]) -> [ProseNumber] {
        var found: [ProseNumber] = []
        var index = 0
        while index < key.count {
            if isDigit(key[index]) {
                var end = index
                while end < key.count, isDigit(key[end]) || (key[end] == "." && end + 1 < key.count && isDigit(key[end + 1])
                                                             && end > index) {
                    end += 1
                }
                if let number = figure(key, start: index, end: end, chinese: false, value: {
                    Decimal(string: String(String.UnicodeScalarView(key[index..<end])))
                }) {
                    found.append(number)
                }
                index = end
            } else if digitOfHan(key[index]) != nil || powerOfHan(key[index]) != nil {
                var end = index
                while end < key.count, digitOfHan(key[end]) != nil || powerOfHan(key[end]) != nil { end += 1 }
                // A lone 零 is a word of its own (零件, 零星).
                if let number = figure(key, start: index, end: end, chinese: true, value: {
                    hanValue(key[index..<end]).flatMap { $0 > 0 ? Decimal($0) : nil }
                }) {
                    found.append(number)
                }
                index = end
            } else {
                index += 1
            }
        }
        return found
    }

    static let notAFigureScalars = notAFigure.map { Array($0.unicodeScalars) }
    static let moneyScalars = moneyWords.map { (word: $0.word, scalars: Array($0.word.unicodeScalars), factor: $0.factor) }
    static let countScalars = countWords.map { (word: $0, scalars: Array($0.unicodeScalars)) }

    /// The first scalars of the words that can follow a number (units, money units, words that make it no figure).
    private static let followers = ScalarMask(notAFigureScalars.compactMap(\.first) + moneyScalars.compactMap(\.scalars.first)
                                              + countScalars.compactMap(\.scalars.first))

    /// Whether `word` stands in `key` at `index`.
    @inline(__always)
    private static func has(_ word: [Unicode.Scalar], in key: [Unicode.Scalar], at index: Int) -> Bool {
        guard index + word.count <= key.count else { return false }
        for offset in 0..<word.count where key[index + offset] != word[offset] { return false }
        return true
    }

    /// The number at `start..<end` when what follows makes it a figure; its value is read only then.
    private static func figure(_ key: [Unicode.Scalar], start: Int, end: Int, chinese: Bool, value: () -> Decimal?) -> ProseNumber? {
        guard start == 0 || key[start - 1] != "第" else { return nil }
        // Most numerals (一 of 进一步, 统一) are followed by no unit or word of the lists: passed by on
        // the mask of the words' first scalars, before the lists are walked.
        guard end == key.count || followers.covers(ScalarMask(CollectionOfOne(key[end]))) else { return nil }
        if notAFigureScalars.contains(where: { has($0, in: key, at: end) }) { return nil }
        if !chinese, let money = moneyScalars.first(where: { has($0.scalars, in: key, at: end) }) {
            guard let value = value() else { return nil }
            return ProseNumber(value: value * money.factor, unit: .yuan, word: money.word, start: start, end: end + money.scalars.count)
        }
        if let count = countScalars.first(where: { has($0.scalars, in: key, at: end) }), !chinese || chineseCountWords.contains(count.word) {
            guard let value = value() else { return nil }
            return ProseNumber(value: value, unit: .count, word: count.word, start: start, end: end + count.scalars.count)
        }
        // `申请数为2`: a bare number ends the clause right after 为 or 是.
        if !chinese, end == key.count, start > 0, key[start - 1] == "为" || key[start - 1] == "是", let value = value() {
            return ProseNumber(value: value, unit: .none, word: "", start: start, end: end)
        }
        return nil
    }

    /// 十二 = 12, 二十 = 20, 一百零五 = 105, 三 = 3; nil for anything else (一一, 十十).
    static func hanValue(_ scalars: ArraySlice<Unicode.Scalar>) -> Int? {
        var total = 0
        var pending: Int?
        for scalar in scalars {
            if let digit = digitOfHan(scalar) {
                guard pending == nil || (digit == 0) else { return nil }
                pending = digit == 0 ? nil : digit
            } else if let power = powerOfHan(scalar) {
                total += (pending ?? (total == 0 ? 1 : 0)) * power
                guard pending != nil || total == power else { return nil }
                pending = nil
            }
        }
        return total + (pending ?? 0)
    }
}

import CLibXML2

/// Word's automatic numbering (`numbering.xml`): a heading's `一、` or a row's `1.` is often not in the
/// text but drawn from a list definition. The counters run in document order as Word runs them: one
/// set per list definition, a level's counter restarting when a level above it counts on.
struct WordNumbering {
    struct Level {
        var start = 1
        var format = "decimal"
        var text = ""
    }

    private var definitions: [Int: [Int: Level]] = [:]
    /// numId → its list definition (abstractNumId) and the levels it starts anew.
    private var instances: [Int: (definition: Int, starts: [Int: Int])] = [:]
    /// styleId → the numbering a paragraph style carries.
    private var styles: [String: (numId: Int, level: Int)] = [:]
    private var counters: [Int: [Int: Int]] = [:]
    private var started: Set<Int> = []

    init(numbering: xmlDocPtr?, styles stylesDocument: xmlDocPtr?) {
        if let root = numbering.flatMap({ xmlDocGetRootElement($0) }) {
            for node in WordXML.children(root) {
                switch WordXML.name(node) {
                case "abstractNum":
                    guard let id = WordXML.attribute(node, "abstractNumId").flatMap({ Int($0) }) else { continue }
                    var levels: [Int: Level] = [:]
                    for level in WordXML.children(node) where WordXML.name(level) == "lvl" {
                        guard let index = WordXML.attribute(level, "ilvl").flatMap({ Int($0) }) else { continue }
                        levels[index] = Level(start: WordXML.intValue(WordXML.child(level, "start")) ?? 1,
                                              format: WordXML.child(level, "numFmt").flatMap { WordXML.attribute($0, "val") } ?? "decimal",
                                              text: WordXML.child(level, "lvlText").flatMap { WordXML.attribute($0, "val") } ?? "")
                    }
                    definitions[id] = levels
                case "num":
                    guard let id = WordXML.attribute(node, "numId").flatMap({ Int($0) }),
                          let definition = WordXML.intValue(WordXML.child(node, "abstractNumId")) else { continue }
                    var starts: [Int: Int] = [:]
                    for override in WordXML.children(node) where WordXML.name(override) == "lvlOverride" {
                        if let level = WordXML.attribute(override, "ilvl").flatMap({ Int($0) }),
                           let start = WordXML.intValue(WordXML.child(override, "startOverride")) { starts[level] = start }
                    }
                    instances[id] = (definition, starts)
                default:
                    break
                }
            }
        }
        if let root = stylesDocument.flatMap({ xmlDocGetRootElement($0) }) {
            for style in WordXML.children(root) where WordXML.name(style) == "style" {
                guard let id = WordXML.attribute(style, "styleId"),
                      let numPr = WordXML.descendant(style, "pPr", "numPr"),
                      let numId = WordXML.intValue(WordXML.child(numPr, "numId")) else { continue }
                styles[id] = (numId, WordXML.intValue(WordXML.child(numPr, "ilvl")) ?? 0)
            }
        }
    }

    /// The label Word draws before a paragraph (`一、`), counting it; empty for a paragraph without one.
    mutating func label(for paragraph: xmlNodePtr) -> String {
        let properties = WordXML.child(paragraph, "pPr")
        var numId: Int?, level = 0
        if let numPr = properties.flatMap({ WordXML.child($0, "numPr") }) {
            numId = WordXML.intValue(WordXML.child(numPr, "numId"))
            level = WordXML.intValue(WordXML.child(numPr, "ilvl")) ?? 0
        }
        if numId == nil, let style = properties.flatMap({ WordXML.child($0, "pStyle") }).flatMap({ WordXML.attribute($0, "val") }),
           let numbering = styles[style] {
            numId = numbering.numId
            level = numbering.level
        }
        // numId 0 takes a style's numbering away.
        guard let numId, numId != 0, let instance = instances[numId], let levels = definitions[instance.definition],
              let format = levels[level] else { return "" }
        var counts = counters[instance.definition] ?? [:]
        if !started.contains(numId), !instance.starts.isEmpty {
            started.insert(numId)
            for (overridden, start) in instance.starts { counts[overridden] = start - 1 }
        }
        counts[level] = (counts[level] ?? ((levels[level]?.start ?? 1) - 1)) + 1
        for deeper in counts.keys where deeper > level { counts[deeper] = nil }
        counters[instance.definition] = counts
        guard format.format != "bullet", format.format != "none" else { return "" }
        var text = format.text
        for placeholder in (0...8).reversed() where text.contains("%\(placeholder + 1)") {
            let value = counts[placeholder] ?? (levels[placeholder]?.start ?? 1)
            let shown = NumberFormats.format(value, as: levels[placeholder]?.format ?? "decimal")
            text = text.replacingOccurrences(of: "%\(placeholder + 1)", with: shown)
        }
        return text
    }
}

/// Word's number formats (`w:numFmt`) that reports use, as text.
enum NumberFormats {
    private static let chineseDigits = Array("〇一二三四五六七八九")

    static func format(_ value: Int, as format: String) -> String {
        switch format {
        case "chineseCounting", "chineseCountingThousand", "japaneseCounting", "taiwaneseCounting":
            return chinese(value)
        case "ideographTraditional":
            return value >= 1 && value <= 10 ? String(Array("甲乙丙丁戊己庚辛壬癸")[value - 1]) : chinese(value)
        case "ideographDigital", "taiwaneseDigital":
            return String(String(value).map { chineseDigits[Int(String($0))!] })
        case "decimalFullWidth", "decimalFullWidth2":
            return String(String(value).unicodeScalars.map { Character(Unicode.Scalar($0.value + 0xFEE0)!) })
        case "decimalEnclosedCircle", "decimalEnclosedCircleChinese":
            return value >= 1 && value <= 20 ? String(Character(Unicode.Scalar(0x2460 + UInt32(value - 1))!)) : String(value)
        case "decimalZero":
            return value < 10 ? "0\(value)" : String(value)
        case "lowerLetter", "upperLetter":
            let letter = String(Character(Unicode.Scalar(UInt8(ascii: "a") + UInt8((value - 1) % 26))))
            return format == "upperLetter" ? letter.uppercased() : letter
        case "lowerRoman", "upperRoman":
            let roman = self.roman(value)
            return format == "upperRoman" ? roman : roman.lowercased()
        default:
            return String(value)
        }
    }

    /// 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 105 → 一百零五.
    static func chinese(_ value: Int) -> String {
        guard value > 0, value < 1000 else { return String(value) }
        let hundreds = value / 100, tens = value / 10 % 10, ones = value % 10
        var text = ""
        if hundreds > 0 { text += "\(chineseDigits[hundreds])百" }
        if tens > 0 {
            if !(hundreds == 0 && tens == 1) { text += String(chineseDigits[tens]) }
            text += "十"
        } else if hundreds > 0 && ones > 0 {
            text += "零"
        }
        if ones > 0 { text += String(chineseDigits[ones]) }
        return text
    }

    private static func roman(_ value: Int) -> String {
        guard value > 0, value < 4000 else { return String(value) }
        let table: [(Int, String)] = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"),
                                      (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
        var rest = value, text = ""
        for (amount, letters) in table {
            while rest >= amount { text += letters; rest -= amount }
        }
        return text
    }
}

import Foundation
import Testing
@testable import NianbaoCore

@Suite("Normalize: script, numbering, labels, numbers")
struct NormalizeTests {
    @Test("numbers with signs, decimals, separators, full-width digits, units and notes")
    func cellReadings() {
        #expect(CellReading("+118") == .number(118, unit: nil, note: nil))
        #expect(CellReading("-260") == .number(-260, unit: nil, note: nil))
        #expect(CellReading(WidthFolding.fold("−3")) == .number(-3, unit: nil, note: nil))
        #expect(CellReading(WidthFolding.fold("１２３")) == .number(123, unit: nil, note: nil))
        #expect(CellReading("1,234") == .number(1234, unit: nil, note: nil))
        #expect(CellReading("188.64万元") == .number(Decimal(string: "188.64")!, unit: .tenThousandYuan, note: nil))
        #expect(CellReading("110119389.995") == .number(Decimal(string: "110119389.995")!, unit: nil, note: nil))
        #expect(CellReading("7(市自然资源局)") == .number(7, unit: nil, note: "市自然资源局"))
        #expect(CellReading("0") == .number(0, unit: nil, note: nil))
        for placeholder in ["", "/", "—", "-", "无", "——"] {
            #expect(CellReading(placeholder) == .placeholder, "\(placeholder)")
        }
        for text in ["不适用", "1,23", "12a", "规章", "2.5.1"] {
            #expect(CellReading(text) == .text, "\(text)")
        }
    }

    @Test("part and row numbering, including a dash typed for 一 and parenthesised sub-headings")
    func numbering() {
        #expect(Numbering.read("—、总体情况") == Numbering(ordinal: 1, style: .delimited, rest: "总体情况"))
        #expect(Numbering.read("四、结转下年度继续办理")?.ordinal == 4)
        #expect(Numbering.read(WidthFolding.fold("（2） 主动公开工作情况"))?.style == .parenthesized)
        #expect(Numbering.read("(七)总计")?.ordinal == 7)
        #expect(Numbering.read("十一是整体加强队伍建设") == nil)
        #expect(Numbering.read("十、因政府信息公开")?.ordinal == 10)
        #expect(Numbering.read("188.64万元") == nil)
        #expect(Numbering.read("2020年") == nil)
    }

    @Test("label keys ignore numbering, spaces, width and punctuation")
    func labelKeys() {
        #expect(LabelKey.make("商业 企业") == "商业企业")
        #expect(LabelKey.make("法律 服务 机构") == "法律服务机构")
        #expect(LabelKey.make("（二）部分公开（区分处理的，只计这一情形，不计其他情形）") == "部分公开区分处理的只计这一情形不计其他情形")
        #expect(LabelKey.make("3.危及“三安全一稳定”") == "危及三安全一稳定")
        #expect(LabelKey.make("第二十条第（一）项") == LabelKey.make("第二十条第(一)项"))
        #expect(LabelKey.make("本年增/减") == "本年增减")
    }

    @Test("width folding: full-width forms, odd spaces and minus signs, compatibility ideographs; other text untouched")
    func widthFolding() {
        #expect(WidthFolding.fold("（三）１２３，\u{3000}−5\u{00A0}") == "(三)123, -5 ")
        // 豈 U+F900 is canonically 豈 U+8C48: a label typed with either reads the same.
        #expect(WidthFolding.fold("\u{F900}申请") == "\u{8C48}申请")
        #expect(LabelKey.make("（一）\u{F9B2}定") == LabelKey.make("(一)\u{96F6}定"))
        let untouched = "政府信息公开工作年度报告、“依申请公开”。—— ½ 𠀀"
        #expect(WidthFolding.fold(untouched) == untouched)
    }

    @Test("width folding finds what folds at every byte position, across the eight-byte steps")
    func widthFoldingAtEveryPosition() {
        let folds: [(String, String)] = [("，", ","), ("\u{3000}", " "), ("\u{A0}", " "), ("０", "0"), ("\u{2212}", "-"), ("\u{F900}", "\u{8C48}")]
        for (wide, narrow) in folds {
            for offset in 0..<20 {
                let prefix = String(repeating: "a", count: offset % 3) + String(repeating: "报", count: offset / 3)
                // 、 and “ share lead bytes with what folds (E3, E2) and stay as they are.
                let text = prefix + wide + "告、“”" + wide
                // Compared as bytes: String's == would take U+F900 for U+8C48.
                #expect(Array(WidthFolding.fold(text).utf8) == Array((prefix + narrow + "告、“”" + narrow).utf8),
                        "\(wide) after \(offset) characters")
            }
        }
    }

    @Test("label forms remembered from an earlier report are the ones OpenCC gives afresh (seed 002 twice)")
    func rememberedPhraseForms() throws {
        let document = TextExtractor.extract(String(decoding: try Repository.sample(Seed.taiyuan), as: UTF8.self), encoding: "utf-8")
        let converters = try ScriptConverters()
        let asked = Normalizer(converters: converters).normalize(document)
        let heading = "(三)加強政府檔案屬性管理,嚴把政策解讀質量"
        #expect(converters.knownPhraseForm(of: heading) == converters.phrases.convert(heading))
        let remembered = Normalizer(converters: converters).normalize(document)
        #expect(asked.script == .traditional)
        #expect(remembered.tokens.map(\.folded) == asked.tokens.map(\.folded))
        #expect(remembered.tokens.map(\.key) == asked.tokens.map(\.key))
        #expect(remembered.tokens.contains { $0.folded == "(三)加强政府文件属性管理,严把政策解读质量" })
    }

    @Test("remembered forms are keyed by bytes: a compatibility ideograph is not its canonically equal twin")
    func rememberedByBytes() throws {
        #expect("\u{F900}" == "\u{8C48}")
        #expect(ByteKey("\u{F900}") != ByteKey("\u{8C48}") && ByteKey("豈") == ByteKey("\u{8C48}"))
        let converters = try ScriptConverters()
        converters.remember(phraseForm: "made from U+F900", of: "\u{F900}")
        #expect(converters.knownPhraseForm(of: "\u{8C48}") == nil)
        let forms = ShortTextForms()
        var made: [String] = []
        for text in ["\u{F900}", "\u{8C48}", "\u{F900}"] {
            _ = forms.forms(of: text, shortUpTo: 240) { text in
                made.append(text)
                return ShortTextForms.Forms(folded: text, key: text, reading: .text)
            }
        }
        #expect(made.map { Array($0.unicodeScalars) } == [["\u{F900}"], ["\u{8C48}"]])
    }

    @Test("a traditional report with Taiwan wording: judged traditional, matched in mainland wording (seed 002)")
    func traditionalScript() throws {
        let fragment = try Repository.sampleLines(Seed.taiyuan, 3...12)
        let document = TextExtractor.extract(fragment, encoding: "utf-8")
        let normalized = sharedConverters.with { Normalizer(converters: $0).normalize(document) }
        #expect(normalized.script == .traditional)
        #expect(normalized.tokens[0].text == "一、總體情況")
        #expect(normalized.tokens[0].folded == "一、总体情况")
        // A heading is read in mainland wording: 檔案 → 文件, not the character-level 档案.
        #expect(normalized.tokens[9].text == "(三)加強政府檔案屬性管理,嚴把政策解讀質量")
        #expect(normalized.tokens[9].folded == "(三)加强政府文件属性管理,严把政策解读质量")
        #expect(normalized.tokens[9].simplified == "(三)加强政府档案属性管理,严把政策解读质量")
        // Running text keeps the report's own words, only in simplified characters.
        #expect(normalized.tokens[3].simplified.contains("太原市人民政府入口网站"))
        #expect(normalized.tokens[3].folded.contains("太原市人民政府入口网站"))
        #expect(normalized.tokens[3].text.contains("入口網站"))
    }

    @Test("a simplified report is left as written")
    func simplifiedScript() throws {
        let fragment = try Repository.sampleLines(Seed.yiyuan, 1...12)
        let document = TextExtractor.extract(fragment, encoding: "utf-8")
        let normalized = sharedConverters.with { Normalizer(converters: $0).normalize(document) }
        #expect(normalized.script == .simplified)
        #expect(normalized.tokens.allSatisfy { $0.simplified == $0.text })
        #expect(normalized.tokens[4].folded == "—、总体情况")
    }
}

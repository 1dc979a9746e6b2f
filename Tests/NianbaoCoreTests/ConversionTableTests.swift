import Foundation
import Testing
@testable import NianbaoCore

/// The tabled `t2s` must give OpenCC's output byte for byte: every comparison here is against
/// OpenCC itself, on phrases in context, on real reports and on random text made of phrase characters.
@Suite("Normalize: OpenCC's t2s tabled")
struct ConversionTableTests {
    let openCC = try! ScriptConverter(.traditionalToSimplified)
    let table = try! #require(ScriptConverters.learntCharacterTable)

    func tabled(_ text: String) -> String { table.convert(text, with: openCC) }

    @Test("the dictionaries are listed through OpenCC: phrases and characters both")
    func dictionaryKeys() throws {
        let keys = try OpenCCDictionaries.keys(ofConfiguration: openCC.configurationPath)
        #expect(keys.contains("答覆"))  // a phrase whose characters alone do not change
        #expect(keys.contains("時"))
        #expect(keys.filter { $0.count > 1 }.count > 100)
        #expect(throws: OpenCCDictionaries.Failure.self) { try OpenCCDictionaries.keys(ofDictionary: "/nonexistent.ocd2", type: "ocd2") }
    }

    @Test("every phrase, alone and in running text, converts as OpenCC converts it")
    func everyPhraseInContext() throws {
        let phrases = try OpenCCDictionaries.keys(ofConfiguration: openCC.configurationPath).filter { $0.count > 1 }
        var mismatches: [String] = []
        for phrase in phrases {
            for text in [phrase, "關於\(phrase)的答覆", "\(phrase)\(phrase)", "一\(phrase)了", String(phrase.dropFirst()) + phrase] {
                if tabled(text) != openCC.convert(text) { mismatches.append(text) }
            }
        }
        #expect(mismatches.isEmpty)
        #expect(tabled("依法答覆申請人，一目瞭然") == "依法答复申请人，一目了然")
    }

    @Test("traditional reports convert byte for byte as OpenCC converts them (seeds 002, 003, sample 103)")
    func realReports() throws {
        for name in [Seed.taiyuan, Seed.yiyuan, "103_yiyuan_2020_traditional.html"] {
            let text = try String(contentsOf: Repository.samples.appendingPathComponent(name), encoding: .utf8)
            #expect(tabled(text) == openCC.convert(text), "\(name)")
        }
    }

    @Test("random text drawn from phrase characters converts as OpenCC converts it")
    func randomPhraseCharacters() throws {
        let phrases = try OpenCCDictionaries.keys(ofConfiguration: openCC.configurationPath).filter { $0.count > 1 }
        let alphabet = Array(Set(phrases.joined())).sorted() + Array("的了是在，。 a1\u{3000}")
        var generator = SplitMix(seed: 2020)
        var mismatches: [String] = []
        for _ in 0..<3000 {
            let length = Int(generator.next() % 12) + 1
            let text = String((0..<length).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] })
            if tabled(text) != openCC.convert(text) { mismatches.append(text) }
        }
        #expect(mismatches.isEmpty)
    }

    @Test("the characters the table says change are those OpenCC changes alone")
    func traditionalCharacters() {
        #expect(TraditionalCharacters(table) == TraditionalCharacters(learningFrom: openCC))
    }
}

/// A small deterministic generator, so that a failure can be replayed.
struct SplitMix {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }
}

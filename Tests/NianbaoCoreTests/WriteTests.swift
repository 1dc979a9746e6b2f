import Foundation
import Testing
@testable import NianbaoCore

@Suite("Write: CSV, JSONL and the data package")
struct WriteTests {
    let encoder = RowEncoder(schema: .rejects)

    @Test("RFC 4180 quoting and CRLF")
    func csvQuoting() {
        #expect(encoder.csvHeader == "source_path,sha256,reason\r\n")
        #expect(encoder.csvLine([.text("a,b.txt"), .empty, .text("said \"no\"\nthen")]) == "\"a,b.txt\",,\"said \"\"no\"\"\nthen\"\r\n")
    }

    @Test("text a spreadsheet would run as a formula is prefixed, numbers are not")
    func formulaSafety() {
        #expect(CSVField.formulaSafe("=HYPERLINK(\"x\")") == "'=HYPERLINK(\"x\")")
        #expect(CSVField.formulaSafe("@SUM(A1)") == "'@SUM(A1)")
        #expect(CSVField.formulaSafe("-cmd") == "'-cmd")
        #expect(CSVField.formulaSafe("+118") == "+118")
        #expect(CSVField.formulaSafe("-260") == "-260")
        #expect(CSVField.formulaSafe("7(市自然资源局)") == "7(市自然资源局)")
    }

    @Test("JSON strings: quotes, backslashes, controls and JavaScript line ends escaped, other text copied whole")
    func jsonEscaping() throws {
        let text = "甲\"乙\\丙\n丁\r\t\u{01}戊\u{2028}己\u{2029}—“庚”"
        var bytes: [UInt8] = []
        JSONText.append(text, to: &bytes)
        #expect(String(decoding: bytes, as: UTF8.self) == #""甲\"乙\\丙\n丁\r\t\u0001戊\u2028己\u2029—“庚”""#)
        let decoded = try JSONSerialization.jsonObject(with: Data(bytes), options: .fragmentsAllowed) as? String
        #expect(decoded == text)
        var tail: [UInt8] = []
        JSONText.append("末\u{E2}", to: &tail)
        #expect(String(decoding: tail, as: UTF8.self) == "\"末\u{E2}\"")
    }

    @Test("escapes and quotes are found at every byte position of a long paragraph, across the eight-byte steps")
    func escapesAtEveryPosition() throws {
        for special in ["\"", "\\", "\n", "\r", "\u{1F}", "\u{2028}", ","] {
            for offset in 0..<20 {
                let text = String(repeating: "a", count: offset % 3) + String(repeating: "报", count: offset / 3)
                    + special + String(repeating: "告“”", count: 5)
                var json: [UInt8] = []
                JSONText.append(text, to: &json)
                let decoded = try JSONSerialization.jsonObject(with: Data(json), options: .fragmentsAllowed) as? String
                #expect(decoded == text, "\(special.debugDescription) after \(offset) characters")
                #expect(!json.dropFirst().dropLast().contains(where: { $0 < 0x20 }))
                let csv = CSVField.escape(text)
                #expect(csv.hasPrefix("\"") == (special != "\\" && special != "\u{1F}" && special != "\u{2028}"),
                        "\(special.debugDescription) after \(offset) characters")
            }
        }
        #expect(CSVField.escape(String(repeating: "报告", count: 40)) == String(repeating: "报告", count: 40))
    }

    @Test("an output file keeps the order of small and large pieces, whether buffered or written straight")
    func outputFilePieces() throws {
        let folder = try Repository.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("pieces.csv")
        let file = try OutputFile(url)
        var expected: [UInt8] = []
        for (index, size) in [10, 70_000, 3, 1 << 20, 65_535, 65_536, 1, 2_000_000, 7].enumerated() {
            let piece = [UInt8](repeating: UInt8(ascii: "a") + UInt8(index), count: size)
            try file.write(piece)
            expected += piece
            #expect(file.position == Int64(expected.count))
        }
        let stamp = try file.close()
        #expect(stamp.size == Int64(expected.count))
        #expect([UInt8](try Data(contentsOf: url)) == expected)
    }

    @Test("JSONL: numbers as numbers, empty as null, keys in contract order")
    func jsonLines() {
        let cells = RowEncoder(schema: .applications)
        let line = cells.jsonLine([.text("abc"), .text("granted"), .text("total"), .number(Decimal(string: "110119389.995")!),
                                   .text("reported"), .text("7(市自然资源局)"), .empty])
        #expect(line == "{\"report_id\":\"abc\",\"row\":\"granted\",\"applicant\":\"total\",\"value\":110119389.995,\"status\":\"reported\",\"raw\":\"7(市自然资源局)\",\"source\":null}\n")
        #expect(FieldValue.plain(Decimal(string: "188.64")! * 10_000) == "1886400")
    }

    @Test("the data package declares every table with keys and report_id foreign keys")
    func dataPackage() throws {
        let text = DataPackage.describe(OutputSchema.all).pretty()
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let resources = try #require(object["resources"] as? [[String: Any]])
        #expect(resources.map { $0["name"] as? String } == ["reports", "active_disclosure", "applications", "reviews_litigation", "sections", "figures", "organs",
                                                           "panel", "checks", "rejects", "codes"])
        let applications = try #require(resources[2]["schema"] as? [String: Any])
        #expect(applications["primaryKey"] as? [String] == ["report_id", "row", "applicant"])
        let foreignKeys = try #require(applications["foreignKeys"] as? [[String: Any]])
        #expect((foreignKeys.first?["reference"] as? [String: Any])?["resource"] as? String == "reports")
    }
}

@Suite("Write: plain number formatting")
struct PlainNumberTests {
    @Test("the whole-number fast path writes what Decimal's formatter writes")
    func wholeNumbersAgree() {
        func slow(_ number: Decimal) -> String {
            var value = number, rounded = Decimal()
            NSDecimalRound(&rounded, &value, 12, .plain)
            return rounded.description
        }
        var values: [Decimal] = [0, -0, 1, -1, 9, 10, 65_535, 65_536, -65_536, 4_294_967_295, 1_886_400, -260,
                                 Decimal(string: "1e9")!, Decimal(string: "-3e5")!, Decimal(string: "12e3")!,
                                 Decimal(string: "123456789012345678901234567890")!, Decimal(string: "-9223372036854775809")!]
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        for _ in 0..<2_000 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let magnitude = Int(state >> 33) % 5_000_000_000
            values.append(Decimal(state & 1 == 0 ? magnitude : -magnitude))
        }
        for value in values {
            #expect(FieldValue.plain(value) == slow(value), "\(value)")
        }
        #expect(FieldValue.smallWholeNumber(Decimal(string: "188.64")!) == nil)
        #expect(FieldValue.smallWholeNumber(Decimal.nan) == nil)
        #expect(FieldValue.plain(Decimal(string: "110119389.995")!) == "110119389.995")
        #expect(FieldValue.plain(Decimal(string: "1886400")!) == "1886400")
    }
}

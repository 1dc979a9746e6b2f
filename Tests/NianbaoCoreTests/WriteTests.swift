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
        #expect(resources.map { $0["name"] as? String } == ["reports", "active_disclosure", "applications", "reviews_litigation", "sections", "checks", "rejects"])
        let applications = try #require(resources[2]["schema"] as? [String: Any])
        #expect(applications["primaryKey"] as? [String] == ["report_id", "row", "applicant"])
        let foreignKeys = try #require(applications["foreignKeys"] as? [[String: Any]])
        #expect((foreignKeys.first?["reference"] as? [String: Any])?["resource"] as? String == "reports")
    }
}

import Foundation
import Testing
@testable import NianbaoCore

/// Runs the whole pipeline over Samples/ and scores it against the gold in Tests/, the way
/// shared/acceptance/score.py does; checks that Output/ is what a fresh run writes.
@Suite("Acceptance: Samples against gold", .serialized)
struct AcceptanceTests {
    static let run = runSamples()

    @Test("every gold cell, metadata field, section and expected check; no false alarm")
    func scoresAgainstGold() throws {
        let output = try Self.run.get()
        let score = try GoldScorer(output: output).score(goldFolder: Repository.gold)
        #expect(score.absent.isEmpty, "absent: \(score.absent)")
        #expect(score.wrongNumbers.isEmpty, "wrong numbers: \(score.wrongNumbers.joined(separator: "\n"))")
        #expect(score.wrong.isEmpty, "\(score.wrong.joined(separator: "\n"))")
        #expect(score.cells >= 700 && score.metadata >= 30)
    }

    @Test("reports.errors counts a report's error findings, reports.warnings all of them (errors included)")
    func errorsAndWarnings() throws {
        let output = try Self.run.get()
        let checks = try jsonlRows(output, "checks")
        for report in try jsonlRows(output, "reports") {
            let own = checks.filter { $0["report_id"] as? String == report["report_id"] as? String }
            #expect(report["warnings"] as? Int == own.count)
            #expect(report["errors"] as? Int == own.filter { $0["severity"] as? String == "error" }.count)
        }
        #expect(try jsonlRows(output, "reports").contains { ($0["errors"] as? Int ?? 0) > 0 })
    }

    @Test("every sample's figures against its figure gold: all found, none wrong or invented, prose quotes in the text")
    func figuresAgainstGold() throws {
        let output = try Self.run.get()
        let score = try FigureGoldScorer(output: output, input: Repository.samples)
            .score(goldFolder: Repository.gold.appendingPathComponent("figures"))
        #expect(score.expected >= 110 && score.found == score.expected, "\(score.notFound.joined(separator: "\n"))")
        #expect(score.wrong.isEmpty && score.invented.isEmpty && score.badQuotes.isEmpty,
                "\(score.wrong + score.invented + score.badQuotes)")
    }

    @Test("every sample's organ, division, level and kind as its gold says; each copy group one organ with one chosen copy")
    func identitiesAgainstGold() throws {
        let output = try Self.run.get()
        let reports = try jsonlRows(output, "reports"), organs = try jsonlRows(output, "organs")
        var groups: [String: [[String: Any]]] = [:]
        for file in try FileManager.default.contentsOfDirectory(atPath: Repository.gold.path) where file.hasSuffix(".gold.json") {
            let gold = try JSONSerialization.jsonObject(with: Data(contentsOf: Repository.gold.appendingPathComponent(file))) as! [String: Any]
            let identity = gold["identity"] as! [String: Any]
            let report = try #require(reports.first { $0["source_path"] as? String == gold["source_path"] as? String })
            guard let name = identity["name"] as? String else {
                #expect(report["organ_id"] == nil, "\(file): no organ expected")
                continue
            }
            let organ = try #require(organs.first { $0["organ_id"] as? String == report["organ_id"] as? String }, "\(file)")
            #expect(organ["name"] as? String == name, "\(file)")
            for field in ["region_code", "region_name", "level", "kind"] {
                #expect(organ[field] as? String == identity[field] as? String, "\(file) \(field)")
            }
            groups[identity["copy_group"] as! String, default: []].append(report)
        }
        for (group, members) in groups {
            #expect(Set(members.map { $0["organ_id"] as! String }).count == 1, "\(group)")
            #expect(members.filter { $0["copy_of"] == nil }.count == 1, "\(group)")
        }
        #expect(groups.count == 6)
    }

    @Test("Output/ is exactly what a fresh run over Samples/ writes")
    func committedOutputIsFresh() throws {
        let output = try Self.run.get()
        #expect(docsFileNames(output) == docsFileNames(Repository.output))
        for name in OutputWriter.fileNames + docsFileNames(output) {
            let fresh = try Data(contentsOf: output.appendingPathComponent(name))
            let committed = try Data(contentsOf: Repository.output.appendingPathComponent(name))
            #expect(fresh == committed, "Output/\(name) differs from a fresh run: run `swift run nianbao run` and commit Output/")
        }
    }

    @Test("one worker or several, the bytes are the same")
    func deterministic() throws {
        let output = try Self.run.get()
        let single = try Repository.temporaryFolder().appendingPathComponent("Output")
        try Pipeline(config: PipelineConfig(input: Repository.samples, output: single, jobs: 1)).run()
        for name in OutputWriter.fileNames + docsFileNames(output) {
            #expect(try Data(contentsOf: output.appendingPathComponent(name)) == Data(contentsOf: single.appendingPathComponent(name)), "\(name)")
        }
    }
}

/// The scoring rules of shared/acceptance/score.py, over gold files of the same format.
struct GoldScorer {
    static let applicants = ["natural_person", "commercial", "research", "social_welfare", "legal_service", "other_org", "total"]
    static let outcomes = ["upheld", "corrected", "other", "pending", "total"]
    static let consistency: Set<String> = ["t3_balance", "t3_results_sum", "t3_row_total", "t4_total"]

    let tables: [String: [[String: Any]]]

    init(output: URL) throws {
        var tables: [String: [[String: Any]]] = [:]
        for name in ["reports", "active_disclosure", "applications", "reviews_litigation", "sections", "checks"] {
            let text = try String(contentsOf: output.appendingPathComponent("\(name).jsonl"), encoding: .utf8)
            tables[name] = try text.split(separator: "\n").map {
                try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any]
            }
        }
        self.tables = tables
    }

    struct Score {
        var cells = 0, metadata = 0
        var wrong: [String] = []
        /// Cells given as a number (`reported`) that the gold has as another number, blank or missing:
        /// the worst error, counted apart as score.py does.
        var wrongNumbers: [String] = []
        var absent: [String] = []
    }

    func score(goldFolder: URL) throws -> Score {
        var score = Score()
        let files = try FileManager.default.contentsOfDirectory(atPath: goldFolder.path).filter { $0.hasSuffix(".gold.json") }.sorted()
        for file in files {
            let gold = try JSONSerialization.jsonObject(with: Data(contentsOf: goldFolder.appendingPathComponent(file))) as! [String: Any]
            let source = gold["source_path"] as! String
            guard let report = tables["reports"]!.first(where: { $0["source_path"] as? String == source }) else {
                score.absent.append(source)
                continue
            }
            let id = report["report_id"] as! String
            func rows(_ table: String) -> [[String: Any]] { tables[table]!.filter { $0["report_id"] as? String == id } }
            func judge(_ key: String, _ expected: Any, _ row: [String: Any]?) {
                if let text = expected as? String, text == "?" { return }
                score.cells += 1
                guard let row else { score.wrong.append("\(source) \(key): absent"); return }
                let status = row["status"] as? String
                var ok: Bool
                switch expected {
                case let text as String where text == "B": ok = status == "blank"
                case let text as String where text == "M": ok = status == "missing"
                case let text as String where text == "U": ok = status == "unparsed"
                case let text as String:
                    let parts = text.split(separator: "@").map(String.init)
                    ok = status == "reported" && Self.same(Double(parts[0]), row["value"]) && row["unit"] as? String == parts[1]
                default:
                    ok = status == "reported" && Self.same((expected as? NSNumber)?.doubleValue, row["value"])
                }
                if !ok { score.wrong.append("\(source) \(key): want \(expected), got \(row["value"] ?? "nil") [\(status ?? "")]") }
                if !ok && status == "reported" && (expected as? String) != "U" {
                    score.wrongNumbers.append("\(source) \(key): want \(expected), got \(row["value"] ?? "nil")")
                }
            }
            for (key, expected) in gold["active_disclosure"] as? [String: Any] ?? [:] {
                let parts = key.split(separator: "/").map(String.init)
                judge(key, expected, rows("active_disclosure").first {
                    $0["item"] as? String == parts[0] && $0["category"] as? String == parts[1] && $0["metric"] as? String == parts[2]
                })
            }
            for (row, values) in gold["applications"] as? [String: [Any]] ?? [:] {
                for (applicant, expected) in zip(Self.applicants, values) {
                    judge("\(row)/\(applicant)", expected, rows("applications").first { $0["row"] as? String == row && $0["applicant"] as? String == applicant })
                }
            }
            for (proceeding, values) in gold["reviews_litigation"] as? [String: [Any]] ?? [:] {
                for (outcome, expected) in zip(Self.outcomes, values) {
                    judge("\(proceeding)/\(outcome)", expected,
                          rows("reviews_litigation").first { $0["proceeding"] as? String == proceeding && $0["outcome"] as? String == outcome })
                }
            }
            for (field, expected) in gold["report"] as? [String: Any] ?? [:] {
                score.metadata += 1
                let got = report[field].map { "\($0)" }.flatMap { $0 == "<null>" ? nil : $0 } ?? ""
                if got.trimmingCharacters(in: .whitespaces) != "\(expected)" { score.wrong.append("\(source) report.\(field): want \(expected), got \(got)") }
            }
            let sections = Set(rows("sections").compactMap { ($0["section"] as? NSNumber)?.intValue })
            for section in gold["sections"] as? [Int] ?? [] where !sections.contains(section) {
                score.wrong.append("\(source) section \(section) absent")
            }
            let found = Set(rows("checks").map { "\($0["check"] as! String)/\($0["scope"] as! String)" })
            let wanted = Set(gold["checks"] as? [String] ?? [])
            for check in wanted.subtracting(found) { score.wrong.append("\(source) check \(check) not reported") }
            for alarm in found.subtracting(wanted) where Self.consistency.contains(String(alarm.split(separator: "/")[0])) {
                score.wrong.append("\(source) false alarm \(alarm)")
            }
        }
        return score
    }

    private static func same(_ expected: Double?, _ value: Any?) -> Bool {
        guard let expected, let got = (value as? NSNumber)?.doubleValue else { return false }
        return abs(expected - got) <= 1e-6 * max(1, abs(expected), abs(got))
    }
}

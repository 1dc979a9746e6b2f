import Foundation
@testable import NianbaoCore

/// The scoring rules of shared/acceptance/score_figures.py over figure gold of the same format
/// (`NAME.json` beside source `NAME.txt`/`.html`): found, wrong values, invented figures, quotes that
/// are not in the source.
struct FigureGoldScorer {
    struct Score {
        var expected = 0
        var found = 0
        var wrong: [String] = []
        var invented: [String] = []
        var badQuotes: [String] = []
        var notFound: [String] = []
    }

    let output: URL
    let input: URL

    func score(goldFolder: URL) throws -> Score {
        let reports = try rows("reports")
        var figures: [String: [String: [String: Any]]] = [:]
        for row in try rows("figures") where (row["period"] as? String) == "year" {
            figures[row["report_id"] as! String, default: [:]][row["figure"] as! String] = row
        }
        var score = Score()
        let goldFiles = try FileManager.default.contentsOfDirectory(atPath: goldFolder.path).filter { $0.hasSuffix(".json") }.sorted()
        for file in goldFiles {
            let gold = try JSONSerialization.jsonObject(with: Data(contentsOf: goldFolder.appendingPathComponent(file))) as! [String: Any]
            guard let wanted = gold["figures"] as? [String: [String: Any]] else { continue }
            let stem = String(file.dropLast(5))
            guard let report = reports.first(where: { (($0["source_path"] as! String) as NSString).deletingPathExtension == stem }) else {
                score.expected += wanted.count
                score.notFound.append("\(stem): absent")
                continue
            }
            let path = report["source_path"] as! String
            // The source's text in the encoding the pipeline found (a GBK page's quote is in its decoded text).
            let bytes = [UInt8](try Data(contentsOf: input.appendingPathComponent(path)))
            let text = (try? InputDecoder.decode(bytes, declared: HTMLExtractor.declaredCharset(bytes)).get().text) ?? ""
            let have = figures[report["report_id"] as! String] ?? [:]
            for (code, want) in wanted.sorted(by: { $0.key < $1.key }) {
                score.expected += 1
                let value = (want["value"] as! NSNumber).decimalValue
                guard let got = have[code], got["status"] as? String == "reported", let number = got["value"] as? NSNumber else {
                    score.notFound.append("\(stem) \(code): want \(value), got \(have[code]?["status"] ?? "nothing")")
                    continue
                }
                guard number.decimalValue == value else {
                    score.wrong.append("\(stem) \(code): want \(value), got \(number)")
                    continue
                }
                score.found += 1
                if got["method"] as? String == "prose", let quote = got["quote"] as? String, !text.contains(quote) {
                    score.badQuotes.append("\(stem) \(code): \(quote)")
                }
            }
            let unscored = gold["unscored"] as? [String: NSNumber] ?? [:]
            let notStated = gold["not_stated"] as? [String] ?? []
            for (code, got) in have where got["status"] as? String == "reported" {
                if let truth = unscored[code], (got["value"] as? NSNumber)?.decimalValue != truth.decimalValue {
                    score.wrong.append("\(stem) \(code): true value \(truth), got \(got["value"] ?? "")")
                }
                let listed = wanted[code] != nil || unscored[code] != nil
                if !listed, gold["complete"] as? Bool == true || notStated.contains(code) {
                    score.invented.append("\(stem) \(code): \(got["value"] ?? "") (\(got["quote"] ?? ""))")
                }
            }
        }
        return score
    }

    private func rows(_ table: String) throws -> [[String: Any]] { try jsonlRows(output, table) }
}

import Foundation
import Testing
@testable import NianbaoCore

/// An unchanged night is almost free (issue 25): the run proves from the listing and the manifest that
/// nothing came in, changed or went, leaves the dataset in place without rewriting it, and still writes
/// the night's summary.json.
@Suite("Unchanged night: the dataset left in place")
struct UnchangedNightTests {
    private func stamps(_ folder: URL) throws -> [String: Date] {
        var stamps: [String: Date] = [:]
        for name in OutputWriter.fileNames + docsFileNames(folder) {
            stamps[name] = try FileManager.default.attributesOfItem(atPath: folder.appendingPathComponent(name).path)[.modificationDate] as? Date
        }
        return stamps
    }

    @Test("nothing new: every dataset file keeps its bytes and its time, summary.json is the night's; one changed file writes again")
    func inPlace() throws {
        let input = try Repository.temporaryFolder()
        for name in [Seed.linyi, Seed.huaibei] { try Data(try Repository.sample(name)).write(to: input.appendingPathComponent(name)) }
        let output = try Repository.temporaryFolder().appendingPathComponent("Output")
        let first = try Pipeline(config: PipelineConfig(input: input, output: output)).run()
        let (files, times) = (try datasetFiles(output), try stamps(output))
        usleep(20_000)
        let night = try Pipeline(config: PipelineConfig(input: input, output: output)).run()
        #expect(night.parsed == 0 && night.unchanged == 2 && night.reports == first.reports && night.rejected == first.rejected)
        #expect(night.reportsWithErrors == first.reportsWithErrors && night.byTemplate == first.byTemplate)
        #expect(try datasetFiles(output) == files && stamps(output) == times)
        let summary = try JSONSerialization.jsonObject(with: Data(contentsOf: output.appendingPathComponent("summary.json"))) as! [String: Any]
        #expect(summary["started"] as? String == night.startedText)
        // A file touched (same bytes, new time) or a new one: the dataset is written again, the same bytes.
        try Data(try Repository.sample(Seed.baicheng)).write(to: input.appendingPathComponent(Seed.baicheng))
        let changed = try Pipeline(config: PipelineConfig(input: input, output: output)).run()
        #expect(changed.new == 1 && changed.reports == first.reports + 1)
        #expect(try stamps(output) != times)
    }
}

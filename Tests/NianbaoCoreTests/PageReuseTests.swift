import Foundation
import Testing
@testable import NianbaoCore

/// Pages of reports that did not change are not rendered again (issue 25): a night with one changed
/// file links the other reports' pages from the previous dataset, and the dataset is still byte for
/// byte what a full run writes.
@Suite("Report pages kept when their report did not change")
struct PageReuseTests {
    private func inode(_ url: URL) throws -> UInt64 {
        (try FileManager.default.attributesOfItem(atPath: url.path)[.systemFileNumber] as? NSNumber)?.uint64Value ?? 0
    }

    @Test("one changed file: its page is rendered, the others' are the previous pages; incremental = full")
    func unchangedPagesLinked() throws {
        let input = try Repository.temporaryFolder()
        for name in try FileManager.default.contentsOfDirectory(atPath: Repository.samples.path) {
            try FileManager.default.copyItem(at: Repository.samples.appendingPathComponent(name), to: input.appendingPathComponent(name))
        }
        let output = try Repository.temporaryFolder().appendingPathComponent("out")
        try Pipeline(config: PipelineConfig(input: input, output: output, jobs: 2)).run()
        let pages = output.appendingPathComponent("reports")
        let before = Dictionary(uniqueKeysWithValues: try FileManager.default.contentsOfDirectory(atPath: pages.path).map {
            ($0, try inode(pages.appendingPathComponent($0)))
        })
        // A legacy report gains a sentence: its report_id, rows and page change; the others' do not.
        let changed = input.appendingPathComponent("004_92fc7ff319701b04.txt")
        try (String(contentsOf: changed, encoding: .utf8) + "\n本年度共受理政府信息公开申请28件。\n").write(to: changed, atomically: true, encoding: .utf8)
        try Pipeline(config: PipelineConfig(input: input, output: output, jobs: 2)).run()
        let after = try FileManager.default.contentsOfDirectory(atPath: pages.path)
        let kept = try after.filter { before[$0] == (try inode(pages.appendingPathComponent($0))) }
        #expect(after.count == before.count && kept.count >= before.count - 3 && kept.count < after.count, "\(kept.count) of \(after.count) kept")
        #expect(try String(contentsOf: pages.appendingPathComponent(kept[0]), encoding: .utf8).contains("<meta name=\"nianbao-page\" content=\""))

        let full = try Repository.temporaryFolder().appendingPathComponent("full")
        try Pipeline(config: PipelineConfig(input: input, output: full, jobs: 2), full: true).run()
        for name in after + ["../index.html", "../reports.html"] {
            #expect(try Data(contentsOf: pages.appendingPathComponent(name)) == Data(contentsOf: full.appendingPathComponent("reports").appendingPathComponent(name)), "\(name)")
        }
    }

    @Test("pages whose figures, tables and parts the workers rendered equal the pages made from the rows read back")
    func workerBodiesEqualReadBack() throws {
        let output = try Repository.temporaryFolder().appendingPathComponent("out")
        try Pipeline(config: PipelineConfig(input: Repository.samples, output: output, jobs: 2)).run()
        // The run's scratch file of bodies is gone with the run.
        #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent(".nianbao/\(PageBodies.fileName)").path))
        let pages = output.appendingPathComponent("reports")
        let names = try FileManager.default.contentsOfDirectory(atPath: pages.path).sorted()
        let fromRun = try names.map { try Data(contentsOf: pages.appendingPathComponent($0)) }
        let index = try Data(contentsOf: output.appendingPathComponent("index.html"))
        // `nianbao docs` has no bodies: every page is made from the dataset's rows.
        try FileManager.default.removeItem(at: pages)
        try DataDocs.write(folder: output)
        #expect(try FileManager.default.contentsOfDirectory(atPath: pages.path).sorted() == names)
        for (name, bytes) in zip(names, fromRun) {
            #expect(try Data(contentsOf: pages.appendingPathComponent(name)) == bytes, "\(name)")
        }
        #expect(try Data(contentsOf: output.appendingPathComponent("index.html")) == index)
        #expect(names.count == 12)
    }

    @Test("a page body is the same bytes as the body rendered from the rows the dataset gives back", arguments: [
        "102_baicheng_2019_plain.html", "004_92fc7ff319701b04.txt", "103_yiyuan_2020_traditional.html", "107_sucheng_2009_statistics.html",
    ])
    func bodyFromRowsOfAParsedReport(sample: String) throws {
        let report = try processSample(sample)
        let body = ReportFragment(report).page
        // The committed dataset holds the same report's rows, as the docs read them back.
        func rows(_ schema: OutputSchema) -> [ReportPage.Row] {
            var table = DatasetTable(folder: Repository.output, schema: schema, skipping: schema.name == "sections" ? [DataDocs.skippedSectionColumn] : [])
            return table.rows(of: report.reportID).map { ReportPage.Row(values: $0, schema: schema) }
        }
        var page = ReportPage(report: ReportPage.Row(values: [], schema: .reports),
                              cells: [.activeDisclosure: rows(.activeDisclosure), .applications: rows(.applications),
                                      .reviewsLitigation: rows(.reviewsLitigation)],
                              sections: rows(.sections), figures: rows(.figures), checks: rows(.checks), organ: nil)
        #expect(!page.sections.isEmpty && !page.figures.isEmpty)
        page.prepareText()
        var html = HTMLText()
        page.body(&html)
        #expect(html.bytes == body.bytes)
        #expect(PageReuse.bodyDigest(of: page) == body.digest)
        #expect(body.checks == page.checks.count)
    }

    @Test("a body stands beside findings that needed other reports, not beside one that names a cell, row or column")
    func bodyStandsOrNot() {
        func finding(_ check: String, _ scope: String) -> ReportPage.Row {
            var values = [String?](repeating: nil, count: OutputSchema.checks.fields.count)
            values[ReportPage.Row.position(of: "check", in: .checks)!] = check
            values[ReportPage.Row.position(of: "scope", in: .checks)!] = scope
            return ReportPage.Row(values: values, schema: .checks)
        }
        let body = PageBodies.Entry(offset: 0, length: 0, digest: [], checks: 1)
        let own = finding("t3_row_total", "new_received")
        #expect(PageBody.stands(body, checks: [own]))
        #expect(PageBody.stands(body, checks: [own, finding("cross_year_carry", "2019-2020"), finding("copy_conflict", "r0123456789abcdef")]))
        // Findings the worker did not have, naming what a table shows: the page is made from the rows.
        #expect(!PageBody.stands(body, checks: [own, finding("some_future_check", "new_received/total")]))
        #expect(!PageBody.stands(body, checks: [own, finding("some_future_check", "carried_forward")]))
        #expect(!PageBody.stands(body, checks: [own, finding("some_future_check", "natural_person")]))
        #expect(!PageBody.stands(body, checks: []))
    }

    @Test("a copied report's page is linked on the body digest the book kept, without its cells or text read back")
    func linkedOnKeptDigest() throws {
        let manager = FileManager.default
        let previous = try Repository.temporaryFolder().appendingPathComponent("previous")
        try Pipeline(config: PipelineConfig(input: Repository.samples, output: previous, jobs: 2)).run()
        // The book's digests, as the run that parsed the reports kept them.
        let ledger = try Repository.temporaryFolder()
        let staging = ledger.appendingPathComponent("staging")
        let bodies = try PageBodies(in: staging)
        var known = 0
        var reports = DatasetTable(folder: previous, schema: .reports)
        while let values = reports.next() {
            let id = ReportPage.Row(values: values, schema: .reports)["report_id"]
            func rows(_ schema: OutputSchema) -> [ReportPage.Row] {
                var table = DatasetTable(folder: previous, schema: schema, skipping: schema.name == "sections" ? [DataDocs.skippedSectionColumn] : [])
                return table.rows(of: id).map { ReportPage.Row(values: $0, schema: schema) }
            }
            var page = ReportPage(report: ReportPage.Row(values: [], schema: .reports),
                                  cells: [.activeDisclosure: rows(.activeDisclosure), .applications: rows(.applications),
                                          .reviewsLitigation: rows(.reviewsLitigation)],
                                  sections: rows(.sections), figures: rows(.figures), checks: [], organ: nil)
            page.prepareText()
            bodies.know(id, bodyDigest: ShortDigest.hex(PageReuse.bodyDigest(of: page)))
            known += 1
        }
        // The same dataset without its cells and parts: made from the rows, every page would lose its tables.
        let folder = try Repository.temporaryFolder().appendingPathComponent("next")
        try manager.createDirectory(at: folder, withIntermediateDirectories: true)
        for name in try manager.contentsOfDirectory(atPath: previous.path) where name.hasSuffix(".jsonl") || name.hasSuffix(".csv") {
            guard !["active_disclosure", "applications", "reviews_litigation", "sections"].contains(where: name.hasPrefix) else { continue }
            try manager.copyItem(at: previous.appendingPathComponent(name), to: folder.appendingPathComponent(name))
        }
        try DataDocs.write(folder: folder, previous: previous, parserVersion: ParserVersion.current, bodies: bodies)
        let pages = try manager.contentsOfDirectory(atPath: previous.appendingPathComponent("reports").path).sorted()
        #expect(known == pages.count && known == 12)
        for name in pages {
            #expect(try Data(contentsOf: folder.appendingPathComponent("reports/\(name)")) == Data(contentsOf: previous.appendingPathComponent("reports/\(name)")), "\(name)")
        }
        #expect(try Data(contentsOf: folder.appendingPathComponent("index.html")) == Data(contentsOf: previous.appendingPathComponent("index.html")))
        // Without the kept digests the same call makes the pages from what rows there are: not the same.
        let unknown = try Repository.temporaryFolder().appendingPathComponent("unknown")
        try manager.copyItem(at: folder, to: unknown)
        try manager.removeItem(at: unknown.appendingPathComponent("reports"))
        try DataDocs.write(folder: unknown, previous: previous, parserVersion: ParserVersion.current, bodies: nil)
        let differing = try pages.filter { try Data(contentsOf: unknown.appendingPathComponent("reports/\($0)")) != Data(contentsOf: previous.appendingPathComponent("reports/\($0)")) }
        #expect(differing.count == pages.count)
    }
}


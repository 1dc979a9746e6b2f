import Foundation
import Testing
@testable import NianbaoCore

/// The data docs (issue 17): index.html and one page per report, static, self-contained and
/// deterministic, checked in headless Chromium (Debian's `chromium`, which `.ci/run` installs).
@Suite("Data docs", .serialized)
struct DocsTests {
    static let output = runSamples()

    static let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first { FileManager.default.isExecutableFile(atPath: $0) }
    /// `.ci/run` sets it: there a missing browser is a failure, not a skip.
    static let chromiumRequired = ProcessInfo.processInfo.environment["NIANBAO_REQUIRE_CHROMIUM"] == "1"

    private func summary(_ output: URL) throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(contentsOf: output.appendingPathComponent("summary.json"))) as! [String: Any]
    }

    @Test("every run writes index.html and a page per report; `nianbao docs` rewrites them byte for byte")
    func pagesWritten() throws {
        let output = try Self.output.get()
        let index = try Data(contentsOf: output.appendingPathComponent("index.html"))
        let pages = try FileManager.default.contentsOfDirectory(atPath: output.appendingPathComponent("reports").path).sorted()
        #expect(pages.count == Repository.sampleCount && pages.allSatisfy(DataDocs.isPageName))
        let before = try pages.map { try Data(contentsOf: output.appendingPathComponent("reports/\($0)")) }
        #expect(try DataDocs.write(folder: output) == pages.count)
        #expect(try Data(contentsOf: output.appendingPathComponent("index.html")) == index)
        #expect(try pages.map { try Data(contentsOf: output.appendingPathComponent("reports/\($0)")) } == before)
        // Nothing in a page asks for anything outside the dataset folder.
        for data in [index] + before {
            let text = String(decoding: data, as: UTF8.self)
            #expect(!text.contains("src=\"http") && !text.contains("href=\"http") && !text.contains("@import") && !text.contains("url("))
        }
    }

    @Test("an unchanged rerun keeps the pages it wrote (the same files, linked); a changed one keeps those of unchanged reports")
    func incrementalPages() throws {
        let input = try Repository.temporaryFolder()
        for name in [Seed.linyi, Seed.huaibei] {
            try FileManager.default.copyItem(at: Repository.samples.appendingPathComponent(name), to: input.appendingPathComponent(name))
        }
        let output = try Repository.temporaryFolder().appendingPathComponent("out")
        try Pipeline(config: PipelineConfig(input: input, output: output)).run()
        let page = output.appendingPathComponent("reports/r095fef41a66a6be8.html")
        func inode() throws -> Int { try FileManager.default.attributesOfItem(atPath: page.path)[.systemFileNumber] as! Int }
        let first = try inode(), bytes = try Data(contentsOf: page)
        try Pipeline(config: PipelineConfig(input: input, output: output)).run()
        #expect(try inode() == first && Data(contentsOf: page) == bytes)
        try FileManager.default.removeItem(at: input.appendingPathComponent(Seed.linyi))
        try Pipeline(config: PipelineConfig(input: input, output: output), allowShrink: true).run()
        // The other report went; this one's rows and page are the same: the page is kept, not rendered again.
        #expect(try inode() == first && Data(contentsOf: page) == bytes)
        #expect(try FileManager.default.contentsOfDirectory(atPath: output.appendingPathComponent("reports").path) == ["r095fef41a66a6be8.html"])
    }

    @Test("nianbao docs rewrites a dataset's pages and refuses a folder that is not a dataset, or foreign files among the pages")
    func docsCommand() throws {
        let output = try Self.output.get()
        let index = output.appendingPathComponent("index.html")
        try FileManager.default.removeItem(at: index)
        let rewritten = try NianbaoCommand.run(["docs", output.path])
        #expect(rewritten.status == 0 && rewritten.output.contains("docs of \(Repository.sampleCount) reports"))
        #expect(FileManager.default.fileExists(atPath: index.path))
        let plain = try Repository.temporaryFolder()
        try Data("notes".utf8).write(to: plain.appendingPathComponent("notes.txt"))
        let refused = try NianbaoCommand.run(["docs", plain.path])
        #expect(refused.status == 1 && refused.errors.contains("not a nianbao dataset"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: plain.path) == ["notes.txt"])
        let foreign = output.appendingPathComponent("reports/my-notes.html")
        try Data("mine".utf8).write(to: foreign)
        #expect(try NianbaoCommand.run(["docs", output.path]).status == 1)
        let run = try NianbaoCommand.run(["run", "--input", Repository.samples.path, "--output", output.path, "-q"])
        #expect(run.status != 0 && run.errors.contains("reports/my-notes.html"))
        #expect(try Data(contentsOf: foreign) == Data("mine".utf8))
        try FileManager.default.removeItem(at: foreign)
    }

    @Test("the docs read back what the writer wrote: escapes, nulls, numbers, skipped columns")
    func readsItsOwnLines() throws {
        let encoder = RowEncoder(schema: .checks)
        let tricky = "引号\"与\\反斜杠\n换行\t制表\u{1}控制 😀"
        let line = encoder.jsonLine([FieldValue("r0123456789abcdef"), FieldValue("t3_balance"), FieldValue(tricky), FieldValue("error"),
                                     FieldValue(Decimal(string: "-260.5")), .empty, FieldValue("消息")])
        let folder = try Repository.temporaryFolder()
        try Data((line + line).utf8).write(to: folder.appendingPathComponent("checks.jsonl"))
        var table = DatasetTable(folder: folder, schema: .checks, skipping: ["message"])
        let row = table.next()
        #expect(row == ["r0123456789abcdef", "t3_balance", tricky, "error", "-260.5", nil, nil])
        let second = table.next(), third = table.next()
        #expect(second == row && third == nil)
    }

    @Test("a report page marks missing, blank and unparsed cells apart from numbers; a cell's finding sits beside it")
    func cellStatuses() throws {
        let output = try Self.output.get()
        let taiyuan = String(decoding: try Data(contentsOf: output.appendingPathComponent("reports/racfb0742caec1203.html")), as: UTF8.self)
        let missing = taiyuan.components(separatedBy: "data-status=\"missing\"").count - 1
        #expect(missing == 22 + 161 + 15)   // seed 002 lost every number of its three tables
        let baicheng = String(decoding: try Data(contentsOf: output.appendingPathComponent("reports/r91f6a4e014acfcc8.html")), as: UTF8.self)
        #expect(baicheng.contains("class=\"cell reported flagged\" data-status=\"reported\" data-scope=\"litigation_direct/pending\""))
        #expect(baicheng.contains("data-status=\"missing\" data-scope=\"carried_forward/commercial\""))
        #expect(baicheng.contains("cell_note: note next to the number"))
    }

    @Test("in headless Chromium: the counts match summary.json, a missing cell is marked missing, no request leaves the machine",
          .enabled(if: chromium != nil || chromiumRequired))
    func inChromium() throws {
        let browser = try #require(Self.chromium, "chromium is not installed (.ci/run installs it)")
        let output = try Self.output.get()
        let shots = FileManager.default.temporaryDirectory.appendingPathComponent("nianbao-docs-screenshots")
        try FileManager.default.createDirectory(at: shots, withIntermediateDirectories: true)
        let summary = try summary(output)
        let files = summary["files"] as! [String: Int], reports = summary["reports"] as! [String: Any]

        let index = try render(browser, output.appendingPathComponent("index.html"), screenshot: shots.appendingPathComponent("index.png"))
        #expect(index.dom.contains("id=\"count-reports\" data-count=\"\(reports["total"] as! Int)\""))
        #expect(index.dom.contains("id=\"count-files\" data-count=\"\(files["seen"]!)\""))
        #expect(index.dom.contains("id=\"count-rejects\" data-count=\"\(files["rejected"]!)\""))
        let attentionRows = index.dom.components(separatedBy: "<tr data-report=").count - 1
        #expect(attentionRows >= reports["with_errors"] as! Int)
        #expect(index.requests.isEmpty, "\(index.requests)")

        let page = try render(browser, output.appendingPathComponent("reports/racfb0742caec1203.html"),
                              screenshot: shots.appendingPathComponent("report-racfb0742caec1203.png"))
        #expect(page.dom.contains("<td class=\"cell missing\" data-status=\"missing\""))
        #expect(page.dom.contains(">缺失</td>") && page.requests.isEmpty)
        #expect(FileManager.default.fileExists(atPath: shots.appendingPathComponent("index.png").path))
        print("screenshots: \(shots.path)")

        // The request check can fail: a page that loads an outside image is caught.
        let bad = try Repository.temporaryFolder().appendingPathComponent("bad.html")
        try Data("<html><body><img src=\"http://example.invalid/x.png\"></body></html>".utf8).write(to: bad)
        #expect(try render(browser, bad, screenshot: nil).requests == ["http://example.invalid/x.png"])
    }

    /// The DOM after scripts ran, and every request the page itself made to other than file: or data:
    /// (Chromium's own background requests carry no page origin and are left out).
    private func render(_ browser: String, _ page: URL, screenshot: URL?) throws -> (dom: String, requests: [String]) {
        let log = try Repository.temporaryFolder().appendingPathComponent("netlog.json")
        let flags = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                     "--disable-component-update", "--disable-sync", "--hide-scrollbars", "--window-size=1280,1600"]
        let dom = try run(browser, flags + ["--log-net-log=\(log.path)", "--dump-dom", page.absoluteString])
        if let screenshot { _ = try run(browser, flags + ["--screenshot=\(screenshot.path)", page.absoluteString]) }
        let netlog = try JSONSerialization.jsonObject(with: Data(contentsOf: log)) as! [String: Any]
        var requests: [String] = []
        for event in netlog["events"] as? [[String: Any]] ?? [] {
            guard let params = event["params"] as? [String: Any], let initiator = params["initiator"] as? String,
                  initiator != "not an origin", let url = params["url"] as? String,
                  !url.hasPrefix("file:"), !url.hasPrefix("data:"), !requests.contains(url) else { continue }
            requests.append(url)
        }
        return (dom, requests)
    }

    private func run(_ executable: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}

import Foundation
import Testing
@testable import NianbaoCore

/// Every HTML sample as crawlers and converters turn it into text (Fixtures/captures, made by
/// scripts/make-captures.py with BeautifulSoup, w3m, html2text, Chromium and pdftotext): never a wrong
/// number; the captures that keep the table's layout give the page's cells; every capture keeps its
/// metadata and its parts' text.
@Suite("Capture matrix: every common text capture of the HTML samples")
struct CaptureMatrixTests {
    static let samples = ["101_linyi_2020_word", "102_baicheng_2019_plain", "103_yiyuan_2020_traditional", "104_linyi_2020_gbk",
                          "105_baicheng_2019_chrome"]
    static let kinds = ["gettext-empty", "gettext-newline", "gettext-space", "w3m", "markdown", "pdf-layout", "pdf-raw", "pdf-paged",
                        "gb18030", "oneline", "closed-cells", "closed-rows", "stripped", "tabs", "tabs-stripped"]

    struct Tally: Equatable, CustomStringConvertible {
        var same = 0, unparsed = 0, missing = 0, other = 0, wrong = 0
        var description: String { "same \(same), unparsed \(unparsed), missing \(missing), other \(other), wrong \(wrong)" }
    }

    private func capture(_ sample: String, _ kind: String) throws -> ParsedReport {
        let bytes = [UInt8](try Data(contentsOf: Repository.fixtures.appendingPathComponent("captures/\(sample).\(kind).txt")))
        let outcome = sharedConverters.with { FileProcessor(converters: $0, maxFileBytes: 1 << 30).process(bytes: bytes, sourcePath: "\(sample).\(kind).txt") }
        guard case .report(let report) = outcome else { throw TestFailure("\(sample).\(kind) was rejected: \(outcome)") }
        return report.parsed
    }

    /// The capture's cells against the page's: a `reported` value the page does not have is wrong.
    static func tally(_ capture: ParsedReport, against page: ParsedReport) -> (Tally, [String]) {
        var tally = Tally()
        var wrong: [String] = []
        let captured = Dictionary(capture.cells.map { ("\($0.table.rawValue)/\($0.scopeName)", $0) }, uniquingKeysWith: { first, _ in first })
        for cell in page.cells {
            guard let other = captured["\(cell.table.rawValue)/\(cell.scopeName)"] else { tally.other += 1; continue }
            if other.status == .reported && (cell.status != .reported || other.value != cell.value) {
                tally.wrong += 1
                wrong.append("\(cell.scopeName): page \(cell.status) \(cell.value.map { "\($0)" } ?? ""), capture \(other.value.map { "\($0)" } ?? "")")
            } else if other.status == cell.status && other.value == cell.value {
                tally.same += 1
            } else if other.status == .unparsed {
                tally.unparsed += 1
            } else if other.status == .missing {
                tally.missing += 1
            } else {
                tally.other += 1
            }
        }
        return (tally, wrong)
    }

    @Test("no capture of any sample gives a wrong number; a cell not read is unparsed or missing with a finding",
          arguments: kinds)
    func noWrongNumber(kind: String) throws {
        for sample in Self.samples {
            let page = try processSample("\(sample).html").parsed
            let captured = try capture(sample, kind)
            let (tally, wrong) = Self.tally(captured, against: page)
            #expect(wrong.isEmpty, "\(sample).\(kind): \(wrong)")
            if tally.unparsed + tally.missing > 0 {
                let structural = ["row_short", "cells_joined", "extra_cells", "cells_missing", "table_missing", "rule_skipped"]
                #expect(captured.findings.contains { structural.contains($0.check) }, "\(sample).\(kind): cells not read without a finding")
            }
        }
    }

    @Test("w3m's boxes, Markdown pipe tables, cells closed by pipes and pdftotext -layout give exactly the page's cells",
          arguments: ["w3m", "markdown", "pdf-layout", "pdf-paged", "closed-cells", "closed-rows", "tabs"])
    func layoutKeepingCaptures(kind: String) throws {
        for sample in Self.samples {
            let (tally, _) = Self.tally(try capture(sample, kind), against: try processSample("\(sample).html").parsed)
            #expect(tally == Tally(same: 198), "\(sample).\(kind): \(tally)")
        }
    }

    @Test("pdftotext of the printed page, also with its running header and footer: the cells read so far")
    func pdfCaptures() throws {
        // Cells the PDF captures do not give yet are unparsed or missing, never wrong; these counts
        // may only go up (pdftotext -layout gives them all; -raw loses the positions of empty cells).
        let layout = ["101_linyi_2020_word": 198, "102_baicheng_2019_plain": 198, "103_yiyuan_2020_traditional": 198,
                      "104_linyi_2020_gbk": 198, "105_baicheng_2019_chrome": 198]
        let expected: [String: [String: Int]] = [
            "pdf-layout": layout, "pdf-paged": layout,
            "pdf-raw": ["101_linyi_2020_word": 198, "102_baicheng_2019_plain": 173, "103_yiyuan_2020_traditional": 195,
                        "104_linyi_2020_gbk": 195, "105_baicheng_2019_chrome": 173],
        ]
        for (kind, counts) in expected {
            for (sample, count) in counts {
                let (tally, _) = Self.tally(try capture(sample, kind), against: try processSample("\(sample).html").parsed)
                #expect(tally.same >= count, "\(sample).\(kind): \(tally)")
            }
        }
    }

    @Test("every capture keeps the page's title, organ, year and date, and its parts' text", arguments: kinds)
    func metadataAndText(kind: String) throws {
        for sample in Self.samples {
            let page = try processSample("\(sample).html").parsed
            let captured = try capture(sample, kind)
            // html2text writes the Word page's year `<span>20</span><span>20</span>` as `20 20`: a
            // year the capture no longer prints.
            if !(kind == "markdown" && sample.hasPrefix("101")) {
                // A capture may drop a page field that named the publisher again (发布机构 of a field
                // table): the names seen may be fewer, the organ and its identity are the same.
                var metadata = captured.metadata, pageMetadata = page.metadata
                metadata.organNames = []
                pageMetadata.organNames = []
                #expect(metadata == pageMetadata, "\(sample).\(kind)")
                #expect(captured.organ.organID == page.organ.organID && captured.organ.regionCode == page.organ.regionCode)
            }
            #expect(captured.sections.filter { $0.number > 0 }.map(\.number) == page.sections.filter { $0.number > 0 }.map(\.number),
                    "\(sample).\(kind)")
            let pageText = page.sections.reduce(0) { $0 + $1.textSimplified.count }
            let capturedText = captured.sections.reduce(0) { $0 + $1.textSimplified.count }
            #expect(capturedText * 100 >= pageText * 95, "\(sample).\(kind): \(capturedText) of \(pageText) characters")
        }
    }
}

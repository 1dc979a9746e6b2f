import Foundation
import Testing
@testable import NianbaoCore

@Suite("Extract: bytes to paragraphs and tables")
struct ExtractTests {
    @Test("UTF-8 with and without a byte-order mark")
    func utf8() throws {
        let plain = try Repository.sample(Seed.baicheng)
        guard case .success(let decoded) = InputDecoder.decode(plain) else { throw TestFailure("not decoded") }
        #expect(decoded.encoding == "utf-8")
        guard case .success(let marked) = InputDecoder.decode([0xEF, 0xBB, 0xBF] + plain) else { throw TestFailure("not decoded") }
        #expect(marked.encoding == "utf-8-bom")
        #expect(marked.text == decoded.text)
    }

    @Test("GB18030, Big5 and UTF-16 copies of seed fragments decode to the seed's text")
    func legacyEncodings() throws {
        let baichengHead = try Repository.sampleLines(Seed.baicheng, 1...12) + "\n"
        let gb = [UInt8](try Data(contentsOf: Repository.fixtures.appendingPathComponent("001_head.gb18030.txt")))
        guard case .success(let fromGB) = InputDecoder.decode(gb) else { throw TestFailure("GB18030 copy not decoded") }
        #expect(fromGB.encoding == "gb18030")
        #expect(fromGB.text == baichengHead)

        let utf16 = [UInt8](try Data(contentsOf: Repository.fixtures.appendingPathComponent("001_head.utf16le.txt")))
        guard case .success(let fromUTF16) = InputDecoder.decode(utf16) else { throw TestFailure("UTF-16 copy not decoded") }
        #expect(fromUTF16.encoding == "utf-16le")
        #expect(fromUTF16.text == baichengHead.replacingOccurrences(of: "\n", with: "\r\n"))

        let big5 = [UInt8](try Data(contentsOf: Repository.fixtures.appendingPathComponent("002_head.big5.txt")))
        guard case .success(let fromBig5) = InputDecoder.decode(big5) else { throw TestFailure("Big5 copy not decoded") }
        #expect(fromBig5.encoding == "big5")
        #expect(fromBig5.text.hasPrefix("根據\n《中華人民共和國政府信息公開條例》"))
    }

    @Test("UTF-8 cut in the middle of a character (a truncated download) is still read as UTF-8")
    func truncatedUTF8() throws {
        let seed = try Repository.sample(Seed.baicheng)
        let cut = Array(seed.prefix(4000))
        let strict = String(validating: cut, as: UTF8.self)
        #expect(strict == nil)
        guard case .success(let decoded) = InputDecoder.decode(cut) else { throw TestFailure("not decoded") }
        let encoding = decoded.encoding
        #expect(encoding == "utf-8")
        // Everything before the cut character is the seed's text; the cut character is U+FFFD.
        let whole = try #require(String(validating: cut.dropLast(2), as: UTF8.self))
        let same = decoded.text == whole + "\u{FFFD}"
        #expect(same)
    }

    @Test("HTML is told from text by its start, in any letter case or UTF-16; the extension only decides for markup")
    func formatSniffing() throws {
        let page = try Data(contentsOf: Repository.samples.appendingPathComponent("102_baicheng_2019_plain.html"))
        #expect(FormatSniffer.format(of: [UInt8](page), path: "report.txt") == .html)
        #expect(FormatSniffer.format(of: Array("<!DOCTYPE HTML><P>年度报告".utf8), path: "a.txt") == .html)
        #expect(FormatSniffer.format(of: Array("<Table><tr><td>1</td></tr></Table>".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }), path: "a") == .html)
        let seed = try Repository.sample(Seed.baicheng)
        #expect(FormatSniffer.format(of: seed, path: "report.html") == .text)
        #expect(FormatSniffer.format(of: Array("<p>一、总体情况</p>".utf8), path: "page.HTM") == .html)
        #expect(FormatSniffer.format(of: Array("<p>一、总体情况</p>".utf8), path: "page.txt") == .text)
        // A marker past the first KiB is not looked for.
        #expect(FormatSniffer.format(of: Array((String(repeating: "报", count: 400) + "<html>").utf8), path: "a.txt") == .text)
    }

    @Test("empty and binary files are refused with a reason")
    func refusals() {
        #expect(InputDecoder.decode([]) == .failure(.empty))
        #expect(InputDecoder.decode([0x0A, 0x20, 0x0D, 0x0A]) == .failure(.empty))
        #expect(InputDecoder.decode([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48]) == .failure(.binary))
    }

    @Test("one paragraph per non-empty line, with its line number; CRLF and LF alike")
    func lines() throws {
        let fragment = try Repository.sampleLines(Seed.linyi, 60...70)
        for text in [fragment, fragment.replacingOccurrences(of: "\n", with: "\r\n")] {
            let document = TextExtractor.extract(text, encoding: "utf-8")
            let paragraphs = document.blocks.compactMap { block -> Paragraph? in
                if case .paragraph(let paragraph) = block { return paragraph }
                return nil
            }
            #expect(paragraphs.map(\.text) == ["二、主动公开政府信息情况", "第二十条第(一)项", "信息内容", "本年新制作数量", "本年新", "公开数量"])
            #expect(paragraphs.map(\.location) == [.line(1), .line(3), .line(5), .line(7), .line(9), .line(11)])
        }
    }

    @Test("a pipe skeleton becomes a table whose lost cells are left out (seed 002)")
    func pipeSkeleton() throws {
        let fragment = try Repository.sampleLines(Seed.taiyuan, 29...37)
        let document = TextExtractor.extract(fragment, encoding: "utf-8")
        let tables = document.blocks.compactMap { block -> ExtractedTable? in
            if case .table(let table) = block { return table }
            return nil
        }
        #expect(tables.count == 1)
        #expect(tables[0].rows.map { $0.map(\.text) } == [
            ["(本列數據的勾稽關係為:第一項加第二項之和,等於第三項加第四項之和)"],
            ["(二)部分公開(區分處理的,只計這一情形,不計其他情形)"],
        ])
        #expect(tables[0].rows[1][0].location == .line(8))
    }

    @Test("crawler markers for images and bookmarks are dropped (seed 003)")
    func crawlerMarkers() throws {
        let line = try Repository.sampleLines(Seed.yiyuan, 18...18)
        #expect(line.hasPrefix("[image: ]"))
        #expect(CrawlerArtifacts.strip(line).trimmingCharacters(in: .whitespaces) == "（3）推进行政执法信息公开。")
    }
}

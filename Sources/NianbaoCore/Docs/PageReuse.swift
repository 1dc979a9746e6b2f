import Crypto
import Foundation

/// A report page depends only on its rows (the report's, its cells', parts', figures', checks', its
/// organ's), the copies it links and how pages are made: the digest of all of them is written into
/// the page, and a page whose digest the previous dataset's page already carries is that page, linked
/// rather than rendered again (an unchanged report on a night with a few changed ones).
enum PageReuse {
    static let metaName = "nianbao-page"

    /// SHA-256 over every value that goes into the page, each set off from the next, null apart from
    /// empty; its first 16 hex digits. What the report's own rows show (`bodyDigest`) enters as its
    /// digest, so that a page whose body was rendered by the worker (`PageBody`) gets the same digest.
    static func digest(of page: ReportPage, bodyDigest: [UInt8]? = nil, parserVersion: String) -> String {
        var bytes = DigestInput()
        bytes.add(DataDocs.version)
        bytes.add(parserVersion)
        page.report.values.forEach { bytes.add($0) }
        bytes.bytes.append(contentsOf: bodyDigest ?? Self.bodyDigest(of: page))
        bytes.add(page.checks)
        bytes.add(page.organ.map { [$0] } ?? [])
        page.copies.forEach { bytes.add($0) }
        return ShortDigest.hex(SHA256.hash(data: bytes.bytes).prefix(8))
    }

    /// SHA-256 over what the report's own rows put on its page: its cells, its parts as shown (their
    /// rows without the text, and what of the text the page shows), its figures.
    static func bodyDigest(of page: ReportPage) -> [UInt8] {
        var bytes = DigestInput()
        for kind in [TableKind.activeDisclosure, .applications, .reviewsLitigation] { bytes.add(page.cells[kind] ?? []) }
        let text = ReportPage.Row.position(of: "text", in: .sections), simplified = ReportPage.Row.position(of: "text_simplified", in: .sections)
        bytes.add(String(page.sections.count))
        for section in page.sections {
            for (column, value) in section.values.enumerated() where column != text && column != simplified { bytes.add(value) }
        }
        page.shown.characters.forEach { bytes.add(String($0)) }
        for context in page.shown.contexts {
            bytes.add(context?.before)
            bytes.add(context?.after)
        }
        bytes.add(page.figures)
        return Array(SHA256.hash(data: bytes.bytes))
    }

    /// Values gathered into one buffer and hashed in one call: thousands of small updates cost more.
    private struct DigestInput {
        var bytes: [UInt8] = []

        init() { bytes.reserveCapacity(65_536) }

        mutating func add(_ text: String?) {
            guard var text else { bytes.append(0x01); return }
            text.withUTF8 { bytes.append(contentsOf: $0) }
            bytes.append(0x1F)
        }

        mutating func add(_ rows: [ReportPage.Row]) {
            add(String(rows.count))
            for row in rows { row.values.forEach { add($0) } }
        }
    }


    /// Whether the page at `url` carries `digest` (read from its first bytes).
    static func carries(_ url: URL, digest: String) -> Bool {
        guard let handle = FileHandle(forReadingAtPath: url.path) else { return false }
        defer { try? handle.close() }
        guard let head = try? handle.read(upToCount: 1024) else { return false }
        let marker = Array("<meta name=\"\(metaName)\" content=\"\(digest)\">".utf8)
        return [UInt8](head).withUnsafeBufferPointer { head in marker.withUnsafeBufferPointer { ByteSearch.contains(head, $0) } }
    }

    /// Links (or else copies) the previous page into place.
    static func link(_ previous: URL, to page: URL) -> Bool {
        (try? FileManager.default.linkItem(at: previous, to: page)) != nil || (try? FileManager.default.copyItem(at: previous, to: page)) != nil
    }
}

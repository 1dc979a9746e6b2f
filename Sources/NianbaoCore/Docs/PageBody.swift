#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// The part of a report's page that the report's own rows decide (its figures in their sentences,
/// the three tables, the parts), rendered by the worker that parsed the report while its rows are in
/// memory. The docs then read neither its cells nor its text back: they add what needs the whole
/// dataset (the metadata with its organ and copies, the findings, the digest) around these bytes.
/// The bytes are what `ReportPage` renders from the rows read back, by construction: the same rows
/// (as the dataset's JSON Lines give them back) go through the same code.
struct PageBody: Sendable {
    let bytes: [UInt8]
    /// `PageReuse.bodyDigest` of the page.
    let digest: [UInt8]
    /// How many findings its tables were flagged with: the report's own. The body stands for the
    /// report only while the dataset's checks of it are these (no finding that needed other reports).
    let checks: Int

    /// `rows`: by output table name, the report's rows of the cell tables, sections, figures and
    /// checks, in the order they are written.
    init(rows: [String: [[FieldValue]]]) {
        func read(_ schema: OutputSchema, skipping: String? = nil) -> [ReportPage.Row] {
            let skipped = skipping.flatMap { ReportPage.Row.position(of: $0, in: schema) }
            return (rows[schema.name] ?? []).map { values in
                ReportPage.Row(values: values.enumerated().map { $0 == skipped ? nil : Self.readBack($1) }, schema: schema)
            }
        }
        var page = ReportPage(report: ReportPage.Row(values: [], schema: .reports),
                              cells: Dictionary(uniqueKeysWithValues: ReportPage.tableTitles.map { ($0.0, read(OutputSchema.forTable($0.0))) }),
                              sections: read(.sections, skipping: DataDocs.skippedSectionColumn), figures: read(.figures),
                              checks: read(.checks), organ: nil)
        page.prepareText()
        var html = HTMLText(capacity: 32_768)
        page.body(&html)
        bytes = html.bytes
        digest = PageReuse.bodyDigest(of: page)
        checks = page.checks.count
    }

    /// Whether a body stands for the report whose checks rows are `checks`: its tables were flagged
    /// with the report's own findings, which come first; a finding that needed other reports
    /// (`cross_year_carry` names two years, `copy_conflict` a report) can flag no cell, and should one
    /// ever name a table's row, column or cell, the page is made from the rows instead.
    static func stands(_ body: PageBodies.Entry, checks: [ReportPage.Row]) -> Bool {
        checks.count >= body.checks && checks.dropFirst(body.checks).allSatisfy { finding in
            let scope = finding["scope"]
            return !scope.contains("/") && !tableCodes.contains(scope)
        }
    }

    /// Every code a table's block, row or column may have (a finding scoped so flags cells).
    private static let tableCodes: Set<String> = Set([
        "active_disclosure.item", "active_disclosure.category", "active_disclosure.metric", "applications.row",
        "applications.applicant", "reviews_litigation.proceeding", "reviews_litigation.outcome",
    ].flatMap(Codebook.codes))

    /// A value as the dataset's JSON Lines give it back (`FlatJSONLines`): numbers as their text.
    static func readBack(_ value: FieldValue) -> String? {
        switch value {
        case .text(let text): return text
        case .integer(let integer): return String(integer)
        case .number(let number): return FieldValue.plain(number)
        case .empty: return nil
        }
    }
}

/// The page bodies of a run's parsed reports, kept in one scratch file of the staging folder (memory
/// stays flat) and found by report_id: appended by the run's writer, read by the docs' workers.
final class PageBodies: @unchecked Sendable {
    struct Entry: Sendable {
        var offset: Int
        var length: Int
        var digest: [UInt8]
        var checks: Int
    }

    static let fileName = "page-bodies"
    let url: URL
    private let descriptor: Int32
    private var end = 0
    private var entries: [String: Entry] = [:]

    /// A new scratch file in the staging folder's `.nianbao`.
    init(in staging: URL) throws {
        url = staging.appendingPathComponent(".nianbao").appendingPathComponent(Self.fileName)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        descriptor = open(url.path, O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw FileBytes.Failure(path: url.path, operation: "open", code: errno) }
    }

    deinit { close(descriptor) }

    /// Appends a report's body (the writer's thread only).
    func add(_ body: PageBody, reportID: String) throws {
        var written = 0
        try body.bytes.withUnsafeBytes { bytes in
            while written < bytes.count {
                let count = pwrite(descriptor, bytes.baseAddress! + written, bytes.count - written, off_t(end + written))
                if count < 0 && errno == EINTR { continue }
                guard count > 0 else { throw FileBytes.Failure(path: url.path, operation: "write", code: errno) }
                written += count
            }
        }
        entries[reportID] = Entry(offset: end, length: body.bytes.count, digest: body.digest, checks: body.checks)
        end += body.bytes.count
    }

    /// A report's entry; nil when its page was not rendered in this run (its rows were copied).
    func entry(_ reportID: String) -> Entry? { entries[reportID] }

    /// The body digests of the reports whose rows this run copied, as the run that parsed them kept
    /// them in the book: what their pages show of their own rows, known without reading them back.
    private var known: [String: [UInt8]] = [:]

    func know(_ reportID: String, bodyDigest hex: String?) {
        guard entries[reportID] == nil, let hex, let digest = ShortDigest.bytes(ofHex: hex) else { return }
        known[reportID] = digest
    }

    func knownDigest(_ reportID: String) -> [UInt8]? { known[reportID] }

    /// A body's bytes (any thread).
    func bytes(of entry: Entry) throws -> [UInt8] {
        var failure: Int32 = 0
        let bytes = [UInt8](unsafeUninitializedCapacity: entry.length) { buffer, initialized in
            initialized = 0
            while initialized < entry.length {
                let count = pread(descriptor, buffer.baseAddress! + initialized, entry.length - initialized, off_t(entry.offset + initialized))
                if count < 0 && errno == EINTR { continue }
                if count <= 0 { failure = count < 0 ? errno : EIO; break }
                initialized += count
            }
        }
        if failure != 0 { throw FileBytes.Failure(path: url.path, operation: "read", code: failure) }
        return bytes
    }

    /// The scratch file goes once the pages are written (it is no part of the dataset).
    func remove() { try? FileManager.default.removeItem(at: url) }
}

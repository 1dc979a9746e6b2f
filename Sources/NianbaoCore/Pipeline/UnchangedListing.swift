import GRDB

/// What the book of files tells about an unchanged night (`UnchangedNight`): the listing against the
/// previous manifest, and whether every previous report would be copied as it is.
extension RunLedger {
    /// Whether this run's listing is the previous run's exactly: no file new, changed, deleted or
    /// touched (size and time as recorded), and no content whose last outcome asks to be tried again
    /// (a read that failed, a file past its time limit). Then the previous dataset is this run's.
    func isUnchangedListing() throws -> Bool {
        try database.read { db in
            try Bool.fetchOne(db, sql: """
                SELECT NOT EXISTS (SELECT 1 FROM file WHERE change IS NOT 'unchanged')
                   AND NOT EXISTS (SELECT 1 FROM previous.file p WHERE NOT EXISTS (SELECT 1 FROM main.file f WHERE f.path = p.path))
                   AND NOT EXISTS (SELECT 1 FROM file f JOIN previous.file p ON p.path = f.path WHERE f.size != p.size OR f.modified != p.modified)
                   AND NOT EXISTS (SELECT 1 FROM previous.file p WHERE p.sha256 != '' AND p.reject IS NOT NULL AND p.verdict = 0)
                """) ?? false
        }
    }

    /// Whether every report of the previous run would be copied as it is: parsed under its template's
    /// current description, its rows inside the previous files (`sizes`).
    func previousReportsAreCurrent(sizes: [String: Int64]) throws -> Bool {
        try database.read { db in
            let templates = try Row.fetchAll(db, sql: "SELECT DISTINCT template, template_fingerprint FROM previous.report")
            guard templates.allSatisfy({ ParserVersion.isCurrent($0["template_fingerprint"], of: $0["template"]) }) else { return false }
            let spans = try String.fetchCursor(db, sql: "SELECT spans FROM previous.report")
            while let encoded = try spans.next() {
                guard let decoded = RowSpan.decode(encoded), decoded.allSatisfy({ span in
                    OutputWriter.rowFileNames.contains(span.file) && sizes[span.file].map { span.offset + span.length <= $0 } == true
                }) else { return false }
            }
            return true
        }
    }

    /// Every listed path, for the run's per-file log.
    func forEachListedPath(_ body: (String) throws -> Void) throws {
        try database.read { db in
            let paths = try String.fetchCursor(db, sql: "SELECT path FROM file ORDER BY id")
            while let path = try paths.next() { try body(path) }
        }
    }
}

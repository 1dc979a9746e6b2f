import CLibXML2
import Foundation

/// Small readers over libxml2's tree: names, attributes, text, rows and cells.
enum DOM {
    /// class or id words of navigation, breadcrumbs, share and print bars, footers and QR codes.
    static let chromeWords = ["nav", "menu", "breadcrumb", "crumb", "footer", "share", "toolbar", "qrcode", "erweima", "ewm",
                              "print", "fontsize", "topbar", "position", "location", "weizhi", "dqwz", "crawler"]

    /// An attribute's value, read from the node's attribute list (nothing to free).
    static func attribute(_ node: xmlNodePtr, _ name: String) -> String? {
        var property = node.pointee.properties
        while let current = property {
            if let attributeName = current.pointee.name, isName(attributeName, name.utf8) {
                var value = ""
                var child = current.pointee.children
                while let text = child {
                    if let content = text.pointee.content { value += String(cString: content) }
                    child = text.pointee.next
                }
                return value
            }
            property = current.pointee.next
        }
        return nil
    }

    /// Whether libxml2's NUL-terminated name is `name` (lowercase ASCII, no NUL) in any letter case.
    /// A shorter name differs at its terminator and is never read past.
    @inline(__always)
    static func isName(_ cString: UnsafePointer<xmlChar>, _ name: some Sequence<UInt8>) -> Bool {
        var index = 0
        for byte in name {
            let other = cString[index]
            guard other == byte || (other >= 0x41 && other <= 0x5A && other | 0x20 == byte) else { return false }
            index += 1
        }
        return cString[index] == 0
    }

    /// A `rowspan` or `colspan`, clamped to what real tables use.
    static func span(_ cell: xmlNodePtr, _ name: String) -> Int {
        guard let text = attribute(cell, name)?.trimmingSpaces(), let value = Int(text.prefix { $0.isNumber }) else { return 1 }
        return min(max(value, 1), 200)
    }

    /// A container of page chrome, by its class or id; never one that holds a table or much text.
    static func isChromeContainer(_ node: xmlNodePtr, kind: ElementKind) -> Bool {
        guard node.pointee.properties != nil, kind.contains(.container) else { return false }
        let words = ((attribute(node, "class") ?? "") + " " + (attribute(node, "id") ?? "")).lowercased()
        guard chromeWords.contains(where: words.containsBytes) else { return false }
        // Scalars, not Characters: in Chinese text they agree, and grapheme breaking costs far more.
        return !containsTable(node, depth: 0) && allText(node).hasAtMost(299)
    }

    private static func containsTable(_ node: xmlNodePtr, depth: Int) -> Bool {
        guard depth < 64 else { return false }
        var child = node.pointee.children
        while let current = child {
            if current.pointee.type == XML_ELEMENT_NODE && (ElementKind.of(current).contains(.table) || containsTable(current, depth: depth + 1)) {
                return true
            }
            child = current.pointee.next
        }
        return false
    }

    /// The `tr` of a table, through `thead`, `tbody` and `tfoot`, not those of nested tables.
    static func rows(of table: xmlNodePtr) -> [xmlNodePtr] {
        var rows: [xmlNodePtr] = []
        var child = table.pointee.children
        while let current = child {
            if current.pointee.type == XML_ELEMENT_NODE {
                let kind = ElementKind.of(current)
                if kind.contains(.row) {
                    rows.append(current)
                } else if kind.contains(.rowGroup) {
                    rows += self.rows(of: current)
                }
            }
            child = current.pointee.next
        }
        return rows
    }

    static func cells(of row: xmlNodePtr) -> [xmlNodePtr] {
        var cells: [xmlNodePtr] = []
        var child = row.pointee.children
        while let current = child {
            if current.pointee.type == XML_ELEMENT_NODE, ElementKind.of(current).contains(.cell) { cells.append(current) }
            child = current.pointee.next
        }
        return cells
    }

    /// A cell's text: Word's runs and paragraphs joined without inventing spaces; nested tables are
    /// handed back to be read as tables of their own.
    static func cellText(_ cell: xmlNodePtr, nestedTables: inout [xmlNodePtr]) -> String {
        var text = InlineText()
        collect(cell, into: &text, nestedTables: &nestedTables, depth: 0)
        return text.text
    }

    /// All text below a node, scripts and styles aside.
    static func allText(_ node: xmlNodePtr) -> String {
        var text = InlineText()
        var ignored: [xmlNodePtr] = []
        collect(node, into: &text, nestedTables: &ignored, depth: 0)
        return text.text
    }

    private static func collect(_ node: xmlNodePtr, into text: inout InlineText, nestedTables: inout [xmlNodePtr], depth: Int) {
        guard depth < DOMWalker.maximumDepth else { return }
        var child = node.pointee.children
        while let current = child {
            switch current.pointee.type {
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if let content = current.pointee.content { text.append(content) }
            case XML_ELEMENT_NODE:
                let kind = ElementKind.of(current)
                if kind.contains(.table) {
                    nestedTables.append(current)
                } else if !kind.contains(.skipped) {
                    collect(current, into: &text, nestedTables: &nestedTables, depth: depth + 1)
                }
            default:
                break
            }
            child = current.pointee.next
        }
    }
}

/// Text gathered from inline runs, as UTF-8 bytes. White space is collapsed as a browser would, except
/// that a space between two Chinese characters (a line break in Word's markup) is dropped: Chinese has none.
struct InlineText {
    private var buffer: [UInt8] = []
    private var pendingSpace = false

    var isEmpty: Bool { buffer.isEmpty }

    mutating func append(_ run: String) {
        var run = run
        run.withUTF8 { append($0) }
    }

    /// Appends a text node's content straight from libxml2's buffer.
    mutating func append(_ content: UnsafePointer<xmlChar>) {
        append(UnsafeBufferPointer(start: content, count: strlen(UnsafeRawPointer(content).assumingMemoryBound(to: CChar.self))))
    }

    /// Copies the spans between white space whole. A collapsed space is kept only where a Latin letter
    /// or digit stands on either side (the last byte of the text so far, or the first of the next span).
    mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        var index = 0
        var spanStart = 0
        while index <= bytes.count {
            // Only a byte below 0x21 or a lead byte C2, E1 or E2 can start white space.
            index = ByteWords.skipUnflagged(bytes, from: index) { word in
                ByteWords.below(0x21, in: word) | ByteWords.equal(0xC2, in: word) | ByteWords.equal(0xE1, in: word)
                    | ByteWords.equal(0xE2, in: word)
            }
            let space = index < bytes.count ? Self.spaceLength(bytes, at: index) : -1
            if space == 0 {
                // No white space starts inside a scalar: step over the whole of it (Han text: 3 bytes).
                index = min(index + TextScanning.scalarLength(lead: bytes[index]), bytes.count)
                continue
            }
            if spanStart < index {
                if pendingSpace && (buffer.last! < 0x80 || bytes[spanStart] < 0x80) { buffer.append(0x20) }
                pendingSpace = false
                buffer.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[spanStart..<index]))
            }
            guard space > 0 else { return }
            pendingSpace = !buffer.isEmpty
            index += space
            spanStart = index
        }
    }

    /// The length of the collapsible white space (all of Unicode's but U+00A0 and U+3000) that starts
    /// at `index`, 0 when none does.
    @inline(__always)
    static func spaceLength(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
        let byte = bytes[index]
        if byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) { return 1 }
        guard byte == 0xC2 || byte == 0xE1 || byte == 0xE2, index + 1 < bytes.count else { return 0 }
        let second = bytes[index + 1]
        if byte == 0xC2 { return second == 0x85 ? 2 : 0 }
        guard index + 2 < bytes.count else { return 0 }
        let third = bytes[index + 2]
        switch (byte, second) {
        case (0xE1, 0x9A): return third == 0x80 ? 3 : 0
        case (0xE2, 0x80): return third >= 0x80 && third <= 0x8A || third == 0xA8 || third == 0xA9 || third == 0xAF ? 3 : 0
        case (0xE2, 0x81): return third == 0x9F ? 3 : 0
        default: return 0
        }
    }

    /// The text, trimmed, non-breaking and ideographic spaces kept inside but not at the ends.
    var text: String { String(decoding: buffer, as: UTF8.self).trimmingSpaces() }
}

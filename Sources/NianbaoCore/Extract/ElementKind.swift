import CLibXML2

/// What the extractor needs to know of an HTML element, by name. The walker asks for every element of
/// every page, so the answer is looked up from libxml2's name bytes, without making a `String`.
struct ElementKind: OptionSet, Sendable {
    let rawValue: UInt16

    /// Content that is never report text.
    static let skipped = ElementKind(rawValue: 1 << 0)
    /// Starts and ends a paragraph.
    static let block = ElementKind(rawValue: 1 << 1)
    /// May wrap page chrome on real sites (told by its class or id).
    static let container = ElementKind(rawValue: 1 << 2)
    static let table = ElementKind(rawValue: 1 << 3)
    /// `thead`, `tbody`, `tfoot`: rows are looked for inside.
    static let rowGroup = ElementKind(rawValue: 1 << 4)
    static let row = ElementKind(rawValue: 1 << 5)
    static let cell = ElementKind(rawValue: 1 << 6)
    static let head = ElementKind(rawValue: 1 << 7)
    static let lineBreak = ElementKind(rawValue: 1 << 8)
    static let title = ElementKind(rawValue: 1 << 9)
    static let meta = ElementKind(rawValue: 1 << 10)
    static let link = ElementKind(rawValue: 1 << 11)

    /// Every element name with a role, lowercase as libxml2's HTML parser gives them. Unlisted
    /// elements (`span`'s inline kin, Word's `o:p`) are inline text.
    private static let names: [String: ElementKind] = {
        var names: [String: ElementKind] = [:]
        func mark(_ kind: ElementKind, _ list: [String]) {
            for name in list { names[name, default: []].insert(kind) }
        }
        mark(.skipped, ["script", "style", "noscript", "iframe", "nav", "footer", "form", "select", "option", "button", "input",
                        "textarea", "object", "embed", "svg", "canvas", "link", "meta", "map", "area", "audio", "video"])
        mark(.block, ["p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd", "section", "article",
                      "header", "main", "aside", "blockquote", "pre", "center", "address", "hr", "caption", "body", "html",
                      "figure", "figcaption"])
        mark(.container, ["div", "ul", "ol", "dl", "section", "aside", "header", "nav", "center", "p", "span", "table"])
        mark(.table, ["table"])
        mark(.rowGroup, ["thead", "tbody", "tfoot"])
        mark(.row, ["tr"])
        mark(.cell, ["td", "th"])
        mark(.head, ["head"])
        mark(.lineBreak, ["br"])
        mark(.title, ["title"])
        mark(.meta, ["meta"])
        mark(.link, ["link"])
        return names
    }()

    /// The names by their first byte, each with its bytes (never a NUL) and kind.
    private static let byFirstByte: [[(name: [UInt8], kind: ElementKind)]] = {
        var buckets = Array(repeating: [(name: [UInt8], kind: ElementKind)](), count: 256)
        for (name, kind) in names.sorted(by: { $0.key < $1.key }) {
            let bytes = Array(name.utf8)
            buckets[Int(bytes[0])].append((bytes, kind))
        }
        return buckets
    }()

    /// The kind of a node by its NUL-terminated name.
    static func of(_ node: xmlNodePtr) -> ElementKind {
        guard let name = node.pointee.name else { return [] }
        for candidate in byFirstByte[Int(name[0])] where DOM.isName(name, candidate.name) {
            return candidate.kind
        }
        return []
    }
}

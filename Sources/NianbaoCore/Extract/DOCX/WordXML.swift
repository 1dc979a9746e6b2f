import CLibXML2

/// Reading the XML parts of a Word document through libxml2: elements by their local name (`w:p` is
/// `p` in WordprocessingML's namespace, whatever prefix a producer chose), attributes likewise.
enum WordXML {
    /// No network, no entity expansion beyond libxml2's own limits, quiet.
    static let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue)

    /// Parses a part; nil when it is not well-formed XML.
    static func parse(_ bytes: [UInt8], name: String) -> xmlDocPtr? {
        guard !bytes.isEmpty else { return nil }
        return bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) { pointer in
                xmlReadMemory(pointer, Int32(clamping: buffer.count), name, "UTF-8", options)
            }
        }
    }

    static func name(_ node: xmlNodePtr) -> String {
        node.pointee.name.map { String(cString: $0) } ?? ""
    }

    /// The element children of a node, in order.
    static func children(_ node: xmlNodePtr) -> [xmlNodePtr] {
        var result: [xmlNodePtr] = []
        var child = node.pointee.children
        while let current = child {
            if current.pointee.type == XML_ELEMENT_NODE { result.append(current) }
            child = current.pointee.next
        }
        return result
    }

    static func child(_ node: xmlNodePtr, _ local: String) -> xmlNodePtr? {
        children(node).first { name($0) == local }
    }

    /// The first element at the end of a path of local names (`pPr`, `numPr`, `numId`).
    static func descendant(_ node: xmlNodePtr, _ path: String...) -> xmlNodePtr? {
        var current: xmlNodePtr? = node
        for step in path { current = current.flatMap { child($0, step) } }
        return current
    }

    /// An attribute by its local name (`w:val` → `val`: libxml2 keeps the prefix apart).
    static func attribute(_ node: xmlNodePtr, _ local: String) -> String? { DOM.attribute(node, local) }

    /// `w:val` as a whole number.
    static func intValue(_ node: xmlNodePtr?) -> Int? {
        node.flatMap { attribute($0, "val") }.flatMap { Int($0) }
    }

    /// The text of a node and all below it.
    static func text(_ node: xmlNodePtr) -> String {
        var value = ""
        var child = node.pointee.children
        while let current = child {
            if current.pointee.type == XML_TEXT_NODE || current.pointee.type == XML_CDATA_SECTION_NODE {
                if let content = current.pointee.content { value += String(cString: content) }
            } else if current.pointee.type == XML_ELEMENT_NODE {
                value += text(current)
            }
            child = current.pointee.next
        }
        return value
    }
}

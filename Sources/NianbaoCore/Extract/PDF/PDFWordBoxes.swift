import CLibXML2
import Foundation

/// `pdftotext -bbox-layout`: every word of a PDF with its box, page by page, read with libxml2.
enum PDFWordBoxes {
    struct Box {
        var text: String
        var x: ClosedRange<Double>
        var y: ClosedRange<Double>
    }

    static func read(_ input: URL, pages: Int, in folder: URL, seconds: Double) throws -> [[Box]] {
        let result = try ExternalTool(program: "pdftotext", seconds: seconds)
            .run(["-bbox-layout", "-enc", "UTF-8", "-l", String(min(pages, PDFExtractor.maximumPages)), input.path, "-"], in: folder)
        guard result.status == 0, !result.stdout.isEmpty else { return [] }
        let document = result.stdout.withUnsafeBufferPointer { bytes in
            bytes.baseAddress!.withMemoryRebound(to: CChar.self, capacity: bytes.count) { pointer in
                htmlReadMemory(pointer, Int32(clamping: bytes.count), "words.html", "UTF-8", HTMLExtractor.parseOptions)
            }
        }
        guard let document else { return [] }
        defer { xmlFreeDoc(document) }
        var pages: [[Box]] = []
        func walk(_ node: xmlNodePtr) {
            var child = node.pointee.children
            while let current = child {
                if current.pointee.type == XML_ELEMENT_NODE {
                    let name = WordXML.name(current)
                    if name == "page" {
                        pages.append([])
                        walk(current)
                    } else if name == "word" {
                        if let box = box(current), !pages.isEmpty { pages[pages.count - 1].append(box) }
                    } else {
                        walk(current)
                    }
                }
                child = current.pointee.next
            }
        }
        if let root = xmlDocGetRootElement(document) { walk(root) }
        return pages
    }

    private static func box(_ node: xmlNodePtr) -> Box? {
        guard let x0 = DOM.attribute(node, "xmin").flatMap(Double.init), let x1 = DOM.attribute(node, "xmax").flatMap(Double.init),
              let y0 = DOM.attribute(node, "ymin").flatMap(Double.init), let y1 = DOM.attribute(node, "ymax").flatMap(Double.init),
              x0 <= x1, y0 <= y1 else { return nil }
        let text = WordXML.text(node).filter { !$0.isWhitespace }
        return text.isEmpty ? nil : Box(text: text, x: x0...x1, y: y0...y1)
    }
}

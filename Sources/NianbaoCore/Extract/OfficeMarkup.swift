import Foundation

/// Word's HTML export wraps every paragraph's end in `<o:p></o:p>`, an element HTML does not know:
/// libxml2 builds an error message for each one (a Word page has a hundred or more) and a node the
/// walker then steps through as inline text. Removed before parsing, the page reads the same: the
/// element holds inline text only, its tags hold no line break (line numbers stay), and nothing is
/// put in their place (no space between the runs on either side).
enum OfficeMarkup {
    private static let tags: [[UInt8]] = [Array("<o:p>".utf8), Array("</o:p>".utf8)]

    /// The page's bytes without `<o:p>` and `</o:p>`; nil when it holds neither.
    static func withoutOfficeParagraphTags(_ page: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        guard let base = page.baseAddress else { return nil }
        var output: [UInt8] = []
        var copied = 0
        var index = 0
        // Every tag starts `<`, then `o` or `/o`: memchr finds the candidates.
        while index < page.count, let found = memchr(base + index, Int32(UInt8(ascii: "<")), page.count - index) {
            let start = UnsafeRawPointer(found) - UnsafeRawPointer(base)
            index = start + 1
            // Most tags are not Word's: settled by the byte after `<`.
            guard index < page.count, page[index] == UInt8(ascii: "o") || page[index] == UInt8(ascii: "/"),
                  let tag = tags.first(where: { matches($0, page, at: start) }) else { continue }
            if output.isEmpty { output.reserveCapacity(page.count) }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: page[copied..<start]))
            copied = start + tag.count
            index = copied
        }
        guard copied > 0 else { return nil }
        output.append(contentsOf: UnsafeBufferPointer(rebasing: page[copied...]))
        return output
    }

    private static func matches(_ tag: [UInt8], _ page: UnsafeBufferPointer<UInt8>, at start: Int) -> Bool {
        guard start + tag.count <= page.count else { return false }
        for offset in tag.indices where page[start + offset] != tag[offset] { return false }
        return true
    }
}

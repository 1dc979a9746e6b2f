/// A text as a dictionary key by its UTF-8 bytes. `String` keys compare by canonical equivalence, so
/// a compatibility ideograph (U+F900) and its unified twin (U+8C48) would share an entry; a cache of
/// what a function of the bytes gives must tell them apart. Hashing the bytes is quicker too.
struct ByteKey: Hashable {
    let text: String

    init(_ text: String) {
        self.text = text
    }

    static func == (left: ByteKey, right: ByteKey) -> Bool {
        left.text.utf8.elementsEqual(right.text.utf8)
    }

    func hash(into hasher: inout Hasher) {
        var text = text
        text.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }
}

/// What a function of a text's bytes gave, remembered: labels, placeholders and small numbers recur
/// in every report. Bounded (emptied when full) and not thread-safe: one per worker.
final class TextMemo<Value> {
    private var known: [ByteKey: Value] = [:]
    private let limit: Int

    init(limit: Int = 8_192) {
        self.limit = limit
    }

    subscript(text: String) -> Value? {
        known[ByteKey(text)]
    }

    func remember(_ value: Value, for text: String) {
        if known.count == limit { known.removeAll(keepingCapacity: true) }
        known[ByteKey(text)] = value
    }

    func value(for text: String, make: (String) -> Value) -> Value {
        if let value = self[text] { return value }
        let value = make(text)
        remember(value, for: text)
        return value
    }
}

/// A text as a dictionary key by its UTF-8 bytes. `String` keys compare by canonical equivalence, so
/// a compatibility ideograph (U+F900) and its unified twin (U+8C48) would share an entry; a cache of
/// what a function of the bytes gives must tell them apart. Hashing the bytes is quicker too.
struct ByteKey: Hashable {
    let text: String

    init(_ text: String) {
        self.text = text
    }

    static func == (left: ByteKey, right: ByteKey) -> Bool {
        left.text.hasSameBytes(as: right.text)
    }

    func hash(into hasher: inout Hasher) {
        var text = text
        text.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }
}

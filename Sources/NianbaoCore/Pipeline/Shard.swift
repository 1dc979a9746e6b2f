/// `--shard K/N`: the K-th (0-based) of N deterministic partitions of the input, by the first
/// bytes of each file's content hash (by its path when the content could not be read).
public struct Shard: Sendable, Equatable, CustomStringConvertible {
    public var index: Int
    public var count: Int

    public init(index: Int, count: Int) {
        self.index = index
        self.count = count
    }

    /// Parses `K/N` with 0 ≤ K < N.
    public init?(_ text: String) {
        let parts = text.split(separator: "/")
        guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]), count >= 1, (0..<count).contains(index) else {
            return nil
        }
        self.init(index: index, count: count)
    }

    public var description: String { "\(index)/\(count)" }

    /// Whether a file whose SHA-256 (hex) is `hash` belongs to this shard.
    public func contains(hash: String) -> Bool {
        guard count > 1 else { return true }
        let prefix = UInt64(hash.prefix(15), radix: 16) ?? 0
        return Int(prefix % UInt64(count)) == index
    }
}

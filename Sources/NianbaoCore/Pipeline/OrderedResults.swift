import Foundation

/// Hands out work items to worker threads in a fixed order and gives their results back to one
/// consumer in that same order, whichever worker finishes first. Workers never run more than
/// `window` items ahead of the consumer, so memory stays bounded by the window, not the corpus.
/// The first error (a worker's or the source's) stops every side.
final class OrderedResults<Item, Result>: @unchecked Sendable {
    private let window: Int
    private let source: () throws -> Item?
    private let condition = NSCondition()
    private var issued = 0
    private var consumed = 0
    private var exhausted = false
    private var stopped = false
    private var failure: Error?
    private var finished: [Int: Result] = [:]

    /// `source` is called under the lock, one call at a time; nil means no more items.
    init(window: Int, source: @escaping () throws -> Item?) {
        self.window = max(1, window)
        self.source = source
    }

    /// The next item and its place in the order; nil when there is no more work or the run stops.
    func take() -> (sequence: Int, item: Item)? {
        condition.lock()
        defer { condition.unlock() }
        while !stopped && failure == nil && !exhausted && issued - consumed >= window { condition.wait() }
        guard !stopped, failure == nil, !exhausted else { return nil }
        do {
            guard let item = try source() else {
                exhausted = true
                condition.broadcast()
                return nil
            }
            defer { issued += 1 }
            return (issued, item)
        } catch {
            failure = error
            condition.broadcast()
            return nil
        }
    }

    func put(_ result: Result, at sequence: Int) {
        condition.lock()
        finished[sequence] = result
        condition.broadcast()
        condition.unlock()
    }

    func fail(_ error: Error) {
        condition.lock()
        if failure == nil { failure = error }
        condition.broadcast()
        condition.unlock()
    }

    /// Tells the workers to take nothing more (the consumer gave up).
    func stop() {
        condition.lock()
        stopped = true
        condition.broadcast()
        condition.unlock()
    }

    /// The next result in order, waiting for it; nil once every item's result was taken.
    func next() throws -> Result? {
        condition.lock()
        defer { condition.unlock() }
        while true {
            if let failure { throw failure }
            if let result = finished.removeValue(forKey: consumed) {
                consumed += 1
                condition.broadcast()
                return result
            }
            if exhausted && consumed == issued { return nil }
            condition.wait()
        }
    }
}

/// What a run would do to the size of the dataset it replaces.
struct Shrinkage: Sendable, Equatable {
    /// Reports of the previous dataset.
    var previous: Int
    /// Of those, the ones this run drops.
    var dropped: Int
    /// Reports of this run.
    var now: Int
}

/// Like rsync's `--max-delete`: a run that would drop more than the allowed share of the previous
/// dataset's reports, or all of them, is refused and the previous output kept. An unmounted disk or
/// a crawler that wiped its folder then costs a night's update, not the dataset.
public enum ShrinkGuard {
    public struct Refused: Error, CustomStringConvertible {
        public var dropped: Int
        public var previous: Int
        public var limit: Double

        public var description: String {
            "refused: this run would drop \(dropped) of the previous dataset's \(previous) report\(previous == 1 ? "" : "s") "
                + "(more than \(Self.percent(limit)) may not go without --allow-shrink); the previous output is kept. "
                + "If the input really lost them, run again with --allow-shrink"
        }

        private static func percent(_ share: Double) -> String {
            share >= 1 ? "all" : "\(Int((share * 100).rounded()))%"
        }
    }

    /// `limit`: the share of the previous reports a run may drop (`maxShrink`). Emptying a dataset
    /// that had reports always needs `--allow-shrink`.
    static func check(_ shrinkage: Shrinkage, limit: Double) throws {
        guard shrinkage.previous > 0, shrinkage.dropped > 0 else { return }
        let tooMany = Double(shrinkage.dropped) > limit * Double(shrinkage.previous)
        if tooMany || shrinkage.now == 0 {
            throw Refused(dropped: shrinkage.dropped, previous: shrinkage.previous, limit: limit)
        }
    }
}

import Foundation

/// The time one file may take through the stages (`fileTimeLimit`): a safety valve so that no single
/// file can stall a night. The stages look at it between their steps; a file past it becomes a reject
/// (`took longer than N s`) that is not remembered as a verdict, so the next run tries it again. A
/// file well within the limit is never affected, so the dataset stays the same bytes whatever the
/// machine's load; only a file that really stalls is left out, and says so.
public enum FileDeadline {
    @TaskLocal static var current: ContinuousClock.Instant?

    struct Exceeded: Error, CustomStringConvertible {
        var description: String { "took longer than the per-file time limit" }
    }

    /// Whether the file being handled is past its time.
    static var passed: Bool {
        guard let current else { return false }
        return ContinuousClock.now > current
    }

    /// Throws once the file being handled is past its time.
    static func check() throws {
        if passed { throw Exceeded() }
    }

    static func reason(limit seconds: Double) -> String {
        "took longer than \(PlainNumber.seconds(seconds)) s (fileTimeLimit): not read this time, the next run tries it again"
    }
}

enum PlainNumber {
    /// Seconds as a user wrote them: `60`, `0.5`.
    static func seconds(_ value: Double) -> String {
        value == value.rounded() && value < 1e15 ? String(Int(value)) : String(value)
    }
}

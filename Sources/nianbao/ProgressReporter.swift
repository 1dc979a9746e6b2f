import ArgumentParser
import Foundation
import NianbaoCore

/// Shows a run's progress: a bar with rate and ETA on a terminal; on a pipe (cron) a few plain
/// lines; one line per file with --verbose; nothing with --quiet. Everything goes to standard error.
final class ProgressReporter: @unchecked Sendable {
    enum Mode {
        case bar, log, verbose, quiet
    }

    private let mode: Mode
    private let input: String
    private let lock = NSLock()
    private var total = 0
    private var done = 0
    private var start = Date()
    private var lastDraw = Date.distantPast
    private var nextLogStep = 1
    private var barShown = false

    init(mode: Mode, input: String) {
        self.mode = mode
        self.input = input
    }

    var observe: @Sendable (RunEvent) -> Void {
        { [self] event in lock.withLock { handle(event) } }
    }

    private func handle(_ event: RunEvent) {
        switch event {
        case .started(let files):
            total = files
            start = Date()
            if mode == .log || mode == .verbose { Console.error("nianbao: \(files) files in \(input)") }
        case .file(let path, let change, let result):
            done += 1
            switch mode {
            case .verbose:
                Console.error("\(change.rawValue.padding(toLength: 9, withPad: " ", startingAt: 0)) \(path): \(result)")
            case .bar:
                if Date().timeIntervalSince(lastDraw) >= 0.1 || done == total { drawBar() }
            case .log:
                // A line at every tenth of the way, so a cron log stays short.
                if total > 0 && done * 10 >= nextLogStep * total {
                    Console.error("nianbao: \(done)/\(total) files (\(done * 100 / total)%), \(rate()) files/s")
                    while done * 10 >= nextLogStep * total { nextLogStep += 1 }
                }
            case .quiet:
                break
            }
        case .deleted(let path):
            if mode == .verbose { Console.error("deleted   \(path)") }
        case .writing:
            if mode == .bar && barShown { drawBar(); Console.errorRaw("\n"); barShown = false }
            if mode == .log || mode == .verbose { Console.error("nianbao: writing the dataset") }
        }
    }

    func finish() {
        lock.withLock {
            if barShown { Console.errorRaw("\n"); barShown = false }
        }
    }

    private func rate() -> String {
        let seconds = Date().timeIntervalSince(start)
        return seconds > 0 ? String(format: "%.0f", Double(done) / seconds) : "–"
    }

    private func drawBar() {
        lastDraw = Date()
        barShown = true
        let width = 30
        let fraction = total > 0 ? Double(done) / Double(total) : 1
        let filled = Int(fraction * Double(width))
        let seconds = Date().timeIntervalSince(start)
        let remaining = done > 0 ? seconds / Double(done) * Double(total - done) : 0
        let bar = String(repeating: "█", count: filled) + String(repeating: "·", count: width - filled)
        Console.errorRaw(String(format: "\r%@ %d/%d %3.0f%% %@ files/s ETA %@ ", bar, done, total, fraction * 100, rate(),
                                format(remaining)))
    }

    private func format(_ seconds: Double) -> String {
        let whole = Int(seconds.rounded())
        return whole >= 60 ? "\(whole / 60)m\(String(format: "%02d", whole % 60))s" : "\(whole)s"
    }
}

enum Console {
    static var isTerminal: Bool { isatty(STDERR_FILENO) == 1 }

    static func error(_ line: String) {
        errorRaw(line + "\n")
    }

    static func errorRaw(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }

    /// A command's failure told on stderr, and its exit status: 75 when another run holds the output
    /// folder, 1 otherwise.
    static func failed(_ error: Error) -> ExitCode {
        Console.error("nianbao: \(error)")
        return error is RunLock.Held ? ExitCode(75) : .failure
    }
}

import Foundation

/// Runs a program of poppler-utils on a file, fenced in: a wall-clock limit (the process is killed
/// past it), an address-space limit and an output-file limit set by the shell's `ulimit` before the
/// program starts, so a hostile PDF cannot hang a night or take the machine's memory. The program
/// runs as a separate process, never linked: its licence (poppler: GPL) does not reach nianbao's.
struct ExternalTool {
    var program: String
    var seconds: Double
    var memoryKiB = 1_048_576
    /// The largest file the program may write, in the shell's 512-byte blocks (128 MiB).
    var outputBlocks = 262_144

    struct Result {
        var status: Int32
        var stdout: [UInt8]
        var stderr: String
    }

    enum Failure: Error, Equatable {
        case notInstalled(String)
        case timedOut(Double)
    }

    /// The program's absolute path, looked up on PATH once per program.
    static func locate(_ program: String) -> String? {
        if program.contains("/") { return FileManager.default.isExecutableFile(atPath: program) ? program : nil }
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for folder in path.split(separator: ":") {
            let candidate = "\(folder)/\(program)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    /// Runs the program with `arguments`; stdout and stderr go to files in `folder` (a pipe would
    /// block a program that writes more than the pipe holds while nobody reads).
    func run(_ arguments: [String], in folder: URL) throws -> Result {
        guard let executable = Self.locate(program) else { throw Failure.notInstalled(program) }
        let out = folder.appendingPathComponent("stdout"), err = folder.appendingPathComponent("stderr")
        FileManager.default.createFile(atPath: out.path, contents: nil)
        FileManager.default.createFile(atPath: err.path, contents: nil)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        // `exec` keeps the process id: killing it kills the program, not only the shell.
        process.arguments = ["-c", "ulimit -v \(memoryKiB); ulimit -f \(outputBlocks); exec \"$0\" \"$@\"",
                             executable] + arguments
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = try FileHandle(forWritingTo: err)
        let finished = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in finished.signal() }
        try process.run()
        if finished.wait(timeout: .now() + seconds) == .timedOut {
            kill(process.processIdentifier, SIGKILL)
            finished.wait()
            throw Failure.timedOut(seconds)
        }
        let stdout = (try? Data(contentsOf: out)).map { [UInt8]($0) } ?? []
        let stderr = (try? String(contentsOf: err, encoding: .utf8)) ?? ""
        return Result(status: process.terminationStatus, stdout: stdout, stderr: stderr)
    }
}

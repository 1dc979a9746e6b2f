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

    /// The program's absolute path, looked up on PATH (so a test or a user may put another first).
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
    /// block a program that writes more than the pipe holds while nobody reads). The program gets a
    /// process group of its own, so that past its time it is killed with everything it started.
    func run(_ arguments: [String], in folder: URL) throws -> Result {
        guard let executable = Self.locate(program) else { throw Failure.notInstalled(program) }
        let out = folder.appendingPathComponent("stdout").path, err = folder.appendingPathComponent("stderr").path
        // `exec` keeps the process id: the limits set by the shell hold for the program itself.
        let command = ["/bin/sh", "-c", "ulimit -v \(memoryKiB); ulimit -f \(outputBlocks); exec \"$0\" \"$@\"", executable] + arguments
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, out, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, err, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP))
        posix_spawnattr_setpgroup(&attributes, 0)
        var pid: pid_t = 0
        let argv = command.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        let spawned = posix_spawn(&pid, "/bin/sh", &actions, &attributes, argv, environ)
        guard spawned == 0 else { throw Failure.notInstalled(program) }
        var status: Int32 = 0
        let deadline = ContinuousClock.now + .nanoseconds(Int64(seconds * 1e9))
        while waitpid(pid, &status, WNOHANG) == 0 {
            if ContinuousClock.now > deadline {
                kill(-pid, SIGKILL)
                waitpid(pid, &status, 0)
                throw Failure.timedOut(seconds)
            }
            usleep(2_000)
        }
        let stdout = (try? Data(contentsOf: URL(fileURLWithPath: out))).map { [UInt8]($0) } ?? []
        let stderr = (try? String(contentsOf: URL(fileURLWithPath: err), encoding: .utf8)) ?? ""
        // The shell's exit status: the program's, or 128 + the signal that ended it.
        let exited = status & 0x7F == 0
        return Result(status: exited ? (status >> 8) & 0xFF : 128 + (status & 0x7F), stdout: stdout, stderr: stderr)
    }
}

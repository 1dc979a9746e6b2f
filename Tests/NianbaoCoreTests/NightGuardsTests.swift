import Foundation
import Testing
@testable import NianbaoCore

/// A night never hangs and never drops a report it cannot see (issue 23): files that are not regular
/// files are rejects that are never opened for a blocking read; a folder the run cannot list is a
/// reject, and its files' reports from earlier runs are kept.
@Suite("Night guards: special files and unreadable folders", .serialized)
struct NightGuardsTests {
    /// Runs the command, killed after `seconds` (a hang fails the test instead of holding it).
    private func run(_ arguments: [String], as user: Bool = false, seconds: Double = 60) throws -> (status: Int32, output: String) {
        let process = Process()
        // As root every folder is readable: the unreadable-folder case runs the command as nobody.
        if user && getuid() == 0 {
            // A copy of the command where nobody may run it (the build folder may lie under root's home).
            let copy = try Self.everyonesFolder().appendingPathComponent("nianbao")
            try FileManager.default.copyItem(at: NianbaoCommand.executable, to: copy)
            chmod(copy.deletingLastPathComponent().path, 0o755)
            chmod(copy.path, 0o755)
            process.executableURL = URL(fileURLWithPath: "/usr/bin/setpriv")
            process.arguments = ["--reuid=65534", "--regid=65534", "--clear-groups", copy.path] + arguments
        } else {
            process.executableURL = NianbaoCommand.executable
            process.arguments = arguments
        }
        // Standard error and output to one pipe (the summary line is on one, the messages on the other).
        let output = Pipe()
        process.standardError = output
        process.standardOutput = output
        try process.run()
        let deadline = Date().addingTimeInterval(seconds)
        while process.isRunning && Date() < deadline { usleep(20_000) }
        if process.isRunning { process.terminate(); throw TestFailure("nianbao \(arguments) still running after \(seconds) s") }
        return (process.terminationStatus, String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self))
    }

    @Test("a FIFO, a socket and a device in the input are rejects with what they are; the run ends")
    func specialFiles() throws {
        let base = try Repository.temporaryFolder()
        let input = base.appendingPathComponent("in"), misc = input.appendingPathComponent("misc")
        try FileManager.default.createDirectory(at: misc, withIntermediateDirectories: true)
        try Data(try Repository.sample(Seed.huaibei)).write(to: input.appendingPathComponent("huaibei.txt"))
        #expect(mkfifo(misc.appendingPathComponent("pipe.html").path, 0o644) == 0)
        try FileManager.default.createSymbolicLink(atPath: misc.appendingPathComponent("zero.txt").path, withDestinationPath: "/dev/zero")
        let socketPath = misc.appendingPathComponent("socket").path
        let listener = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(listener) }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { buffer in _ = socketPath.utf8CString.withUnsafeBytes { buffer.copyMemory(from: $0) } }
        let bound = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(listener, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) } }
        #expect(bound == 0)
        let output = base.appendingPathComponent("out")
        let (status, errors) = try run(["run", "--input", input.path, "--output", output.path, "--quiet"], seconds: 30)
        #expect(status == 0, "\(errors)")
        let rejects = Dictionary(uniqueKeysWithValues: try jsonlRows(output, "rejects").map { ($0["source_path"] as! String, $0["reason"] as! String) })
        #expect(rejects["misc/pipe.html"] == "not a regular file (a FIFO (named pipe)): not read")
        #expect(rejects["misc/socket"] == "not a regular file (a socket): not read")
        #expect(rejects["misc/zero.txt"] == "not a regular file (a character device): not read")
        #expect(try jsonlRows(output, "reports").count == 1)
    }

    @Test("a file past the per-file time limit is a reject that the next run tries again; the run ends")
    func timeLimit() throws {
        let base = try Repository.temporaryFolder()
        let input = base.appendingPathComponent("in"), output = base.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
        try Data(try Repository.sample(Seed.linyi)).write(to: input.appendingPathComponent("linyi.txt"))
        // A limit no file can meet stands for a file that stalls.
        let (status, output1) = try run(["run", "--input", input.path, "--output", output.path, "--quiet", "--file-time-limit", "0.000001"])
        #expect(status == 0, "\(output1)")
        let rejects = try jsonlRows(output, "rejects")
        #expect(rejects.count == 1 && (rejects[0]["reason"] as? String)?.hasPrefix("took longer than 1e-06 s (fileTimeLimit)") == true)
        // Not remembered as a verdict: the next night reads it.
        #expect(try run(["run", "--input", input.path, "--output", output.path, "--quiet"]).status == 0)
        #expect(try jsonlRows(output, "reports").count == 1 && jsonlRows(output, "rejects").isEmpty)
        // The configuration's key is read strictly.
        let config = base.appendingPathComponent("pipeline.json")
        try Data("{\"input\": \"in\", \"output\": \"out\", \"fileTimeLimit\": 0}".utf8).write(to: config)
        #expect(throws: PipelineConfig.Invalid.self) { try PipelineConfig.load(from: config) }
        try Data("{\"input\": \"in\", \"output\": \"out\", \"fileTimeLimit\": 2.5}".utf8).write(to: config)
        #expect(try PipelineConfig.load(from: config).fileTimeLimit == 2.5)
    }

    /// A folder under /tmp that nobody may enter (the test folder may lie under a private one).
    static func everyonesFolder() throws -> URL {
        let url = URL(fileURLWithPath: "/tmp/nianbao-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        chmod(url.path, 0o777)
        return url
    }

    @Test("an unreadable folder is a reject; its reports stay; readable again, the dataset is as before")
    func unreadableFolder() throws {
        let base = try Self.everyonesFolder()
        chmod(base.path, 0o777)
        let input = base.appendingPathComponent("in"), sub = input.appendingPathComponent("sub")
        try FileManager.default.createDirectory(at: sub, withIntermediateDirectories: true)
        try Data(try Repository.sample(Seed.linyi)).write(to: input.appendingPathComponent("linyi.txt"))
        try Data(try Repository.sample(Seed.huaibei)).write(to: sub.appendingPathComponent("huaibei.txt"))
        for path in [input.path, sub.path] { chmod(path, 0o755) }
        let output = base.appendingPathComponent("out")
        let arguments = ["run", "--input", input.path, "--output", output.path, "--quiet"]
        #expect(try run(arguments, as: true).status == 0)
        let before = try datasetFiles(output)
        chmod(sub.path, 0o000)
        defer { chmod(sub.path, 0o755) }
        let (status, errors) = try run(arguments, as: true)
        #expect(status == 0, "\(errors)")
        #expect(errors.contains("0 deleted"), "\(errors)")
        let reports = try jsonlRows(output, "reports").map { $0["source_path"] as! String }
        #expect(reports.sorted() == ["linyi.txt", "sub/huaibei.txt"])
        let rejects = try jsonlRows(output, "rejects")
        #expect(rejects.count == 1 && rejects[0]["source_path"] as? String == "sub")
        #expect((rejects[0]["reason"] as? String)?.hasPrefix("folder cannot be read (Permission denied)") == true)
        chmod(sub.path, 0o755)
        #expect(try run(arguments, as: true).status == 0)
        #expect(try datasetFiles(output) == before)
    }
}

/// The command's own words (issue 23): each message a user met, as it should read now.
@Suite("Command messages", .serialized)
struct CommandMessageTests {
    private func dataset() throws -> (input: URL, output: URL) {
        let base = try Repository.temporaryFolder()
        let input = base.appendingPathComponent("in"), output = base.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
        try Data(try Repository.sample(Seed.huaibei)).write(to: input.appendingPathComponent("a.txt"))
        try Data(try Repository.sample(Seed.huaibei)).write(to: input.appendingPathComponent("b.txt"))
        try Data("not a report at all".utf8).write(to: input.appendingPathComponent("c.txt"))
        try Data("not a report at all".utf8).write(to: input.appendingPathComponent("d.txt"))
        #expect(try NianbaoCommand.run(["run", "--input", input.path, "--output", output.path, "-q"]).status == 0)
        return (input, output)
    }

    @Test("nianbao docs says where the pages went, and exits 75 while a run holds the lock")
    func docs() throws {
        let (_, output) = try dataset()
        let done = try NianbaoCommand.run(["docs", output.path])
        #expect(done.status == 0 && done.output.contains("→ \(output.appendingPathComponent("index.html").path)"))
        let lock = try RunLock(for: output)
        let held = try NianbaoCommand.run(["docs", output.path])
        withExtendedLifetime(lock) {}
        #expect(held.status == 75, "\(held.errors)")
    }

    @Test("--verbose names a duplicate reject once; --full says every file was parsed; run --help names maxShrink")
    func verboseFullHelp() throws {
        let (input, output) = try dataset()
        let verbose = try NianbaoCommand.run(["run", "--input", input.path, "--output", output.path, "--verbose", "--full"])
        #expect(!verbose.errors.contains("rejected: rejected:"), "\(verbose.errors)")
        #expect(verbose.errors.contains("d.txt: rejected: not a disclosure annual report") || verbose.errors.contains("d.txt: rejected: not a government"),
                "\(verbose.errors)")
        #expect(verbose.output.contains(" 4 unchanged, ") && verbose.output.contains(" 2 parsed, "), "\(verbose.output)")
        let help = try NianbaoCommand.run(["run", "--help"])
        #expect(help.output.contains("maxShrink"))
    }
}

/// The data dictionary ships with the project (issue 23) and names every table and column the dataset has.
@Suite("Data dictionary")
struct DataDictionaryTests {
    @Test("Documentation/data.md names every table and column; README and datapackage.json point to it")
    func dictionaryCoversTheSchema() throws {
        let dictionary = try String(contentsOf: Repository.root.appendingPathComponent("Documentation/data.md"), encoding: .utf8)
        for schema in OutputSchema.all {
            #expect(dictionary.contains("`\(schema.name)`"), "table \(schema.name)")
            for field in schema.fields where !(schema.name == "panel" && FigureCatalog.codes.contains(field.name)) {
                #expect(dictionary.contains(field.name), "\(schema.name).\(field.name)")
            }
        }
        for code in FigureCatalog.codes { #expect(dictionary.contains(code) || dictionary.contains(code.replacingOccurrences(of: "applications", with: "")), "\(code)") }
        let readme = try String(contentsOf: Repository.root.appendingPathComponent("README.md"), encoding: .utf8)
        #expect(readme.contains("Documentation/data.md") && !readme.contains("SPEC §"))
        #expect(String(decoding: try Data(contentsOf: Repository.output.appendingPathComponent("datapackage.json")), as: UTF8.self)
            .contains("Documentation/data.md"))
    }
}

/// Every report page can be reached (issue 23): the index links the list of every report, the list
/// links each page, a copy's page links the copy the panel takes and the chosen copy links its copies.
@Suite("Docs: every report reachable")
struct DocsReachabilityTests {
    @Test("index → reports.html → every page; copies and chosen copies link each other")
    func reachable() throws {
        let output = Repository.output
        let index = String(decoding: try Data(contentsOf: output.appendingPathComponent("index.html")), as: UTF8.self)
        #expect(index.contains("href=\"reports.html\""))
        let list = String(decoding: try Data(contentsOf: output.appendingPathComponent("reports.html")), as: UTF8.self)
        let reports = try jsonlRows(output, "reports")
        for report in reports {
            let id = report["report_id"] as! String
            #expect(list.contains("href=\"reports/\(id).html\""), "\(id)")
            #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("reports/\(id).html").path))
        }
        for copy in reports where report(copy, has: "copy_of") {
            let chosen = copy["copy_of"] as! String, id = copy["report_id"] as! String
            let chosenPage = String(decoding: try Data(contentsOf: output.appendingPathComponent("reports/\(chosen).html")), as: UTF8.self)
            let copyPage = String(decoding: try Data(contentsOf: output.appendingPathComponent("reports/\(id).html")), as: UTF8.self)
            #expect(chosenPage.contains("href=\"\(id).html\"") && copyPage.contains("href=\"\(chosen).html\""), "\(id) ↔ \(chosen)")
        }
        #expect(reports.contains { report($0, has: "copy_of") })
    }

    private func report(_ row: [String: Any], has key: String) -> Bool { !((row[key] as? String) ?? "").isEmpty }
}

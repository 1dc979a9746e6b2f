import ArgumentParser
import Foundation
import NianbaoCore

struct Inspect: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print one report's parse as readable JSON: metadata, parts, every cell with its source, findings.",
        discussion: "Exit status 1 when the file is not read as a report (the reason is printed)."
    )

    @Argument(help: ArgumentHelp("The report file (text capture or HTML page).", valueName: "file"))
    var file: String

    func run() throws {
        let url = URL(fileURLWithPath: file)
        guard let data = FileManager.default.contents(atPath: url.path) else {
            Console.error("nianbao: cannot read \(file)")
            throw ExitCode.failure
        }
        let converters: ScriptConverters
        do {
            converters = try ScriptConverters()
        } catch {
            throw Console.failed(error)
        }
        let outcome = FileProcessor(converters: converters, maxFileBytes: Int.max).process(bytes: [UInt8](data), sourcePath: url.lastPathComponent)
        print(ReportInspection.describe(outcome).pretty(), terminator: "")
        if case .reject(let reject) = outcome {
            Console.error("nianbao: \(file) is not read as a report: \(reject.reason)")
            throw ExitCode.failure
        }
    }
}

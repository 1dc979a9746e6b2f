import ArgumentParser
import Foundation
import NianbaoCore

struct Inspect: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print one report's parse as readable JSON: metadata, parts, every cell with its source, findings."
    )

    @Argument(help: ArgumentHelp("The report file (text capture or HTML page).", valueName: "file"))
    var file: String

    func run() throws {
        let url = URL(fileURLWithPath: file)
        guard let data = FileManager.default.contents(atPath: url.path) else {
            Console.error("nianbao: cannot read \(file)")
            throw ExitCode.failure
        }
        do {
            let processor = FileProcessor(converters: try ScriptConverters(), maxFileBytes: Int.max)
            let outcome = processor.process(bytes: [UInt8](data), sourcePath: url.lastPathComponent)
            print(ReportInspection.describe(outcome).pretty(), terminator: "")
        } catch {
            Console.error("nianbao: \(error)")
            throw ExitCode.failure
        }
    }
}

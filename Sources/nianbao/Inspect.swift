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
            FileHandle.standardError.write(Data("nianbao: cannot read \(file)\n".utf8))
            throw ExitCode.failure
        }
        do {
            let processor = FileProcessor(converters: try ScriptConverters(), maxFileBytes: Int.max)
            let outcome = processor.process(bytes: [UInt8](data), sourcePath: url.lastPathComponent)
            print(ReportInspection.describe(outcome).pretty(), terminator: "")
        } catch {
            FileHandle.standardError.write(Data("nianbao: \(error)\n".utf8))
            throw ExitCode.failure
        }
    }
}

import ArgumentParser
import Foundation
import NianbaoCore

struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Read every report in the input folder and write the dataset to the output folder.",
        discussion: """
            Settings come from the configuration file (pipeline.json: input, output, maxFileBytes, jobs); \
            the options below override it. A file that is not a readable report is listed in rejects.csv \
            with its reason and the run goes on. Exit status: 0 when the dataset was written (even when \
            reports have findings), 1 when the run itself failed (bad configuration, unreadable input \
            folder, output not writable).
            """
    )

    @Option(name: .long, help: ArgumentHelp("Configuration file.", valueName: "file"))
    var config: String = "pipeline.json"

    @Option(name: .long, help: ArgumentHelp("Input folder (overrides the configuration).", valueName: "folder"))
    var input: String?

    @Option(name: .long, help: ArgumentHelp("Output folder (overrides the configuration).", valueName: "folder"))
    var output: String?

    @Option(name: .long, help: ArgumentHelp("Worker threads; 0 for one per core (overrides the configuration).", valueName: "n"))
    var jobs: Int?

    func validate() throws {
        if let jobs, jobs < 0 { throw ValidationError("--jobs must be 0 or more") }
    }

    func run() throws {
        do {
            let settings = try resolvedConfig()
            let summary = try Pipeline(config: settings).run()
            print(summary.line + " → \(settings.output.path)")
        } catch {
            FileHandle.standardError.write(Data("nianbao: \(error)\n".utf8))
            throw ExitCode.failure
        }
    }

    /// The configuration file, or the defaults when it is absent and both folders are given.
    private func resolvedConfig() throws -> PipelineConfig {
        let configURL = URL(fileURLWithPath: config)
        var settings: PipelineConfig
        if FileManager.default.fileExists(atPath: configURL.path) || (input == nil || output == nil) {
            settings = try PipelineConfig.load(from: configURL)
        } else {
            settings = PipelineConfig(input: URL(fileURLWithPath: "."), output: URL(fileURLWithPath: "."))
        }
        if let input { settings.input = URL(fileURLWithPath: input).standardizedFileURL }
        if let output { settings.output = URL(fileURLWithPath: output).standardizedFileURL }
        if let jobs { settings.jobs = jobs }
        return settings
    }
}

import ArgumentParser
import Foundation
import NianbaoCore

struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Read every report in the input folder and write the dataset to the output folder.",
        discussion: """
            Settings come from the configuration file (pipeline.json: input, output, maxFileBytes, jobs, \
            maxShrink, fileTimeLimit); \
            the options below override it. Only new and changed files are parsed: the manifest in the \
            output folder remembers the rest. The dataset is written beside the output folder and swapped \
            in at the end; one run at a time may write an output folder. A file that is not a readable \
            report is listed in rejects.csv with its reason and the run goes on.

            The output folder is replaced only when it is absent, empty or a nianbao dataset; a run that \
            would drop more than maxShrink (default half) of the previous dataset's reports is refused \
            and the previous output kept, unless --allow-shrink is given.

            Exit status: 0 the dataset was written (even when reports have findings); 1 the run failed or \
            was refused (bad configuration, unreadable input folder, output not nianbao's to replace or \
            not writable, too many reports would go); 64 usage error; 75 another run is writing the same \
            output folder.
            """
    )

    @Option(name: .long, help: ArgumentHelp("Configuration file.", valueName: "file"))
    var config: String = "pipeline.json"

    @Option(name: .long, help: ArgumentHelp("Input folder (overrides the configuration).", valueName: "folder"))
    var input: String?

    @Option(name: .long, help: ArgumentHelp("Output folder (overrides the configuration).", valueName: "folder"))
    var output: String?

    // Unconditional, so that `--jobs -3` is read as a value and answered by `validate`, not as an option.
    @Option(name: .long, parsing: .unconditional,
            help: ArgumentHelp("Worker threads; 0 for one per core (overrides the configuration).", valueName: "n"))
    var jobs: Int?

    @Option(name: .long, parsing: .unconditional,
            help: ArgumentHelp("Seconds one file may take before it is rejected (overrides the configuration; default 60).", valueName: "seconds"))
    var fileTimeLimit: Double?

    @Flag(name: .long, help: "Parse every file again, ignoring what earlier runs remembered.")
    var full = false

    @Option(name: .long, parsing: .unconditional, help: ArgumentHelp("Process only partition K of N (0 ≤ K < N), by content hash, into its own output folder.",
                                            valueName: "K/N"))
    var shard: String?

    @Flag(name: .long, help: ArgumentHelp("Replace the dataset even when this run drops more of its reports than maxShrink allows (an input that really shrank)."))
    var allowShrink = false

    @Flag(name: .shortAndLong, help: "Print only the final summary line (and errors).")
    var quiet = false

    @Flag(name: .shortAndLong, help: "Print one line per file.")
    var verbose = false

    func validate() throws {
        if let jobs, jobs < 0 { throw ValidationError("--jobs must be a whole number ≥ 0 (0 for one per core), got \(jobs)") }
        if let fileTimeLimit, !(fileTimeLimit > 0 && fileTimeLimit.isFinite) {
            throw ValidationError("--file-time-limit must be a number of seconds > 0, got \(fileTimeLimit)")
        }
        if let shard, Shard(shard) == nil {
            throw ValidationError("--shard takes K/N, whole numbers with 0 ≤ K < N such as 3/16, got \(shard)")
        }
        if quiet && verbose { throw ValidationError("--quiet and --verbose exclude each other") }
    }

    func run() throws {
        let settings: PipelineConfig
        do {
            settings = try resolvedConfig()
        } catch {
            throw Console.failed(error)
        }
        let mode: ProgressReporter.Mode = quiet ? .quiet : verbose ? .verbose : (Console.isTerminal ? .bar : .log)
        let reporter = ProgressReporter(mode: mode, input: settings.input.path)
        let pipeline = Pipeline(config: settings, full: full, shard: shard.flatMap(Shard.init), allowShrink: allowShrink,
                                observer: reporter.observe)
        do {
            let summary = try pipeline.run()
            reporter.finish()
            print(summary.line + " → \(settings.output.path)")
        } catch {
            reporter.finish()
            throw Console.failed(error)
        }
    }

    /// The configuration file with the options over it. A shard writes into its own folder inside the output folder.
    private func resolvedConfig() throws -> PipelineConfig {
        var settings = try ConfigFile.resolve(config, input: input, output: output)
        if let jobs { settings.jobs = jobs }
        if let fileTimeLimit { settings.fileTimeLimit = fileTimeLimit }
        if let shard = shard.flatMap(Shard.init) {
            settings.output = settings.output.appendingPathComponent(String(format: "shard-%04d-of-%04d", shard.index, shard.count))
        }
        return settings
    }
}

enum ConfigFile {
    /// The configuration file, or defaults when it is absent and both folders are given; the folders
    /// given as options over it.
    static func resolve(_ config: String, input: String?, output: String?) throws -> PipelineConfig {
        let configURL = URL(fileURLWithPath: config)
        var settings: PipelineConfig
        if FileManager.default.fileExists(atPath: configURL.path) || (input == nil || output == nil) {
            settings = try PipelineConfig.load(from: configURL)
        } else {
            settings = PipelineConfig(input: URL(fileURLWithPath: "."), output: URL(fileURLWithPath: "."))
        }
        if let input { settings.input = URL(fileURLWithPath: input).standardizedFileURL }
        if let output { settings.output = URL(fileURLWithPath: output).standardizedFileURL }
        return settings
    }
}

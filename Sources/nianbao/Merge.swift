import ArgumentParser
import Foundation
import NianbaoCore

struct Merge: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Turn the folders of a sharded run (run --shard K/N) into one dataset.",
        discussion: """
            Reads the shard folders (shard-KKKK-of-NNNN) in the configuration's output folder and writes \
            into --into the dataset a single run over the whole input writes, byte for byte: every \
            report's rows are copied from its shard, nothing is parsed again, and the tables that need \
            every report (organs, panel, copies, cross-year checks, reports, checks) and the data docs \
            are made over all of them. The input folder is listed (not read) to tell that the shards \
            still describe it; a file changed since its shard ran is parsed. Every shard 0 … N−1 must \
            be there, made with the same nianbao and settings.

            Exit status: 0 the dataset was written; 1 refused or failed (a shard missing, shards of \
            different runs, --into not nianbao's to replace); 75 another run is writing --into.
            """
    )

    @Option(name: .long, help: ArgumentHelp("Configuration file (the one the shards ran with).", valueName: "file"))
    var config: String = "pipeline.json"

    @Option(name: .long, help: ArgumentHelp("Input folder (overrides the configuration).", valueName: "folder"))
    var input: String?

    @Option(name: .long, help: ArgumentHelp("The folder holding the shard folders (default: the configuration's output).", valueName: "folder"))
    var shards: String?

    @Option(name: .long, help: ArgumentHelp("Where the merged dataset is written.", valueName: "folder"))
    var into: String

    @Option(name: .long, parsing: .unconditional, help: ArgumentHelp("Worker threads; 0 for one per core.", valueName: "n"))
    var jobs: Int?

    @Flag(name: .shortAndLong, help: "Print only the final summary line (and errors).")
    var quiet = false

    func validate() throws {
        if let jobs, jobs < 0 { throw ValidationError("--jobs must be a whole number ≥ 0 (0 for one per core), got \(jobs)") }
    }

    func run() throws {
        do {
            var settings = try ConfigFile.resolve(config, input: input, output: shards)
            let shardsFolder = settings.output
            settings.output = URL(fileURLWithPath: into).standardizedFileURL
            if let jobs { settings.jobs = jobs }
            let reporter = ProgressReporter(mode: quiet ? .quiet : (Console.isTerminal ? .bar : .log), input: settings.input.path)
            let summary = try ShardMerge(config: settings, shards: shardsFolder, observer: reporter.observe).run()
            reporter.finish()
            print(summary.line + " → \(settings.output.path)")
        } catch {
            throw Console.failed(error)
        }
    }
}

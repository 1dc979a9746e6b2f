import Foundation
import ArgumentParser

@main
struct Nianbao: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "nianbao",
        abstract: "Turn government information-disclosure annual reports (政府信息公开工作年度报告) into a tidy dataset.",
        discussion: """
            nianbao reads crawled reports (raw text captures and HTML pages), maps their statistics tables \
            onto stable codes, checks the reports' own arithmetic, and writes CSV, JSON Lines and a \
            Frictionless datapackage.json. See README.md for the data contract.
            """,
        version: "0.1.0",
        subcommands: [Run.self, Merge.self, Inspect.self, Docs.self],
        defaultSubcommand: Run.self
    )

    /// With `run` as the default, a mistyped command would otherwise be taken as an argument of
    /// `run` ("Unexpected argument"); name it for what it is and list the commands.
    static func main() {
        let arguments = Array(CommandLine.arguments.dropFirst())
        if let first = arguments.first, !first.hasPrefix("-"), first != "help" {
            let commands = configuration.subcommands.map { $0._commandName }
            if !commands.contains(first) {
                Console.error("nianbao: unknown command \"\(first)\" (commands: \(commands.joined(separator: ", ")); see nianbao --help)")
                Foundation.exit(64)
            }
        }
        main(arguments)
    }
}

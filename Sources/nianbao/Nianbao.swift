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
        subcommands: [Run.self, Inspect.self],
        defaultSubcommand: Run.self
    )
}

import ArgumentParser
import Foundation
import NianbaoCore

struct Docs: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write the data docs (index.html and reports/REPORT_ID.html) of an existing dataset.",
        discussion: "Every run writes them; this rewrites them from the dataset's own files, under the run's lock."
    )

    @Argument(help: ArgumentHelp("The dataset folder (a run's output).", valueName: "output"))
    var output: String

    func run() throws {
        let folder = URL(fileURLWithPath: output).standardizedFileURL
        do {
            try OutputGuard.checkDataset(folder)
            let lock = try RunLock(for: folder)
            let clock = ContinuousClock()
            let start = clock.now
            let pages = try DataDocs.write(folder: folder)
            withExtendedLifetime(lock) {}
            let seconds = Double((clock.now - start).components.attoseconds) / 1e18 + Double((clock.now - start).components.seconds)
            print("nianbao: docs of \(pages) report\(pages == 1 ? "" : "s") written in \(String(format: "%.2f", seconds)) s → \(folder.appendingPathComponent(DataDocs.index).path)")
        } catch {
            throw Console.failed(error)
        }
    }
}

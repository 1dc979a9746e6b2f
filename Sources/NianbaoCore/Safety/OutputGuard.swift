import Foundation

/// Decides, before anything is written, whether a run may replace its output folder. nianbao
/// replaces only what it wrote itself: an absent or empty folder, or a dataset of its own holding
/// nothing else. Any other folder, a plain file, the input folder or a folder around it is refused
/// with one sentence that names it, and nothing is touched.
public enum OutputGuard {
    public struct Refused: Error, CustomStringConvertible {
        public var description: String
    }

    /// The names a dataset folder holds (the dataset, the run summary, the manifest's folder).
    static let ownNames: Set<String> = Set(OutputWriter.fileNames + ["summary.json", ".nianbao", DataDocs.index, ReportList.name, DataDocs.pagesFolder])

    /// `output` is the folder the run replaces; for a shard, `shardBase` is the folder that holds the
    /// shards' folders, which must hold nothing else.
    public static func check(output: URL, input: URL, shardBase: URL?) throws {
        let outer = shardBase ?? output
        let realOutput = realPath(outer), realInput = realPath(input)
        if realOutput == realInput {
            throw Refused(description: "refused: the output folder \(outer.path) is the input folder; a run replaces its output, "
                          + "so give it a folder of its own")
        }
        if realInput.hasPrefix(realOutput + "/") {
            throw Refused(description: "refused: the input folder \(input.path) lies inside the output folder \(outer.path), "
                          + "which a run replaces; give the output a folder of its own")
        }
        if let shardBase {
            try checkShardBase(shardBase)
        }
        try checkReplaceable(output)
    }

    /// The folder a run swaps out: absent, empty, or a nianbao dataset with nothing else in it.
    private static func checkReplaceable(_ output: URL) throws {
        guard let entries = try contents(of: output) else { return }
        if entries.isEmpty { return }
        if let shard = entries.first(where: isShardFolder) {
            throw Refused(description: "refused: \(output.path) holds the datasets of --shard runs (\(shard)); a run without "
                          + "--shard would replace them, so give it another output folder")
        }
        guard isDataset(output, entries: entries) else {
            throw Refused(description: "refused: \(output.path) is not empty and not a nianbao dataset (no .nianbao/manifest.sqlite "
                          + "or nianbao datapackage.json); nianbao replaces only its own output, so choose a new or empty folder")
        }
        if let foreign = entries.first(where: { !ownNames.contains($0) }) {
            throw Refused(description: "refused: the dataset folder \(output.path) also holds \(foreign), which nianbao did not "
                          + "write and a run would delete; move it elsewhere first")
        }
        // The report pages' folder holds report pages only.
        let pages = output.appendingPathComponent(DataDocs.pagesFolder)
        if let names = try contents(of: pages), let foreign = names.first(where: { !DataDocs.isPageName($0) }) {
            throw Refused(description: "refused: the dataset folder \(output.path) also holds \(DataDocs.pagesFolder)/\(foreign), which "
                          + "nianbao did not write and a run would delete; move it elsewhere first")
        }
    }

    /// The folder of the shards' folders holds those folders (and their hidden lock and staging
    /// leftovers) only, so that no run of either kind deletes the other's output.
    private static func checkShardBase(_ base: URL) throws {
        guard let entries = try contents(of: base) else { return }
        if entries.contains(".nianbao") || entries.contains("datapackage.json") {
            throw Refused(description: "refused: \(base.path) holds the dataset of a run without --shard; shards write into "
                          + "folders of their own, so give the --shard runs another output folder")
        }
        if let foreign = entries.first(where: { !isShardFolder($0) && !$0.hasPrefix(".shard-") }) {
            throw Refused(description: "refused: \(base.path) holds \(foreign), which is not a shard's folder; give the --shard "
                          + "runs an absent, empty or shards-only output folder")
        }
    }

    /// A folder's entries (hidden ones included), or nil when nothing is there.
    private static func contents(of folder: URL) throws -> [String]? {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory) else {
            var info = stat()
            if lstat(folder.path, &info) == 0 {
                throw Refused(description: "refused: the output \(folder.path) is a link to nothing; give a folder path")
            }
            return nil
        }
        guard isDirectory.boolValue else {
            throw Refused(description: "refused: the output \(folder.path) is a file, not a folder; give a folder path")
        }
        do {
            return try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        } catch {
            throw Refused(description: "cannot read the output folder \(folder.path): permission denied or not a folder")
        }
    }

    /// Its own manifest marks a dataset; a dataset without one (a committed sample output) is known
    /// by its data package's name.
    /// For `nianbao docs`: the folder must be a nianbao dataset (its pages are then nianbao's to rewrite).
    public static func checkDataset(_ folder: URL) throws {
        guard let entries = try contents(of: folder), isDataset(folder, entries: entries),
              entries.contains(OutputSchema.reports.name + ".jsonl") else {
            throw Refused(description: "refused: \(folder.path) is not a nianbao dataset (no reports.jsonl beside a nianbao "
                          + "datapackage.json or manifest); give the output folder of a run")
        }
        let pages = folder.appendingPathComponent(DataDocs.pagesFolder)
        if let names = try contents(of: pages), let foreign = names.first(where: { !DataDocs.isPageName($0) }) {
            throw Refused(description: "refused: \(pages.path) holds \(foreign), which nianbao did not write; move it elsewhere first")
        }
    }

    private static func isDataset(_ folder: URL, entries: [String]) -> Bool {
        if FileManager.default.fileExists(atPath: Manifest.location(in: folder).path) { return true }
        guard entries.contains("datapackage.json"),
              let data = FileManager.default.contents(atPath: folder.appendingPathComponent("datapackage.json").path),
              let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else { return false }
        return object["name"] as? String == "nianbao"
    }

    static func isShardFolder(_ name: String) -> Bool {
        name.hasPrefix("shard-")
    }

    /// The path with links resolved, also for a folder that does not exist yet (its nearest
    /// existing ancestor resolved), so that two spellings of one folder compare equal.
    static func realPath(_ url: URL) -> String {
        var existing = url.standardizedFileURL
        var rest: [String] = []
        while !FileManager.default.fileExists(atPath: existing.path), existing.path != "/" {
            rest.insert(existing.lastPathComponent, at: 0)
            existing = existing.deletingLastPathComponent()
        }
        var path = existing.resolvingSymlinksInPath().path
        for component in rest { path = (path == "/" ? "" : path) + "/" + component }
        return path
    }
}

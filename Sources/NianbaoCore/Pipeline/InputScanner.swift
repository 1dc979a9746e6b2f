import Foundation

/// Lists the input files of a run: every file below the input folder (hidden ones aside), and every
/// folder below it that cannot be read (as such, for the run to reject and to keep its files' reports),
/// following symbolic links to folders once each, so a link loop cannot trap the run. Folders given
/// as excluded (the run's own output, when it lies inside the input) are not listed.
public enum InputScanner {
    public struct InputFile: Sendable, Equatable {
        /// Relative to the input folder, with `/`.
        public var relativePath: String
        /// Size and modification time (ns since 1970) as `stat` saw them; -1 when it could not.
        public var size: Int = -1
        public var modified: Int64 = -1
        public var kind: Kind = .file

        public enum Kind: Int, Sendable {
            case file = 0
            /// A folder the run cannot list (`chmod 000`): a reject of its own, its files kept.
            case unreadableFolder = 1
            /// A file of an unreadable folder, listed from the previous run: its report is kept as it was.
            case keptFromUnreadableFolder = 2
        }
    }

    public struct Unreadable: Error, CustomStringConvertible {
        public var description: String
    }

    /// Every file, sorted by the UTF-8 bytes of its path (for tests and tools; a run streams).
    public static func scan(_ folder: URL, excluding excluded: Set<String> = []) throws -> [InputFile] {
        var files: [InputFile] = []
        try scan(folder, excluding: excluded) { files.append($0) }
        return files.sorted { $0.relativePath.utf8.lexicographicallyPrecedes($1.relativePath.utf8) }
    }

    /// Hands over each file as the walk finds it (folder by folder, names in byte order), so that a
    /// large listing is never held in memory.
    /// `excluded`: real paths (links resolved) of folders left out.
    public static func scan(_ folder: URL, excluding excluded: Set<String> = [], each: (InputFile) throws -> Void) throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw Unreadable(description: "input folder \(folder.path) does not exist or is not a folder")
        }
        var visited = excluded
        try walk(folder, relative: "", visited: &visited, each: each, isRoot: true)
    }

    private static func walk(_ folder: URL, relative: String, visited: inout Set<String>, each: (InputFile) throws -> Void, isRoot: Bool) throws {
        let real = folder.resolvingSymlinksInPath().path
        guard visited.insert(real).inserted else { return }
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        } catch {
            if isRoot { throw Unreadable(description: "cannot read input folder \(folder.path): \(error.localizedDescription)") }
            // Never a silent skip: the folder is listed, so that its files are not taken for deleted.
            try each(InputFile(relativePath: relative, kind: .unreadableFolder))
            return
        }
        for name in names.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) where !name.hasPrefix(".") {
            let url = folder.appendingPathComponent(name)
            let path = relative.isEmpty ? name : relative + "/" + name
            var isDirectory: ObjCBool = false
            // fileExists follows links: a dangling link is passed to the processor, which rejects it.
            if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), isDirectory.boolValue {
                try walk(url, relative: path, visited: &visited, each: each, isRoot: false)
            } else {
                var file = InputFile(relativePath: path)
                var info = stat()
                if stat(url.path, &info) == 0 {
                    file.size = Int(info.st_size)
                    file.modified = FileBytes.nanoseconds(info.st_mtim)
                }
                try each(file)
            }
        }
    }
}

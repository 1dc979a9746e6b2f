import Foundation

/// Lists the input files of a run: every regular file below the input folder (hidden ones aside),
/// following symbolic links to folders once each, so a link loop cannot trap the run.
public enum InputScanner {
    public struct InputFile: Sendable, Equatable {
        /// Relative to the input folder, with `/`.
        public var relativePath: String
        public var url: URL
        /// Size and modification time (ns since 1970) as `stat` saw them; -1 when it could not.
        public var size: Int = -1
        public var modified: Int64 = -1
    }

    public struct Unreadable: Error, CustomStringConvertible {
        public var description: String
    }

    public static func scan(_ folder: URL) throws -> [InputFile] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw Unreadable(description: "input folder \(folder.path) does not exist or is not a folder")
        }
        var files: [InputFile] = []
        var visited: Set<String> = []
        try walk(folder, relative: "", visited: &visited, files: &files, isRoot: true)
        return files.sorted { $0.relativePath.utf8.lexicographicallyPrecedes($1.relativePath.utf8) }
    }

    private static func walk(_ folder: URL, relative: String, visited: inout Set<String>, files: inout [InputFile], isRoot: Bool) throws {
        let real = folder.resolvingSymlinksInPath().path
        guard visited.insert(real).inserted else { return }
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        } catch {
            if isRoot { throw Unreadable(description: "cannot read input folder \(folder.path): \(error.localizedDescription)") }
            return
        }
        for name in names.sorted() where !name.hasPrefix(".") {
            let url = folder.appendingPathComponent(name)
            let path = relative.isEmpty ? name : relative + "/" + name
            var isDirectory: ObjCBool = false
            // fileExists follows links: a dangling link is passed to the processor, which rejects it.
            if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), isDirectory.boolValue {
                try walk(url, relative: path, visited: &visited, files: &files, isRoot: false)
            } else {
                var file = InputFile(relativePath: path, url: url)
                var info = stat()
                if stat(url.path, &info) == 0 {
                    file.size = Int(info.st_size)
                    file.modified = Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
                }
                files.append(file)
            }
        }
    }
}

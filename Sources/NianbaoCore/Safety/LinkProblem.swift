import Foundation

/// Why a listed path that `stat` cannot follow is no file: a symbolic link to nothing, or a loop of
/// links. The reason is the same on every run, so an unchanged crawl stays unchanged.
enum LinkProblem {
    /// nil when the path is not a broken link (then reading it tells what is wrong).
    static func describe(_ path: String) -> String? {
        var info = stat()
        guard lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFLNK else { return nil }
        if stat(path, &info) == 0 { return nil }
        switch errno {
        case ELOOP:
            return "symbolic link loop (the link leads back to itself)"
        case ENOENT, ENOTDIR:
            let target = (try? FileManager.default.destinationOfSymbolicLink(atPath: path)) ?? "?"
            return "symbolic link to a missing target (\(target))"
        default:
            return "symbolic link that cannot be followed (\(String(cString: strerror(errno))))"
        }
    }
}

/// What a run tells its observer (the command line's progress bar or log), from worker threads.
public enum RunEvent: Sendable {
    /// The input was listed: this many files to look at.
    case started(files: Int)
    /// One file was handled.
    case file(path: String, change: FileChange, result: String)
    /// A file the previous run read is gone from the input.
    case deleted(path: String)
    /// All files handled; the dataset is being written.
    case writing
}

/// How a file compares with the previous run.
public enum FileChange: String, Sendable, Codable {
    case new
    case changed
    case unchanged
}

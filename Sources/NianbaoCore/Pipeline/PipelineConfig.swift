import Foundation

/// `pipeline.json`: where to read, where to write, and the limits of a run. Relative paths are
/// resolved against the folder that holds the configuration file, so cron can run from anywhere.
public struct PipelineConfig: Sendable, Equatable {
    public var input: URL
    public var output: URL
    /// Files larger than this are rejected unread.
    public var maxFileBytes: Int
    /// Worker threads; 0 means one per core.
    public var jobs: Int
    /// The share of the previous dataset's reports a run may drop before it is refused (without
    /// `--allow-shrink`).
    public var maxShrink: Double
    /// Seconds one file may take through the stages before it is rejected (`FileDeadline`).
    public var fileTimeLimit: Double

    public static let defaultMaxFileBytes = 20_000_000
    public static let defaultFileTimeLimit = 60.0

    /// Every setting that changes what a file becomes, for the cache key (worker count and folders
    /// do not). A setting added later that does must be added here.
    var outcomeKey: String {
        "maxFileBytes=\(maxFileBytes)"
    }

    public static let defaultMaxShrink = 0.5

    public init(input: URL, output: URL, maxFileBytes: Int = PipelineConfig.defaultMaxFileBytes, jobs: Int = 0,
                maxShrink: Double = PipelineConfig.defaultMaxShrink, fileTimeLimit: Double = PipelineConfig.defaultFileTimeLimit) {
        self.input = input
        self.output = output
        self.maxFileBytes = maxFileBytes
        self.jobs = jobs
        self.maxShrink = maxShrink
        self.fileTimeLimit = fileTimeLimit
    }

    public struct Invalid: Error, CustomStringConvertible {
        public var description: String
    }

    /// The keys, each with what it must be.
    private static let knownKeys = ["input", "output", "maxFileBytes", "jobs", "maxShrink", "fileTimeLimit"]

    public static func load(from file: URL) throws -> PipelineConfig {
        func invalid(_ reason: String) -> Invalid { Invalid(description: "configuration \(file.path): \(reason)") }
        let data: Data
        do {
            data = try Data(contentsOf: file)
        } catch {
            throw Invalid(description: "cannot read configuration \(file.path): \(PlainError.reason(error))")
        }
        let object: StrictJSONObject
        do {
            object = try StrictJSONObject(data)
        } catch {
            throw invalid("not valid JSON: \(error)")
        }
        if let unknown = object.keys.first(where: { !knownKeys.contains($0) }) {
            throw invalid("unknown key \"\(unknown)\" (known: \(knownKeys.sorted().joined(separator: ", ")))")
        }
        func folder(_ key: String) throws -> String {
            guard let value = object.values[key] else { throw invalid("\"\(key)\" is required (a folder path)") }
            guard case .string(let path) = value, !path.isEmpty else {
                throw invalid("\"\(key)\" must be a folder path in double quotes, got \(describe(value))")
            }
            return path
        }
        func wholeNumber(_ key: String, atLeast minimum: Int, default fallback: Int) throws -> Int {
            guard let value = object.values[key] else { return fallback }
            guard case .number(let text) = value, let number = Int(text), number >= minimum else {
                throw invalid("\"\(key)\" must be a whole number ≥ \(minimum), got \(describe(value))")
            }
            return number
        }
        func share(_ key: String, default fallback: Double) throws -> Double {
            guard let value = object.values[key] else { return fallback }
            guard case .number(let text) = value, let number = Double(text), (0...1).contains(number) else {
                throw invalid("\"\(key)\" must be a share from 0 to 1 (0.5 for half), got \(describe(value))")
            }
            return number
        }
        func seconds(_ key: String, default fallback: Double) throws -> Double {
            guard let value = object.values[key] else { return fallback }
            guard case .number(let text) = value, let number = Double(text), number > 0, number.isFinite else {
                throw invalid("\"\(key)\" must be a number of seconds > 0 (60 for a minute), got \(describe(value))")
            }
            return number
        }
        let input = try folder("input"), output = try folder("output")
        let base = file.deletingLastPathComponent()
        return PipelineConfig(
            input: URL(fileURLWithPath: input, relativeTo: base).standardizedFileURL,
            output: URL(fileURLWithPath: output, relativeTo: base).standardizedFileURL,
            maxFileBytes: try wholeNumber("maxFileBytes", atLeast: 1, default: defaultMaxFileBytes),
            jobs: try wholeNumber("jobs", atLeast: 0, default: 0),
            maxShrink: try share("maxShrink", default: defaultMaxShrink),
            fileTimeLimit: try seconds("fileTimeLimit", default: defaultFileTimeLimit)
        )
    }

    private static func describe(_ value: StrictJSONObject.Value) -> String {
        switch value {
        case .string(let text): return "\"\(text)\""
        case .number(let text): return text
        case .bool(let flag): return flag ? "true" : "false"
        case .null: return "null (leave the key out for the default)"
        }
    }
}

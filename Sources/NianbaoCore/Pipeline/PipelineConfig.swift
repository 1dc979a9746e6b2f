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

    public static let defaultMaxFileBytes = 20_000_000

    public init(input: URL, output: URL, maxFileBytes: Int = PipelineConfig.defaultMaxFileBytes, jobs: Int = 0) {
        self.input = input
        self.output = output
        self.maxFileBytes = maxFileBytes
        self.jobs = jobs
    }

    public struct Invalid: Error, CustomStringConvertible {
        public var description: String
    }

    private struct RawConfig: Decodable {
        var input: String
        var output: String
        var maxFileBytes: Int?
        var jobs: Int?
    }

    private static func describe(_ error: Error) -> String {
        switch error {
        case DecodingError.keyNotFound(let key, _): return "\"\(key.stringValue)\" is required"
        case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context):
            return "\"\(context.codingPath.map(\.stringValue).joined(separator: "."))\" has the wrong type"
        default: return "not valid JSON"
        }
    }

    private static let knownKeys: Set<String> = ["input", "output", "maxFileBytes", "jobs"]

    public static func load(from file: URL) throws -> PipelineConfig {
        let data: Data
        do {
            data = try Data(contentsOf: file)
        } catch {
            throw Invalid(description: "cannot read configuration \(file.path): \(error.localizedDescription)")
        }
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw Invalid(description: "configuration \(file.path) is not a JSON object")
        }
        if let unknown = object.keys.sorted().first(where: { !knownKeys.contains($0) }) {
            throw Invalid(description: "configuration \(file.path): unknown key \"\(unknown)\" (known: \(knownKeys.sorted().joined(separator: ", ")))")
        }
        let raw: RawConfig
        do {
            raw = try JSONDecoder().decode(RawConfig.self, from: data)
        } catch {
            throw Invalid(description: "configuration \(file.path): \(describe(error))")
        }
        for (key, value) in [("maxFileBytes", raw.maxFileBytes), ("jobs", raw.jobs)] where (value ?? 0) < 0 {
            throw Invalid(description: "configuration \(file.path): \"\(key)\" must be 0 or more")
        }
        for (key, value) in [("input", raw.input), ("output", raw.output)] where value.isEmpty {
            throw Invalid(description: "configuration \(file.path): \"\(key)\" must not be empty")
        }
        let base = file.deletingLastPathComponent()
        return PipelineConfig(
            input: URL(fileURLWithPath: raw.input, relativeTo: base).standardizedFileURL,
            output: URL(fileURLWithPath: raw.output, relativeTo: base).standardizedFileURL,
            maxFileBytes: raw.maxFileBytes ?? defaultMaxFileBytes,
            jobs: raw.jobs ?? 0
        )
    }
}

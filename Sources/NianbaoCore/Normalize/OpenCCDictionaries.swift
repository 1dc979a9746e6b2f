import COpenCCDictionary
import Foundation

/// The dictionaries an OpenCC configuration uses, for segmentation and every conversion step,
/// and their keys, read through OpenCC's own loaders.
enum OpenCCDictionaries {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// Every key of every dictionary the configuration at `path` names.
    static func keys(ofConfiguration path: String) throws -> [String] {
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
        guard let data = FileManager.default.contents(atPath: path),
              let configuration = try? JSONSerialization.jsonObject(with: data) else {
            throw Failure(description: "cannot read OpenCC configuration \(path)")
        }
        var files: [(path: String, type: String)] = []
        collectDictionaries(configuration, into: &files)
        guard !files.isEmpty else { throw Failure(description: "OpenCC configuration \(path) names no dictionary") }
        return try files.flatMap { file in
            try keys(ofDictionary: folder.appendingPathComponent(file.path).path, type: file.type)
        }
    }

    static func keys(ofDictionary path: String, type: String) throws -> [String] {
        var error: UnsafeMutablePointer<CChar>?
        guard let keys = nianbao_opencc_dictionary_keys(path, type, &error) else {
            defer { nianbao_opencc_free(error) }
            throw Failure(description: error.map { String(cString: $0) } ?? "cannot read OpenCC dictionary \(path)")
        }
        defer { nianbao_opencc_free(keys) }
        return String(cString: keys).split(separator: "\n").map(String.init)
    }

    /// Dictionaries are objects with a `file` and a `type`; groups nest them under `dicts`.
    private static func collectDictionaries(_ value: Any, into files: inout [(path: String, type: String)]) {
        if let object = value as? [String: Any] {
            if let file = object["file"] as? String, let type = object["type"] as? String {
                files.append((file, type))
            }
            for key in object.keys.sorted() { collectDictionaries(object[key]!, into: &files) }
        } else if let array = value as? [Any] {
            for element in array { collectDictionaries(element, into: &files) }
        }
    }
}

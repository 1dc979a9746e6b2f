import Foundation
import ZIPFoundation

/// The parts of a Word document (.docx, a zip archive) that nianbao reads, each taken out under a
/// size limit counted while it inflates: a zip bomb stops at the limit, whatever its headers claim.
struct DOCXArchive {
    /// No part of a report's document is larger than this once inflated.
    static let partLimit = 64 << 20

    struct Unreadable: Error {
        var reason: String
    }

    private let archive: Archive

    init(_ bytes: [UInt8]) throws {
        do {
            archive = try Archive(data: Data(bytes), accessMode: .read)
        } catch {
            throw Unreadable(reason: "a damaged Word document (.docx): its zip archive cannot be opened")
        }
    }

    /// Whether the archive holds a part at `path`.
    func contains(_ path: String) -> Bool { archive[path] != nil }

    /// The part's bytes; nil when the archive has no such part.
    func part(_ path: String) throws -> [UInt8]? {
        guard let entry = archive[path] else { return nil }
        guard entry.uncompressedSize <= UInt64(Self.partLimit) else { throw tooLarge(path) }
        var bytes: [UInt8] = []
        do {
            _ = try archive.extract(entry, skipCRC32: false) { chunk in
                guard bytes.count + chunk.count <= Self.partLimit else { throw tooLarge(path) }
                bytes.append(contentsOf: chunk)
            }
        } catch let error as Unreadable {
            throw error
        } catch {
            throw Unreadable(reason: "a damaged Word document (.docx): its part \(path) cannot be inflated (\(error))")
        }
        return bytes
    }

    private func tooLarge(_ path: String) -> Unreadable {
        Unreadable(reason: "a Word document (.docx) whose part \(path) inflates past \(Self.partLimit >> 20) MiB "
                   + "(a zip bomb, or not a report): not read")
    }
}

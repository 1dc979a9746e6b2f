import Foundation
import Testing
@testable import NianbaoCore

/// The second pass: results come back in order whatever the workers' timing, workers stay within
/// the window, failures stop the run, and a file rewritten mid-run is not taken for what it was.
@Suite("Ordered handling")
struct OrderedHandlingTests {
    @Test("results come back in the order items were handed out, with workers never more than the window ahead")
    func orderAndWindow() throws {
        let window = 6
        let items = UnsafeCounter()
        let work = OrderedResults<Int, Int>(window: window) { items.next(below: 400) }
        let furthest = UnsafeCounter()
        let done = DispatchGroup()
        for worker in 0..<4 {
            done.enter()
            Thread {
                while let (sequence, item) = work.take() {
                    furthest.raise(to: sequence)
                    // Uneven work, so that later items often finish first.
                    usleep(useconds_t((item * 7 + worker * 13) % 5 * 100))
                    work.put(item * item, at: sequence)
                }
                done.leave()
            }.start()
        }
        var results: [Int] = []
        var aheadOfWindow = 0
        while let result = try work.next() {
            // Once result k is taken (k + 1 consumed), nothing past k + window can have been handed out.
            if furthest.value > results.count + window { aheadOfWindow += 1 }
            results.append(result)
        }
        done.wait()
        #expect(results == (0..<400).map { $0 * $0 })
        #expect(aheadOfWindow == 0)
    }

    @Test("a worker's failure reaches the consumer and stops the other workers")
    func failureStops() {
        struct Broken: Error {}
        let items = UnsafeCounter()
        let work = OrderedResults<Int, Int>(window: 4) { items.next(below: 1000) }
        let done = DispatchGroup()
        for _ in 0..<2 {
            done.enter()
            Thread {
                while let (sequence, item) = work.take() {
                    if item == 10 { work.fail(Broken()) } else { work.put(item, at: sequence) }
                }
                done.leave()
            }.start()
        }
        #expect(throws: Broken.self) { while try work.next() != nil {} }
        done.wait()
        #expect(items.value < 20)
    }

    @Test("a file whose size or time differs from its listing is rejected, not parsed under the listed hash")
    func rewrittenDuringRun() throws {
        let input = Repository.samples
        let name = Seed.linyi
        let bytes = try Repository.sample(name)
        var info = stat()
        #expect(stat(input.appendingPathComponent(name).path, &info) == 0)
        let modified = Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
        let sha256 = FileProcessor.sha256(bytes)
        let handling = ContentHandling(input: input, maxFileBytes: 1 << 30, reuseReports: false, reuseRejects: false, previousSizes: [:], observer: nil)
        func handle(size: Int, modified: Int64) throws -> ContentHandling.Result {
            let file = PlannedFile(id: 1, path: name, rank: 0, size: size, modified: modified, sha256: sha256, change: .new)
            return try sharedConverters.with { converters in
                try handling.handle(ContentHandling.Content(sha256: sha256, files: [file])) {
                    FileProcessor(converters: converters, maxFileBytes: 1 << 30)
                }
            }
        }
        guard case .parsed(let fragment) = try handle(size: bytes.count, modified: modified) else {
            Issue.record("the listed file was not parsed")
            return
        }
        #expect(fragment.header.reportID == "r" + sha256.prefix(16))
        for (size, time) in [(bytes.count + 1, modified), (bytes.count, modified + 1)] {
            guard case .unread(let reason) = try handle(size: size, modified: time) else {
                Issue.record("a rewritten file was parsed")
                continue
            }
            #expect(reason.contains("changed while the run was reading it"))
        }
    }
}

/// A counter shared by test threads.
private final class UnsafeCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var stored = 0

    var value: Int { lock.withLock { stored } }

    /// The next number below `limit`, or nil once they are all taken.
    func next(below limit: Int) -> Int? {
        lock.withLock {
            guard stored < limit else { return nil }
            defer { stored += 1 }
            return stored
        }
    }

    func raise(to candidate: Int) {
        lock.withLock { stored = max(stored, candidate) }
    }
}

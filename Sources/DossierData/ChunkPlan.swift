import Foundation

/// How a large CSV file is cut for a parallel load: each cut is the byte just after a line feed,
/// a guessed record start. A guess inside a quoted field is harmless: the chunk before it then
/// reads past it (see ``CSVReader/stopOffset``) and the chunks after it are discarded.
struct ChunkPlan: Sendable {
    /// Files smaller than this load on one thread.
    var minimumBytes = 8 << 20
    /// Number of chunks (at most; one per processor by default, capped at 8).
    var parts = min(ProcessInfo.processInfo.activeProcessorCount, 8)
    /// Explicit cut targets (tests): each moves to just after the next line feed.
    var targets: [Int]? = nil

    /// The default plan.
    static let automatic = ChunkPlan()

    /// Start offsets of the chunks, increasing from 0; `[0]` when the file loads in one piece.
    /// `window(offset, count)` returns up to `count` bytes of the file from `offset`.
    func starts(fileSize: Int, window: (Int, Int) -> [UInt8]) -> [Int] {
        let wanted: [Int]
        if let targets {
            wanted = targets
        } else {
            guard parts > 1, fileSize >= minimumBytes else { return [0] }
            wanted = (1..<parts).map { fileSize / parts * $0 }
        }
        var starts = [0]
        for target in wanted.sorted() where target > 0 && target < fileSize {
            guard let cut = Self.afterLineFeed(from: target, fileSize: fileSize, window: window),
                  cut > (starts.last ?? 0), cut < fileSize else { continue }
            starts.append(cut)
        }
        return starts
    }

    /// The offset just after the first line feed at or after `offset` (searched up to 4 MiB).
    static func afterLineFeed(from offset: Int, fileSize: Int, window: (Int, Int) -> [UInt8]) -> Int? {
        var at = offset
        let step = 1 << 16
        while at < min(fileSize, offset + (4 << 20)) {
            let bytes = window(at, step)
            if bytes.isEmpty { return nil }
            if let i = bytes.firstIndex(of: 10) { return at + i + 1 }
            at += bytes.count
        }
        return nil
    }
}

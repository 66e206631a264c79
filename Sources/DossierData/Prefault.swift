#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Maps in the pages of a freshly reserved column buffer with one system call, instead of one
/// page fault per 4 KiB page as the load first writes each page. Advisory: a no-op where
/// unsupported.
enum Prefault {
    private static let page = 4096
    /// `MADV_POPULATE_WRITE` (Linux 5.14).
    private static let populateWrite: Int32 = 23

    /// Populates the whole pages inside `count` bytes from `base`.
    static func populate(_ base: UnsafeMutableRawPointer?, _ count: Int) {
        #if os(Linux)
        guard let base, count >= 16 * page else { return }
        let start = (Int(bitPattern: base) + page - 1) & ~(page - 1)
        let end = (Int(bitPattern: base) + count) & ~(page - 1)
        guard end > start, let p = UnsafeMutableRawPointer(bitPattern: start) else { return }
        _ = madvise(p, end - start, populateWrite)
        #endif
    }

    /// Populates room for `count` elements after the current ones of `array` (within its capacity).
    static func populate<T>(_ array: inout [T], adding count: Int) {
        let used = array.count
        let room = min(count, array.capacity - used)
        guard room > 0 else { return }
        array.withUnsafeMutableBufferPointer { b in
            populate(UnsafeMutableRawPointer(b.baseAddress.map { $0 + used }), room * MemoryLayout<T>.stride)
        }
    }
}

import CCairo
import Foundation

/// Makes the first typesetter's private fontconfig configuration the process's current one.
///
/// Pango starts a thread (`[pango] FcInit`) when it makes its first font map, and that thread
/// calls `FcInit()`: with no current configuration, fontconfig then loads the machine's own
/// (`/etc/fonts/fonts.conf` and the ~150 files it includes, the user's configuration, the
/// system font folders' caches: ~300 file operations and ~3 ms of CPU a process), a
/// configuration no typesetter uses, each giving its font map its own
/// (`pango_fc_font_map_set_config`). With a current configuration set before the first font
/// map is made, `FcInit()` finds it and returns at once, and nothing outside the pinned font
/// folder is read. A fontconfig call given no configuration (NULL) sees the pinned fonts only.
final class FontconfigCurrent: @unchecked Sendable {
    /// The process's one instance.
    static let shared = FontconfigCurrent()

    private let lock = NSLock()
    private var installed = false

    /// Makes `config` (a built configuration) current unless one was made current before; the
    /// current configuration keeps its own reference, so the typesetter may destroy its own.
    func install(_ config: OpaquePointer) {
        lock.withLock {
            guard !installed else { return }
            installed = FcConfigSetCurrent(config) == FcTrue
        }
    }
}

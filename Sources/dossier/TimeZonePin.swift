import Foundation

/// The command line's time zone, set before anything else runs: `TZ=UTC0`, a POSIX rule that
/// names no file. Cairo's PDF surface calls `tzset` when it is made, which without `TZ` reads
/// `/etc/localtime` (and with `TZ=UTC`, `/usr/share/zoneinfo/UTC`): the last file a build read
/// outside the project that is neither a library nor the pinned font cache. No output depends
/// on the zone (the PDF's dates come from the report); docs/reproducibility.md lists what a
/// build still opens.
enum TimeZonePin {
    /// The `TZ` value the process runs with.
    static let value = "UTC0"

    /// Sets `TZ` for this process (and any child), replacing the caller's.
    static func pin() {
        setenv("TZ", value, 1)
    }
}

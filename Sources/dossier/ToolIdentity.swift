import DossierBuild
import Foundation

/// What identifies this `dossier` for its build cache: the version plus the executable's size,
/// modification time and inode, so that a rebuilt binary (same version, new code) never reads
/// the values an older one computed. Read once, by the command line (the library takes it in
/// ``BuildCache/init(directory:toolIdentity:)``).
enum ToolIdentity {
    static var current: String {
        var text = "dossier \(DossierVersion.current)"
        if let path = Bundle.main.executablePath {
            var status = stat()
            if stat(path, &status) == 0 {
                text += " \(status.st_size) \(status.st_mtim.tv_sec).\(status.st_mtim.tv_nsec) \(status.st_ino)"
            } else {
                // Unknown binary: a fresh identity each run, so nothing is ever reused.
                text += " \(UUID().uuidString)"
            }
        }
        return text
    }
}

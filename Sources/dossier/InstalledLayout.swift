import DossierBuild
import Foundation

/// Where the running `dossier` finds the files installed with it, from its own executable's
/// path (symbolic links resolved) — no environment variable needed:
///
/// - installed (`make install`, the Debian package): `<prefix>/bin/dossier` →
///   `<prefix>/share/dossier/fonts/` and `<prefix>/share/dossier/dossier.mk`;
/// - built in Dossier's repository (`.build/release/dossier`): the repository's `fonts/` and
///   `make/dossier.mk`, found by walking up from the executable.
enum InstalledLayout {
    /// The running executable's real path (`/proc/self/exe`, symbolic links resolved).
    static var executable: URL? {
        guard let resolved = realpath("/proc/self/exe", nil) else { return nil }
        defer { free(resolved) }
        return URL(fileURLWithPath: String(cString: resolved))
    }

    /// The folder of shared files: `(fonts, dossier.mk)` beside the executable, or nil.
    static var shared: (fonts: URL, makeInclude: URL)? {
        guard let executable else { return nil }
        return shared(forExecutable: executable)
    }

    /// The shared files for an executable at `executable` (see the type's description).
    static func shared(forExecutable executable: URL) -> (fonts: URL, makeInclude: URL)? {
        let binFolder = executable.deletingLastPathComponent()
        let share = binFolder.deletingLastPathComponent().appendingPathComponent("share/dossier")
        let installedInclude = share.appendingPathComponent("dossier.mk")
        if FileManager.default.fileExists(atPath: installedInclude.path) {
            return (share.appendingPathComponent("fonts"), installedInclude)
        }
        var folder = binFolder
        while folder.path != "/" {
            let include = folder.appendingPathComponent("make/dossier.mk")
            if FileManager.default.fileExists(atPath: include.path) {
                return (folder.appendingPathComponent("fonts"), include)
            }
            folder = folder.deletingLastPathComponent()
        }
        return nil
    }

    /// The fonts installed with this executable, when that folder holds font files.
    static var fontDirectory: URL? {
        guard let fonts = shared?.fonts, BuildOptions.holdsFonts(fonts) else { return nil }
        return fonts
    }

    /// Where an installed Dossier's fonts would be, for messages: `<prefix>/share/dossier/fonts`.
    static var expectedFontDirectory: String {
        guard let executable else { return "<prefix>/share/dossier/fonts" }
        return executable.deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("share/dossier/fonts").path
    }
}

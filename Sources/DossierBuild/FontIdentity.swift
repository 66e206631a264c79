import Foundation

/// The identity of the pinned fonts a build used, recorded in `manifest.json` instead of the
/// font files' paths: the fonts may come from the repository's `fonts/` or from an installed
/// `<prefix>/share/dossier/fonts`, and the manifest must be the same bytes either way.
///
/// The identity is the SHA-256 of the lines `<sha256 of the file>  <file name>\n`, one per
/// font file in name order — exactly what `sha256sum` prints — so it can be recomputed by hand:
///
/// ```sh
/// cd fonts && LC_ALL=C sha256sum $(LC_ALL=C ls *.ttf *.otf) | sha256sum
/// ```
package struct FontIdentity: Sendable, Equatable {
    /// One font file: its name (no folder) and the SHA-256 of its bytes.
    package struct File: Sendable, Equatable {
        package var name: String
        package var sha256: String
    }

    /// The SHA-256 over every file's name and digest (see the type's description).
    package var sha256: String
    /// The font files, in name order.
    package var files: [File]

    /// The identity of files already hashed, given by name and SHA-256 (any order).
    package init(files: [File]) {
        let sorted = files.sorted { Array($0.name.utf8).lexicographicallyPrecedes(Array($1.name.utf8)) }
        let listing = sorted.map { "\($0.sha256)  \($0.name)\n" }.joined()
        self.files = sorted
        sha256 = SHA256.hex(Array(listing.utf8))
    }

    /// The identity of the font files at `paths` (absolute paths, as ``CairoKit/Typesetter``
    /// lists them); a file that cannot be read counts as empty.
    package init(paths: [String]) {
        self.init(files: paths.map { path in
            File(name: URL(fileURLWithPath: path, isDirectory: false).lastPathComponent,
                 sha256: SHA256.hex(FileBytes.read(path) ?? []))
        })
    }

    /// How `self` (the committed fonts) differs from `fresh`, in words for `dossier check`:
    /// `the fonts (DejaVuSans.ttf changed; font identity 1a2b3c4d… → 5e6f7a8b…)`.
    package func change(to fresh: FontIdentity) -> String? {
        guard sha256 != fresh.sha256 else { return nil }
        let old = Dictionary(files.map { ($0.name, $0.sha256) }, uniquingKeysWith: { first, _ in first })
        let new = Dictionary(fresh.files.map { ($0.name, $0.sha256) }, uniquingKeysWith: { first, _ in first })
        var parts: [String] = []
        for name in Set(old.keys).union(new.keys).sorted() where old[name] != new[name] {
            parts.append(old[name] == nil ? "\(name) new" : (new[name] == nil ? "\(name) removed" : "\(name) changed"))
        }
        parts.append("font identity \(sha256.prefix(8))… → \(fresh.sha256.prefix(8))…")
        return "the fonts (" + parts.joined(separator: "; ") + ")"
    }
}

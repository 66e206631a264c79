import DossierBase
import Foundation

/// The project root of a report folder, found once: a build asks for it for every path it
/// confines (the report, the data package, chart files), and finding it resolves the folder
/// (`realpath`) and looks for `.git` and `.dossier-project` in every folder up to the root.
///
/// Only the root's canonical path is remembered, never a file's: every path confined within it
/// is still resolved (`realpath`, symlinks followed) and checked against it when it is named,
/// so a symlink swapped in after the root was found is refused like any other. A folder with
/// no root (it does not exist) is not remembered.
final class ProjectRootMemo: @unchecked Sendable {
    private let lock = NSLock()
    private var found: (folder: String, root: ProjectRoot)?

    /// The project root of `folder` (``ProjectRoot/enclosing(_:)``), the one found before when
    /// `folder` is the folder asked for then; nil when the folder does not exist.
    func root(of folder: String) -> ProjectRoot? {
        if let known = lock.withLock({ found }), known.folder == folder { return known.root }
        guard let root = try? ProjectRoot.enclosing(folder) else { return nil }
        lock.withLock { found = (folder, root) }
        return root
    }
}

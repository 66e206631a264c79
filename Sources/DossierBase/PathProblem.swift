/// Why a path named by a report or a data package cannot be read.
///
/// Every case but ``notFound`` is a problem of the file that names the path (exit 65);
/// ``notFound`` is a missing input (exit 66). ``message(for:)`` says what was found and what
/// was expected, quoting the name through ``InputExcerpt``.
public enum PathProblem: Error, Sendable, Equatable {
    /// An empty name.
    case empty
    /// A name containing a NUL byte (no file system accepts it; it would cut the path short).
    case nulByte
    /// A URL (`http:`, `file:` …): Dossier reads local files only.
    case url(scheme: String)
    /// The name resolves (after symlinks) to `resolved`, outside the project root `root`.
    case outsideRoot(resolved: String, root: String)
    /// The name resolves to something that is not a regular file (`kind`: "a folder", "a FIFO" …).
    case notRegularFile(kind: String)
    /// No file by that name.
    case notFound
    /// The file exists but cannot be read (`detail` from the system).
    case unreadable(detail: String)
    /// The file is larger than the limit for its kind.
    case tooLarge(size: Int, limit: Int)

    /// True for a missing file (exit 66); false for a bad name or file (exit 65).
    public var isMissing: Bool { self == .notFound }

    /// `path "<name>" …, expected …` for a diagnostic about `name`.
    public func message(for name: String) -> String {
        let quoted = InputExcerpt.quoted(name)
        switch self {
        case .empty:
            return "empty path — found \"\", expected a file path relative to the file that names it"
        case .nulByte:
            return "invalid path \(quoted) — found a NUL byte, expected a file path"
        case let .url(scheme):
            return "path \(quoted) is a URL — found the scheme \"\(InputExcerpt.excerpt(scheme, limit: 20)):\", "
                + "expected a file inside the project (Dossier reads no URLs: download the file into the project; "
                + "write \"./\" before a file name that has a colon)"
        case let .outsideRoot(resolved, root):
            return "path \(quoted) leads outside the project — found \(InputExcerpt.quoted(resolved)), "
                + "expected a file inside the project root \(InputExcerpt.quoted(root)) (the nearest folder holding .git or .dossier-project)"
        case let .notRegularFile(kind):
            return "path \(quoted) names \(kind) — expected a regular file"
        case .notFound:
            return "no such file \(quoted) — expected an existing file"
        case let .unreadable(detail):
            return "cannot read \(quoted) — \(detail)"
        case let .tooLarge(size, limit):
            return "file \(quoted) is too large — found \(size) bytes, expected at most \(limit) bytes"
        }
    }
}

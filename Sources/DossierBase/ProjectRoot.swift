#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The folder every input a report or a data package names must lie in.
///
/// The project root of a folder is its nearest ancestor, the folder itself included, that
/// holds `.git` (a folder, or a file in a git worktree) or a marker file `.dossier-project`;
/// when there is none, the folder itself. A report's root is found from the report folder;
/// `dossier validate <datapackage.json>`'s from the descriptor's folder.
///
/// ``confine(_:relativeTo:)`` is the only way to make a ``ConfinedPath``: it rejects URLs and
/// NUL bytes, resolves the name relative to the naming file's folder, canonicalises it with
/// `realpath` (symlinks resolved), and requires a regular file inside the canonical root.
public struct ProjectRoot: Sendable, Hashable, CustomStringConvertible {
    /// The marker file that makes a folder a project root (besides `.git`).
    public static let markerFileName = ".dossier-project"

    /// The canonical absolute path of the root folder.
    public let path: String

    /// The root at `folder` exactly (canonicalised), whatever its ancestors hold.
    /// Throws when the folder does not exist.
    public init(exactly folder: String) throws(PathProblem) {
        guard let canonical = Self.realPath(folder) else {
            throw errno == ENOENT || errno == ENOTDIR ? .notFound : .unreadable(detail: String(cString: strerror(errno)))
        }
        path = canonical
    }

    /// The project root of `folder`: its nearest ancestor (inclusive) holding `.git` or
    /// `.dossier-project`, else `folder` itself. Throws when the folder does not exist.
    public static func enclosing(_ folder: String) throws(PathProblem) -> ProjectRoot {
        let start = try ProjectRoot(exactly: folder)
        var candidate = start.path
        while true {
            if exists(join(candidate, ".git")) || exists(join(candidate, markerFileName)) {
                return ProjectRoot(canonical: candidate)
            }
            guard let parent = parentFolder(of: candidate) else { return start }
            candidate = parent
        }
    }

    private init(canonical: String) { path = canonical }

    public var description: String { path }

    /// Whether the canonical absolute `path` is the root or lies inside it.
    public func contains(_ canonical: String) -> Bool {
        if path == "/" { return canonical.hasPrefix("/") }
        return canonical == path || canonical.hasPrefix(path + "/")
    }

    /// The regular file `name` names, resolved relative to `baseFolder` (the folder of the file
    /// that names it; absolute names are taken as they are), or why it cannot be read.
    /// Nothing is opened: the checks use `realpath` and `stat` only.
    public func confine(_ name: String, relativeTo baseFolder: String) -> Result<ConfinedPath, PathProblem> {
        if name.isEmpty { return .failure(.empty) }
        if name.utf8.contains(0) { return .failure(.nulByte) }
        if let scheme = Self.urlScheme(of: name) { return .failure(.url(scheme: scheme)) }
        // `realpath` of the name joined to the folder as given resolves every component, the
        // folder's included, as the kernel would (a symlink, then `..` from its target): the
        // same path as the folder resolved first, without resolving the folder's components
        // twice. Only when that fails is the folder resolved on its own (or, missing, taken
        // lexically), as the base of the name and of the "outside" message.
        if !baseFolder.isEmpty || name.hasPrefix("/"),
           let canonical = Self.realPath(name.hasPrefix("/") ? name : Self.join(baseFolder, name)) {
            return checked(canonical)
        }
        let base = Self.realPath(baseFolder) ?? Self.lexicallyNormalised(baseFolder)
        let joined = name.hasPrefix("/") ? name : Self.join(base, name)
        guard let canonical = Self.realPath(joined) else {
            let failure = errno
            // Nothing by that name: say "outside" when the name leads out even on paper.
            let lexical = Self.lexicallyNormalised(joined)
            if !contains(lexical) { return .failure(.outsideRoot(resolved: lexical, root: path)) }
            if failure == ENOENT || failure == ENOTDIR { return .failure(.notFound) }
            return .failure(.unreadable(detail: String(cString: strerror(failure))))
        }
        return checked(canonical)
    }

    /// `canonical` (a `realpath` result) if it is a regular file inside the root, or why not.
    private func checked(_ canonical: String) -> Result<ConfinedPath, PathProblem> {
        guard contains(canonical) else { return .failure(.outsideRoot(resolved: canonical, root: path)) }
        var status = stat()
        guard stat(canonical, &status) == 0 else {
            return .failure(errno == ENOENT ? .notFound : .unreadable(detail: String(cString: strerror(errno))))
        }
        guard let kind = FileKind(mode: status.st_mode), kind == .regular else {
            return .failure(.notRegularFile(kind: FileKind(mode: status.st_mode)?.description ?? "a special file"))
        }
        return .success(ConfinedPath(canonical: canonical))
    }

    /// The scheme of a URL-like name (`http` in `http://…`): letters, then letters, digits, `+`,
    /// `-` or `.`, then a colon, before any slash.
    static func urlScheme(of name: String) -> String? {
        guard let colon = name.firstIndex(of: ":") else { return nil }
        let scheme = name[..<colon]
        guard let first = scheme.unicodeScalars.first, first.isASCIILetter else { return nil }
        let valid = scheme.unicodeScalars.allSatisfy { $0.isASCIILetter || ("0"..."9").contains($0) || $0 == "+" || $0 == "-" || $0 == "." }
        return valid ? String(scheme) : nil
    }

    /// `realpath(3)`, or nil (with `errno` set).
    package static func realPath(_ path: String) -> String? {
        guard !path.isEmpty, let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// `path` made absolute (relative to the current folder) with `.` and `..` removed,
    /// without consulting the file system.
    static func lexicallyNormalised(_ path: String) -> String {
        var absolute = path
        if !path.hasPrefix("/") {
            var current = "/"
            if let folder = getcwd(nil, 0) {
                current = String(cString: folder)
                free(folder)
            }
            absolute = join(current, path)
        }
        var parts: [Substring] = []
        for part in absolute.split(separator: "/", omittingEmptySubsequences: true) {
            switch part {
            case ".": continue
            case "..": if !parts.isEmpty { parts.removeLast() }
            default: parts.append(part)
            }
        }
        return "/" + parts.joined(separator: "/")
    }

    static func join(_ folder: String, _ name: String) -> String {
        folder.hasSuffix("/") ? folder + name : folder + "/" + name
    }

    private static func exists(_ path: String) -> Bool {
        var status = stat()
        return lstat(path, &status) == 0
    }

    private static func parentFolder(of path: String) -> String? {
        guard path != "/", let slash = path.lastIndex(of: "/") else { return nil }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }
}

extension Unicode.Scalar {
    fileprivate var isASCIILetter: Bool { ("a"..."z").contains(self) || ("A"..."Z").contains(self) }
}

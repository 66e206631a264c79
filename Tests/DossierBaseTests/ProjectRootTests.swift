import DossierBase
import Foundation
import Testing

/// The project root and path confinement: what a report or data package may name.
@Suite struct ProjectRootTests {
    /// A temporary folder `top` holding `project/` (with `marker` inside when given) and
    /// `outside/secret.csv`.
    private func layout(marker: String? = ProjectRoot.markerFileName) throws -> (top: URL, project: URL) {
        let manager = FileManager.default
        let top = manager.temporaryDirectory.appendingPathComponent("dossier-root-\(UUID().uuidString)")
        let project = top.appendingPathComponent("project")
        try manager.createDirectory(at: project.appendingPathComponent("data/deeper"), withIntermediateDirectories: true)
        try manager.createDirectory(at: top.appendingPathComponent("outside"), withIntermediateDirectories: true)
        if let marker {
            if marker == ".git" {
                try manager.createDirectory(at: project.appendingPathComponent(".git"), withIntermediateDirectories: true)
            } else {
                try Data().write(to: project.appendingPathComponent(marker))
            }
        }
        try Data("a\n1\n".utf8).write(to: project.appendingPathComponent("data/inside.csv"))
        try Data("secret\n".utf8).write(to: top.appendingPathComponent("outside/secret.csv"))
        return (top, project)
    }

    @Test func theRootIsTheNearestFolderWithAMarkerOrGit() throws {
        for marker in [ProjectRoot.markerFileName, ".git"] {
            let (top, project) = try layout(marker: marker)
            defer { try? FileManager.default.removeItem(at: top) }
            let root = try ProjectRoot.enclosing(project.appendingPathComponent("data/deeper").path)
            #expect(root.path == project.resolvingSymlinksInPath().path)
        }
    }

    @Test func withoutAMarkerTheFolderItselfIsTheRoot() throws {
        let (top, project) = try layout(marker: nil)
        defer { try? FileManager.default.removeItem(at: top) }
        let folder = project.appendingPathComponent("data")
        let root = try ProjectRoot.enclosing(folder.path)
        #expect(root.path == folder.resolvingSymlinksInPath().path)
        #expect(throws: PathProblem.notFound) { try ProjectRoot.enclosing(top.appendingPathComponent("missing").path) }
    }

    @Test func aFileInsideIsConfinedToItsCanonicalPath() throws {
        let (top, project) = try layout()
        defer { try? FileManager.default.removeItem(at: top) }
        let root = try ProjectRoot.enclosing(project.path)
        let data = project.appendingPathComponent("data").path
        let file = try root.confine("./deeper/../inside.csv", relativeTo: data).get()
        #expect(file.path == project.resolvingSymlinksInPath().appendingPathComponent("data/inside.csv").path)
        // An absolute name inside the root is accepted; a symlink that stays inside too.
        #expect(throws: Never.self) { try root.confine(file.path, relativeTo: "/").get() }
        try FileManager.default.createSymbolicLink(atPath: data + "/alias.csv", withDestinationPath: "inside.csv")
        #expect(try root.confine("alias.csv", relativeTo: data).get() == file)
        let bytes = try file.readAll(limit: 100)
        #expect(bytes == Array("a\n1\n".utf8))
        #expect(throws: PathProblem.tooLarge(size: 4, limit: 3)) { try file.readAll(limit: 3) }
    }

    @Test func pathsLeadingOutsideAreRefused() throws {
        let (top, project) = try layout()
        defer { try? FileManager.default.removeItem(at: top) }
        let root = try ProjectRoot.enclosing(project.path)
        let data = project.appendingPathComponent("data").path
        let secret = top.appendingPathComponent("outside/secret.csv").resolvingSymlinksInPath().path
        try FileManager.default.createSymbolicLink(atPath: data + "/link.csv", withDestinationPath: secret)
        for name in ["../../outside/secret.csv", secret, "link.csv", "/etc/passwd", "../../outside/missing.csv"] {
            let result = root.confine(name, relativeTo: data)
            guard case let .failure(.outsideRoot(resolved, rootPath)) = result else {
                Issue.record("\(name): expected outsideRoot, got \(result)")
                continue
            }
            #expect(rootPath == root.path)
            #expect(!root.contains(resolved))
        }
    }

    /// A name joined to its folder as given resolves as the kernel would (the folder's links
    /// first, then `..` from their targets): the same file as relative to the folder resolved
    /// first. A folder that does not exist is still taken lexically.
    @Test func aNameResolvesFromItsFolderLikeTheKernel() throws {
        let (top, project) = try layout()
        defer { try? FileManager.default.removeItem(at: top) }
        let root = try ProjectRoot.enclosing(project.path)
        let data = project.appendingPathComponent("data").path
        let alias = project.appendingPathComponent("alias").path
        try FileManager.default.createSymbolicLink(atPath: alias, withDestinationPath: data + "/deeper")
        let resolved = try #require(ProjectRoot.realPath(alias))
        for name in ["../inside.csv", "../deeper/../inside.csv", "../../data/inside.csv", "../../../outside/secret.csv",
                     "missing.csv", "../missing.csv", "."] {
            #expect(root.confine(name, relativeTo: alias) == root.confine(name, relativeTo: resolved), "\(name)")
        }
        let inside = try root.confine("inside.csv", relativeTo: data).get()
        #expect(try root.confine("../inside.csv", relativeTo: alias).get() == inside)
        #expect(try root.confine("inside.csv", relativeTo: data + "/missing/..").get() == inside)
        #expect(try root.confine("data/inside.csv", relativeTo: project.path + "/").get() == inside)
    }

    @Test func urlsNulBytesDevicesAndFoldersAreRefused() throws {
        let (top, project) = try layout()
        defer { try? FileManager.default.removeItem(at: top) }
        let root = try ProjectRoot.enclosing(project.path)
        let data = project.appendingPathComponent("data").path
        #expect(root.confine("http://example.com/a.csv", relativeTo: data) == .failure(.url(scheme: "http")))
        #expect(root.confine("file:///etc/passwd", relativeTo: data) == .failure(.url(scheme: "file")))
        #expect(root.confine("inside.csv\0.txt", relativeTo: data) == .failure(.nulByte))
        #expect(root.confine("", relativeTo: data) == .failure(.empty))
        #expect(root.confine("deeper", relativeTo: data) == .failure(.notRegularFile(kind: "a folder")))
        #expect(root.confine("missing.csv", relativeTo: data) == .failure(.notFound))
        #expect(mkfifo(data + "/pipe.csv", 0o600) == 0)
        #expect(root.confine("pipe.csv", relativeTo: data) == .failure(.notRegularFile(kind: "a FIFO (named pipe)")))
        // A root holding /dev: the device is still refused, without reading it.
        let slash = try ProjectRoot(exactly: "/")
        #expect(slash.confine("/dev/zero", relativeTo: "/") == .failure(.notRegularFile(kind: "a character device")))
        // "./a:b.csv" is a file name with a colon, not a URL.
        #expect(root.confine("./a:b.csv", relativeTo: data) == .failure(.notFound))
    }

    @Test func messagesQuoteTheNameBoundedAndSayWhatWasExpected() {
        let long = String(repeating: "../", count: 1000) + "etc/passwd"
        let message = PathProblem.outsideRoot(resolved: "/etc/passwd", root: "/p").message(for: long)
        #expect(message.contains("leads outside the project"))
        #expect(message.contains("expected a file inside the project root \"/p\""))
        #expect(message.count < 400)
        #expect(PathProblem.url(scheme: "http").message(for: "http://x").contains("is a URL"))
        #expect(PathProblem.notFound.isMissing)
        #expect(!PathProblem.nulByte.isMissing)
    }
}

import DossierBase
import Foundation

/// How a package load lists the files it reads: in ``DataPackage/files`` as named, made
/// absolute, and in ``DataPackage/filePaths`` as printed (relative to the current directory as
/// the descriptor's URL was given). One description for the load (``DescriptorParser``) and for
/// a package read back from the build cache, whose lists must be the load's.
package struct PackageListing: Sendable {
    /// The descriptor's URL as given.
    package let descriptorURL: URL
    /// Directory of the descriptor as named (absolute URL).
    let baseURL: URL
    /// Directory as printed ("" for the current directory).
    let displayBase: String
    /// Descriptor path as printed.
    let displayPath: String

    /// The listing of the package whose descriptor is `url`.
    package init(descriptor url: URL) {
        descriptorURL = url
        baseURL = url.absoluteURL.deletingLastPathComponent()
        let display = DataPackage.displayPath(url)
        displayPath = display
        if let slash = display.lastIndex(of: "/") { displayBase = String(display[..<slash]) } else { displayBase = "" }
    }

    /// How a file the descriptor names is listed in ``DataPackage/files``: as named, made absolute.
    func listed(_ name: String) -> URL {
        name.hasPrefix("/") ? URL(fileURLWithPath: name, isDirectory: false) : baseURL.appendingPathComponent(name, isDirectory: false)
    }

    /// How a file the descriptor names is printed.
    func display(_ relative: String) -> String {
        displayBase.isEmpty || relative.hasPrefix("/") ? relative : displayBase + "/" + relative
    }

    /// ``DataPackage/files`` and ``DataPackage/filePaths`` of a package whose descriptor named
    /// `names` (``DataPackage/fileNames``): the descriptor first, then each named file.
    package func files(named names: [String]) -> (files: [URL], filePaths: [String]) {
        ([descriptorURL.absoluteURL] + names.map(listed), [displayPath] + names.map(display))
    }
}

/// A package's descriptor confined to the project root, and the folder the names it gives
/// resolve against: the load confines every file through it before reading it, and so does a
/// build that reads the package back from its cache (the same names, the same checks).
package struct ConfinedDescriptor: Sendable {
    /// The project root every named file must lie in.
    package let root: ProjectRoot
    /// The descriptor, resolved.
    package let path: ConfinedPath
    /// Directory of the descriptor (canonical, absolute), against which names resolve.
    let baseFolder: String

    /// Confines the descriptor at `url` to `root` (default: the project root of its folder, see
    /// ``ProjectRoot``).
    package init(_ url: URL, root: ProjectRoot?) throws(PathProblem) {
        let folder = url.absoluteURL.deletingLastPathComponent().path
        if let root { self.root = root } else { self.root = try ProjectRoot.enclosing(folder) }
        path = try self.root.confine(url.absoluteURL.path, relativeTo: folder).get()
        let base = String(path.path[..<(path.path.lastIndex(of: "/") ?? path.path.startIndex)])
        baseFolder = base.isEmpty ? "/" : base
    }

    /// The file `name` (as the descriptor or a schema gives it) names, or why it cannot be read.
    package func confine(_ name: String) -> Result<ConfinedPath, PathProblem> {
        root.confine(name, relativeTo: baseFolder)
    }
}

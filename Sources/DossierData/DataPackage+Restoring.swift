import Foundation

extension DataPackage {
    /// The package a load of the descriptor at `url` gave, from the parts the build cache keeps
    /// of it: ``files`` and ``filePaths`` are listed from `fileNames` as the load lists them
    /// (``PackageListing``), so they are the load's for the same `url`.
    package init(restoring url: URL, name: String?, resources: [Resource], tables: [Table], fileNames: [String],
                 warnings: [Diagnostic]) {
        let listed = PackageListing(descriptor: url).files(named: fileNames)
        self.init(name: name, descriptorURL: url, resources: resources, tables: tables, files: listed.files,
                  filePaths: listed.filePaths, warnings: warnings, fileNames: fileNames)
    }
}

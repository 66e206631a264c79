import DossierBuild
import Foundation

/// What `dossier build` keeps until the process exits: the build's in-memory graph
/// (``ReportBuild/Remains``), handed over once the outputs are committed. The process exits
/// right after, and the exit returns the memory at once; freeing the graph object by object
/// would only cost time (at 1000× data, a third of a second of CPU). Only the command line
/// does this: a library caller's build frees what it held.
enum ExitRetention {
    private final class Store: @unchecked Sendable {
        let lock = NSLock()
        var kept: [ReportBuild.Remains] = []
    }

    private static let store = Store()

    /// Keeps `remains` until the process exits (it is never released).
    @Sendable static func keep(_ remains: ReportBuild.Remains) {
        store.lock.withLock { store.kept.append(remains) }
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A regular file inside a project root, resolved with symlinks: the only kind of path
/// Dossier opens for input. Only ``ProjectRoot/confine(_:relativeTo:)`` makes one, so a
/// function taking a `ConfinedPath` cannot be handed a path that escapes the project.
public struct ConfinedPath: Sendable, Hashable, CustomStringConvertible {
    /// The canonical absolute path (no `.`, `..` or symlinks).
    public let path: String

    init(canonical path: String) { self.path = path }

    public var description: String { path }

    /// Opens the file for reading without blocking (a FIFO swapped in after resolution must not
    /// hang the build) and checks, on the open descriptor, that it is still a regular file.
    /// The caller closes the descriptor.
    public func openForReading() throws(PathProblem) -> Int32 {
        var descriptor: Int32
        repeat {
            descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY)
        } while descriptor < 0 && errno == EINTR
        guard descriptor >= 0 else {
            let code = errno
            if code == ENOENT || code == ENOTDIR { throw .notFound }
            throw .unreadable(detail: String(cString: strerror(code)))
        }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else {
            let detail = String(cString: strerror(errno))
            close(descriptor)
            throw .unreadable(detail: detail)
        }
        guard let kind = FileKind(mode: status.st_mode), kind == .regular else {
            close(descriptor)
            throw .notRegularFile(kind: FileKind(mode: status.st_mode)?.description ?? "a special file")
        }
        return descriptor
    }

    /// The whole file, refusing one larger than `limit` bytes (checked before reading).
    /// The bytes are read straight into the array's own storage (no zeroed chunk copied in).
    public func readAll(limit: Int) throws(PathProblem) -> [UInt8] {
        let descriptor = try openForReading()
        defer { close(descriptor) }
        var status = stat()
        if fstat(descriptor, &status) == 0, Int(status.st_size) > limit {
            throw .tooLarge(size: Int(status.st_size), limit: limit)
        }
        var bytes: [UInt8] = []
        // One more byte than the size: a read that fills it means the file grew.
        var room = max(0, Int(status.st_size)) + 1
        while true {
            var failure: Int32 = 0
            let chunk = [UInt8](unsafeUninitializedCapacity: room) { buffer, initialized in
                var count: Int
                repeat {
                    count = read(descriptor, buffer.baseAddress, buffer.count)
                } while count < 0 && errno == EINTR
                if count < 0 { failure = errno }
                initialized = max(count, 0)
            }
            if failure != 0 { throw .unreadable(detail: String(cString: strerror(failure))) }
            if chunk.isEmpty { break }
            if bytes.isEmpty { bytes = chunk } else { bytes.append(contentsOf: chunk) }
            // The file grew after the size check: still refuse more than the limit.
            if bytes.count > limit { throw .tooLarge(size: bytes.count, limit: limit) }
            room = 1 << 16
        }
        return bytes
    }
}

/// What a path names, from `stat`'s mode.
enum FileKind: Equatable, CustomStringConvertible {
    case regular, folder, characterDevice, blockDevice, fifo, socket, symbolicLink

    init?(mode: mode_t) {
        switch mode & S_IFMT {
        case S_IFREG: self = .regular
        case S_IFDIR: self = .folder
        case S_IFCHR: self = .characterDevice
        case S_IFBLK: self = .blockDevice
        case S_IFIFO: self = .fifo
        case S_IFSOCK: self = .socket
        case S_IFLNK: self = .symbolicLink
        default: return nil
        }
    }

    var description: String {
        switch self {
        case .regular: return "a regular file"
        case .folder: return "a folder"
        case .characterDevice: return "a character device"
        case .blockDevice: return "a block device"
        case .fifo: return "a FIFO (named pipe)"
        case .socket: return "a socket"
        case .symbolicLink: return "a symbolic link"
        }
    }
}

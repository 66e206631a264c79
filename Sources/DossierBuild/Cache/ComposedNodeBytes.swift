import DossierReport
import Yams

/// A composed YAML document (``YAMLTextTags/Composed``) as bytes, for the `front matter`
/// cache entry (``FrontMatterComposer``): every node with its kind, tag name, style, position
/// (line and column) and text or children, so that the tree read back is the one Yams
/// composed — decoding it gives the same spec, and every error the same `file:line:column`.
///
/// A node an alias repeats is the anchored node itself in Yams' tree, sharing its `Tag` (a
/// class, whose name the decoder may resolve in place); so tags are written once each, by
/// identity, and nodes name theirs: the tree read back shares its tags as the composed one did.
/// Only what ``YAMLTextTags/compose(_:)`` makes without its resolver is kept (`textTags`: every
/// tag composed by `Resolver.basic`), and only trees no deeper than ``depthLimit``: anything
/// else is never stored, and composed afresh each build. (Yams holds a node's anchor weakly:
/// none is left once composing ends, and nothing reads them.)
enum ComposedNodeBytes {
    /// The deepest tree stored (reading is recursive).
    static let depthLimit = 512

    /// The bytes of `composed`, or nil when it is not kept (see above).
    static func bytes(of composed: YAMLTextTags.Composed) -> [UInt8]? {
        guard composed.textTags, MarkBits.fits else { return nil }
        var tags = TagTable()
        var body = CacheByteWriter()
        guard write(composed.node, depth: 0, tags: &tags, into: &body) else { return nil }
        var writer = CacheByteWriter()
        writer.boolean(composed.mergeKeysPossible)
        writer.strings(tags.distinctNames)
        writer.integer(tags.nameNumbers.count)
        for number in tags.nameNumbers { writer.integer(number) }
        writer.data(body.bytes)
        return writer.bytes
    }

    /// The document ``bytes(of:)`` wrote.
    static func composed(from payload: [UInt8]) throws(CacheEntryDamaged) -> YAMLTextTags.Composed {
        guard MarkBits.fits else { throw CacheEntryDamaged() }
        var reader = CacheByteReader(payload)
        let mergeKeysPossible = try reader.boolean()
        // `Constructor.default` makes a new constructor each time it is asked for.
        let resolver = Resolver.basic, constructor = Constructor.default
        // A tree has a tag object per node but few tag names: each name is read once, and the
        // tags name theirs by number (sharing the name's storage).
        let names = try reader.strings().map { Tag.Name(rawValue: $0) }
        var tags: [Tag] = []
        let tagCount = try reader.count()
        tags.reserveCapacity(tagCount)
        for _ in 0..<tagCount {
            let number = try reader.integer()
            guard names.indices.contains(number) else { throw CacheEntryDamaged() }
            tags.append(Tag(names[number], resolver, constructor))
        }
        var body = CacheByteReader(try reader.data())
        guard reader.atEnd else { throw CacheEntryDamaged() }
        let node = try read(from: &body, tags: tags, depth: 0)
        guard body.atEnd else { throw CacheEntryDamaged() }
        return YAMLTextTags.Composed(node: node, textTags: true, mergeKeysPossible: mergeKeysPossible)
    }

    /// The tags of a tree by identity, numbered in the order first met, and their names, each
    /// written once and numbered in the order first met.
    private struct TagTable {
        /// The tag names, each once.
        var distinctNames: [String] = []
        /// The name number of each tag, by tag number.
        var nameNumbers: [Int] = []
        var numbers: [ObjectIdentifier: Int] = [:]
        var numbersOfNames: [String: Int] = [:]

        mutating func number(of tag: Tag) -> Int {
            if let known = numbers[ObjectIdentifier(tag)] { return known }
            let name = tag.rawValue
            let nameNumber = numbersOfNames[name] ?? distinctNames.count
            if nameNumber == distinctNames.count {
                distinctNames.append(name)
                numbersOfNames[name] = nameNumber
            }
            nameNumbers.append(nameNumber)
            numbers[ObjectIdentifier(tag)] = nameNumbers.count - 1
            return nameNumbers.count - 1
        }
    }

    private static func write(_ node: Node, depth: Int, tags: inout TagTable, into writer: inout CacheByteWriter) -> Bool {
        guard depth < depthLimit else { return false }
        switch node {
        case let .scalar(scalar):
            writer.byte(0)
            header(tags.number(of: scalar.tag), scalar.style.rawValue, scalar.mark, into: &writer)
            writer.string(scalar.string)
        case let .mapping(mapping):
            writer.byte(1)
            header(tags.number(of: mapping.tag), mapping.style.rawValue, mapping.mark, into: &writer)
            writer.integer(mapping.count)
            for (key, value) in mapping {
                guard write(key, depth: depth + 1, tags: &tags, into: &writer),
                      write(value, depth: depth + 1, tags: &tags, into: &writer) else { return false }
            }
        case let .sequence(sequence):
            writer.byte(2)
            header(tags.number(of: sequence.tag), sequence.style.rawValue, sequence.mark, into: &writer)
            writer.integer(sequence.count)
            for item in sequence {
                guard write(item, depth: depth + 1, tags: &tags, into: &writer) else { return false }
            }
        case .alias:
            return false
        }
        return true
    }

    /// A node's tag (its number; the name as composed, not yet resolved), style and position.
    private static func header(_ tag: Int, _ style: UInt32, _ mark: Mark?, into writer: inout CacheByteWriter) {
        writer.integer(tag)
        writer.unsigned(UInt64(style))
        writer.boolean(mark != nil)
        if let mark {
            writer.integer(mark.line)
            writer.integer(mark.column)
        }
    }

    private static func read(from reader: inout CacheByteReader, tags: [Tag], depth: Int) throws(CacheEntryDamaged) -> Node {
        guard depth < depthLimit else { throw CacheEntryDamaged() }
        let kind = try reader.byte()
        let number = try reader.integer()
        guard tags.indices.contains(number) else { throw CacheEntryDamaged() }
        let tag = tags[number]
        let styleBits = try reader.unsigned()
        guard styleBits <= UInt64(UInt32.max) else { throw CacheEntryDamaged() }
        let style = UInt32(styleBits)
        let mark = try reader.boolean() ? MarkBits.mark(line: try reader.integer(), column: try reader.integer()) : nil
        switch kind {
        case 0:
            guard let style = Node.Scalar.Style(rawValue: style) else { throw CacheEntryDamaged() }
            return .scalar(Node.Scalar(try reader.string(), tag, style, mark))
        case 1:
            guard let style = Node.Mapping.Style(rawValue: style) else { throw CacheEntryDamaged() }
            let count = try reader.count()
            var pairs: [(Node, Node)] = []
            pairs.reserveCapacity(count)
            for _ in 0..<count {
                let key = try read(from: &reader, tags: tags, depth: depth + 1)
                pairs.append((key, try read(from: &reader, tags: tags, depth: depth + 1)))
            }
            return .mapping(Node.Mapping(pairs, tag, style, mark))
        case 2:
            guard let style = Node.Sequence.Style(rawValue: style) else { throw CacheEntryDamaged() }
            let count = try reader.count()
            var items: [Node] = []
            items.reserveCapacity(count)
            for _ in 0..<count { items.append(try read(from: &reader, tags: tags, depth: depth + 1)) }
            return .sequence(Node.Sequence(items, tag, style, mark))
        default:
            throw CacheEntryDamaged()
        }
    }
}

/// Yams' `Mark` (a line and a column, both `Int`) has no public initializer; the positions read
/// back are made from the two numbers' bits, which is what a `Mark` holds. `fits` checks the
/// layout (and `ComposedNodeBytesTests` that marks read back equal those composed); where it
/// does not hold, nothing is stored or read.
enum MarkBits {
    /// Whether a `Mark` is laid out as two `Int`s.
    static let fits = MemoryLayout<Mark>.size == MemoryLayout<(Int, Int)>.size
        && MemoryLayout<Mark>.stride == MemoryLayout<(Int, Int)>.stride
        && MemoryLayout<Mark>.alignment == MemoryLayout<(Int, Int)>.alignment
        && MemoryLayout<Mark>.offset(of: \Mark.line) == 0
        && MemoryLayout<Mark>.offset(of: \Mark.column) == MemoryLayout<Int>.stride

    /// The mark at `line` and `column` (only when ``fits``).
    static func mark(line: Int, column: Int) -> Mark {
        unsafeBitCast((line, column), to: Mark.self)
    }
}

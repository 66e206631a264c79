/// The bytes of a value's whole structure, read by reflection, for cache keys of values that
/// have no serialization of their own (a document's prepared content).
///
/// Every value is written with its type's full name; a value with stored properties, an enum
/// payload, a tuple or a collection as its children in order (each length-prefixed by the
/// writer); a dictionary's or a set's elements sorted by their bytes, so the process's hash
/// seed does not change the result; a value without children (a number, a string, a case
/// without payload) by its description, which for `Double` is the shortest text that reads
/// back to the same bits. A function has no reflected content: a value holding one has no
/// bytes (nil), so it is never cached rather than cached under a key that misses what it does.
/// Two values with the same bytes have the same type and the same stored contents.
struct ReflectedBytes {
    /// Type names already printed, by type (printing one is slower than a lookup).
    private var typeNames: [ObjectIdentifier: String] = [:]

    /// The bytes of `value`, leaving out its top-level properties named in `skipping`.
    static func of(_ value: Any, skipping: Set<String> = []) -> [UInt8]? {
        var walker = ReflectedBytes()
        var writer = CacheByteWriter()
        guard walker.write(value, skipping: skipping, into: &writer) else { return nil }
        return writer.bytes
    }

    private mutating func write(_ value: Any, skipping: Set<String> = [], into writer: inout CacheByteWriter) -> Bool {
        if writeLeaf(value, into: &writer) { return true }
        let mirror = Mirror(reflecting: value)
        let type = ObjectIdentifier(mirror.subjectType)
        let typeName: String
        if let known = typeNames[type] {
            typeName = known
        } else {
            typeName = String(reflecting: mirror.subjectType)
            // A function type's name has an arrow; one that has none is kept.
            typeNames[type] = typeName.utf8.contains(UInt8(ascii: ">")) && typeName.contains("->") ? "" : typeName
        }
        if typeNames[type] == "" { return false }
        writer.string(typeName)
        var children = Array(mirror.children)
        var ancestor = mirror.superclassMirror
        while let next = ancestor {
            children += next.children
            ancestor = next.superclassMirror
        }
        if children.isEmpty {
            writer.byte(0)
            writer.string(String(describing: value))
            return true
        }
        switch mirror.displayStyle {
        case .dictionary?, .set?:
            var elements: [[UInt8]] = []
            for child in children {
                var element = CacheByteWriter()
                guard write(child.value, into: &element) else { return false }
                elements.append(element.bytes)
            }
            writer.byte(1)
            writer.integer(elements.count)
            for element in elements.sorted(by: { $0.lexicographicallyPrecedes($1) }) { writer.data(element) }
        default:
            writer.byte(2)
            writer.integer(children.count)
            for child in children where !skipping.contains(child.label ?? "") {
                writer.string(child.label ?? "")
                guard write(child.value, into: &writer) else { return false }
            }
        }
        return true
    }

    /// Writes the common leaves (strings, numbers, truth values) as a mirror would, with their
    /// type's name and description, without making one; false for any other value (an
    /// optional among them: it is written as an optional).
    private func writeLeaf(_ value: Any, into writer: inout CacheByteWriter) -> Bool {
        let type = type(of: value)
        let name: String, text: String
        if type == String.self, let string = value as? String {
            (name, text) = ("Swift.String", string)
        } else if type == Double.self, let number = value as? Double {
            (name, text) = ("Swift.Double", number.description)
        } else if type == Int.self, let number = value as? Int {
            (name, text) = ("Swift.Int", number.description)
        } else if type == Bool.self, let truth = value as? Bool {
            (name, text) = ("Swift.Bool", truth.description)
        } else {
            return false
        }
        writer.string(name)
        writer.byte(0)
        writer.string(text)
        return true
    }
}

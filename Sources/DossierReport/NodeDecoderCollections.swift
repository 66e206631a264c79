import Yams

/// The values specs hold most (filter values; lists of texts; mappings of texts to texts,
/// to filter values or to numbers) read straight from their node, without the generic
/// `Array` and `Dictionary` decoding of the standard library (nor the errors `FilterValue`
/// throws and catches as it tries each form): no keyed or unkeyed container box, no key objects, no
/// `allKeys` array cast, no generic metadata per call.
///
/// Each answer is what the standard decoding gives for the same node (elements in order; a
/// mapping's entries inserted in key order, a repeated key's value looked up as the keyed
/// container looks it up). Anything else — a node of another kind, an element that does not
/// decode, a key the container would not find — answers nil, and the caller decodes the
/// standard way, which then throws its own error: errors never come from here.
extension NodeValueDecoder {
    /// `type` decoded by a fast path, or nil (not one of the types, or not decodable there).
    /// A filter value: ``FilterValue/init(node:)``.
    func decodeCommonValue<T: Decodable>(_ type: T.Type) -> T? {
        if T.self == FilterValue.self { return FilterValue(node: self).map { unsafeBitCast($0, to: T.self) } }
        if T.self == [String].self { return stringList().map { unsafeBitCast($0, to: T.self) } }
        if T.self == [String: String].self { return stringKeyed(String.self).map { unsafeBitCast($0, to: T.self) } }
        if T.self == [String: FilterValue].self { return stringKeyed(FilterValue.self).map { unsafeBitCast($0, to: T.self) } }
        if T.self == [String: Double].self { return stringKeyed(Double.self).map { unsafeBitCast($0, to: T.self) } }
        return nil
    }

    /// `[String]`: a sequence of scalars, each its text (`String.construct(from:)`).
    private func stringList() -> [String]? {
        guard case .sequence(let sequence) = node else { return nil }
        var list: [String] = []
        list.reserveCapacity(sequence.count)
        for item in sequence {
            guard case .scalar(let scalar) = item else { return nil }
            list.append(scalar.string)
        }
        return list
    }

    /// `[String: V]`: `Dictionary.init(from:)` with `String` keys — for each of the keyed
    /// container's `allKeys` (the mapping's key texts, in order), the value decoded for that key.
    private func stringKeyed<V: Decodable>(_ type: V.Type) -> [String: V]? {
        guard case .mapping(let mapping) = node else { return nil }
        let table = NodeMappingTable(mapping, context: context)
        let path = self.path
        var result: [String: V] = [:]
        for name in table.keyNames {
            guard let value = table.value(for: name),
                  let decoded = try? NodeValueDecoder(node: value, parent: path, key: NodeNameKey(name), context: context)
                    .decodeValue(type) else { return nil }
            result[name] = decoded
        }
        return result
    }
}

/// A mapping key by name, as the standard library's dictionary key spells it: its text, and
/// the integer that text is, if any.
struct NodeNameKey: CodingKey {
    let stringValue: String
    let intValue: Int?

    init(_ name: String) {
        stringValue = name
        intValue = Int(name)
    }

    init?(stringValue: String) { self.init(stringValue) }

    init?(intValue: Int) {
        stringValue = "\(intValue)"
        self.intValue = intValue
    }
}

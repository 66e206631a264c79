import Yams

/// The keyed container of ``NodeDecoder``: a mapping read through its ``NodeMappingTable``.
package struct NodeKeyedContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
    /// The mapping's pairs and index.
    package let table: NodeMappingTable
    /// The mapping's coding path.
    package let path: NodeCodingPath?
    /// State shared by the whole document.
    package let context: NodeDecodingContext

    package var codingPath: [any CodingKey] { NodeCodingPath.keys(of: path) }

    package var allKeys: [Key] { table.keyNames.compactMap(Key.init(stringValue:)) }

    package func contains(_ key: Key) -> Bool { table.value(for: key.stringValue) != nil }

    package func decodeNil(forKey key: Key) throws -> Bool { try decoder(for: key).decodeNil() }

    package func decode<T: Decodable & ScalarConstructible>(_ type: T.Type, forKey key: Key) throws -> T {
        try decoder(for: key).constructScalar(type)
    }

    package func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        try decoder(for: key).decodeValue(type)
    }

    // The standard `decodeIfPresent` (`contains`, then `decodeNil`, then `decode`) with one
    // lookup instead of three.

    package func decodeIfPresent(_ type: String.Type, forKey key: Key) throws -> String? {
        try presentDecoder(for: key)?.constructScalar(type)
    }

    package func decodeIfPresent(_ type: Bool.Type, forKey key: Key) throws -> Bool? {
        try presentDecoder(for: key)?.constructScalar(type)
    }

    package func decodeIfPresent(_ type: Int.Type, forKey key: Key) throws -> Int? {
        try presentDecoder(for: key)?.constructScalar(type)
    }

    package func decodeIfPresent(_ type: Double.Type, forKey key: Key) throws -> Double? {
        try presentDecoder(for: key)?.constructScalar(type)
    }

    package func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
        try presentDecoder(for: key)?.decodeValue(type)
    }

    package func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type,
                                               forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
        try decoder(for: key).container(keyedBy: type)
    }

    package func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        try decoder(for: key).unkeyedContainer()
    }

    package func superDecoder() throws -> any Decoder {
        throw NodeDecodingErrors.unsupported("superDecoder()", at: codingPath)
    }

    /// The decoder of the value of `key` (for values decoded by hand, such as a chart's
    /// inline `values`).
    package func superDecoder(forKey key: Key) throws -> any Decoder {
        try decoder(for: key)
    }

    /// The decoder of the value of `key`, or Yams' `keyNotFound`.
    private func decoder(for key: Key) throws -> NodeValueDecoder {
        guard let node = table.value(for: key.stringValue) else {
            throw NodeDecodingErrors.keyNotFound(key, in: codingPath)
        }
        return NodeValueDecoder(node: node, parent: path, key: key, context: context)
    }

    /// The decoder of the value of `key` if it is there and not null.
    private func presentDecoder(for key: Key) -> NodeValueDecoder? {
        guard let node = table.value(for: key.stringValue), !NodeScalars.isNull(node) else { return nil }
        return NodeValueDecoder(node: node, parent: path, key: key, context: context)
    }
}

import Yams

/// The unkeyed container of ``NodeDecoder``: a sequence, read front to back.
package struct NodeUnkeyedContainer: UnkeyedDecodingContainer {
    /// The sequence.
    package let sequence: Node.Sequence
    /// The sequence's coding path.
    package let path: NodeCodingPath?
    /// State shared by the whole document.
    package let context: NodeDecodingContext

    package var codingPath: [any CodingKey] { NodeCodingPath.keys(of: path) }
    package var count: Int? { sequence.count }
    package var isAtEnd: Bool { currentIndex >= sequence.count }
    package var currentIndex = 0

    /// Whether the current element is null; like Yams, it moves to the next element either way.
    package mutating func decodeNil() throws -> Bool {
        let isNull = try current(Any?.self).decodeNil()
        currentIndex += 1
        return isNull
    }

    package mutating func decode<T: Decodable & ScalarConstructible>(_ type: T.Type) throws -> T {
        let value = try current(T.self).constructScalar(type)
        currentIndex += 1
        return value
    }

    package mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
        let value = try current(T.self).decodeValue(type)
        currentIndex += 1
        return value
    }

    package mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
        let container = try current(KeyedDecodingContainer<NestedKey>.self).container(keyedBy: type)
        currentIndex += 1
        return container
    }

    package mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
        let container = try current((any UnkeyedDecodingContainer).self).unkeyedContainer()
        currentIndex += 1
        return container
    }

    /// The decoder of the current element (for values decoded by hand, such as a chart's
    /// inline `values`); moves to the next element.
    package mutating func superDecoder() throws -> any Decoder {
        let decoder = try current((any Decoder).self)
        currentIndex += 1
        return decoder
    }

    /// The decoder of the current element, or Yams' `valueNotFound` naming `type` at the end.
    private func current<T>(_ type: T.Type) throws -> NodeValueDecoder {
        let key = NodeIndexKey(index: currentIndex)
        guard currentIndex < sequence.count else {
            throw NodeDecodingErrors.atEnd(type, at: codingPath + [key])
        }
        return NodeValueDecoder(node: sequence[currentIndex], parent: path, key: key, context: context)
    }
}

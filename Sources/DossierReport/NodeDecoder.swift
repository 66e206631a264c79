import Foundation
import Yams

/// Decodes a `Decodable` value from a composed `Yams.Node`, with the values and the
/// `DecodingError`s (cases, coding paths, texts) that `YAMLDecoder().decode(_:from: node)`
/// gives, about five times faster: the report front matter is on a build's critical path.
///
/// The speed comes from what it leaves out of Yams' generic decoder: no dynamic
/// `as? ScalarConstructible.Type` cast per value (scalar types are recognised by identity),
/// a dictionary index per mapping instead of a linear search per key (a key's tag is still
/// compared, as Yams does), coding paths built only when an error needs one, and no alias
/// dereferencing strategy or `YamlAnchorCoding` support (the front matter uses neither).
/// `superDecoder()` (without a key) and the scalar types the front matter never holds (`Data`, `Date`, `URL`,
/// `UUID`, `Decimal`) throw a `DecodingError` saying so instead of decoding differently.
package enum NodeDecoder {
    /// Decodes `type` from `node`, a node composed by Yams (one document: one resolver).
    /// `textTags`: the node was composed by ``YAMLTextTags/compose(_:)`` with
    /// no tag rules, and its plain scalars' tags are read from their text; `mergeKeysPossible`:
    /// false when such a document's text has no `<<`.
    package static func decode<T: Decodable>(_ type: T.Type, from node: Node, textTags: Bool = false,
                                             mergeKeysPossible: Bool = true) throws -> T {
        let context = NodeDecodingContext(root: node, textTags: textTags, mergeKeysPossible: mergeKeysPossible)
        return try NodeValueDecoder(node: node, parent: nil, key: nil, context: context).decodeValue(type)
    }
}

/// The decoder of one node: also its own single-value container, as in Yams.
package struct NodeValueDecoder: Decoder, SingleValueDecodingContainer {
    /// The node this decoder reads.
    package let node: Node
    /// The coding path of the container holding the node (`nil`: the path is empty).
    package let parent: NodeCodingPath?
    /// The node's key in that container (`nil` for the root).
    package let key: (any CodingKey)?
    /// State shared by the whole document.
    package let context: NodeDecodingContext

    package var codingPath: [any CodingKey] {
        var keys = NodeCodingPath.keys(of: parent)
        if let key { keys.append(key) }
        return keys
    }

    package var userInfo: [CodingUserInfoKey: Any] { [:] }

    /// The path of this node, for the containers it opens.
    var path: NodeCodingPath? {
        key.map { NodeCodingPath(parent: parent, key: $0) } ?? parent
    }

    package func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard case .mapping(let mapping) = node else {
            throw NodeDecodingErrors.typeMismatch(codingPath, expected: Node.Mapping.self, found: "Node")
        }
        return KeyedDecodingContainer(NodeKeyedContainer<Key>(
            table: NodeMappingTable(mapping, context: context), path: path, context: context))
    }

    package func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        guard case .sequence(let sequence) = node else {
            throw NodeDecodingErrors.typeMismatch(codingPath, expected: Node.Sequence.self, found: "Node")
        }
        return NodeUnkeyedContainer(sequence: sequence, path: path, context: context)
    }

    package func singleValueContainer() throws -> any SingleValueDecodingContainer { self }

    // MARK: Single value

    package func decodeNil() -> Bool { NodeScalars.isNull(node) }

    package func decode<T: Decodable & ScalarConstructible>(_ type: T.Type) throws -> T {
        try constructScalar(type)
    }

    package func decode<T: Decodable>(_ type: T.Type) throws -> T {
        try decodeValue(type)
    }

    /// Builds a scalar type from the node's text with Yams' own `construct(from:)`, or throws
    /// the `typeMismatch` Yams throws.
    package func constructScalar<T: ScalarConstructible>(_ type: T.Type) throws -> T {
        switch node {
        case .scalar(let scalar):
            guard let value = scalarValue(type, of: scalar) else {
                throw NodeDecodingErrors.typeMismatch(codingPath, expected: T.self, found: "Scalar")
            }
            return value
        case .mapping:
            throw NodeDecodingErrors.typeMismatch(codingPath, expected: Node.Scalar.self, found: "Mapping")
        case .sequence:
            throw NodeDecodingErrors.typeMismatch(codingPath, expected: Node.Scalar.self, found: "Sequence")
        case .alias:
            throw NodeDecodingErrors.typeMismatch(codingPath, expected: Node.Scalar.self, found: "Alias")
        }
    }

    /// `type` built from `scalar` as ``constructScalar(_:)`` builds it, or nil where that
    /// throws (for a caller that would only catch the error).
    package func scalarValue<T: ScalarConstructible>(_ type: T.Type, of scalar: Node.Scalar) -> T? {
        if T.self == Double.self, let fast = NodeScalarNumbers.double(scalar) {
            return fast.map { unsafeBitCast($0, to: T.self) }
        }
        if T.self == Int.self, let fast = NodeScalarNumbers.int(scalar) {
            return fast.map { unsafeBitCast($0, to: T.self) }
        }
        if context.textTags, T.self == Bool.self {
            // Yams' Bool reads the scalar's tag, which no rules left at `str`.
            return YAMLTextTags.bool(from: scalar).map { unsafeBitCast($0, to: T.self) }
        }
        return T.construct(from: scalar)
    }

    /// Decodes any `Decodable`: Yams' scalar types from the node's text (recognised by
    /// identity, not by a protocol cast), everything else through its `init(from:)`.
    package func decodeValue<T: Decodable>(_ type: T.Type) throws -> T {
        if T.self == String.self { return try cast(constructScalar(String.self)) }
        if T.self == Double.self { return try cast(constructScalar(Double.self)) }
        if T.self == Int.self { return try cast(constructScalar(Int.self)) }
        if T.self == Bool.self { return try cast(constructScalar(Bool.self)) }
        if let collection = decodeCommonValue(type) { return collection }
        if let scalar = try decodeOtherScalar(type) { return scalar }
        return try T(from: self)
    }

    /// The rarer scalar types: fixed-width integers and `Float` decode as Yams decodes them;
    /// the ones the front matter never holds throw instead of taking a different route.
    private func decodeOtherScalar<T: Decodable>(_ type: T.Type) throws -> T? {
        switch ObjectIdentifier(T.self) {
        case ObjectIdentifier(UInt64.self): return try cast(constructScalar(UInt64.self))
        case ObjectIdentifier(Int64.self): return try cast(constructScalar(Int64.self))
        case ObjectIdentifier(UInt.self): return try cast(constructScalar(UInt.self))
        case ObjectIdentifier(Float.self): return try cast(constructScalar(Float.self))
        case ObjectIdentifier(Int32.self): return try cast(constructScalar(Int32.self))
        case ObjectIdentifier(UInt32.self): return try cast(constructScalar(UInt32.self))
        case ObjectIdentifier(Int16.self): return try cast(constructScalar(Int16.self))
        case ObjectIdentifier(UInt16.self): return try cast(constructScalar(UInt16.self))
        case ObjectIdentifier(Int8.self): return try cast(constructScalar(Int8.self))
        case ObjectIdentifier(UInt8.self): return try cast(constructScalar(UInt8.self))
        case ObjectIdentifier(Data.self), ObjectIdentifier(Date.self), ObjectIdentifier(URL.self),
             ObjectIdentifier(UUID.self), ObjectIdentifier(Decimal.self):
            throw NodeDecodingErrors.unsupported("\(T.self) values", at: codingPath)
        default:
            return nil
        }
    }

    /// `value` as `T` (it is one: the caller checked the type), or Yams' `typeMismatch`.
    private func cast<S, T>(_ value: S) throws -> T {
        guard let typed = value as? T else {
            throw NodeDecodingErrors.typeMismatch(codingPath, expected: T.self, found: "\(S.self)")
        }
        return typed
    }
}

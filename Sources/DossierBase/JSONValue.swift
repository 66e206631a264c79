/// A JSON value read from a descriptor, schema or map file, with the byte offset at which it
/// starts in that file (for `file:line:column` diagnostics about the value).
package struct JSONValue: Sendable, Hashable {
    /// The value itself.
    package enum Kind: Sendable, Hashable {
        case null
        case bool(Bool)
        case int(Int)
        case double(Double)
        case string(String)
        case array([JSONValue])
        case object([String: JSONValue])
    }

    package var kind: Kind
    /// Byte offset of the value's first byte in its file.
    package var offset: Int

    package init(_ kind: Kind, offset: Int = 0) {
        self.kind = kind
        self.offset = offset
    }

    package subscript(key: String) -> JSONValue? {
        if case .object(let o) = kind { return o[key] } else { return nil }
    }
    package var string: String? { if case .string(let s) = kind { return s } else { return nil } }
    package var array: [JSONValue]? { if case .array(let a) = kind { return a } else { return nil } }
    package var object: [String: JSONValue]? { if case .object(let o) = kind { return o } else { return nil } }
    package var bool: Bool? { if case .bool(let b) = kind { return b } else { return nil } }
    package var int: Int? {
        switch kind {
        case .int(let i): return i
        case .double(let d) where d == d.rounded() && abs(d) < 9e15: return Int(d)
        default: return nil
        }
    }

    /// A string or an array of strings (as `primaryKey` and foreign key `fields` allow).
    package var stringList: [String]? {
        if let s = string { return [s] }
        guard let a = array else { return nil }
        let strings = a.compactMap(\.string)
        return strings.count == a.count ? strings : nil
    }

    /// The JSON text of a scalar, for messages (unbounded: quote it through `InputExcerpt`).
    package var literal: String {
        switch kind {
        case .null: return "null"
        case .bool(let b): return b ? "true" : "false"
        case .int(let i): return String(i)
        case .double(let d): return String(d)
        case .string(let s): return s
        case .array: return "[…]"
        case .object: return "{…}"
        }
    }
}

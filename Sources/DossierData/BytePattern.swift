/// A `pattern` constraint simple enough to match on bytes: a sequence of ASCII characters or
/// character classes (`[A-Z0-9_]`, `[^,]`, `\d`), each with a quantifier (`?`, `*`, `+`, `{n}`,
/// `{n,}`, `{n,m}`). Such a pattern accepts an ASCII value exactly when Swift's `Regex` does
/// (`wholeMatch`), without making a String. Anything else (groups, alternation, anchors but a
/// leading `^` and a trailing `$`, `.`,
/// `\w`, non-ASCII) does not compile, and values that are not plain ASCII (or contain a CR,
/// which a `Regex` reads with the next LF as one character) are left undecided.
struct BytePattern: Sendable {
    private struct Item: Sendable {
        /// Which of the 128 ASCII bytes match: bit `b & 63` of word `b >> 6`.
        var set: (UInt64, UInt64)
        var min: Int
        var max: Int

        @inline(__always)
        func contains(_ b: UInt8) -> Bool {
            b < 64 ? set.0 >> UInt64(b) & 1 == 1 : b < 128 && set.1 >> UInt64(b - 64) & 1 == 1
        }
    }

    private let items: [Item]
    /// For a pattern of fixed length (every quantifier exact, at most 64 bytes), the item
    /// each byte must match, in order: matched in one pass, without backtracking.
    private let fixed: [Item]?

    /// Compiles `pattern`, or `nil` when it is outside the supported subset. A leading `^` and
    /// a trailing unescaped `$` are dropped: a value matches the whole pattern (`wholeMatch`),
    /// where they assert nothing more. Everything accepted is a valid `Regex` (the descriptor
    /// parser compiles only the patterns this does not accept).
    init?(_ pattern: String) {
        var p = Array(pattern.utf8)[...]
        if p.first == UInt8(ascii: "^") { p.removeFirst() }
        if p.last == UInt8(ascii: "$"), p.dropLast().reversed().prefix(while: { $0 == UInt8(ascii: "\\") }).count % 2 == 0 {
            p.removeLast()
        }
        var items: [Item] = []
        while let c = p.popFirst() {
            var set: (UInt64, UInt64) = (0, 0)
            func add(_ b: UInt8) { if b < 64 { set.0 |= 1 << UInt64(b) } else { set.1 |= 1 << UInt64(b - 64) } }
            switch c {
            case UInt8(ascii: "["):
                guard let s = Self.parseClass(&p) else { return nil }
                set = s
            case UInt8(ascii: "\\"):
                guard let e = p.popFirst() else { return nil }
                if e == UInt8(ascii: "d") {
                    for d in UInt8(ascii: "0")...UInt8(ascii: "9") { add(d) }
                } else if Self.isPunctuation(e) {
                    add(e)
                } else {
                    return nil
                }
            default:
                guard c < 128, c != 13, !Self.isSpecial(c) else { return nil }
                add(c)
            }
            guard let (lo, hi) = Self.parseQuantifier(&p) else { return nil }
            items.append(Item(set: set, min: lo, max: hi))
        }
        // Bound the backtracking: at most three items of variable length.
        guard items.filter({ $0.min != $0.max }).count <= 3 else { return nil }
        self.items = items
        if items.allSatisfy({ $0.min == $0.max && $0.max <= 64 }), items.reduce(0, { $0 + $1.max }) <= 64 {
            fixed = items.flatMap { Array(repeating: Item(set: $0.set, min: 1, max: 1), count: $0.max) }
        } else {
            fixed = nil
        }
    }

    /// Whether the whole of `b` matches; `nil` when `b` is not plain ASCII without CR.
    func matches(_ b: UnsafeBufferPointer<UInt8>) -> Bool? {
        for x in b where x >= 128 || x == 13 { return nil }
        if let fixed {
            guard b.count == fixed.count else { return false }
            for i in 0..<b.count where !fixed[i].contains(b[i]) { return false }
            return true
        }
        return match(b, 0, 0)
    }

    private func match(_ b: UnsafeBufferPointer<UInt8>, _ item: Int, _ at: Int) -> Bool {
        guard item < items.count else { return at == b.count }
        let it = items[item]
        var n = 0
        while n < it.max, at + n < b.count, it.contains(b[at + n]) { n += 1 }
        guard n >= it.min else { return false }
        // Greedy, backing off one byte at a time (only needed when a later item could match).
        while true {
            if match(b, item + 1, at + n) { return true }
            if n == it.min { return false }
            n -= 1
        }
    }

    private static func isSpecial(_ c: UInt8) -> Bool {
        "()|^$.*+?{}[]\\".utf8.contains(c)
    }

    private static func isPunctuation(_ c: UInt8) -> Bool {
        (33...47).contains(c) || (58...64).contains(c) || (91...96).contains(c) || (123...126).contains(c)
    }

    /// `[...]` after the opening bracket: ASCII characters and ranges, `\d`, escaped
    /// punctuation, optionally negated (within ASCII); set operations and the rest do not compile.
    private static func parseClass(_ p: inout ArraySlice<UInt8>) -> (UInt64, UInt64)? {
        var set: (UInt64, UInt64) = (0, 0)
        func add(_ b: UInt8) { if b < 64 { set.0 |= 1 << UInt64(b) } else { set.1 |= 1 << UInt64(b - 64) } }
        func plain(_ c: UInt8) -> Bool { c < 128 && c != 13 && !"[]\\-&~^".utf8.contains(c) }
        let negated = p.first == UInt8(ascii: "^")
        if negated { p.removeFirst() }
        var empty = true
        while let c = p.popFirst() {
            if c == UInt8(ascii: "]") {
                guard !empty else { return nil }
                return negated ? (~set.0, ~set.1) : set
            }
            empty = false
            let lo: UInt8
            if c == UInt8(ascii: "\\") {
                guard let e = p.popFirst() else { return nil }
                if e == UInt8(ascii: "d") {
                    for d in UInt8(ascii: "0")...UInt8(ascii: "9") { add(d) }
                    continue
                }
                guard isPunctuation(e) else { return nil }
                lo = e
            } else {
                guard plain(c) else { return nil }
                lo = c
            }
            if p.first == UInt8(ascii: "-") {
                p.removeFirst()
                guard let hi = p.popFirst(), plain(hi), hi >= lo else { return nil }
                for b in lo...hi { add(b) }
            } else {
                add(lo)
            }
        }
        return nil
    }

    /// The quantifier after an item (`{1,1}` when none).
    private static func parseQuantifier(_ p: inout ArraySlice<UInt8>) -> (Int, Int)? {
        let result: (Int, Int)
        switch p.first {
        case UInt8(ascii: "?"): p.removeFirst(); result = (0, 1)
        case UInt8(ascii: "*"): p.removeFirst(); result = (0, .max)
        case UInt8(ascii: "+"): p.removeFirst(); result = (1, .max)
        case UInt8(ascii: "{"):
            p.removeFirst()
            guard let close = p.firstIndex(of: UInt8(ascii: "}")) else { return nil }
            let parts = String(decoding: p[..<close], as: UTF8.self).split(separator: ",", omittingEmptySubsequences: false)
            p = p[(close + 1)...]
            guard let lo = parts.first.flatMap({ Int($0) }), lo <= 1000 else { return nil }
            switch parts.count {
            case 1: result = (lo, lo)
            case 2 where parts[1].isEmpty: result = (lo, .max)
            case 2: guard let hi = Int(parts[1]), hi >= lo, hi <= 1000 else { return nil }; result = (lo, hi)
            default: return nil
            }
        default:
            return (1, 1)
        }
        // Lazy or possessive forms are left to Regex.
        if let next = p.first, next == UInt8(ascii: "?") || next == UInt8(ascii: "+") { return nil }
        return result
    }
}

import DossierBase

/// The statistic a `sensitivity` analysis takes from each variant's result: an estimate, its
/// interval and its p-value, found by the dotted path `report` — whatever the kind.
///
/// The path may end at a record with `estimate` (or `value`), `ci` and `p` (a rate ratio of
/// `poisson`/`negbin`, an odds ratio of `fisher`, a slope of `regression`); at a number, whose
/// record may hold its `ci` and `p` (a correlation's `estimate`); at a p-value (`p`, `p_…`),
/// which fills `p` only; or at an interval, which fills `low` and `high`.
struct ReportedStatistic {
    var estimate: Double?
    var low: Double?
    var high: Double?
    var level: Double?
    var p: Double?

    /// Reads `path` (e.g. `["rate_ratio", "rai"]`) from `result`; throws a message naming the
    /// missing member (with a did-you-mean) or the value that is none of the above.
    init(_ path: [String], in result: ResultValue) throws(FormatFailure) {
        var parent = result, value = result
        for (depth, name) in path.enumerated() {
            guard let next = value.member(name) else {
                let reached = path.prefix(depth).joined(separator: ".")
                throw FormatFailure("report: the result has no member \(InputExcerpt.quoted(name))"
                    + (reached.isEmpty ? "" : " under \(InputExcerpt.quoted(reached))")
                    + NameHint.hint(for: name, known: value.memberNames))
            }
            parent = value
            value = next
        }
        let last = path.last ?? ""
        switch value {
        case .record:
            estimate = (value.field("estimate") ?? value.field("value"))?.doubleValue
            setInterval(value.field("ci"))
            p = value.field("p")?.doubleValue
            guard estimate != nil || p != nil || low != nil else { throw Self.unusable(path, value) }
        case .number, .integer:
            if last == "p" || last.hasPrefix("p_") {
                p = value.doubleValue
            } else {
                estimate = value.doubleValue
                setInterval(parent.field("ci"))
                p = parent.field("p")?.doubleValue
            }
        case .interval:
            setInterval(value)
        default:
            throw Self.unusable(path, value)
        }
    }

    private mutating func setInterval(_ value: ResultValue?) {
        guard case let .interval(low, high, level)? = value else { return }
        (self.low, self.high, self.level) = (low, high, level)
    }

    private static func unusable(_ path: [String], _ value: ResultValue) -> FormatFailure {
        FormatFailure("report: \(InputExcerpt.quoted(path.joined(separator: "."))) is \(value.kindWithArticle), "
            + "expected a number, an interval, or a record with estimate, ci and p")
    }
}

import DossierBase
import DossierVegaLite
import Yams

/// The front matter of a report: what it is, the data it reads, and the analyses, figures and
/// tables it declares. Declarative: nothing in a report runs code.
package struct ReportSpec: Sendable, Decodable {
    package var title: String
    package var subtitle: String?
    package var authors: [String]
    /// The report's date (`YYYY-MM-DD`), shown on the title page and used as the PDF creation
    /// date unless `SOURCE_DATE_EPOCH` is set.
    package var date: String
    /// Paper size, `a4` (default) or `letter`.
    package var paper: PaperSize
    /// Path of the Data Package (`datapackage.json`), relative to the report directory; nil for
    /// a report whose figures bring their own data (`values`, `url`).
    package var data: String?
    package var subject: String?
    package var keywords: [String]
    /// Text for the running header (defaults to the title).
    package var runningHeader: String?
    /// The "key findings" box under the title: one bullet per entry; `{{ }}` allowed.
    package var findings: [String]
    /// Analyses, computed in order; their results are named by `id`.
    package var analyses: [AnalysisSpec]
    /// Figures, placed in the body with a `{figure} id` fenced block.
    package var figures: [FigureSpec]
    /// Computed tables, placed in the body with a `{table} id` fenced block.
    package var tables: [TableSpec]
    /// Map shapes: a name (used as a layer's `shapes`) and a GeoJSON file relative to the report.
    package var shapes: [String: String]
    /// Claims: conclusions of the text bound to conditions every build checks.
    package var claims: [ClaimSpec]
    /// Generated sections at the end of the briefing.
    package var appendix: AppendixSpec

    package enum CodingKeys: String, CodingKey, CaseIterable {
        case title, subtitle, authors, date, paper, data, subject, keywords, findings, analyses, figures, tables, shapes, claims, appendix
        case runningHeader = "running_header"
    }

    package init(from decoder: any Decoder) throws {
        let c = try decoder.checkedContainer(keyedBy: CodingKeys.self, what: "the front matter")
        title = try c.decodeLimitedText(forKey: .title)
        subtitle = try c.decodeLimitedTextIfPresent(forKey: .subtitle)
        authors = try c.decodeLimitedTextsIfPresent(forKey: .authors) ?? []
        date = try c.decode(String.self, forKey: .date)
        guard CalendarDate(iso: date) != nil else {
            throw DecodingError.dataCorruptedError(forKey: .date, in: c,
                debugDescription: "date must be a calendar date written YYYY-MM-DD, found \(InputExcerpt.quoted(date))")
        }
        paper = try c.decodeIfPresent(PaperSize.self, forKey: .paper) ?? .a4
        data = try c.decodeIfPresent(String.self, forKey: .data)
        subject = try c.decodeLimitedTextIfPresent(forKey: .subject)
        keywords = try c.decodeLimitedTextsIfPresent(forKey: .keywords) ?? []
        runningHeader = try c.decodeLimitedTextIfPresent(forKey: .runningHeader)
        findings = try c.decodeLimitedTextsIfPresent(forKey: .findings) ?? []
        analyses = try c.decodeIfPresent([AnalysisSpec].self, forKey: .analyses) ?? []
        try AnalysisDependencies.check(analyses, codingPath: c.codingPath + [CodingKeys.analyses])
        figures = try c.decodeIfPresent([FigureSpec].self, forKey: .figures) ?? []
        tables = try c.decodeIfPresent([TableSpec].self, forKey: .tables) ?? []
        shapes = try c.decodeIfPresent([String: String].self, forKey: .shapes) ?? [:]
        claims = try c.decodeIfPresent([ClaimSpec].self, forKey: .claims) ?? []
        appendix = try c.decodeIfPresent(AppendixSpec.self, forKey: .appendix) ?? AppendixSpec()
        if appendix.claims, claims.isEmpty {
            throw DecodingError.dataCorruptedError(forKey: .appendix, in: c, debugDescription:
                "appendix: the claims appendix lists the report's claims, and it declares none; add `claims:` or remove `claims: true`")
        }
    }
}

/// A figure: an id, the chart to draw and its accessible description.
package struct FigureSpec: Sendable, Decodable {
    /// Identifier, used for file names (`charts/<id>.svg`) and the `{figure} id` directive.
    package var id: String
    /// Alt text: what the chart shows, for readers who cannot see it (SVG `<desc>`).
    package var alt: String?
    /// The chart (Vega-Lite-like grammar; see the chart reference): written under `chart:`, or
    /// read by the build from ``chartFile`` (until then an empty chart).
    package var chart: ChartSpec
    /// The chart file named by `vega-lite:` (relative to the report), or nil for an inline chart.
    package var chartFile: String?

    package enum CodingKeys: String, CodingKey, CaseIterable {
        case id, alt, chart
        case chartFile = "vega-lite"
    }

    package init(from decoder: any Decoder) throws {
        let c = try decoder.checkedContainer(keyedBy: CodingKeys.self, what: "a figure")
        id = try c.decode(String.self, forKey: .id)
        try OutputName.check(id, forKey: .id, in: c, what: "a figure")
        alt = try c.decodeLimitedTextIfPresent(forKey: .alt)
        switch (c.contains(.chart), c.contains(.chartFile)) {
        case (true, false):
            chart = try c.decode(ChartSpec.self, forKey: .chart)
        case (false, true):
            chartFile = try c.decode(String.self, forKey: .chartFile)
            chart = ChartSpec(layers: [])
            return
        case (true, true):
            throw DecodingError.dataCorruptedError(forKey: .chartFile, in: c, debugDescription:
                "a figure has either a `chart` or a `vega-lite` file, not both")
        case (false, false):
            throw DecodingError.keyNotFound(CodingKeys.chart, .init(codingPath: c.codingPath, debugDescription:
                "a figure needs a `chart` (written in the report) or `vega-lite: path/to/spec.vl.json`"))
        }
        for (name, text) in [("title", chart.title), ("subtitle", chart.subtitle), ("caption", chart.caption),
                             ("source", chart.source), ("description", chart.description)] {
            if let text { try c.checkLimit(text, .chart, what: "chart." + name) }
        }
    }
}

/// A computed table: rows from an analysis result or a dataset, with chosen columns.
package struct TableSpec: Sendable, Decodable {
    /// One column of a computed table.
    package struct ColumnSpec: Sendable, Decodable {
        package var field: String
        package var title: String?
        /// A formatter name (`fixed(2)`, `percent(0)`, `count`, `usd_millions`, …).
        package var format: String?
        /// Alignment: `left`, `right` or `center` (default: right for numbers).
        package var align: String?

        package enum CodingKeys: String, CodingKey { case field, title, format, align }

        package init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            field = try c.decode(String.self, forKey: .field)
            title = try c.decodeLimitedTextIfPresent(forKey: .title)
            format = try c.decodeIfPresent(String.self, forKey: .format)
            align = try c.decodeIfPresent(String.self, forKey: .align)
        }
    }

    package var id: String
    /// `analysis-id` (its result table) or a dataset resource name.
    package var from: String
    package var columns: [ColumnSpec]
    /// Keep only rows where each field shows the given value.
    package var `where`: [String: FilterValue]?
    /// Sort by these fields (prefix `-` for descending).
    package var sort: [String]?
    package var limit: Int?

    package enum CodingKeys: String, CodingKey, CaseIterable { case id, from, columns, `where`, sort, limit }

    package init(from decoder: any Decoder) throws {
        let c = try decoder.checkedContainer(keyedBy: CodingKeys.self, what: "a table")
        id = try c.decode(String.self, forKey: .id)
        try OutputName.check(id, forKey: .id, in: c, what: "a table")
        from = try c.decode(String.self, forKey: .from)
        columns = try c.decode([ColumnSpec].self, forKey: .columns)
        self.where = try c.decodeIfPresent([String: FilterValue].self, forKey: .where)
        sort = try c.decodeIfPresent([String].self, forKey: .sort)
        limit = try c.decodeIfPresent(Int.self, forKey: .limit)
        if let limit, limit < 0 {
            throw DecodingError.dataCorruptedError(forKey: .limit, in: c,
                debugDescription: "limit must be a whole number of rows, 0 or more, found \(limit)")
        }
    }
}

/// A filter value: one text or a list of texts (any of).
package enum FilterValue: Sendable, Decodable, Hashable {
    case one(String)
    case any([String])

    // The front matter decoder answers without this init where it can: `init(node:)`, which
    // gives what this gives; change both together (`NodeDecoderCollectionTests`).
    package init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let list = try? container.decode([String].self) {
            self = .any(list)
        } else if let flag = try? container.decode(Bool.self) {
            self = .one(flag ? "true" : "false")
        } else if let number = try? container.decode(Int.self) {
            self = .one(String(number))
        } else {
            self = .one(try container.decode(String.self))
        }
    }

    /// ``init(from:)`` for a node of the front matter, without the errors its tries throw and
    /// catch (a text is tried as a list, as true or false and as a whole number first): nil
    /// where that init would not decode a list of texts or a single value (a list holding a
    /// list or a mapping, a mapping, an alias), and the caller runs it, which throws.
    init?(node decoder: NodeValueDecoder) {
        switch decoder.node {
        case .scalar(let scalar):
            if let flag = decoder.scalarValue(Bool.self, of: scalar) {
                self = .one(flag ? "true" : "false")
            } else if let number = decoder.scalarValue(Int.self, of: scalar) {
                self = .one(String(number))
            } else {
                self = .one(scalar.string)
            }
        case .sequence(let sequence):
            var list: [String] = []
            list.reserveCapacity(sequence.count)
            for item in sequence {
                guard case .scalar(let scalar) = item else { return nil }
                list.append(scalar.string)
            }
            self = .any(list)
        case .mapping, .alias:
            return nil
        }
    }

    /// The accepted values.
    package var values: [String] {
        switch self {
        case let .one(value): return [value]
        case let .any(values): return values
        }
    }
}

/// A calendar date `YYYY-MM-DD`, validated.
package struct CalendarDate: Sendable, Equatable {
    package var year: Int
    package var month: Int
    package var day: Int

    package init?(iso: String) {
        let parts = iso.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              parts.allSatisfy({ $0.utf8.allSatisfy { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) } }),
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
              (1...12).contains(month), (1...CalendarDate.days(inMonth: month, of: year)).contains(day)
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// The number of days of `month` (1–12) in the Gregorian `year`.
    package static func days(inMonth month: Int, of year: Int) -> Int {
        switch month {
        case 2: return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// "1 December 2020".
    package var longText: String {
        let months = ["January", "February", "March", "April", "May", "June", "July", "August",
                      "September", "October", "November", "December"]
        return "\(day) \(months[month - 1]) \(year)"
    }
}

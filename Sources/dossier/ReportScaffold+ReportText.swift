import DossierReport

extension ReportScaffold {
    /// The `report.md` text: the front matter (the plan's analysis and figure) and a body that
    /// quotes the analysis and places the figure.
    var reportMarkdown: String {
        let part = planText
        return frontMatterHead + analysisAndFigureHead(part) + part.chart + "\n" + part.body
    }

    /// What the plan writes into the report: its analysis, its figure's chart and the body.
    struct PlanText {
        var identifier: String
        /// The `kind:` value with its comment.
        var kind: String
        /// The analysis' own key (`by:`, `field:`).
        var parameter: String
        var figureID: String
        var alt: String
        /// The figure's `chart:` mapping, indented under it, and the front matter's end.
        var chart: String
        var body: String
    }

    /// A quoted text the build expands: a `{{` in a name is written `\{{`, printed as is.
    private static func quotedText(_ text: String) -> String { yamlQuoted(literalText(text)) }

    /// The front matter up to `analyses:`: title, subtitle, authors, date, data.
    private var frontMatterHead: String {
        """
        ---
        # Front matter (YAML): what the report is, the data it reads, what it computes.
        # Every key is described in docs/report-format.md. Lines starting with # are comments.
        title: \(Self.quotedText(title))
        subtitle: \(Self.quotedText("A first look at \(csvFileName)"))   # optional
        authors: [\(Self.yamlQuoted("Your name"))]
        date: \(Self.yamlQuoted(date))            # YYYY-MM-DD: shown on the title page; the PDF date
        data: \(dataFolder)/datapackage.json   # the Data Package (CSV + Table Schema), relative to this folder

        # Analyses are computed in order. `id` names the result in {{ expressions }}, figures
        # and tables; `kind` chooses the computation (count, summary, correlation, regression, …).

        """
    }

    /// `analyses:` with the plan's analysis, and `figures:` up to its figure's `chart:`.
    private func analysisAndFigureHead(_ part: PlanText) -> String {
        """
        analyses:
          - id: \(part.identifier)
            kind: \(part.kind)
            table: \(resourceName)\(String(repeating: " ", count: max(1, 22 - resourceName.count)))# a resource name from \(dataFolder)/datapackage.json
            \(part.parameter)

        # Figures are declared here and placed in the body with a ```{figure} id block.
        figures:
          - id: \(part.figureID)
            alt: \(Self.quotedText(part.alt))
            chart:

        """
    }

    /// A chart's size and its one layer (`data`, `mark`, two encoding lines), indented under
    /// `chart:`, after its `titles` lines, and the front matter's end.
    private static func chartYAML(titles: [String], height: Int, data: String, mark: String, encoding: [String]) -> String {
        let lines = titles.map { "      \($0)" } + [
            "      width: 330                # the plot area, in points (Vega-Lite); axes and titles go around it",
            "      height: \(height)",
            "      layers:",
            "        - data: \(data)",
            "          mark: {type: \(mark)}",
            "          encoding:",
        ] + encoding.map { "            \($0)" } + ["---", ""]
        return lines.joined(separator: "\n")
    }

    /// The plan's analysis, chart and body.
    private var planText: PlanText {
        let q = Self.yamlQuoted
        switch plan {
        case let .count(field, groups):
            let identifier = Self.identifier("rows_by_\(field)")
            let figureID = Self.figureIdentifier("rows-by-\(field)")
            let name = Self.shortName(field)
            return PlanText(
                identifier: identifier, kind: "count                 # rows per value of the `by` fields, with n and share",
                parameter: "by: [\(q(field))]", figureID: figureID,
                alt: "Horizontal bars: number of rows for each value of \(name).",
                chart: Self.chartYAML(
                    titles: ["title: \(Self.quotedText("Rows by \(name)"))",
                             "subtitle: \(Self.quotedText("Number of rows in \(csvFileName)"))",
                             "source: \(Self.quotedText(csvFileName))"],
                    height: min(540, max(100, 20 * groups)),  // the plot area's (Vega-Lite): 20 points a bar
                    data: "\(identifier)      # an analysis id (its result table) or a resource name", mark: "bar",
                    encoding: ["y: {field: \(q(field)), type: nominal, title: \"\", sort: \"-x\"}",
                               "x: {field: n, type: quantitative, title: \"Rows\"}"]),
                body: """
                    # Overview

                    The dataset has {{ \(identifier).n | count }} rows in {{ \(identifier).groups }} groups
                    of \(Self.markdownCode(name)). Every number in the text is an expression like this one,
                    computed when the report is built.

                    ```{figure} \(figureID)
                    Rows for each value of \(Self.markdownCode(name)). Say here what the reader should see.
                    ```

                    """)
        case let .scatter(x, y):
            let identifier = Self.identifier("\(y)_summary")
            let figureID = Self.figureIdentifier("\(y)-against-\(x)")
            let (xName, yName) = (Self.shortName(x), Self.shortName(y))
            return PlanText(
                identifier: identifier, kind: "summary               # n, mean, median, sd, min, max, quartiles of `field`",
                parameter: "field: \(q(y))", figureID: figureID,
                alt: "Scatter plot of \(yName) against \(xName), one point per row.",
                chart: Self.chartYAML(
                    titles: ["title: \(Self.quotedText("\(yName) against \(xName)"))",
                             "source: \(Self.quotedText(csvFileName))"],
                    height: 220,
                    data: "\(resourceName)         # a resource name, or an analysis id (its result table)", mark: "point",
                    encoding: ["x: {field: \(q(x)), type: quantitative}", "y: {field: \(q(y)), type: quantitative}"]),
                body: """
                    # Overview

                    Over {{ \(identifier).n | count }} rows, the mean of \(Self.markdownCode(yName)) is
                    {{ \(identifier).mean | fixed(2) }} (median {{ \(identifier).median | fixed(2) }}). Every number
                    in the text is an expression like these, computed when the report is built.

                    ```{figure} \(figureID)
                    \(escapeMarkdown(yName, also: "{}")) against \(escapeMarkdown(xName, also: "{}")). Say here what the reader should see.
                    ```

                    """)
        }
    }
}

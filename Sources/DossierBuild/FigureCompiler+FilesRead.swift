import DossierReport

extension FigureCompiler {
    /// The files compiling `figure` reads (absolute paths, in the order it reads them): its
    /// chart file, the package descriptor and CSV of each dataset its layers name, the data
    /// files they name by `url` and the shapes files. Known from the figure's declaration
    /// alone, without compiling it, so a build whose chart files all come from its cache need
    /// not compile the figures to name their cache keys; ``compile(_:results:evaluator:typesetter:)``
    /// returns this list, so the two never differ.
    func filesRead(by figure: FigureSpec) -> [String] {
        var files: [String] = []
        if let chartFile = figure.chartFile { files.append(options.resolve(chartFile).path) }
        for name in Set(figure.chart.dataNames).sorted() where package.table(named: name) != nil {
            files += Self.resourceFiles(name, in: package)
        }
        for file in figure.chart.dataFiles { files.append(options.resolve(file.path).path) }
        for name in Set(figure.chart.layers.compactMap(\.shapes)).sorted() {
            if let relative = source.spec.shapes[name] { files.append(options.resolve(relative).path) }
        }
        return files
    }
}

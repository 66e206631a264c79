extension ReportSource {
    /// Where the front matter writes the path `value` of the top-level key `key`
    /// (`data: path`), or of the entry `entry` under it (`shapes: {name: path}` or an indented
    /// `name: path` line): the position of the value itself when found on the line, else the
    /// key's. Used for errors about a path (outside the project, a URL, a device).
    package func location(ofPath value: String, key: String, entry: String? = nil) -> SourceLocation {
        let keyLocation = location(ofKey: key)
        let keyIndex = keyLocation.line - 2
        guard keyIndex >= 0, keyIndex < frontMatterLines.count else { return keyLocation }
        var lineIndex = keyIndex
        if let entry, !frontMatterLines[keyIndex].contains("{") {
            // The first indented `entry:` line of the block under the key.
            var found: Int?
            for index in frontMatterLines.indices.dropFirst(keyIndex + 1) {
                let line = frontMatterLines[index]
                if let first = line.first, first != " " && first != "\t" && first != "#" { break }
                if line.drop(while: { $0 == " " || $0 == "\t" }).hasPrefix(entry + ":") { found = index; break }
            }
            guard let found else { return keyLocation }
            lineIndex = found
        }
        let line = frontMatterLines[lineIndex]
        guard let colon = line.firstIndex(of: ":"), let range = line[colon...].range(of: value) else {
            return SourceLocation(file: path, line: lineIndex + 2, column: keyLocation.column)
        }
        return SourceLocation(file: path, line: lineIndex + 2, column: line.distance(from: line.startIndex, to: range.lowerBound) + 1)
    }
}

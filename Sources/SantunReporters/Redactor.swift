import SantunCore

/// Hides what Santun protects: personal data and confidential matches are masked in machine
/// output and CI logs, so the linter never re-leaks what it found.
///
/// Masking works on Unicode scalars, one `•` for each, so the masked source keeps its lines and
/// columns: the text format still underlines the right place and SARIF fingerprints still see the
/// line. Any finding that overlaps a masked span (a length rule spanning the draft, say) gets the
/// masked text too, and every message and suggestion has the protected text replaced.
public enum Redactor {
    public static let categories: Set<Category> = [.pii, .confidential]

    /// Masks a protected text: whitespace stays, the first scalar stays when more than six are
    /// masked (enough to tell a phone number from a name, too little to guess either).
    public static func mask(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        let keepFirst = text.unicodeScalars.count > 6
        for (index, scalar) in text.unicodeScalars.enumerated() {
            out.append(scalar.properties.isWhitespace || (index == 0 && keepFirst) ? scalar : "•")
        }
        return String(out)
    }

    public static func redact(_ report: Report) -> Report {
        var copy = report
        copy.files = report.files.map(redact)
        return copy
    }

    /// One file: the protected spans are the ranges of its pii and confidential findings.
    public static func redact(_ file: FileReport) -> FileReport {
        let protected = merged(file.findings.filter { categories.contains($0.category) && $0.range.length > 0 }.map(\.range))
        guard !protected.isEmpty else { return file }
        let scrubber = Scrubber(secrets: file.findings.filter { categories.contains($0.category) }.map(\.match))
        func scrub(_ text: String) -> String { scrubber.scrub(text) }
        var copy = file
        let maskedSource = file.source.map { MaskedSource($0, protected: protected) }
        copy.findings = file.findings.map { finding in
            var finding = finding
            if overlapsAny(protected, finding.range) {
                finding.match = maskedSource?.text(finding.range) ?? mask(finding.match)
            }
            finding.message = scrub(finding.message)
            finding.suggestions = finding.suggestions.map(scrub)
            return finding
        }
        copy.source = maskedSource?.source
        return copy
    }

    /// Whether a range overlaps one of sorted, disjoint ranges: a binary search, since a file
    /// with thousands of findings would otherwise compare every pair.
    static func overlapsAny(_ sorted: [ByteRange], _ range: ByteRange) -> Bool {
        // The first range that ends after `range` starts; only it can overlap.
        var low = 0, high = sorted.count
        while low < high {
            let mid = (low + high) / 2
            if sorted[mid].end <= range.offset { low = mid + 1 } else { high = mid }
        }
        return low < sorted.count && sorted[low].overlaps(range)
    }

    /// Replaces every protected text inside a message or suggestion by its mask, in one pass
    /// over the text's bytes: at each position the longest secret that starts there wins.
    /// (One `replacingOccurrences` per secret per message made a file with many findings
    /// quadratic: minutes for a year of posts.)
    struct Scrubber {
        private let secrets: [(bytes: [UInt8], mask: [UInt8])]
        /// Indexes into `secrets` (longest first) by first byte.
        private let byFirstByte: [[Int]]

        init(secrets texts: [String]) {
            var seen = Set<String>()
            let unique = texts.filter { !$0.isEmpty && seen.insert($0).inserted }
            let secrets = unique.map { (Array($0.utf8), Array(Redactor.mask($0).utf8)) }
                .sorted { $0.0.count != $1.0.count ? $0.0.count > $1.0.count : $0.0.lexicographicallyPrecedes($1.0) }
            var byFirstByte = [[Int]](repeating: [], count: 256)
            for (index, secret) in secrets.enumerated() { byFirstByte[Int(secret.0[0])].append(index) }
            self.secrets = secrets
            self.byFirstByte = byFirstByte
        }

        func scrub(_ text: String) -> String {
            guard !secrets.isEmpty, text.utf8.contains(where: { !byFirstByte[Int($0)].isEmpty }) else { return text }
            let bytes = Array(text.utf8)
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count + 16)
            var position = 0
            next: while position < bytes.count {
                for index in byFirstByte[Int(bytes[position])] {
                    let secret = secrets[index].bytes
                    if position + secret.count <= bytes.count, bytes[position..<(position + secret.count)].elementsEqual(secret) {
                        out.append(contentsOf: secrets[index].mask)
                        position += secret.count
                        continue next
                    }
                }
                out.append(bytes[position])
                position += 1
            }
            return String(decoding: out, as: UTF8.self)
        }
    }

    /// Sorted ranges with overlapping and touching ones joined.
    static func merged(_ ranges: [ByteRange]) -> [ByteRange] {
        var out: [ByteRange] = []
        for range in ranges.sorted() {
            if let last = out.last, range.offset <= last.end {
                out[out.count - 1] = ByteRange(last.offset..<max(last.end, range.end))
            } else {
                out.append(range)
            }
        }
        return out
    }

    /// A source with protected spans masked scalar for scalar, and a way to read any original
    /// byte range out of the masked text.
    struct MaskedSource {
        let source: SourceText
        /// Byte offset in the original of each scalar, plus the end.
        private let scalarStarts: [Int]
        private let scalars: [Unicode.Scalar]

        init(_ original: SourceText, protected: [ByteRange]) {
            var starts: [Int] = []
            var scalars: [Unicode.Scalar] = []
            var offset = 0
            /// Appends the scalars of an original range, masked or not, each at its original offset.
            func append(_ range: ByteRange, masked: Bool) {
                let text = original.text(range)
                var replacement = (masked ? mask(text) : text).unicodeScalars.makeIterator()
                var at = range.offset
                for scalar in text.unicodeScalars {
                    starts.append(at)
                    scalars.append(replacement.next() ?? scalar)
                    at += scalar.utf8.count
                }
            }
            for range in protected {
                append(ByteRange(offset..<range.offset), masked: false)
                append(range, masked: true)
                offset = range.end
            }
            append(ByteRange(offset..<original.bytes.count), masked: false)
            starts.append(original.bytes.count)
            scalarStarts = starts
            self.scalars = scalars
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars)
            source = SourceText(String(view))
        }

        /// The masked text of an original byte range.
        func text(_ range: ByteRange) -> String {
            let from = index(of: range.offset), to = index(of: range.end)
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars[from..<max(from, to)])
            return String(view)
        }

        /// The index of the first scalar starting at or after a byte offset.
        private func index(of offset: Int) -> Int {
            var low = 0, high = scalarStarts.count - 1
            while low < high {
                let mid = (low + high) / 2
                if scalarStarts[mid] < offset { low = mid + 1 } else { high = mid }
            }
            return low
        }
    }
}

/// A necessary condition for a pattern rule to match in a line, read from the pattern's syntax,
/// so that ICU's matcher only runs on the few lines that could match (ripgrep's "literal
/// prefilter" idea). It is conservative: anything the analysis does not understand gives no
/// condition, and the regex then runs on every line as before.
///
/// Two conditions, both true of every match and so of every line that holds one:
/// - `literals`: one of these byte strings occurs in the match (compared in ASCII lowercase);
/// - `minimumDigits`: the match holds at least this many characters that only `\d` or a digit
///   class matches.
///
/// The line test works on ASCII only. A line with a character that Unicode case folding could
/// turn into ASCII (ſ → s, K → k) or that `\d` matches (٣, ３) is always handed to ICU; see
/// `isInert(_:)`.
struct PatternPrefilter: Sendable, Equatable {
    var literals: [[UInt8]]?
    var minimumDigits: Int

    static let none = PatternPrefilter(literals: nil, minimumDigits: 0)
    var isUseful: Bool { literals != nil || minimumDigits > 0 }

    /// Analyses an ICU pattern; `.none` for syntax it does not follow.
    init(pattern: String) {
        var parser = Parser(Array(pattern.unicodeScalars))
        guard let info = try? parser.parseWhole() else { self = .none; return }
        var literals = info.bestRequirement()
        if let set = literals, !PatternPrefilter.isSelective(set) { literals = nil }
        self.init(literals: literals.map { $0.sorted { $0.lexicographicallyPrecedes($1) } }, minimumDigits: info.digits)
    }

    init(literals: [[UInt8]]?, minimumDigits: Int) {
        self.literals = literals
        self.minimumDigits = minimumDigits
    }

    /// A literal set worth scanning for: not too many strings, none empty, and single characters
    /// only when they are rare in prose (`@`, not `a` or `.`).
    static func isSelective(_ set: Set<[UInt8]>) -> Bool {
        guard !set.isEmpty, set.count <= 256 else { return false }
        return set.allSatisfy { $0.count >= 2 || ($0.count == 1 && !isCommon($0[0])) }
    }

    static func isCommon(_ byte: UInt8) -> Bool {
        (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39) || byte <= 0x20
            || ".,-!?'\"()\n:;/".utf8.contains(byte)
    }

    /// True for characters that ICU's case-insensitive matching cannot fold to ASCII and that
    /// `\d` does not match: punctuation, symbols, emoji. Any other non-ASCII character makes the
    /// line a candidate for every pattern.
    static func isInert(_ scalar: UInt32) -> Bool {
        switch scalar {
        case 0xAA, 0xB5, 0xBA: return false
        case 0xA0...0xBF, 0x2000...0x206F, 0x20A0...0x20CF, 0x2190...0x23FF, 0x2500...0x27BF, 0x2B00...0x2BFF,
             0x3000...0x303F, 0xFE00...0xFE0F, 0x1F000...0x1FAFF, 0xE0000...0xE007F:
            return true
        default: return false
        }
    }

    // MARK: analysis

    /// What the analysis knows about a piece of pattern.
    struct Info {
        /// Every string the piece can match (ASCII, lowercase), when that set is small.
        var exact: Set<[UInt8]>?
        /// Strings one of which every match of the piece contains.
        var required: Set<[UInt8]>?
        /// Digit-only atoms every match contains at least.
        var digits: Int
        /// Strings one of which every match starts with, and one of which it ends with, when
        /// `exact` is not known (`(?:\w+\.)+` ends with `.`). They only lengthen the literals
        /// next to the piece in a sequence (`.lan`, not only `lan`); alone they are no requirement
        /// (the ends of a long alternation are often commoner words than its required ones).
        var prefixes: Set<[UInt8]>? = nil
        var suffixes: Set<[UInt8]>? = nil
        /// For a piece that may match nothing (`\d*`): strings one of which ends every match
        /// that is not empty. In a sequence, what ends the text so far is then either what ended
        /// it before the piece or one of these (`[a-z]+\d*@` holds a letter or a digit before `@`).
        var optionalEnds: Set<[UInt8]>? = nil

        static let limit = 64
        static let unknown = Info(exact: nil, required: nil, digits: 0)
        static let empty = Info(exact: [[]], required: nil, digits: 0)

        static func literal(_ bytes: [UInt8], digit: Bool) -> Info { Info(exact: [bytes], required: nil, digits: digit ? 1 : 0) }

        /// Strings one of which every match starts with (its exact strings when known).
        var starts: Set<[UInt8]>? { exact ?? prefixes }
        /// Strings one of which every match ends with.
        var ends: Set<[UInt8]>? { exact ?? suffixes }

        /// The more selective of the known requirements (longest shortest string, then fewest).
        func bestRequirement() -> Set<[UInt8]>? {
            var candidates: [Set<[UInt8]>] = []
            if let required { candidates.append(required) }
            if let exact, !exact.contains([]) { candidates.append(exact) }
            return candidates.max { Info.score($0) < Info.score($1) }
        }

        static func score(_ set: Set<[UInt8]>) -> Double {
            var shortest = Int.max
            var commonSingle = false
            for string in set {
                shortest = min(shortest, string.count)
                if string.count == 1 && PatternPrefilter.isCommon(string[0]) { commonSingle = true }
            }
            guard shortest > 0, shortest != Int.max else { return -1 }
            return Double(min(shortest, 8)) * 10 - Double(set.count) / 100 - (commonSingle ? 5 : 0)
        }

        static func product(_ a: Set<[UInt8]>, _ b: Set<[UInt8]>) -> Set<[UInt8]>? {
            guard a.count * b.count <= limit else { return nil }
            var result = Set<[UInt8]>()
            for x in a { for y in b { let joined = x + y; if joined.count > 40 { return nil }; result.insert(joined) } }
            return result
        }

        static func sequence(_ items: [Info]) -> Info {
            var result = Info(exact: [[]], required: nil, digits: 0)
            var candidates: [Set<[UInt8]>] = []
            // One of these strings ends the text matched so far (the empty string: nothing known).
            var run: Set<[UInt8]> = [[]]
            func add(_ strings: Set<[UInt8]>) {
                if !strings.contains([]) { candidates.append(strings) }
            }
            // One of these strings starts every match; `leading` while only exact items were seen.
            var lead: Set<[UInt8]> = [[]]
            var leading = true
            for item in items {
                result.digits += item.digits
                if let required = item.bestRequirement() { candidates.append(required) }
                if leading {
                    if let starts = item.starts, let joined = product(lead, starts) {
                        lead = joined
                        leading = item.exact != nil
                    } else {
                        leading = false
                    }
                }
                if let exact = item.exact {
                    if let joined = product(run, exact) {
                        run = joined
                    } else {
                        add(run)
                        run = exact
                    }
                } else if item.suffixes == nil, let ends = item.optionalEnds, !run.contains([]), run.count + ends.count <= limit {
                    run.formUnion(ends)
                } else {
                    // What ends the text so far, followed by what starts the item, is in every match.
                    if let starts = item.prefixes, let joined = product(run, starts) { add(joined) } else { add(run) }
                    run = item.suffixes ?? [[]]
                }
                if let exact = result.exact, let itemExact = item.exact { result.exact = product(exact, itemExact) } else { result.exact = nil }
            }
            add(run)
            result.required = candidates.max { score($0) < score($1) }
            if result.exact == nil {
                if !lead.contains([]) { result.prefixes = lead }
                if !run.contains([]) { result.suffixes = run }
            }
            return result
        }

        static func alternation(_ branches: [Info]) -> Info {
            var exact: Set<[UInt8]>? = []
            var required: Set<[UInt8]>? = []
            var prefixes: Set<[UInt8]>? = [], suffixes: Set<[UInt8]>? = []
            for branch in branches {
                if let known = prefixes, let starts = branch.starts, known.count + starts.count <= limit {
                    prefixes = known.union(starts)
                } else {
                    prefixes = nil
                }
                if let known = suffixes, let ends = branch.ends, known.count + ends.count <= limit {
                    suffixes = known.union(ends)
                } else {
                    suffixes = nil
                }
                if exact != nil, let branchExact = branch.exact, exact!.count + branchExact.count <= limit {
                    exact!.formUnion(branchExact)
                } else {
                    exact = nil
                }
                if required != nil, let branchRequired = branch.bestRequirement() {
                    required!.formUnion(branchRequired)
                } else {
                    required = nil
                }
            }
            var result = Info(exact: exact, required: required, digits: branches.map(\.digits).min() ?? 0)
            if exact == nil {
                result.prefixes = prefixes.flatMap { $0.contains([]) ? nil : $0 }
                result.suffixes = suffixes.flatMap { $0.contains([]) ? nil : $0 }
            }
            return result
        }

        func repeated(minimum: Int, maximum: Int?) -> Info {
            if minimum == 0 {
                if maximum == 1, let exact { return Info(exact: exact.union([[]]), required: nil, digits: 0) }
                var result = Info(exact: maximum == 0 ? [[]] : nil, required: nil, digits: 0)
                if maximum != 0, let ends, !ends.contains([]) { result.optionalEnds = ends }
                return result
            }
            var power: Set<[UInt8]>? = exact
            if let exact {
                for _ in 1..<minimum { power = power.flatMap { Info.product($0, exact) } }
            }
            var candidates: [Set<[UInt8]>] = []
            if let required = bestRequirement() { candidates.append(required) }
            if let power, !power.contains([]) { candidates.append(power) }
            var result = Info(exact: maximum == minimum ? power : nil, required: candidates.max { Info.score($0) < Info.score($1) },
                              digits: digits * minimum)
            if result.exact == nil {
                // One or more matches of the piece: the first starts the whole, the last ends it.
                result.prefixes = starts.flatMap { $0.contains([]) ? nil : $0 }
                result.suffixes = ends.flatMap { $0.contains([]) ? nil : $0 }
            }
            return result
        }
    }

    struct Unsupported: Error {}

    /// A recursive-descent reader for the part of ICU's syntax that rule packs use.
    struct Parser {
        let scalars: [Unicode.Scalar]
        var index = 0

        init(_ scalars: [Unicode.Scalar]) { self.scalars = scalars }

        var atEnd: Bool { index >= scalars.count }
        func peek(_ offset: Int = 0) -> Unicode.Scalar? { index + offset < scalars.count ? scalars[index + offset] : nil }

        mutating func parseWhole() throws -> Info {
            let info = try parseAlternation()
            guard atEnd else { throw Unsupported() }
            return info
        }

        mutating func parseAlternation() throws -> Info {
            var branches = [try parseSequence()]
            while peek() == "|" {
                index += 1
                branches.append(try parseSequence())
            }
            return branches.count == 1 ? branches[0] : Info.alternation(branches)
        }

        mutating func parseSequence() throws -> Info {
            var items: [Info] = []
            // Runs of plain characters become one literal (fewer sets to combine).
            var pending: [UInt8] = []
            var pendingDigits = 0
            func flush() {
                if !pending.isEmpty { items.append(Info(exact: [pending], required: nil, digits: pendingDigits)) }
                pending = []
                pendingDigits = 0
            }
            while let scalar = peek(), scalar != "|", scalar != ")" {
                let atom = try parseAtom()
                if let next = peek(), "?*+{".unicodeScalars.contains(next) {
                    flush()
                    items.append(try parseQuantifier(atom))
                } else if let exact = atom.exact, exact.count == 1, let string = exact.first {
                    pending += string
                    pendingDigits += atom.digits
                } else {
                    flush()
                    items.append(atom)
                }
            }
            flush()
            return items.count == 1 ? items[0] : Info.sequence(items)
        }

        mutating func parseQuantifier(_ atom: Info) throws -> Info {
            var result = atom
            while let scalar = peek() {
                var minimum = 0, maximum: Int? = nil
                switch scalar {
                case "?": minimum = 0; maximum = 1; index += 1
                case "*": minimum = 0; maximum = nil; index += 1
                case "+": minimum = 1; maximum = nil; index += 1
                case "{":
                    index += 1
                    guard let low = readNumber() else { throw Unsupported() }
                    minimum = low
                    maximum = low
                    if peek() == "," {
                        index += 1
                        maximum = readNumber()
                    }
                    guard peek() == "}" else { throw Unsupported() }
                    index += 1
                default: return result
                }
                if peek() == "?" || peek() == "+" { index += 1 }  // lazy or possessive: same strings
                result = result.repeated(minimum: minimum, maximum: maximum)
            }
            return result
        }

        mutating func readNumber() -> Int? {
            var value: Int? = nil
            while let scalar = peek(), scalar.value >= 0x30 && scalar.value <= 0x39 {
                value = (value ?? 0) * 10 + Int(scalar.value - 0x30)
                index += 1
            }
            return value
        }

        mutating func parseAtom() throws -> Info {
            guard let scalar = peek() else { throw Unsupported() }
            index += 1
            switch scalar {
            case "(": return try parseGroup()
            case "[": return try parseClass()
            case ".": return .unknown
            case "^", "$": return .empty
            case "\\": return try parseEscape()
            case "*", "+", "?", "{", ")": throw Unsupported()
            default: return PatternPrefilter.Parser.literal(scalar)
            }
        }

        static func literal(_ scalar: Unicode.Scalar) -> Info {
            guard scalar.isASCII else { return .unknown }
            var byte = UInt8(scalar.value)
            if byte >= 0x41 && byte <= 0x5A { byte += 0x20 }
            return .literal([byte], digit: byte >= 0x30 && byte <= 0x39)
        }

        static let digits: Info = Info(exact: Set((0x30...0x39).map { [UInt8($0)] }), required: nil, digits: 1)

        mutating func parseEscape() throws -> Info {
            guard let scalar = peek() else { throw Unsupported() }
            index += 1
            switch scalar {
            case "d": return Parser.digits
            case "b", "B", "A", "z", "Z", "G": return .empty
            case "w", "W", "s", "S", "D", "h", "H", "v", "V", "X", "R": return .unknown
            case "n": return .literal([0x0A], digit: false)
            case "t": return .literal([0x09], digit: false)
            case "1"..."9": return .unknown  // a backreference: some earlier text again
            default:
                // Escaped punctuation stands for itself; any other letter escape (\p, \x, \u, \Q, \k…) is not followed.
                guard scalar.isASCII, !scalar.properties.isAlphabetic, !(scalar.value >= 0x30 && scalar.value <= 0x39) else {
                    throw Unsupported()
                }
                return Parser.literal(scalar)
            }
        }

        mutating func parseGroup() throws -> Info {
            var lookaround = false
            if peek() == "?" {
                index += 1
                switch peek() {
                case ":", ">": index += 1
                case "=", "!": index += 1; lookaround = true
                case "<":
                    index += 1
                    if peek() == "=" || peek() == "!" {
                        index += 1
                        lookaround = true
                    } else {
                        // A named group: (?<name>…)
                        while let scalar = peek(), scalar != ">" {
                            guard scalar.properties.isAlphabetic || (scalar.value >= 0x30 && scalar.value <= 0x39) else { throw Unsupported() }
                            index += 1
                        }
                        guard peek() == ">" else { throw Unsupported() }
                        index += 1
                    }
                default: throw Unsupported()  // flags (?i), comments, conditionals
                }
            }
            let inner = try parseAlternation()
            guard peek() == ")" else { throw Unsupported() }
            index += 1
            return lookaround ? .empty : inner
        }

        /// A bracket class: its members when it only holds ASCII characters and ranges.
        mutating func parseClass() throws -> Info {
            var negated = false
            if peek() == "^" { negated = true; index += 1 }
            var members = Set<UInt8>()
            var known = true
            var onlyDigits = true
            if peek() == "]" { throw Unsupported() }
            while let scalar = peek(), scalar != "]" {
                index += 1
                var low: Unicode.Scalar = scalar
                switch scalar {
                case "[": throw Unsupported()  // nested sets and set operations
                case "\\":
                    guard let escaped = peek() else { throw Unsupported() }
                    index += 1
                    switch escaped {
                    case "d": members.formUnion(0x30...0x39); continue
                    case "w", "W", "s", "S", "D", "h", "H", "v", "V": known = false; onlyDigits = false; continue
                    case "n": low = "\n"
                    case "t": low = "\t"
                    default:
                        guard escaped.isASCII, !escaped.properties.isAlphabetic, !(escaped.value >= 0x30 && escaped.value <= 0x39) else {
                            throw Unsupported()
                        }
                        low = escaped
                    }
                case "&" where peek() == "&": throw Unsupported()
                case "-" where peek() == "-": throw Unsupported()
                default: break
                }
                var high = low
                if peek() == "-", let next = peek(1), next != "]" {
                    index += 1
                    guard next != "\\", next != "[" else { throw Unsupported() }
                    index += 1
                    high = next
                }
                guard low.isASCII, high.isASCII, low.value <= high.value else { known = false; onlyDigits = false; continue }
                for value in low.value...high.value {
                    var byte = UInt8(value)
                    if !(byte >= 0x30 && byte <= 0x39) { onlyDigits = false }
                    if byte >= 0x41 && byte <= 0x5A { byte += 0x20 }
                    members.insert(byte)
                }
            }
            guard peek() == "]" else { throw Unsupported() }
            index += 1
            if negated { return .unknown }
            if known && members.isEmpty { throw Unsupported() }
            let digitClass = onlyDigits && !members.isEmpty
            guard known, members.count <= 32 else { return Info(exact: nil, required: nil, digits: digitClass ? 1 : 0) }
            return Info(exact: Set(members.map { [$0] }), required: nil, digits: digitClass ? 1 : 0)
        }
    }
}

/// What a line must hold for one pattern rule to run on it, beyond what the pattern itself says:
/// the pack's declared prefilter (one of its strings in the line) and, when keywords are required,
/// one of the keywords in the line or a line next to it.
struct PatternGate: Sendable, Equatable {
    var prefilter: [[UInt8]] = []
    var nearbyKeywords: [[UInt8]] = []

    static let open = PatternGate()

    init(prefilter: [[UInt8]] = [], nearbyKeywords: [[UInt8]] = []) {
        // An empty string occurs everywhere: such a condition narrows nothing.
        self.prefilter = prefilter.contains([]) ? [] : prefilter
        self.nearbyKeywords = nearbyKeywords.contains([]) ? [] : nearbyKeywords
    }

    init(_ spec: PatternSpec) {
        self.init(prefilter: spec.prefilter.map { Array($0.utf8) },
                  nearbyKeywords: spec.keywordsRequired ? spec.keywords.map { Array($0.joined(separator: " ").utf8) } : [])
    }
}

/// The prefilters of every pattern rule of a rule set, and a single pass over a text that tells
/// which lines each pattern must still look at. All the literal conditions of all patterns (read
/// from the pattern, declared by the pack, required keywords) are looked for in one scan of each
/// line, instead of one scan per pattern and condition.
struct PatternScreen: Sendable {
    /// Per pattern rule (in rule order): its prefilter.
    let filters: [PatternPrefilter]
    /// Per pattern rule: the pack's extra conditions.
    let gates: [PatternGate]
    /// Per pattern: the literal sets it needs, as indexes into the sets the scan looks for.
    private let ownSet: [Int?]
    private let declaredSet: [Int?]
    private let nearbySet: [Int?]
    /// How many literal sets the scan looks for (own, declared and keyword sets together).
    private let setCount: Int
    /// Literals of two bytes or longer, grouped by their first two bytes: those starting with the
    /// pair `key` are the literals `pairStart[key]..<pairStart[key + 1]`. Literal `i` is
    /// `literalBytes[literalStart[i]..<literalStart[i + 1]]`, of the set `literalSet[i]`. Flat
    /// tables, so the scan of each byte neither hashes nor retains anything.
    private let pairStart: [Int32]
    private let literalBytes: [UInt8]
    private let literalStart: [Int32]
    private let literalSet: [Int32]
    /// Sets with a one-byte literal, as a bit mask per byte value (`setWords` words each).
    private let singleMasks: [UInt64]
    private let hasSingles: Bool
    private var setWords: Int { max(1, (setCount + 63) / 64) }

    init(patterns: [String]) { self.init(filters: patterns.map { PatternPrefilter(pattern: $0) }) }

    init(filters: [PatternPrefilter], gates: [PatternGate]? = nil) {
        let gates = gates ?? Array(repeating: .open, count: filters.count)
        precondition(gates.count == filters.count, "one gate per filter")
        self.filters = filters
        self.gates = gates
        var sets: [[[UInt8]]] = []
        func register(_ literals: [[UInt8]]?) -> Int? {
            guard let literals, !literals.isEmpty else { return nil }
            sets.append(literals)
            return sets.count - 1
        }
        ownSet = filters.map { register($0.literals) }
        declaredSet = gates.map { register($0.prefilter) }
        nearbySet = gates.map { register($0.nearbyKeywords) }
        setCount = sets.count
        let words = max(1, (sets.count + 63) / 64)
        var pairs: [(key: Int, bytes: [UInt8], set: Int)] = []
        var singleMasks = [UInt64](repeating: 0, count: 256 * words)
        var hasSingles = false
        for (index, literals) in sets.enumerated() {
            for literal in Set(literals).sorted(by: { $0.lexicographicallyPrecedes($1) }) {
                if literal.count == 1 {
                    singleMasks[Int(literal[0]) * words + index >> 6] |= 1 << UInt64(index & 63)
                    hasSingles = true
                } else {
                    pairs.append((Int(literal[0]) << 8 | Int(literal[1]), literal, index))
                }
            }
        }
        pairs.sort { ($0.key, $0.set) < ($1.key, $1.set) }
        var pairStart = [Int32](repeating: 0, count: 65_537)
        for pair in pairs { pairStart[pair.key + 1] += 1 }
        for key in 0..<65_536 { pairStart[key + 1] += pairStart[key] }
        self.pairStart = pairStart
        literalBytes = pairs.flatMap(\.bytes)
        var literalStart: [Int32] = [0]
        for pair in pairs { literalStart.append(literalStart.last! + Int32(pair.bytes.count)) }
        self.literalStart = literalStart
        literalSet = pairs.map { Int32($0.set) }
        self.singleMasks = singleMasks
        self.hasSingles = hasSingles
    }

    var isUseful: Bool { filters.contains(where: \.isUseful) || gates.contains { $0 != .open } }

    /// Byte → the byte compared: ASCII capitals lowercased, every other byte itself.
    static let lowercase: [UInt8] = (0...255).map { (value: Int) -> UInt8 in
        let byte = UInt8(value)
        return byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte
    }

    /// For each pattern, the indexes of the lines of `source` it must be matched on.
    ///
    /// Lines are compared with ASCII letters lowercased and other bytes as they are. Every
    /// condition only decides on lines of ASCII and inert characters (see
    /// `PatternPrefilter.isInert`): a line with `ſ` or `K` (Kelvin) in it is handed to ICU, whose
    /// case-insensitive matching reads them as s and k, so spelling a word that way hides nothing.
    func candidateLines(_ source: SourceText) -> [[Int]] {
        let lineCount = source.lineCount
        let words = max(1, (setCount + 63) / 64)
        // Per line: which sets were found, a bit each.
        var foundBits = [UInt64](repeating: 0, count: lineCount * words)
        var digitCounts = [Int](repeating: 0, count: lineCount)
        var inertLines = [Bool](repeating: true, count: lineCount)
        // Bytes are compared through this table (ASCII letters lowercased, all else as it is),
        // so no lowercased copy of a line is made.
        let lowered = PatternScreen.lowercase
        source.bytes.withUnsafeBufferPointer { bytes in
        foundBits.withUnsafeMutableBufferPointer { found in
        pairStart.withUnsafeBufferPointer { starts in
        literalBytes.withUnsafeBufferPointer { literalBytes in
        literalStart.withUnsafeBufferPointer { literalStart in
        literalSet.withUnsafeBufferPointer { literalSet in
        singleMasks.withUnsafeBufferPointer { singles in
            for line in 0..<lineCount {
                let start = source.lineStarts[line]
                let end = line + 1 < lineCount ? source.lineStarts[line + 1] : bytes.count
                var digits = 0
                var inert = true
                var index = start
                while index < end {
                    let byte = bytes[index]
                    if byte < 0x80 {
                        if byte >= 0x30 && byte <= 0x39 { digits += 1 }
                        index += 1
                        continue
                    }
                    var scalar: UInt32, width: Int
                    if byte < 0xE0 { scalar = UInt32(byte & 0x1F); width = 2 } else if byte < 0xF0 { scalar = UInt32(byte & 0x0F); width = 3 } else { scalar = UInt32(byte & 0x07); width = 4 }
                    for next in 1..<width where index + next < end { scalar = scalar << 6 | UInt32(bytes[index + next] & 0x3F) }
                    if !PatternPrefilter.isInert(scalar) { inert = false }
                    index += width
                }
                digitCounts[line] = digits
                inertLines[line] = inert
                guard setCount > 0 else { continue }
                let base = line * words
                if hasSingles {
                    for position in start..<end {
                        let row = Int(lowered[Int(bytes[position])]) * words
                        for word in 0..<words { found[base + word] |= singles[row + word] }
                    }
                }
                guard end - start >= 2 else { continue }
                var previous = Int(lowered[Int(bytes[start])])
                for position in start..<(end - 1) {
                    let next = Int(lowered[Int(bytes[position + 1])])
                    let key = previous << 8 | next
                    previous = next
                    var entry = Int(starts[key])
                    let stop = Int(starts[key + 1])
                    while entry < stop {
                        let set = Int(literalSet[entry])
                        let literal = Int(literalStart[entry]), length = Int(literalStart[entry + 1]) - literal
                        entry += 1
                        let bit: UInt64 = 1 << UInt64(set & 63)
                        if found[base + set >> 6] & bit != 0 || position + length > end { continue }
                        var equal = true
                        var offset = 2
                        while offset < length {
                            if lowered[Int(bytes[position + offset])] != literalBytes[literal + offset] { equal = false; break }
                            offset += 1
                        }
                        if equal { found[base + set >> 6] |= bit }
                    }
                }
            }
        }
        }
        }
        }
        }
        }
        }
        func found(_ set: Int, _ line: Int) -> Bool { foundBits[line * words + set >> 6] & (1 << UInt64(set & 63)) != 0 }
        var result = [[Int]](repeating: [], count: filters.count)
        for (index, filter) in filters.enumerated() {
            let own = ownSet[index], declared = declaredSet[index], nearby = nearbySet[index]
            // A line with a character that folds to ASCII (ſ, K) may hold any string in disguise.
            func holds(_ set: Int, _ line: Int) -> Bool { !inertLines[line] || found(set, line) }
            for line in 0..<lineCount {
                if inertLines[line] {
                    if digitCounts[line] < filter.minimumDigits { continue }
                    if let own, !found(own, line) { continue }
                    if let declared, !found(declared, line) { continue }
                }
                if let nearby, !holds(nearby, line), !(line > 0 && holds(nearby, line - 1)),
                   !(line + 1 < lineCount && holds(nearby, line + 1)) { continue }
                result[index].append(line)
            }
        }
        return result
    }
}

import CICUShim
import Foundation

/// A compiled ICU regular expression. Compile once per pack load; `matcher()` gives each
/// thread its own copy. Each match is bounded by ICU's time and stack limits, so a pattern
/// that backtracks catastrophically costs a bounded attempt instead of a hang; `PackLoader`
/// also rejects such patterns up front with `catastrophicProbe()`.
public final class ICURegex: @unchecked Sendable {
    /// Thrown when a pattern cannot be compiled, with ICU's 1-based line and 0-based offset.
    public struct SyntaxError: Error, Sendable, CustomStringConvertible {
        public let message: String
        public let line: Int
        public let offset: Int
        public var description: String { "invalid regular expression (\(message) at offset \(offset))" }
    }

    public let pattern: String
    private let flags: UInt32
    public var caseInsensitive: Bool { flags & UInt32(SN_REGEX_CASE_INSENSITIVE) != 0 }
    /// The compiled pattern, made on first use for a lazy regex; guarded by `lock`.
    private var compiled: Result<OpaquePointer, SyntaxError>?
    private let lock = NSLock()

    /// Compiles now: a syntax error is thrown here (what a pack loader wants).
    public convenience init(_ pattern: String, caseInsensitive: Bool) throws {
        self.init(lazy: pattern, caseInsensitive: caseInsensitive)
        _ = try handle()
    }

    /// Compiles on first use (a matcher or `groupCount`). Compiling a case-insensitive pattern
    /// costs milliseconds, and a draft whose lines the prefilter rules out never needs it; use it
    /// for patterns already known to compile (the built-in packs, which the tests load strictly).
    public init(lazy pattern: String, caseInsensitive: Bool) {
        self.pattern = pattern
        flags = caseInsensitive ? UInt32(SN_REGEX_CASE_INSENSITIVE) : 0
    }

    deinit {
        if case let .success(handle) = compiled { sn_regex_close(handle) }
    }

    func handle() throws -> OpaquePointer {
        lock.lock()
        defer { lock.unlock() }
        if compiled == nil {
            let utf16 = Array(pattern.utf16)
            var error: Int32 = 0, line: Int32 = 0, offset: Int32 = 0
            // Case folding is asked for by default, but a pattern of digits, separators and `\w`
            // matches the same text either way, and compiling it folded costs ICU the case closure
            // of every set (about 1.5 ms for the phone pattern, an eighth of a one-post check).
            let flags = caseInsensitive && !ICURegex.matchesAlikeInEveryCase(pattern) ? self.flags : self.flags & ~UInt32(SN_REGEX_CASE_INSENSITIVE)
            if let handle = sn_regex_open(utf16, Int32(utf16.count), flags, &error, &line, &offset) {
                compiled = .success(handle)
            } else {
                compiled = .failure(SyntaxError(message: String(cString: sn_error_name(error)), line: Int(line), offset: Int(offset)))
            }
        }
        return try compiled!.get()
    }

    /// Whether a pattern matches exactly the same text with and without case folding: it has no
    /// cased literal, no property (`\p{Lu}` folded is every cased letter), no backreference (folded,
    /// it compares text case-blind), no code point escape, inline flag, named group or POSIX class,
    /// and its only class escapes are ones whose sets are closed under case (`\d`, `\s`, `\w`, their
    /// complements, and the anchors). Conservative: anything else counts as case-dependent.
    static func matchesAlikeInEveryCase(_ pattern: String) -> Bool {
        let scalars = Array(pattern.unicodeScalars)
        let caseless: Set<Unicode.Scalar> = ["d", "D", "s", "S", "w", "W", "b", "B", "n", "t", "r", "f", "A", "z", "Z", "G", "h", "H", "v", "V", "R"]
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            let next = index + 1 < scalars.count ? scalars[index + 1] : nil
            if scalar == "\\" {
                guard let escaped = next else { return false }
                if caseless.contains(escaped) || !(escaped.properties.isAlphabetic || escaped.properties.numericType != nil) {
                    index += 2
                    continue
                }
                return false
            }
            if scalar == "(" && next == "?" {
                // Only non-capturing groups and lookarounds: (?:  (?=  (?!  (?<=  (?<!
                let third = index + 2 < scalars.count ? scalars[index + 2] : nil
                if third == ":" || third == "=" || third == "!" {
                    index += 3
                    continue
                }
                if third == "<", index + 3 < scalars.count, scalars[index + 3] == "=" || scalars[index + 3] == "!" {
                    index += 4
                    continue
                }
                return false
            }
            if scalar == "[" && next == ":" { return false }
            if scalar.properties.isCased || scalar.properties.changesWhenCaseFolded { return false }
            index += 1
        }
        return true
    }

    /// The number of capture groups (compiles the pattern if needed; 0 when it does not compile).
    public var groupCount: Int {
        guard let handle = try? handle() else { return 0 }
        var error: Int32 = 0
        return Int(sn_regex_group_count(handle, &error))
    }

    /// A matcher for one thread.
    public func matcher() throws -> RegexMatcher { try RegexMatcher(self) }
}

extension ICURegex: CustomReflectable {
    /// What the regex is (`dump` shows the same for a compiled and a lazy one).
    public var customMirror: Mirror { Mirror(self, children: ["pattern": pattern, "caseInsensitive": caseInsensitive]) }
}

/// Runs one compiled `ICURegex` over UTF-16 text. Not thread-safe.
public final class RegexMatcher {
    fileprivate let handle: OpaquePointer
    private let pattern: String

    /// ICU's time limit for a region, in its units (about a millisecond of matching each here):
    /// a fixed allowance plus one unit per hundred UTF-16 units of the region. The built-in
    /// patterns need up to about 1.3 units per thousand (`pii.email` on a 1 MB line of words),
    /// so long lines keep an eightfold margin, while a catastrophic pattern still stops within
    /// a fraction of a second on a line of ordinary length.
    static func timeLimit(forRegionLength length: Int) -> Int32 { Int32(clamping: 200 + length / 100) }
    /// Limit hits after which a pattern is dropped for the rest of the text: a hostile pattern
    /// then costs a few bounded attempts per draft, not one per line.
    public static let limitHitsBeforeGivingUp = 3

    init(_ regex: ICURegex) throws {
        var error: Int32 = 0
        guard let clone = sn_regex_clone(try regex.handle(), &error) else {
            throw ICUError(code: error, context: "clone regex")
        }
        handle = clone
        pattern = regex.pattern
        sn_regex_set_limits(handle, 200, 8 * 1024 * 1024, &error)
    }

    deinit { sn_regex_close(handle) }

    /// What `matches` found, and which regions it could not finish.
    public struct Outcome {
        /// Ranges of the requested group, in UTF-16 units, in region order.
        public var ranges: [Range<Int>] = []
        /// Regions abandoned because a match ran out of time or stack.
        public var limited: [Range<Int>] = []
        /// The regions not tried at all after `limitHitsBeforeGivingUp` limit hits (nil if none).
        public var skipped: Range<Int>? = nil
    }

    /// Every match (the range of `group`, in UTF-16 units) in each region of `text`, which is
    /// only borrowed. Each region is matched on its own, so the work limit applies per region
    /// (a line of a draft), not to the whole input.
    public func matches(in text: UnsafeBufferPointer<UInt16>, regions: [Range<Int>], group: Int = 0) throws -> Outcome {
        var error: Int32 = 0
        sn_regex_set_text(handle, text.baseAddress, Int32(text.count), &error)
        try ICU.check(error, "regex text")
        var detach: [UInt16] = [0]
        var ignored: Int32 = 0
        defer { sn_regex_set_text(handle, &detach, 0, &ignored) }
        var outcome = Outcome()
        for region in regions where !region.isEmpty {
            if outcome.limited.count >= RegexMatcher.limitHitsBeforeGivingUp {
                outcome.skipped = region.lowerBound..<(regions.last?.upperBound ?? region.upperBound)
                break
            }
            sn_regex_set_limits(handle, RegexMatcher.timeLimit(forRegionLength: region.count), 8 * 1024 * 1024, &error)
            try ICU.check(error, "regex limits")
            sn_regex_set_region(handle, Int32(region.lowerBound), Int32(region.upperBound), &error)
            try ICU.check(error, "regex region")
            var found: [Range<Int>] = []
            while sn_regex_find_next(handle, &error) == 1 {
                var start: Int32 = -1, end: Int32 = -1
                sn_regex_group_range(handle, Int32(group), &start, &end, &error)
                if start >= 0 && end > start { found.append(Int(start)..<Int(end)) }
            }
            if sn_regex_is_limit_error(error) == 1 {
                outcome.limited.append(region)
                continue
            }
            try ICU.check(error, "regex match")
            outcome.ranges += found
        }
        return outcome
    }
}

extension ICURegex {
    /// Runs the pattern over short adversarial texts — runs of one character, or of a character
    /// and a separator, ending in `!` so nothing anchored at the end can match — under a small
    /// time limit. A pattern with nested quantifiers such as `(a+)+$` needs about 2^48 steps on
    /// the first and fails here; returns the probe that ran out, or nil.
    public func catastrophicProbe() -> String? {
        var characters: [Character] = ["a", "0", " ", ".", "-", "@", "_"]
        for character in pattern.lowercased() where character.isASCII && (character.isLetter || character.isNumber)
            && !characters.contains(character) {
            characters.append(character)
        }
        var probes: [String] = []
        for character in characters.prefix(40) {
            probes.append(String(repeating: character, count: 48) + "!")
        }
        for separator in [" ", ".", "-", ",", "\n"] {
            probes.append(String(repeating: "a" + separator, count: 24) + "!")
            probes.append(String(repeating: "0" + separator, count: 24) + "!")
        }
        guard let matcher = try? matcher() else { return nil }
        var error: Int32 = 0
        sn_regex_set_limits(matcher.handle, 50, 1024 * 1024, &error)
        for probe in probes {
            let units = Array(probe.utf16)
            let limitHit = units.withUnsafeBufferPointer { buffer -> Bool in
                var error: Int32 = 0
                sn_regex_set_text(matcher.handle, buffer.baseAddress, Int32(buffer.count), &error)
                while sn_regex_find_next(matcher.handle, &error) == 1 {}
                let hit = sn_regex_is_limit_error(error) == 1
                var detach: [UInt16] = [0]
                sn_regex_set_text(matcher.handle, &detach, 0, &error)
                return hit
            }
            if limitHit { return probe }
        }
        return nil
    }
}

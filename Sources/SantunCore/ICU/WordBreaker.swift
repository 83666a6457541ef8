import CICUShim

/// A compiled ICU break-rule set, shareable between threads; each thread opens its own `WordBreaker`.
///
/// Compiling rules costs about 30 ms, so the compiled form (`binary`) can be cached by the caller
/// per ICU version and handed back through `init(binary:)`.
public final class WordBreakRules: @unchecked Sendable {
    /// The compiled rules in ICU's binary format (valid for `ICU.version` only).
    public let binary: [UInt8]

    /// Compiles rule source text. Throws with the line and offset of a syntax error.
    public init(source: String) throws {
        let utf16 = Array(source.utf16)
        var error: Int32 = 0, line: Int32 = 0, offset: Int32 = 0
        guard let brk = sn_brk_open_rules(utf16, Int32(utf16.count), &error, &line, &offset) else {
            throw ICUError(code: error, context: "break rules, line \(line) offset \(offset)")
        }
        defer { sn_brk_close(brk) }
        let size = sn_brk_binary_rules(brk, nil, 0, &error)
        try ICU.check(error, "break rules size")
        var data = [UInt8](repeating: 0, count: Int(size))
        _ = sn_brk_binary_rules(brk, &data, size, &error)
        try ICU.check(error, "break rules export")
        binary = data
    }

    /// Adopts rules compiled earlier by `init(source:)` with the same ICU version.
    public init(binary: [UInt8]) throws {
        self.binary = binary
        // Open once to validate the data.
        _ = try WordBreaker(rules: self)
    }
}

/// One ICU break iterator over a UTF-16 buffer. Not thread-safe: one per thread.
public final class WordBreaker {
    private let rules: WordBreakRules
    private let handle: OpaquePointer
    private var ends = [Int32](repeating: 0, count: 256)
    private var statuses = [Int32](repeating: 0, count: 256)

    public init(rules: WordBreakRules) throws {
        self.rules = rules
        var error: Int32 = 0
        let opened: OpaquePointer? = rules.binary.withUnsafeBufferPointer { buffer in
            sn_brk_open_binary(buffer.baseAddress, Int32(buffer.count), &error)
        }
        guard let opened else { throw ICUError(code: error, context: "open break rules") }
        handle = opened
    }

    deinit { sn_brk_close(handle) }

    /// Calls `body(end, status)` for every segment of `text` in order. `text` is only borrowed.
    public func segments(of text: UnsafeBufferPointer<UInt16>, _ body: (Int, Int32) -> Void) {
        var error: Int32 = 0
        sn_brk_set_text(handle, text.baseAddress, Int32(text.count), &error)
        guard error <= 0 else { return }
        while true {
            let count = Int(sn_brk_next_batch(handle, &ends, &statuses, Int32(ends.count)))
            if count == 0 { break }
            for index in 0..<count { body(Int(ends[index]), statuses[index]) }
        }
        // Detach from the buffer, which the caller may free after return.
        var empty: [UInt16] = [0]
        sn_brk_set_text(handle, &empty, 0, &error)
    }
}

import Foundation
import SantunCore

/// The result of linting one input.
struct LintedDraft {
    var input: DraftInput
    var source: SourceText?
    var findings: [Finding] = []
    /// A note for stderr (skipped binary file, empty file).
    var note: String?
    /// An input error (exit code 2).
    var error: String?
    /// Engine remarks for stderr (a pattern that hit its time limit).
    var diagnostics: [String] = []
}

/// Reads and lints drafts, each with the rules of its folder. Inputs larger than
/// `chunkThreshold` — and pipes or devices, whose size is unknown — are read and linted in
/// line-aligned chunks as they are read, so memory stays flat however large the input is.
///
/// In a chunked input each chunk is linted as a draft of its own: whole-draft counts (emoji,
/// hashtags, length) and suppression ranges do not reach across chunks, and a line longer than
/// a chunk is cut at a space (else between characters), where a phrase could be split.
struct DraftLinter {
    var lossy: Bool
    var platform: String?
    var chunkThreshold: Int
    var chunkSize: Int
    /// Findings kept per input; past this the rest of the input is not checked (a draft with a
    /// hundred thousand problems is not going to be posted, and the list must fit in memory).
    /// `--max-findings 0` lifts it for audits: with a piece sink the findings are written as they
    /// come; otherwise (SARIF, baselines) they are held in memory, about 0.3 kB each.
    var maxFindings = 100_000

    init(lossy: Bool, platform: String?) {
        self.lossy = lossy
        self.platform = platform
        // SANTUN_CHUNK_SIZE (bytes) shrinks the chunks, for tests and small machines.
        // Inputs up to 8 MB are linted whole; larger ones in 256 kB chunks, a size at which a
        // check of 100 MB peaks at about 45 MB (1 MB chunks: about 100 MB, as the engine's working
        // set grows with the chunk) and runs no slower.
        let configured = ProcessInfo.processInfo.environment["SANTUN_CHUNK_SIZE"].flatMap(Int.init) ?? 0
        chunkSize = configured >= 64 ? configured : 256 << 10
        chunkThreshold = configured >= 64 ? configured * 8 : 8 << 20
    }

    /// Bytes looked at to decide that an input is binary.
    static let binaryProbe = 8192

    /// Reads an input's bytes (nil with an error or note when it cannot or should not be linted).
    /// An input longer than `limit` bytes is refused without reading it all.
    static func read(_ input: DraftInput, limit: Int = Int.max) -> (bytes: [UInt8]?, problem: String?) {
        switch input.origin {
        case .text(let text):
            return (Array(text.utf8), nil)
        case .standardInput:
            return readAll(descriptor: STDIN_FILENO, name: input.displayPath, limit: limit)
        case .staged(let bytes):
            return (bytes, nil)
        case .file(let path):
            let descriptor: Int32
            switch openForReading(path) {
            case .success(let opened): descriptor = opened
            case .failure(let problem): return (nil, problem.description)
            }
            defer { close(descriptor) }
            return readAll(descriptor: descriptor, name: path, limit: limit)
        }
    }

    struct OpenFailure: Error, CustomStringConvertible { let description: String }

    /// Opens a file for reading, with a message that says why it cannot be.
    static func openForReading(_ path: String) -> Result<Int32, OpenFailure> {
        let descriptor = posixOpen(path)
        if descriptor >= 0 { return .success(descriptor) }
        let code = errno
        let reason: String
        switch code {
        case ENOENT: reason = "no such file (it may have been moved or deleted)"
        case EACCES, EPERM: reason = "permission denied"
        case ELOOP: reason = "a symbolic link loop"
        default: reason = String(cString: strerror(code))
        }
        return .failure(OpenFailure(description: "\(path): cannot read: \(reason)"))
    }

    /// Reads a descriptor to its end, or up to `limit` bytes (then reports the input as too large).
    static func readAll(descriptor: Int32, name: String, limit: Int) -> (bytes: [UInt8]?, problem: String?) {
        var stream = ChunkStream(descriptor: descriptor, chunkSize: 1 << 16)
        do {
            try stream.fill(upTo: limit == Int.max ? limit : limit + 1)
        } catch {
            return (nil, "\(name): cannot read: \(error)")
        }
        if stream.pending.count > limit {
            return (nil, "\(name): too large to rewrite in one piece (more than \(limit >> 20) MB); check it with `santun check`")
        }
        return (stream.pending, nil)
    }

    /// The first `binaryProbe` bytes hold a NUL.
    static func isBinary<C: Collection>(_ bytes: C) -> Bool where C.Element == UInt8 { bytes.prefix(binaryProbe).contains(0) }

    /// Takes the findings of each chunk of a chunked input as soon as the chunk is linted, in
    /// order; they are then not kept in the result, so memory stays flat however many there are.
    typealias PieceSink = (_ findings: [Finding]) -> Void

    /// Lints an input, reading it itself: whole when small, in chunks as it streams in when large.
    /// With a `sink`, a chunked input's findings go to it chunk by chunk instead of into the result.
    func lint(_ input: DraftInput, rules: Workspace.LoadedRules, linter: Linter, sink: PieceSink? = nil) -> LintedDraft {
        let descriptor: Int32
        switch input.origin {
        case .text, .staged:
            let (bytes, problem) = DraftLinter.read(input)
            guard let bytes else { return LintedDraft(input: input, error: problem) }
            return lint(input, bytes: bytes, rules: rules, linter: linter, sink: sink)
        case .standardInput:
            descriptor = STDIN_FILENO
        case .file(let path):
            switch DraftLinter.openForReading(path) {
            case .success(let opened): descriptor = opened
            case .failure(let problem): return LintedDraft(input: input, error: problem.description)
            }
        }
        defer { if descriptor != STDIN_FILENO { close(descriptor) } }
        var stream = ChunkStream(descriptor: descriptor, chunkSize: chunkSize)
        // Read up to the threshold: most drafts end there and are linted in one piece. A regular
        // file known to be larger goes straight to chunks, without holding the threshold's bytes.
        var status = stat()
        let knownLarge = fstat(descriptor, &status) == 0 && (status.st_mode & S_IFMT) == S_IFREG && Int(status.st_size) > chunkThreshold
        do {
            try stream.fill(upTo: knownLarge ? DraftLinter.binaryProbe : chunkThreshold + 1)
        } catch {
            return LintedDraft(input: input, error: "\(input.displayPath): cannot read: \(error)")
        }
        if stream.atEnd && stream.pending.count <= chunkThreshold {
            return lint(input, bytes: stream.pending, rules: rules, linter: linter, sink: sink)
        }
        return lintStream(input, &stream, rules: rules, linter: linter, sink: sink)
    }

    func lint(_ input: DraftInput, bytes: [UInt8], rules: Workspace.LoadedRules, linter: Linter, sink: PieceSink? = nil) -> LintedDraft {
        var result = LintedDraft(input: input)
        if DraftLinter.isBinary(bytes) {
            result.note = "\(input.displayPath): skipped: binary file (it contains NUL bytes)"
            return result
        }
        // Nothing to check is not an error (a placeholder draft must not block a commit), but a
        // pipe that delivered nothing is usually a mistake, so say so rather than print a bare ✓. A
        // diagnostic, not a note: the draft is still reported, as a clean one.
        if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) {
            result.diagnostics.append("empty: nothing to check")
        }
        if bytes.count > chunkThreshold {
            var stream = ChunkStream(bytes: bytes, chunkSize: chunkSize)
            return lintStream(input, &stream, rules: rules, linter: linter, sink: sink)
        }
        let source: SourceText
        if lossy {
            source = SourceText(lossy: bytes)
        } else {
            do {
                source = try SourceText(validating: bytes)
            } catch let error as InvalidUTF8 {
                result.error = DraftLinter.invalidUTF8(input, at: error.offset)
                return result
            } catch {
                result.error = "\(input.displayPath): \(error)"
                return result
            }
        }
        let options = self.options(input, source: source, rules: rules)
        do {
            result.findings = try linter.lint(source, ruleSet: rules.ruleSet, options: options)
            result.diagnostics += linter.diagnostics
            result.source = source
        } catch {
            result.error = "\(input.displayPath): \(error)"
        }
        if result.findings.count > maxFindings {
            let cut = result.findings[maxFindings]
            result.findings.removeSubrange(maxFindings...)
            result.diagnostics.append("stopped after \(maxFindings) findings at line \(cut.start.line); the rest was not listed")
        }
        return result
    }

    static func invalidUTF8(_ input: DraftInput, at offset: Int) -> String {
        "\(input.displayPath): invalid UTF-8 at byte offset \(offset) (use --lossy to replace it with U+FFFD)"
    }

    private func options(_ input: DraftInput, source: SourceText?, rules: Workspace.LoadedRules) -> LintOptions {
        var options = LintOptions()
        if case .standardInput = input.origin { options.draftBoundary = .line }
        options.markdown = input.isMarkdown
        options.platform = platform ?? source.flatMap(FrontMatter.platform(in:)) ?? rules.configuration.platform
        return options
    }

    /// Lints an input chunk by chunk, shifting each chunk's findings back into place: byte
    /// offsets, line numbers, and the columns of a line continued from the previous chunk.
    private func lintStream(_ input: DraftInput, _ stream: inout ChunkStream, rules: Workspace.LoadedRules, linter: Linter,
                            sink: PieceSink?) -> LintedDraft {
        var result = LintedDraft(input: input)
        if DraftLinter.isBinary(stream.pending) {
            result.note = "\(input.displayPath): skipped: binary file (it contains NUL bytes)"
            return result
        }
        var options: LintOptions? = nil
        var offsetBase = 0, lineBase = 0, carryColumn = 0, carryUTF16 = 0
        var readOffset = 0  // offset in the input as read (differs from offsetBase under --lossy)
        var total = 0  // findings so far, kept or handed to the sink
        do {
            while let chunk = try stream.next() {
                let source: SourceText
                if lossy {
                    source = SourceText(lossy: chunk)
                } else {
                    do {
                        source = try SourceText(validating: chunk)
                    } catch let error as InvalidUTF8 {
                        result.error = DraftLinter.invalidUTF8(input, at: readOffset + error.offset)
                        result.findings = []
                        return result
                    }
                }
                if options == nil { options = self.options(input, source: source, rules: rules) }
                let findings = try linter.lint(source, ruleSet: rules.ruleSet, options: options!)
                result.diagnostics += linter.diagnostics.map { "lines from \(lineBase + 1): \($0)" }
                var shifted: [Finding] = []
                shifted.reserveCapacity(findings.count)
                for var finding in findings {
                    finding.range.offset += offsetBase
                    if finding.start.line == 1 {
                        finding.start.column += carryColumn
                        finding.start.utf16Column += carryUTF16
                    }
                    if finding.end.line == 1 {
                        finding.end.column += carryColumn
                        finding.end.utf16Column += carryUTF16
                    }
                    finding.start.line += lineBase
                    finding.end.line += lineBase
                    shifted.append(finding)
                }
                // Where the next chunk starts: its first line may continue this chunk's last.
                let lastLineStart = source.lineStarts.last ?? 0
                var scalars = 0, units = 0
                for byte in source.bytes[lastLineStart...] where byte & 0xC0 != 0x80 {
                    scalars += 1
                    units += byte >= 0xF0 ? 2 : 1
                }
                if source.lineCount == 1 {
                    carryColumn += scalars
                    carryUTF16 += units
                } else {
                    carryColumn = scalars
                    carryUTF16 = units
                }
                lineBase += source.lineCount - 1
                offsetBase += source.bytes.count
                readOffset += chunk.count
                total += shifted.count
                var stop = false
                if total > maxFindings {
                    let keep = shifted.count - (total - maxFindings)
                    let cut = shifted[keep]
                    shifted.removeSubrange(keep...)
                    result.diagnostics.append("stopped after \(maxFindings) findings at line \(cut.start.line); the rest was not checked")
                    stop = true
                }
                if let sink { sink(shifted) } else { result.findings += shifted }
                if stop { break }
            }
        } catch {
            result.error = "\(input.displayPath): \(error)"
        }
        return result
    }
}

/// Cuts an input into chunks of about `chunkSize` bytes that end at a line end (never between
/// CR and LF); a line longer than a chunk is cut at its last space or tab, else at the last
/// character boundary, so no UTF-8 sequence is ever split. Reads from a descriptor as it goes,
/// keeping at most about two chunks in memory, or walks bytes already in memory.
struct ChunkStream {
    private let descriptor: Int32?
    let chunkSize: Int
    /// Bytes read and not yet handed out.
    private(set) var pending: [UInt8]
    private(set) var atEnd: Bool

    init(descriptor: Int32, chunkSize: Int) {
        self.descriptor = descriptor
        self.chunkSize = chunkSize
        pending = []
        atEnd = false
    }

    init(bytes: [UInt8], chunkSize: Int) {
        descriptor = nil
        self.chunkSize = chunkSize
        pending = bytes
        atEnd = true
    }

    struct ReadFailure: Error, CustomStringConvertible { let description: String }

    /// Reads until `pending` holds `count` bytes or the input ends.
    mutating func fill(upTo count: Int) throws {
        guard let descriptor else { return }
        var block = [UInt8](repeating: 0, count: 1 << 16)
        while !atEnd && pending.count < count {
            let wanted = min(block.count, count - pending.count)
            let read = block.withUnsafeMutableBytes { posixRead(descriptor, $0.baseAddress, wanted) }
            if read < 0 {
                if errno == EINTR { continue }
                throw ReadFailure(description: String(cString: strerror(errno)))
            }
            if read == 0 { atEnd = true } else { pending += block[0..<read] }
        }
    }

    /// The next chunk, or nil at the end of the input.
    mutating func next() throws -> [UInt8]? {
        try fill(upTo: chunkSize)
        if pending.isEmpty { return nil }
        let end = ChunkStream.cut(pending, limit: chunkSize, atEnd: atEnd)
        let chunk = Array(pending[..<end])
        pending.removeSubrange(..<end)
        // The first read of a large input holds up to the 8 MB threshold; once that has been
        // handed out, give the memory back instead of keeping the buffer's capacity.
        if pending.capacity > 8 * chunkSize && pending.count <= 2 * chunkSize {
            pending = pending.withUnsafeBufferPointer { Array($0) }
        }
        return chunk
    }

    /// Where to end a chunk of `bytes`: all of it at the end of the input if it fits, else after
    /// the last line end within `limit`, else after the last space or tab, else at the last
    /// character boundary. Always at least one byte.
    static func cut(_ bytes: [UInt8], limit: Int, atEnd: Bool) -> Int {
        if atEnd && bytes.count <= limit { return bytes.count }
        let end = min(limit, bytes.count)
        var index = end
        while index > 0 {
            let byte = bytes[index - 1]
            if byte == 0x0A { return index }
            // A CR ends a line unless an LF follows; if the next byte is not read yet, do not cut.
            if byte == 0x0D && index < bytes.count && bytes[index] != 0x0A { return index }
            index -= 1
        }
        let floor = max(1, end - 4096)
        index = end
        while index > floor {
            if bytes[index - 1] == 0x20 || bytes[index - 1] == 0x09 { return index }
            index -= 1
        }
        // Cut before the last character if it does not end within the chunk.
        var lead = end - 1
        while lead > 0 && bytes[lead] & 0xC0 == 0x80 && end - lead < 4 { lead -= 1 }
        let byte = bytes[lead]
        let width = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC0 ? 2 : 1
        if lead + width > end && lead > 0 { return lead }
        return max(1, end)
    }
}

/// POSIX `open` and `read` under names the structs above do not shadow.
private func posixOpen(_ path: String) -> Int32 { open(path, O_RDONLY | O_CLOEXEC) }
private func posixRead(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
    read(descriptor, buffer, count)
}

/// Reads `platform:` from YAML front matter (`---` … `---` at the top of a Markdown draft).
enum FrontMatter {
    static func platform(in source: SourceText) -> String? {
        guard source.bytes.starts(with: Array("---".utf8)) else { return nil }
        for line in 1..<min(source.lineCount, 40) {
            let text = source.text(source.lineRange(line)).trimmingCharacters(in: .whitespaces)
            if text == "---" || text == "..." { return nil }
            if text.hasPrefix("platform:") {
                let value = text.dropFirst("platform:".count).trimmingCharacters(in: .whitespaces).lowercased()
                    .trimmingCharacters(in: CharacterSet(charactersIn: "\"'"))
                return Configuration.platforms.contains(value) ? value : nil
            }
        }
        return nil
    }
}

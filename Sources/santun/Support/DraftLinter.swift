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

/// Reads and lints drafts, each with the rules of its folder. Files larger than
/// `chunkThreshold` are read and linted in line-aligned chunks, so memory stays flat.
struct DraftLinter {
    var lossy: Bool
    var platform: String?
    var chunkThreshold = 8 << 20
    var chunkSize = 1 << 20

    /// Reads an input's bytes (nil with an error or note when it cannot or should not be linted).
    static func read(_ input: DraftInput) -> (bytes: [UInt8]?, problem: String?) {
        switch input.origin {
        case .text(let text):
            return (Array(text.utf8), nil)
        case .standardInput:
            return ([UInt8](FileHandle.standardInput.readDataToEndOfFile()), nil)
        case .staged(let bytes):
            return (bytes, nil)
        case .file(let path):
            guard let handle = FileHandle(forReadingAtPath: path) else {
                let reason = FileManager.default.fileExists(atPath: path) ? "permission denied or unreadable" : "no such file (it may have been moved or deleted)"
                return (nil, "\(path): cannot read: \(reason)")
            }
            defer { try? handle.close() }
            do {
                return ([UInt8](try handle.readToEnd() ?? Data()), nil)
            } catch {
                return (nil, "\(path): cannot read: \(error.localizedDescription)")
            }
        }
    }

    static func isBinary(_ bytes: [UInt8]) -> Bool { bytes.prefix(8192).contains(0) }

    func lint(_ input: DraftInput, bytes: [UInt8], rules: Workspace.LoadedRules, linter: Linter) -> LintedDraft {
        var result = LintedDraft(input: input)
        if DraftLinter.isBinary(bytes) {
            result.note = "\(input.displayPath): skipped: binary file (it contains NUL bytes)"
            return result
        }
        let source: SourceText
        if lossy {
            source = SourceText(lossy: bytes)
        } else {
            do {
                source = try SourceText(validating: bytes)
            } catch let error as InvalidUTF8 {
                result.error = "\(input.displayPath): invalid UTF-8 at byte offset \(error.offset) (use --lossy to replace it with U+FFFD)"
                return result
            } catch {
                result.error = "\(input.displayPath): \(error)"
                return result
            }
        }
        var options = LintOptions()
        if case .standardInput = input.origin { options.draftBoundary = .line }
        options.markdown = input.isMarkdown
        options.platform = platform ?? FrontMatter.platform(in: source) ?? rules.configuration.platform
        do {
            result.findings = try lintChunked(source, rules: rules, linter: linter, options: options, diagnostics: &result.diagnostics)
            result.source = source.bytes.count <= chunkThreshold ? source : nil
        } catch {
            result.error = "\(input.displayPath): \(error)"
        }
        return result
    }

    /// The size of a file on disk, or nil when it cannot be read (reading reports why).
    static func fileSize(_ path: String) -> Int? {
        var info = stat()
        guard stat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
        return Int(info.st_size)
    }

    /// Lints a file larger than `chunkThreshold` without holding it: line-aligned chunks of about
    /// `chunkSize` bytes are read, checked and linted one at a time, so memory stays flat with the
    /// size of the file. Same findings as `lintChunked` on the whole text.
    func lintStreaming(_ input: DraftInput, path: String, rules: Workspace.LoadedRules, linter: Linter) -> LintedDraft {
        var result = LintedDraft(input: input)
        guard let handle = FileHandle(forReadingAtPath: path) else {
            result.error = "\(path): cannot read: permission denied or unreadable"
            return result
        }
        defer { try? handle.close() }
        var options = LintOptions()
        options.markdown = input.isMarkdown
        var pending: [UInt8] = []
        var start = 0  // byte offset of `pending` in the file
        var lineBase = 0
        var atEnd = false
        var first = true
        do {
            while !atEnd || !pending.isEmpty {
                // Read a little past one chunk, so we know whether more follows, then cut after
                // the last line end inside the chunk (as `lintChunked` does).
                while !atEnd && pending.count <= chunkSize {
                    guard let data = try handle.read(upToCount: chunkSize), !data.isEmpty else { atEnd = true; break }
                    pending.append(contentsOf: data)
                }
                var end = min(pending.count, chunkSize)
                if end < pending.count {
                    if let cut = pending[..<end].lastIndex(of: 0x0A) {
                        end = cut + 1
                    } else if let next = pending[end...].firstIndex(of: 0x0A) {
                        end = next + 1  // one line longer than a chunk: take all of it
                    } else if !atEnd {
                        guard let data = try handle.read(upToCount: chunkSize), !data.isEmpty else { atEnd = true; continue }
                        pending.append(contentsOf: data)
                        continue
                    } else {
                        end = pending.count
                    }
                }
                let bytes = Array(pending[..<end])
                pending.removeFirst(end)
                if first, DraftLinter.isBinary(bytes) {
                    result.note = "\(input.displayPath): skipped: binary file (it contains NUL bytes)"
                    return result
                }
                let chunk: SourceText
                if lossy {
                    chunk = SourceText(lossy: bytes)
                } else if let bad = SourceText.firstInvalidByte(in: bytes) {
                    result.error = "\(input.displayPath): invalid UTF-8 at byte offset \(start + bad) (use --lossy to replace it with U+FFFD)"
                    return result
                } else {
                    chunk = try SourceText(validating: bytes)
                }
                if first {
                    options.platform = platform ?? FrontMatter.platform(in: chunk) ?? rules.configuration.platform
                    first = false
                }
                let findings = try linter.lint(chunk, ruleSet: rules.ruleSet, options: options)
                result.diagnostics += linter.diagnostics
                for var finding in findings {
                    finding.range.offset += start
                    finding.start.line += lineBase
                    finding.end.line += lineBase
                    result.findings.append(finding)
                }
                lineBase += chunk.lineCount - (bytes.last == 0x0A ? 1 : 0)
                start += chunk.bytes.count  // offsets refer to the repaired text with --lossy, as for small files
            }
        } catch {
            result.error = "\(input.displayPath): \(error)"
        }
        return result
    }

    /// Lints a large text in line-aligned chunks, shifting each chunk's findings back into place.
    func lintChunked(_ source: SourceText, rules: Workspace.LoadedRules, linter: Linter, options: LintOptions,
                     diagnostics: inout [String]) throws -> [Finding] {
        if source.bytes.count <= chunkThreshold {
            defer { diagnostics += linter.diagnostics }
            return try linter.lint(source, ruleSet: rules.ruleSet, options: options)
        }
        var findings: [Finding] = []
        var start = 0
        var lineBase = 0
        let bytes = source.bytes
        while start < bytes.count {
            var end = min(bytes.count, start + chunkSize)
            if end < bytes.count {
                var cut = end
                while cut > start && bytes[cut - 1] != 0x0A { cut -= 1 }
                if cut > start { end = cut }
            }
            let chunk = SourceText(Array(bytes[start..<end]))
            let chunkFindings = try linter.lint(chunk, ruleSet: rules.ruleSet, options: options)
            diagnostics += linter.diagnostics
            for var finding in chunkFindings {
                finding.range.offset += start
                finding.start.line += lineBase
                finding.end.line += lineBase
                findings.append(finding)
            }
            lineBase += chunk.lineCount - (end < bytes.count || bytes.last == 0x0A ? 1 : 0)
            start = end
        }
        return findings
    }
}

extension SourceText {
    fileprivate init(_ bytes: [UInt8]) { self.init(lossy: bytes) }
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

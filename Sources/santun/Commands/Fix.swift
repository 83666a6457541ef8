import ArgumentParser
import Foundation
import SantunCore
import SantunReporters

extension SantunCommand {
    /// `santun fix`: rewrites drafts formally, applying only the safely fixable findings.
    struct Fix: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "fix",
            abstract: "Rewrite drafts formally: apply the safe fixes, list the rest on stderr.",
            discussion: """
                With standard input or one file, prints the rewritten draft (same number of lines). \
                --diff prints a unified diff; --write rewrites files in place, atomically. \
                Exit codes: 0 nothing left at or above --fail-on; 1 findings left that need a human; \
                2 usage, configuration or input errors.
                """)

        @OptionGroup var draftOptions: DraftOptions

        @Flag(help: "Print a unified diff instead of the rewritten text.")
        var diff = false

        @Flag(help: "Rewrite the files in place (atomically, keeping permissions).")
        var write = false

        @Option(help: "Exit 1 when a finding left to fix by hand reaches this level (default error).")
        var failOn: Configuration.FailLevel?

        @Flag(help: "Do not list the findings left to fix by hand.")
        var quiet = false

        func validate() throws {
            if diff && write { throw ValidationError("--diff and --write cannot be combined") }
        }

        func run() throws {
            let workspace = try Workspace(config: draftOptions.config, useConfigFiles: !draftOptions.noConfig)
            let (inputs, problems) = try draftOptions.inputs()
            if !write && !diff && inputs.count > 1 {
                throw ValidationFailure("several files given: use --write to rewrite them in place or --diff to see the changes")
            }
            var hadError = !problems.isEmpty
            for problem in problems { Terminal.error(problem) }
            let defaults = try workspace.rules(forDirectory: nil).configuration
            let failLevel = failOn ?? defaults.failOn ?? .error
            var failing = false
            var draftLinter = DraftLinter(lossy: draftOptions.lossy, platform: draftOptions.platform)
            draftLinter.maxFindings = draftOptions.maxFindings == 0 ? Int.max : draftOptions.maxFindings
            for input in inputs {
                // Fix rewrites a draft in one piece: a larger input is refused before it is read.
                let (bytes, problem) = DraftLinter.read(input, limit: draftLinter.chunkThreshold)
                guard let bytes else { Terminal.error(problem ?? input.displayPath); hadError = true; continue }
                let rules = try workspace.rules(forDirectory: input.directory)
                let linted = draftLinter.lint(input, bytes: bytes, rules: rules, linter: workspace.linter)
                if let note = linted.note { Terminal.note(note); continue }
                if let error = linted.error { Terminal.error(error); hadError = true; continue }
                guard let source = linted.source else {
                    Terminal.error("\(input.displayPath): too large to rewrite in one piece")
                    hadError = true
                    continue
                }
                let result = Fixer.fix(source, findings: linted.findings)
                if !quiet {
                    // Masked as in redacted reports: protected matches and whatever overlaps them.
                    let masked = Redactor.redact(Report(files: [FileReport(path: input.displayPath, findings: linted.findings, source: nil)],
                                                        rules: [:], toolVersion: "")).files[0].findings
                    var shownMatch: [String: String] = [:]
                    for (original, redacted) in zip(linted.findings, masked) {
                        shownMatch["\(original.ruleID)@\(original.range.offset)+\(original.range.length)"] = redacted.match
                    }
                    for finding in result.remaining {
                        let shown = shownMatch["\(finding.ruleID)@\(finding.range.offset)+\(finding.range.length)"] ?? Redactor.mask(finding.match)
                        let hint = finding.suggestions.first.map { $0.isEmpty ? " (saran: hapus)" : " (saran: \($0))" } ?? ""
                        FileHandle.standardError.write(Data("\(input.displayPath):\(finding.start.line):\(finding.start.column): \(finding.severity.rawValue): \(finding.ruleID): “\(shown)” perlu diperbaiki sendiri\(hint)\n".utf8))
                    }
                }
                if result.remaining.contains(where: { failLevel.fails($0.severity) }) { failing = true }
                if diff {
                    Terminal.output(UnifiedDiff.render(old: source.bytes, new: result.text, path: input.displayPath))
                } else if write {
                    guard case .file(let path) = input.origin else {
                        throw ValidationFailure("--write needs files, not standard input or --text")
                    }
                    do {
                        try SafeWriter.replace(path: path, expected: bytes, with: result.text)
                    } catch {
                        Terminal.error("\(path): not rewritten: \(error)")
                        hadError = true
                    }
                } else {
                    FileHandle.standardOutput.write(Data(result.text))
                }
            }
            if hadError { throw ExitCode(2) }
            if failing { throw ExitCode(1) }
        }
    }
}

/// A unified diff of a rewrite. `fix` keeps line structure (N lines in, N lines out), so lines
/// pair up one to one and hunks are runs of changed lines with three lines of context.
enum UnifiedDiff {
    static func lines(_ bytes: [UInt8]) -> [String] {
        var lines: [String] = []
        var start = 0
        for index in bytes.indices where bytes[index] == 0x0A {
            lines.append(String(decoding: bytes[start...index], as: UTF8.self))
            start = index + 1
        }
        if start < bytes.count { lines.append(String(decoding: bytes[start...], as: UTF8.self) + "\n\\ No newline at end of file\n") }
        return lines
    }

    static func render(old: [UInt8], new: [UInt8], path: String) -> String {
        if old == new { return "" }
        let a = lines(old), b = lines(new)
        guard a.count == b.count else {
            return "--- a/\(path)\n+++ b/\(path)\n@@ -1,\(a.count) +1,\(b.count) @@\n" + a.map { "-" + $0 }.joined() + b.map { "+" + $0 }.joined()
        }
        let changed = a.indices.filter { a[$0] != b[$0] }
        var out = "--- a/\(path)\n+++ b/\(path)\n"
        var index = 0
        while index < changed.count {
            var end = index
            while end + 1 < changed.count && changed[end + 1] - changed[end] <= 7 { end += 1 }
            let from = max(0, changed[index] - 3), to = min(a.count - 1, changed[end] + 3)
            out += "@@ -\(from + 1),\(to - from + 1) +\(from + 1),\(to - from + 1) @@\n"
            for line in from...to {
                if a[line] == b[line] { out += " " + a[line] } else { out += "-" + a[line]; out += "+" + b[line] }
            }
            index = end + 1
        }
        return out
    }
}

/// Replaces a file's content without ever leaving a half-written file: writes a temporary file
/// in the same folder, syncs it, gives it the original's permissions, checks the original did
/// not change since it was read, and renames it over the original. A file whose content is
/// unchanged is not touched at all (same mtime). A symbolic link is followed, so the file it
/// points to is rewritten and the link stays a link; anything but a regular file is refused.
///
/// Whatever goes wrong — a full disk, a read-only folder, a file size limit (SIGXFSZ is
/// ignored so the write fails instead of killing the process), Ctrl-C or SIGTERM while
/// writing — the original is left as it was and the temporary file is removed.
enum SafeWriter {
    struct Failure: Error, CustomStringConvertible { let description: String }

    /// The temporary file being written, for the signal handlers (a C string: handlers may not
    /// allocate). Only one rewrite runs at a time.
    nonisolated(unsafe) static var pendingTemporary: UnsafeMutablePointer<CChar>? = nil
    nonisolated(unsafe) static var handlersInstalled = false

    /// On SIGINT, SIGTERM or SIGHUP, removes the temporary file, then dies of the same signal.
    static func installHandlers() {
        if handlersInstalled { return }
        handlersInstalled = true
        signal(SIGXFSZ, SIG_IGN)
        for signalNumber in [SIGINT, SIGTERM, SIGHUP] {
            signal(signalNumber) { received in
                if let path = SafeWriter.pendingTemporary { unlink(path) }
                signal(received, SIG_DFL)
                raise(received)
            }
        }
    }

    static func message(_ code: Int32) -> String { String(cString: strerror(code)) }

    static func replace(path: String, expected: [UInt8], with content: [UInt8]) throws {
        if content == expected { return }
        installHandlers()
        // Rewrite the file a symbolic link points to, not the link.
        guard let resolved = realpath(path, nil) else {
            throw Failure(description: "the file vanished (\(message(errno))); nothing was written")
        }
        let target = String(cString: resolved)
        free(resolved)
        var info = stat()
        guard stat(target, &info) == 0 else {
            throw Failure(description: "the file vanished (\(message(errno))); nothing was written")
        }
        guard info.st_mode & S_IFMT == S_IFREG else {
            throw Failure(description: "not a regular file; nothing was written")
        }
        let directory = URL(fileURLWithPath: target).deletingLastPathComponent().path
        let name = URL(fileURLWithPath: target).lastPathComponent
        let template = strdup("\(directory)/.\(name).santun-XXXXXX")!
        defer { free(template) }
        let descriptor = mkstemp(template)
        guard descriptor >= 0 else {
            throw Failure(description: "cannot create a temporary file in \(directory) (\(message(errno))); the original is unchanged")
        }
        pendingTemporary = template
        var renamed = false
        defer {
            if !renamed { unlink(template) }
            pendingTemporary = nil
        }
        func fail(_ what: String, _ code: Int32) -> Failure {
            close(descriptor)
            return Failure(description: "cannot \(what) (\(message(code))); the original is unchanged")
        }
        var written = 0
        while written < content.count {
            let result = content[written...].withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
            if result < 0 {
                if errno == EINTR { continue }
                throw fail("write the new version", errno)
            }
            if result == 0 { throw fail("write the new version", EIO) }
            written += result
        }
        if fsync(descriptor) != 0 { throw fail("write the new version", errno) }
        fchmod(descriptor, info.st_mode & 0o7777)
        _ = fchown(descriptor, info.st_uid, info.st_gid)
        if close(descriptor) != 0 {
            throw Failure(description: "cannot write the new version (\(message(errno))); the original is unchanged")
        }
        // The original must still be what was read.
        guard let current = FileManager.default.contents(atPath: target), [UInt8](current) == expected else {
            throw Failure(description: "the file changed on disk while Santun was reading it; the original is unchanged; run fix again")
        }
        guard rename(template, target) == 0 else {
            throw Failure(description: "cannot replace the file (\(message(errno))); the original is unchanged")
        }
        renamed = true
    }
}

import ArgumentParser
import Foundation

extension SantunCommand {
    /// `santun hook install|uninstall`: the git pre-commit hook that checks what is staged.
    struct Hook: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "hook",
            abstract: "Install or remove the git pre-commit hook that runs santun check --staged.",
            discussion: """
                The hook checks the staged version of each draft (what the commit will contain), \
                blocks the commit when findings reach --fail-on (from .santun.yml; default error), \
                and only reads: it never stashes or edits staged or unstaged work. \
                git commit --no-verify skips it. core.hooksPath is respected.
                """,
            subcommands: [Install.self, Uninstall.self])

        /// `santun hook` alone is a usage error (exit 2), not a silent success.
        func run() throws {
            throw ValidationError("say what to do: santun hook install or santun hook uninstall")
        }
    }
}

extension SantunCommand.Hook {
    /// Writes the hook; replaces only a hook Santun wrote, unless `--force`.
    struct Install: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "install",
            abstract: "Write the pre-commit hook into this repository's hooks folder.",
            discussion: """
                The hook runs this santun binary by its absolute path, or santun on PATH when that \
                path is gone. An existing hook that Santun did not write is left alone unless \
                --force is given; it is then kept as pre-commit.before-santun, and uninstall puts \
                it back.
                """)

        @Flag(help: "Replace a pre-commit hook that Santun did not write (kept as pre-commit.before-santun).")
        var force = false

        func run() throws {
            let hook = try PreCommitHook.locate()
            let fileManager = FileManager.default
            try fileManager.createDirectory(atPath: hook.directory, withIntermediateDirectories: true)
            if let existing = PreCommitHook.contents(at: hook.path), !PreCommitHook.isOurs(existing) {
                guard force else {
                    throw ValidationFailure("\(hook.path) exists and was not written by santun; left alone (use --force to replace it; it is then kept as \(PreCommitHook.backupName))")
                }
                guard !PreCommitHook.exists(hook.backup) else {
                    throw ValidationFailure("\(hook.backup) already exists: move it away first, so no hook is lost")
                }
                try fileManager.moveItem(atPath: hook.path, toPath: hook.backup)
                Terminal.note("kept the previous hook as \(hook.backup)")
            }
            let binary = PreCommitHook.installingBinary()
            try PreCommitHook.write(PreCommitHook.script(binary: binary), to: hook.path)
            Terminal.note("installed \(hook.path): runs \(binary) check --staged before each commit")
        }
    }

    /// Removes the hook if Santun wrote it, and puts back the one `--force` replaced.
    struct Uninstall: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "uninstall",
            abstract: "Remove the pre-commit hook if Santun wrote it.")

        func run() throws {
            let hook = try PreCommitHook.locate()
            guard let existing = PreCommitHook.contents(at: hook.path) else {
                Terminal.note("no pre-commit hook in \(hook.directory): nothing to remove")
                return
            }
            guard PreCommitHook.isOurs(existing) else {
                throw ValidationFailure("\(hook.path) was not written by santun; left alone")
            }
            try FileManager.default.removeItem(atPath: hook.path)
            Terminal.note("removed \(hook.path)")
            if PreCommitHook.exists(hook.backup) {
                try FileManager.default.moveItem(atPath: hook.backup, toPath: hook.path)
                Terminal.note("restored the previous hook from \(hook.backup)")
            }
        }
    }
}

/// The pre-commit hook script, where it lives, and how Santun recognizes its own.
enum PreCommitHook {
    /// The line that marks a hook as Santun's: install may overwrite and uninstall may remove
    /// only a file that carries it.
    static let signature = "# santun-hook: pre-commit v1"
    static let backupName = "pre-commit.before-santun"

    struct Location {
        var directory: String
        var path: String { directory + "/pre-commit" }
        var backup: String { directory + "/" + PreCommitHook.backupName }
    }

    /// The hooks folder git uses here (`core.hooksPath` when set).
    static func locate() throws -> Location {
        do {
            return Location(directory: try Git.hooksDirectory())
        } catch let failure as Git.Failure {
            throw ValidationFailure("hook: not in a git repository (\(failure.description))")
        }
    }

    static func exists(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0
    }

    /// The hook's text, or nil when there is none (a dangling link counts as a foreign hook).
    static func contents(at path: String) -> String? {
        guard exists(path) else { return nil }
        guard let data = FileManager.default.contents(atPath: path) else { return "" }
        return String(decoding: data, as: UTF8.self)
    }

    static func isOurs(_ text: String) -> Bool {
        text.split(separator: "\n").contains { $0 == signature }
    }

    /// The absolute path this binary was started by (symbolic links kept, so an upgrade that
    /// moves the real file behind a link still works), found through PATH when started by name.
    static func installingBinary() -> String {
        let argument = CommandLine.arguments.first ?? "santun"
        let here = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        if argument.contains("/") { return URL(fileURLWithPath: argument, relativeTo: here).standardizedFileURL.path }
        for folder in (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":") {
            let candidate = URL(fileURLWithPath: String(folder), relativeTo: here).appendingPathComponent(argument).standardizedFileURL.path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return Bundle.main.executablePath ?? argument
    }

    /// A POSIX shell script: run santun from `binary`, else from PATH; say why a commit is blocked.
    static func script(binary: String) -> String {
        let quoted = "'" + binary.replacingOccurrences(of: "'", with: "'\\''") + "'"
        return """
            #!/bin/sh
            \(signature)
            # Written by `santun hook install`; `santun hook uninstall` removes it.
            # Checks the staged drafts (the index, not the working tree) and blocks the commit when
            # findings reach fail-on. It only reads. `git commit --no-verify` skips it.
            installed=\(quoted)
            santun="$installed"
            if [ ! -x "$santun" ]; then
              santun=$(command -v santun) || {
                echo "santun: pre-commit hook: santun is neither at $installed nor on PATH; install it, run 'santun hook uninstall', or commit with --no-verify" >&2
                exit 1
              }
            fi
            "$santun" check --staged
            status=$?
            if [ "$status" -eq 1 ]; then
              echo "santun: commit blocked: fix the findings above and stage the fix (git add), or skip the check with git commit --no-verify" >&2
            elif [ "$status" -ne 0 ]; then
              echo "santun: commit blocked: the staged drafts could not be checked (see above); git commit --no-verify skips the check" >&2
            fi
            exit "$status"

            """
    }

    /// Writes the script through a temporary file and a rename, executable, so git never runs
    /// a half-written hook.
    static func write(_ script: String, to path: String) throws {
        let temporary = path + ".santun-\(getpid())"
        do {
            try Data(script.utf8).write(to: URL(fileURLWithPath: temporary))
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: temporary)
            if rename(temporary, path) != 0 {
                throw ValidationFailure("\(path): cannot write the hook: \(String(cString: strerror(errno)))")
            }
        } catch {
            try? FileManager.default.removeItem(atPath: temporary)
            if error is ValidationFailure { throw error }
            throw ValidationFailure("\(path): cannot write the hook: \(error.localizedDescription)")
        }
    }
}

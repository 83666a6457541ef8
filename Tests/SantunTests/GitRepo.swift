import Foundation

/// A real, throwaway git repository for the `--staged` and hook tests. git runs with no global
/// or system configuration (a developer's hooksPath, signing or aliases must not leak in) and
/// with the same test environment as the binary (CI variables emptied, no colour).
struct GitRepo {
    let root: URL

    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    init() throws {
        root = try TestSupport.temporaryDirectory()
        try git("init", "-q", "-b", "main")
        try git("config", "user.name", "Santun Test")
        try git("config", "user.email", "santun@example.invalid")
    }

    func remove() { try? FileManager.default.removeItem(at: root) }

    static var environment: [String: String] {
        var env = ProcessInfo.processInfo.environment
        for key in ["GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_OBJECT_DIRECTORY", "GIT_PREFIX"] { env[key] = nil }
        env["GIT_CONFIG_GLOBAL"] = "/dev/null"
        env["GIT_CONFIG_NOSYSTEM"] = "1"
        env["GIT_TERMINAL_PROMPT"] = "0"
        env["CI"] = nil
        env["GITHUB_ACTIONS"] = nil
        env["NO_COLOR"] = "1"
        return env
    }

    /// Runs git in the repository (or a folder inside it); throws unless it exits 0.
    @discardableResult
    func git(_ arguments: String..., in folder: String? = nil) throws -> Result {
        let result = try run(["git"] + arguments, in: folder)
        guard result.status == 0 else {
            throw GitError(description: "git \(arguments.joined(separator: " ")) exited \(result.status): \(result.stderr)")
        }
        return result
    }

    /// `git commit -m`, which runs the pre-commit hook; returns whatever it exits with.
    func commit(_ message: String, _ extra: String...) throws -> Result {
        try run(["git", "commit", "-q", "-m", message] + extra)
    }

    /// Runs the santun binary under test in the repository (or a folder inside it).
    func santun(_ arguments: String..., in folder: String? = nil) throws -> Result {
        try run([TestSupport.binary.path] + arguments, in: folder)
    }

    func run(_ command: [String], in folder: String? = nil, environment: [String: String] = [:]) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = command
        process.currentDirectoryURL = folder.map { root.appendingPathComponent($0) } ?? root
        process.environment = GitRepo.environment.merging(environment) { $1 }
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = FileHandle.nullDevice
        try process.run()
        final class Box: @unchecked Sendable { var data = Data() }
        let errorBox = Box()
        let errorHandle = errors.fileHandleForReading
        let group = DispatchGroup()
        DispatchQueue.global().async(group: group) { errorBox.data = errorHandle.readDataToEndOfFile() }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: data, as: UTF8.self),
                      stderr: String(decoding: errorBox.data, as: UTF8.self))
    }

    func write(_ path: String, _ text: String) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    func read(_ path: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
    }

    /// The number of commits on HEAD (0 before the first).
    func commitCount() throws -> Int {
        let result = try run(["git", "rev-list", "--count", "HEAD"])
        return result.status == 0 ? Int(result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0 : 0
    }

    /// Paths staged for the next commit, as git lists them (NUL-separated, unquoted).
    func stagedNames() throws -> [String] {
        try git("diff", "--cached", "--name-only", "-z").stdout.split(separator: "\0").map(String.init)
    }

    struct GitError: Error, CustomStringConvertible { let description: String }
}

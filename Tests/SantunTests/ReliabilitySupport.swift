import Foundation
import Testing

/// Running the real binary under hostile conditions: a time limit (a hang fails the test
/// instead of stalling the suite), another user, a wrapper such as `sh -c 'ulimit -f …'`.
enum Hostile {
    struct Result {
        var status: Int32
        /// True when the process was killed by a signal (a crash), not exited.
        var signalled: Bool
        var timedOut: Bool
        var stdout: String
        var stderr: String
        var seconds: Double
    }

    static var isRoot: Bool { geteuid() == 0 }

    /// Runs `santun` with arguments, optionally behind a wrapper command, with a private cache and
    /// no colour. Killed after `timeout` seconds.
    @discardableResult
    static func santun(_ arguments: [String], in directory: URL? = nil, stdin: Data? = nil,
                       environment: [String: String] = [:], wrapper: [String] = [], timeout: Double = 120) throws -> Result {
        let executable = wrapper.isEmpty ? TestSupport.binary.path : wrapper[0]
        let args = wrapper.isEmpty ? arguments : Array(wrapper.dropFirst()) + [TestSupport.binary.path] + arguments
        return try run(executable, args, in: directory, stdin: stdin, environment: environment, timeout: timeout)
    }

    /// `santun` as user nobody when the tests run as root (root bypasses permission checks), so
    /// that unreadable files and read-only folders mean what they say.
    static var asUnprivileged: [String] {
        isRoot ? ["/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", "--"] : []
    }

    static func run(_ executable: String, _ arguments: [String], in directory: URL? = nil, stdin: Data? = nil,
                    environment: [String: String] = [:], timeout: Double = 120) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = "1"
        env["SANTUN_NO_CACHE"] = "1"
        env.removeValue(forKey: "CI")
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let input = Pipe(), output = Pipe(), errors = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        let start = DispatchTime.now().uptimeNanoseconds
        try process.run()
        final class Box: @unchecked Sendable { var data = Data(); var timedOut = false }
        let outBox = Box(), errBox = Box()
        let group = DispatchGroup()
        for (box, handle) in [(outBox, output.fileHandleForReading), (errBox, errors.fileHandleForReading)] {
            group.enter()
            DispatchQueue.global().async {
                box.data = handle.readDataToEndOfFile()
                group.leave()
            }
        }
        let writer = Thread {
            if let stdin { try? input.fileHandleForWriting.write(contentsOf: stdin) }
            try? input.fileHandleForWriting.close()
        }
        writer.start()
        let pid = process.processIdentifier
        let watchdog = DispatchWorkItem { [outBox] in
            outBox.timedOut = true
            kill(pid, SIGKILL)
        }
        DispatchQueue.global().asyncAfter(deadline: .now() + timeout, execute: watchdog)
        process.waitUntilExit()
        watchdog.cancel()
        group.wait()
        return Result(status: process.terminationStatus, signalled: process.terminationReason == .uncaughtSignal,
                      timedOut: outBox.timedOut, stdout: String(decoding: outBox.data, as: UTF8.self),
                      stderr: String(decoding: errBox.data, as: UTF8.self),
                      seconds: Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
    }

    /// A fresh folder, removed by `cleanup` (made writable first: tests chmod things).
    static func folder() throws -> URL {
        let url = try TestSupport.temporaryDirectory()
        chmod(url.path, 0o777)
        return url
    }

    static func cleanup(_ url: URL) {
        _ = try? run("/bin/chmod", ["-R", "u+rwx", url.path])
        try? FileManager.default.removeItem(at: url)
    }

    static func write(_ text: String, to url: URL) throws { try Data(text.utf8).write(to: url) }
    static func write(_ bytes: [UInt8], to url: URL) throws { try Data(bytes).write(to: url) }

    /// The fake pack of the engine tests, installed in `folder` with a `.santun.yml` naming it: a
    /// fixable lexicon (`bikin` → `buat`, `kasih tau` → `beri tahu`) for the `fix` tests.
    static func installFakePack(in folder: URL) throws {
        let fixture = TestSupport.repoRoot.appendingPathComponent("Tests/SantunTests/Fixtures/xx.yml")
        try FileManager.default.copyItem(at: fixture, to: folder.appendingPathComponent("xx.yml"))
        try write("packs: [xx.yml]\n", to: folder.appendingPathComponent(".santun.yml"))
    }

    /// Files under `folder` whose names contain `fragment` (leftover temporary files).
    static func files(in folder: URL, containing fragment: String) -> [String] {
        let names = (FileManager.default.enumerator(atPath: folder.path)?.allObjects as? [String]) ?? []
        return names.filter { $0.contains(fragment) }
    }

    /// True when this process may mount a tmpfs (root with CAP_SYS_ADMIN, outside most sandboxes).
    static let canMountTmpfs: Bool = {
        guard isRoot, FileManager.default.isExecutableFile(atPath: "/bin/mount") else { return false }
        guard let probe = try? TestSupport.temporaryDirectory() else { return false }
        defer { try? FileManager.default.removeItem(at: probe) }
        guard let mounted = try? run("/bin/mount", ["-t", "tmpfs", "-o", "size=64k", "tmpfs", probe.path], timeout: 20),
              mounted.status == 0 else { return false }
        _ = try? run("/bin/umount", [probe.path], timeout: 20)
        return true
    }()

    /// A deterministic pseudo-random generator (tests must be reproducible).
    struct Generator {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
    }
}

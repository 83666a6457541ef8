import Foundation

/// Timing helpers: every figure the bench prints is a median over repeated runs.
enum Measure {
    static let clock = ContinuousClock()

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    static func median(_ values: [Double]) -> Double {
        guard !values.isEmpty else { return .nan }
        let sorted = values.sorted()
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }

    /// Runs `body` `runs` times and returns the median wall time in seconds.
    static func median(runs: Int, _ body: () throws -> Void) rethrows -> Double {
        var times: [Double] = []
        for _ in 0..<runs {
            let start = clock.now
            try body()
            times.append(seconds(clock.now - start))
        }
        return median(times)
    }

    static func format(seconds: Double) -> String {
        if seconds.isNaN { return "–" }
        if seconds < 1e-3 { return String(format: "%.1f µs", seconds * 1e6) }
        if seconds < 1 { return String(format: "%.2f ms", seconds * 1e3) }
        return String(format: "%.2f s", seconds)
    }

    static func format(megabytesPerSecond bytes: Int, _ seconds: Double) -> String {
        if seconds.isNaN || seconds <= 0 { return "–" }
        let rate = Double(bytes) / 1e6 / seconds
        return rate >= 100 ? String(format: "%.0f MB/s", rate) : String(format: "%.1f MB/s", rate)
    }
}

/// A child process run to completion, with its wall time and peak resident memory (from wait4).
struct ChildRun {
    var status: Int32
    var seconds: Double
    var maxRSSKilobytes: Int

    /// Runs `path` with `arguments`, stdout to /dev/null (or `stdoutPath`), stderr kept unless `quiet`.
    static func run(_ path: String, _ arguments: [String], stdoutPath: String = "/dev/null", quiet: Bool = true,
                    environment: [String: String] = [:]) -> ChildRun {
        var actions: posix_spawn_file_actions_t = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, stdoutPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        if quiet { posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0) }
        var env = ProcessInfo.processInfo.environment
        for (key, value) in environment { env[key] = value }
        let argv = ([path] + arguments).map { strdup($0) } + [nil]
        let envp = env.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var pid: pid_t = 0
        let start = Measure.clock.now
        guard posix_spawn(&pid, path, &actions, nil, argv, envp) == 0 else {
            return ChildRun(status: -1, seconds: .nan, maxRSSKilobytes: 0)
        }
        var status: Int32 = 0
        var usage = rusage()
        _ = wait4(pid, &status, 0, &usage)
        let elapsed = Measure.seconds(Measure.clock.now - start)
        let exitCode = (status & 0x7F) == 0 ? (status >> 8) & 0xFF : -1
        return ChildRun(status: exitCode, seconds: elapsed, maxRSSKilobytes: Int(usage.ru_maxrss))
    }
}

extension ChildRun {
    /// Peak resident memory (kB) of one run, read by `/usr/bin/time`. The `ru_maxrss` that wait4
    /// gives for a child of this process is useless for that: Linux records the parent's
    /// high-water mark in the child when the child, spawned with vfork, execs (every child of a
    /// 100 MB benchmark process "peaks" at 100 MB). `/usr/bin/time` is small, so its child's
    /// figure is the child's own. Nil when `/usr/bin/time` is missing.
    static func peakMemory(_ path: String, _ arguments: [String]) -> Int? {
        let time = "/usr/bin/time"
        guard FileManager.default.isExecutableFile(atPath: time) else { return nil }
        let report = NSTemporaryDirectory() + "santun-bench-maxrss-\(getpid()).txt"
        defer { try? FileManager.default.removeItem(atPath: report) }
        _ = run(time, ["-f", "%M", "-o", report, path] + arguments)
        guard let text = try? String(contentsOfFile: report, encoding: .utf8) else { return nil }
        return text.split(separator: "\n").last.flatMap { Int($0.trimmingCharacters(in: .whitespaces)) }
    }
}

/// Runs a shell command and returns its standard output (for versions and hyperfine).
@discardableResult
func shell(_ command: String, directory: String? = nil) -> (status: Int32, output: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/sh")
    process.arguments = ["-c", command]
    if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = FileHandle.nullDevice
    do { try process.run() } catch { return (-1, "") }
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: data, as: UTF8.self))
}

/// hyperfine, from Debian's package: the median of a command line, in seconds.
enum Hyperfine {
    static var available: Bool { shell("command -v hyperfine").status == 0 }

    /// Medians (seconds) of each command, run with `hyperfine -N` (no shell) when `noShell`.
    static func medians(_ commands: [String], runs: Int, warmup: Int = 2, noShell: Bool = true) -> [Double]? {
        let json = NSTemporaryDirectory() + "santun-bench-hyperfine-\(getpid()).json"
        defer { try? FileManager.default.removeItem(atPath: json) }
        var line = "hyperfine --style none -i --warmup \(warmup) --runs \(runs) --export-json \(quote(json))"
        if noShell { line += " -N" }
        line += " --output null"
        for command in commands { line += " " + quote(command) }
        guard shell(line).status == 0, let data = FileManager.default.contents(atPath: json),
              let root = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let results = root["results"] as? [[String: Any]] else { return nil }
        return results.map { ($0["median"] as? Double) ?? .nan }
    }

    static func quote(_ text: String) -> String { "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'" }
}

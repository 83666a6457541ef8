import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs a program on a pseudo-terminal, as if a person sat at it: stdin, stdout and stderr are
/// the terminal (so `isatty` is true and the terminal echoes typing), each answer is typed only
/// after its prompt appears, and Ctrl-D is typed at the prompt after the last answer. Uses
/// only libc's posix_openpt, so the test needs neither python nor expect.
enum PseudoTerminal {
    /// libc's pseudo-terminal calls. Swift's Glibc module hides them behind _XOPEN_SOURCE, so
    /// they are looked up by name in the running process (they are in libc on every Linux).
    struct LibC {
        typealias OpenFunction = @convention(c) (Int32) -> Int32
        typealias NameFunction = @convention(c) (Int32, UnsafeMutablePointer<CChar>?, Int) -> Int32
        let openpt: OpenFunction
        let grantpt: OpenFunction
        let unlockpt: OpenFunction
        let ptsname: NameFunction

        init() throws {
            let process = dlopen(nil, RTLD_NOW)
            func symbol<T>(_ name: String, _ type: T.Type) throws -> T {
                guard let pointer = dlsym(process, name) else { throw Failure(description: "libc has no \(name)") }
                return unsafeBitCast(pointer, to: type)
            }
            openpt = try symbol("posix_openpt", OpenFunction.self)
            grantpt = try symbol("grantpt", OpenFunction.self)
            unlockpt = try symbol("unlockpt", OpenFunction.self)
            ptsname = try symbol("ptsname_r", NameFunction.self)
        }
    }

    struct Session {
        var status: Int32
        /// Everything the terminal showed, echo included (line ends as the terminal sends them: CR LF).
        var output: String
    }

    struct Failure: Error, CustomStringConvertible { let description: String }

    static func run(_ executable: String, _ arguments: [String], answers: [String], prompt: String,
                    timeout: TimeInterval = 40) throws -> Session {
        let libc = try LibC()
        let master = libc.openpt(O_RDWR | O_NOCTTY)
        guard master >= 0 else { throw Failure(description: "posix_openpt failed: errno \(errno)") }
        defer { close(master) }
        var name = [CChar](repeating: 0, count: 128)
        guard libc.grantpt(master) == 0, libc.unlockpt(master) == 0, libc.ptsname(master, &name, name.count) == 0 else {
            throw Failure(description: "cannot set up the pseudo-terminal: errno \(errno)")
        }
        let slave = open(String(decoding: name.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self), O_RDWR | O_NOCTTY)
        guard slave >= 0 else { throw Failure(description: "cannot open the terminal side: errno \(errno)") }

        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment["TERM"] = "xterm-256color"
        environment["NO_COLOR"] = nil
        process.environment = environment
        let terminal = FileHandle(fileDescriptor: slave, closeOnDealloc: false)
        process.standardInput = terminal
        process.standardOutput = terminal
        process.standardError = terminal
        try process.run()
        close(slave)  // the child holds its own copies; reading the master ends when it exits

        let promptBytes = Array(prompt.utf8)
        var output: [UInt8] = []
        var typed = 0
        var ended = false
        let deadline = Date().addingTimeInterval(timeout)
        var buffer = [UInt8](repeating: 0, count: 4096)
        while Date() < deadline {
            var descriptor = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
            let ready = poll(&descriptor, 1, 200)
            if ready < 0 && errno != EINTR { break }
            // Output is drained before this is seen, since poll reports pending output first.
            if ready == 0 && !process.isRunning { ended = true; break }
            if ready > 0 {
                let count = read(master, &buffer, buffer.count)
                if count <= 0 { ended = true; break }  // EIO: every copy of the terminal side is closed
                output += buffer[0..<count]
            }
            let prompts = occurrences(of: promptBytes, in: output)
            if prompts > typed {
                let line = typed < answers.count ? Array((answers[typed] + "\n").utf8) : [0x04]
                _ = line.withUnsafeBytes { write(master, $0.baseAddress, $0.count) }
                typed += 1
            }
        }
        if !ended {
            process.terminate()
            process.waitUntilExit()
            throw Failure(description: "timed out; output so far:\n" + String(decoding: output, as: UTF8.self))
        }
        process.waitUntilExit()
        return Session(status: process.terminationStatus, output: String(decoding: output, as: UTF8.self))
    }

    static func occurrences(of needle: [UInt8], in haystack: [UInt8]) -> Int {
        guard !needle.isEmpty, haystack.count >= needle.count else { return 0 }
        var count = 0
        var index = 0
        while index + needle.count <= haystack.count {
            if haystack[index] == needle[0] && Array(haystack[index..<index + needle.count]) == needle {
                count += 1
                index += needle.count
            } else {
                index += 1
            }
        }
        return count
    }

    /// The text without ANSI colour sequences and carriage returns.
    static func stripANSI(_ text: String) -> String {
        var out = ""
        var iterator = text.unicodeScalars.makeIterator()
        while let scalar = iterator.next() {
            if scalar == "\u{1B}" {
                while let next = iterator.next(), !(next.value >= 0x40 && next.value <= 0x7E && next != "[") {}
            } else if scalar != "\r" {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}

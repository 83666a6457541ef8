import Foundation
import SantunCore

/// Reads the small text files Santun is configured with — rule packs, `.santun.yml`,
/// confidential term lists, baselines — as untrusted input: only regular files, at most
/// `limit` bytes, valid UTF-8. A configuration naming `/dev/zero` or a 2 GB file gets a clear
/// error instead of a hang or an out-of-memory kill.
enum TextFile {
    static let limit = 64 << 20

    /// The file's text; `what` names it in errors ("the rule pack").
    static func read(_ path: String, what: String, limit: Int = TextFile.limit) throws -> String {
        var info = stat()
        guard stat(path, &info) == 0 else {
            throw ValidationFailure("\(path): cannot read \(what) (\(String(cString: strerror(errno))))")
        }
        guard info.st_mode & S_IFMT == S_IFREG else { throw ValidationFailure("\(path): \(what) is not a regular file") }
        guard Int(info.st_size) <= limit else {
            throw ValidationFailure("\(path): \(what) is larger than \(limit >> 20) MB")
        }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw ValidationFailure("\(path): cannot read \(what) (\(String(cString: strerror(errno))))")
        }
        defer { try? handle.close() }
        // Read one byte past the limit, in case the file grew since stat.
        let data = (try? handle.read(upToCount: limit + 1)) ?? Data()
        guard data.count <= limit else { throw ValidationFailure("\(path): \(what) is larger than \(limit >> 20) MB") }
        let bytes = [UInt8](data)
        if let bad = SourceText.firstInvalidByte(in: bytes) {
            let line = bytes[..<bad].filter { $0 == 0x0A }.count + 1
            throw LoadError(file: path, line: line, message: "\(what) is not valid UTF-8 (byte offset \(bad))")
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

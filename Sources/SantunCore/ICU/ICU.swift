import CICUShim

/// An error reported by ICU, with the ICU error name for the message.
public struct ICUError: Error, CustomStringConvertible, Sendable {
    public let code: Int32
    public let context: String
    public var description: String { "\(context): \(String(cString: sn_error_name(code)))" }
}

/// Facts about the ICU library this binary runs with.
public enum ICU {
    /// The ICU version, such as "72.1"; compiled break rules are cached per version.
    public static let version: String = {
        var buffer = [CChar](repeating: 0, count: 32)
        sn_icu_version(&buffer, 32)
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }()

    @inline(__always)
    static func check(_ code: Int32, _ context: @autoclosure () -> String) throws {
        if code > 0 { throw ICUError(code: code, context: context()) }
    }
}

extension Array where Element == UInt16 {
    init(utf16Of string: String) { self = Array(string.utf16) }
}

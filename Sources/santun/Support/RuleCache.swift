import Foundation
import SantunCore

/// Loads Santun's compiled word-break rules from the user's cache, compiling and storing them
/// on first use. Compiling costs about 30 ms a start; the cached form opens in about 1 ms.
/// The cache key holds the ICU version and a hash of the rule text, since the binary format
/// depends on both. Any cache failure falls back to compiling: the cache is never required.
enum RuleCache {
    static func wordBreakRules() throws -> WordBreakRules {
        let source = Tokenizer.ruleSource
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in source.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        let name = "wordbreak-icu\(ICU.version)-\(String(hash, radix: 16)).bin"
        let directory = cacheDirectory()
        let file = directory.map { $0.appendingPathComponent(name) }
        if let file, let data = try? Data(contentsOf: file), !data.isEmpty,
           let rules = try? WordBreakRules(binary: [UInt8](data)) {
            return rules
        }
        let rules = try Tokenizer.compileRules()
        if let directory, let file {
            try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            let temporary = directory.appendingPathComponent(".\(name).\(getpid())")
            if (try? Data(rules.binary).write(to: temporary)) != nil {
                if rename(temporary.path, file.path) != 0 { try? FileManager.default.removeItem(at: temporary) }
            }
        }
        return rules
    }

    static func cacheDirectory() -> URL? {
        let environment = ProcessInfo.processInfo.environment
        if environment["SANTUN_NO_CACHE"] != nil { return nil }
        if let xdg = environment["XDG_CACHE_HOME"], !xdg.isEmpty {
            return URL(fileURLWithPath: xdg).appendingPathComponent("santun")
        }
        if let home = environment["HOME"], !home.isEmpty {
            return URL(fileURLWithPath: home).appendingPathComponent(".cache/santun")
        }
        return nil
    }
}

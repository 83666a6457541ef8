// swift-tools-version: 6.0
import PackageDescription

/// Santun: a linter for Indonesian social-media drafts.
///
/// Dependency direction (nothing points back up):
///   CICUShim, CDigest  →  SantunCore  →  SantunReporters  →  santun (CLI)
///                        SantunCore  →  SantunTraining (explain, train)  →  santun
///   SantunBuiltInPacks (generated from rules/ by santun-gen, which uses SantunCore) → santun
let package = Package(
    name: "Santun",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "santun", targets: ["santun"]),
        .library(name: "SantunCore", targets: ["SantunCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
    ],
    targets: [
        // ICU behind a version-free C API whose header contains no ICU types (see Sources/CICUShim/README.md).
        .target(
            name: "CICUShim",
            linkerSettings: [.linkedLibrary("icui18n"), .linkedLibrary("icuuc"), .linkedLibrary("icudata")]
        ),
        // SHA-256 from the system's libcrypto, for hashed confidential terms.
        .target(name: "CDigest", linkerSettings: [.linkedLibrary("crypto")]),
        .target(
            name: "SantunCore",
            dependencies: ["CICUShim", "CDigest", .product(name: "Yams", package: "Yams")]
        ),
        .target(name: "SantunReporters", dependencies: ["SantunCore"]),
        // Explanations and practice sessions, generated from the packs and corpora/training.
        .target(
            name: "SantunTraining",
            dependencies: ["SantunCore", .product(name: "Yams", package: "Yams")]
        ),
        .target(name: "SantunBuiltInPacks"),
        .executableTarget(
            name: "santun",
            dependencies: [
                "SantunCore", "SantunReporters", "SantunTraining", "SantunBuiltInPacks",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            // The Swift runtime and Foundation linked into the binary (the compile flag lets the
            // objects name the static libraries they need): loading and binding a dozen shared
            // libraries cost about a third of a one-post check's start (budget: 12 ms). Linked by the
            // toolchain's lld with packed relative relocations (gold, the default, has no such option):
            // the binary's 77,000 relative relocations take 15 kB of RELR instead of 1.9 MB of RELA,
            // 33 fewer page faults and 0.36 M fewer instructions at every start.
            swiftSettings: [.unsafeFlags(["-static-stdlib"])],
            linkerSettings: [.unsafeFlags(["-static-stdlib", "-use-ld=lld", "-Xlinker", "-z", "-Xlinker", "pack-relative-relocs"])]
        ),
        .executableTarget(name: "santun-gen", dependencies: ["SantunCore"]),
        // Benchmarks (`swift run -c release santun-bench`); peers/peer.py drives the Python peers.
        .executableTarget(name: "santun-bench", dependencies: ["SantunCore", "SantunBuiltInPacks"], exclude: ["peers"],
                          swiftSettings: [.swiftLanguageMode(.v5)]),
        // libFuzzer entry (built by .ci/fuzz.sh with -sanitize=fuzzer); otherwise replays corpora/fuzz/.
        .executableTarget(name: "santun-fuzz", dependencies: ["SantunCore", "SantunBuiltInPacks"]),
        .testTarget(
            name: "SantunTests",
            dependencies: ["SantunCore", "SantunReporters", "SantunTraining", "SantunBuiltInPacks"],
            // Read through #filePath, never bundled: golden outputs and fixture drafts.
            exclude: ["Golden", "Fixtures"]
        ),
    ]
)

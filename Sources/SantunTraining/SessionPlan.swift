import SantunCore

/// SplitMix64: a tiny generator whose output depends only on the seed, on every platform and
/// Swift version, so `--seed 7` gives the same order on a trainer's laptop and in CI (the
/// standard library's generator makes no such promise).
public struct SeededGenerator: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number in `0..<bound` without modulo bias.
    mutating func below(_ bound: Int) -> Int {
        precondition(bound > 0)
        let limit = UInt64.max - UInt64.max % UInt64(bound)
        while true {
            let value = next()
            if value < limit { return Int(value % UInt64(bound)) }
        }
    }
}

/// Which exercises a session has, in which order: the lesson filter first, then a Fisher–Yates
/// shuffle driven only by the seed, then the count limit. The same seed, lessons and exercise
/// files always give the same plan, which is what lets answers collected on paper be scored later.
public struct SessionPlan: Sendable {
    public var seed: UInt64
    public var exercises: [Exercise]

    public init(exercises all: [Exercise], lessons: [Category] = [], seed: UInt64, count: Int? = nil) {
        self.seed = seed
        var chosen = all.filter { lessons.isEmpty || lessons.contains($0.lesson) }.sorted { $0.id < $1.id }
        var generator = SeededGenerator(seed: seed)
        if chosen.count > 1 {
            for index in stride(from: chosen.count - 1, to: 0, by: -1) {
                chosen.swapAt(index, generator.below(index + 1))
            }
        }
        if let count { chosen = Array(chosen.prefix(max(0, count))) }
        exercises = chosen
    }
}

/// A seeded, portable pseudo-random generator: xoshiro256** (Blackman & Vigna, 2018)
/// whose 256-bit state is filled from the seed by SplitMix64.
///
/// The stream depends only on the seed — not on the platform, the Swift version
/// or the standard library — so every resampled figure in a report is reproducible.
/// All derived draws (`nextDouble`, `nextInt(below:)`, `shuffle`) use only this
/// stream with fixed, documented algorithms; Swift's own `shuffled(using:)` is not
/// used because its algorithm is not specified.
public struct SeededGenerator: RandomNumberGenerator, Sendable, Equatable {
    private var s0: UInt64
    private var s1: UInt64
    private var s2: UInt64
    private var s3: UInt64

    /// The seed the generator was created with.
    public let seed: UInt64

    /// Creates a generator whose state is the first four SplitMix64 outputs for `seed`.
    public init(seed: UInt64) {
        self.seed = seed
        var sm = SplitMix64(state: seed)
        s0 = sm.next()
        s1 = sm.next()
        s2 = sm.next()
        s3 = sm.next()
    }

    @inline(__always)
    private static func rotl(_ x: UInt64, _ k: UInt64) -> UInt64 {
        (x << k) | (x >> (64 &- k))
    }

    /// The next 64 raw bits (xoshiro256** output function).
    public mutating func next() -> UInt64 {
        let result = Self.rotl(s1 &* 5, 7) &* 9
        let t = s1 << 17
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = Self.rotl(s3, 45)
        return result
    }

    /// A uniform double in [0, 1): the top 53 bits of `next()` times 2⁻⁵³.
    public mutating func nextDouble() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    /// A uniform double in (0, 1): never exactly 0 (used where a logarithm or a
    /// strict inequality needs it). `(top 53 bits + 0.5) · 2⁻⁵³`.
    public mutating func nextOpenDouble() -> Double {
        (Double(next() >> 11) + 0.5) * 0x1.0p-53
    }

    /// A uniform integer in `0..<bound` by Lemire's multiply-and-reject method
    /// (unbiased). `bound` must be positive (a programming error otherwise, trapped like
    /// the standard library's `Int.random(in:)` with an empty range).
    public mutating func nextInt(below bound: Int) -> Int {
        precondition(bound > 0, "bound must be positive")
        let s = UInt64(bound)
        var product = next().multipliedFullWidth(by: s)
        if product.low < s {
            let threshold = (0 &- s) % s
            while product.low < threshold {
                product = next().multipliedFullWidth(by: s)
            }
        }
        return Int(product.high)
    }

    /// Shuffles `array` in place with the Fisher–Yates algorithm, drawing
    /// `nextInt(below: i + 1)` for i = count−1 down to 1.
    public mutating func shuffle<T>(_ array: inout [T]) {
        var i = array.count - 1
        while i > 0 {
            let j = nextInt(below: i + 1)
            if i != j { array.swapAt(i, j) }
            i -= 1
        }
    }
}

/// SplitMix64 (Steele, Lea & Flood, 2014), used to seed `SeededGenerator`.
public struct SplitMix64: RandomNumberGenerator, Sendable, Equatable {
    /// The current state (advanced by the golden-ratio increment each call).
    public private(set) var state: UInt64

    /// Creates a SplitMix64 stream starting at `state`.
    public init(state: UInt64) { self.state = state }

    /// The next output.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

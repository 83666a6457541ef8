import Foundation

/// An immutable hash table from a fixed set of string keys to their positions in that set: the
/// lexicon index's lookups, made once or more for every token of every draft.
///
/// `Dictionary<String, _>` hashes each lookup with per-process seeded SipHash and compares
/// through `String`'s generic paths; measured on the bench corpus that was about half the time
/// of matching the lexicon. Here a key's UTF-8 bytes are hashed with FNV-1a and compared with
/// `memcmp`. Seeding protects a dictionary that grows from its input; this one never does: the
/// keys are fixed when the packs load, the table is at most half full, and a lookup walks only
/// the run of occupied slots its hash lands in, whatever text a draft holds.
struct KeyTable: Sendable {
    /// Slot → the upper 32 bits of its key's hash, then the key's position + 1 (0 for an empty
    /// slot). One read tells most absent words (the common case) from the key in the slot, so a
    /// table too large for the cache costs one miss per lookup, not three.
    private let slots: [UInt64]
    private let mask: Int
    /// Every key's bytes, one after another; key `i` is `bytes[starts[i]..<starts[i + 1]]`.
    private let bytes: [UInt8]
    private let starts: [Int32]

    /// The number of keys.
    let count: Int

    /// A table of `keys` (which must be distinct); `position(of: keys[i])` is `i`.
    init(_ keys: [String]) {
        var capacity = 16
        while capacity < keys.count * 2 { capacity *= 2 }
        var slots = [UInt64](repeating: 0, count: capacity)
        var bytes: [UInt8] = []
        var starts: [Int32] = [0]
        starts.reserveCapacity(keys.count + 1)
        for (position, key) in keys.enumerated() {
            bytes.append(contentsOf: key.utf8)
            starts.append(Int32(bytes.count))
            let hash = key.utf8.withContiguousStorageIfAvailable(KeyTable.hash) ?? KeyTable.hash(Array(key.utf8))
            var slot = Int(truncatingIfNeeded: hash) & (capacity - 1)
            while slots[slot] != 0 { slot = (slot + 1) & (capacity - 1) }
            slots[slot] = hash & 0xFFFF_FFFF_0000_0000 | UInt64(position + 1)
        }
        self.slots = slots
        self.mask = capacity - 1
        count = keys.count
        self.bytes = bytes
        self.starts = starts
    }

    /// FNV-1a over the bytes, with a final mix so that the low bits (the slot) depend on every
    /// byte. The stem filter hashes its tails with it too.
    @inline(__always)
    static func hash(_ key: some Collection<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in key { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return (hash ^ (hash >> 29)) &* 0xbf58_476d_1ce4_e5b9
    }

    /// The position of `key` in the keys the table was built from, or nil.
    @inline(__always)
    func position(of key: String) -> Int? {
        var key = key  // withUTF8 is mutating: a small string is copied to the stack, no allocation
        return key.withUTF8 { position(of: $0) }
    }

    func position(of key: UnsafeBufferPointer<UInt8>) -> Int? {
        let hash = KeyTable.hash(key)
        return slots.withUnsafeBufferPointer { slots in
            bytes.withUnsafeBufferPointer { stored in
                var slot = Int(truncatingIfNeeded: hash) & mask
                while true {
                    let entry = slots[slot]
                    if entry == 0 { return nil }
                    if entry & 0xFFFF_FFFF_0000_0000 == hash & 0xFFFF_FFFF_0000_0000 {
                        let position = Int(truncatingIfNeeded: entry & 0xFFFF_FFFF) - 1
                        let start = Int(starts[position]), length = Int(starts[position + 1]) - start
                        if length == key.count
                            && (length == 0 || memcmp(stored.baseAddress! + start, key.baseAddress!, length) == 0) {
                            return position
                        }
                    }
                    slot = (slot + 1) & mask
                }
            }
        }
    }
}

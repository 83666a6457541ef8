import Testing
@testable import SantunCore

@Suite struct TokenizerTests {
    let tokenizer = TestSupport.tokenizer()

    func tokens(_ text: String) -> [(kind: TokenKind, text: String, normalized: String, token: Token)] {
        let source = SourceText(text)
        return tokenizer.tokenize(source).map { ($0.kind, source.text($0.range), $0.normalized, $0) }
    }

    func single(_ text: String) -> (kind: TokenKind, text: String, normalized: String, token: Token) {
        let all = tokens(text)
        #expect(all.count == 1, "\(text) gave \(all.map(\.text))")
        return all[0]
    }

    @Test(arguments: [
        ("kerja", TokenKind.word), ("2024", .number), ("08123456789", .number), ("Rp1.500.000", .money),
        ("Rp 1,5 juta", .money), ("IDR 2 M", .money), ("Rp50rb", .money), ("Rp1.500.000,-", .money), ("50%", .percent),
        ("https://contoh.co.id/a?b=1", .url), ("www.contoh.id", .url), ("contoh.co.id", .url),
        ("budi@contoh.co.id", .email), ("@mas_dewo", .mention), ("#KerjaCerdas", .hashtag),
        ("😀", .emoji), ("👍🏽", .emoji), ("👨‍👩‍👧", .emoji), ("🇮🇩", .emoji),
        (":D", .emoticon), ("^_^", .emoticon), (":mrgreen:", .emoticon), (":)", .emoticon), ("xD", .emoticon),
        ("!!!", .punct), ("…", .punct),
    ])
    func kinds(text: String, kind: TokenKind) {
        #expect(single(text).kind == kind)
    }

    @Test func hashtagPartsHaveTheirOwnSpans() {
        let token = single("#KerjaCerdas").token
        #expect(token.parts.map(\.normalized) == ["kerja", "cerdas"])
        #expect(token.parts.map(\.range) == [ByteRange(offset: 1, length: 5), ByteRange(offset: 6, length: 6)])
        #expect(single("#WFH2024").token.parts.map(\.normalized) == ["wfh", "2024"])
        #expect(single("#kerja_cerdas").token.parts.map(\.normalized) == ["kerja", "cerdas"])
    }

    @Test(arguments: [
        ("anak-anak", "anak"), ("hal2", "hal"), ("hal²", "hal"), ("kata2nya", "katanya"), ("kata-katanya", "katanya"),
        ("bermain-main", "bermain"),
    ])
    func reduplication(text: String, base: String) {
        let token = single(text).token
        #expect(token.kind == .word)
        #expect(token.base == base)
        #expect(token.flags.contains(.reduplicated))
    }

    @Test(arguments: ["kupu-kupu", "sayur-mayur", "bolak-balik", "ke-2", "H-2", "COVID-19", "B2B", "Q2"])
    func staysWhole(text: String) {
        let token = single(text).token
        #expect(token.base == nil, "\(text)")
        #expect(!token.flags.contains(.reduplicated))
    }

    @Test(arguments: [("di-share", "di-share"), ("nge-post", "nge-post"), ("meeting-nya", "meeting-nya")])
    func hyphenatedAffixesStayOneToken(text: String, normalized: String) {
        #expect(single(text).normalized == normalized)
    }

    @Test(arguments: [("Tapiiiiii", "tapi"), ("bangeeet", "banget"), ("hehehehe", "hehe"), ("wkwkwkwk", "wkwk"), ("ANJIIING", "anjing")])
    func elongation(text: String, normalized: String) {
        let token = single(text).token
        #expect(token.normalized == normalized)
        #expect(token.flags.contains(.elongated))
    }

    /// English words end in ee and oo (`coffee`, `too`): the word stays as written and the
    /// single form is only an alternative to look up (`okee` → `oke`).
    @Test(arguments: [("coffee", "coffe"), ("employee", "employe"), ("too", "to"), ("okee", "oke")])
    func finalDoubleEOrOIsOnlyAnAlternative(text: String, alternate: String) {
        let token = single(text).token
        #expect(token.normalized == text)
        #expect(token.alternate == alternate)
        #expect(!token.flags.contains(.elongated))
    }

    /// A doubled final consonant is only an alternative key (`bangett` → `banget`); ll, ss, ff
    /// and zz end English words whose single forms are Indonesian words (mall, pass, tariff).
    @Test(arguments: [("bangett", "banget"), ("dongg", "dong"), ("nihh", "nih"), ("yukk", "yuk"), ("siapp", "siap")])
    func finalDoubleConsonantIsOnlyAnAlternative(text: String, alternate: String) {
        let token = single(text).token
        #expect(token.normalized == text)
        #expect(token.alternate == alternate)
    }

    @Test(arguments: ["mall", "pass", "tariff", "jazz", "miss"])
    func englishDoubleEndingsHaveNoAlternative(text: String) {
        #expect(single(text).token.alternate == nil)
    }

    @Test(arguments: ["saat", "maaf", "Allah", "tt", "sukses", "keenam", "manggis", "tanggal"])
    func realDoubleLettersAreKept(text: String) {
        let token = single(text).token
        #expect(token.normalized == text.lowercased())
        #expect(!token.flags.contains(.elongated))
    }

    @Test(arguments: [
        ("𝐛𝐚𝐧𝐠𝐬𝐚𝐭", "bangsat"), ("ＡＮＪＩＮＧ", "anjing"), ("аnjing", "anjing"), ("ΑΝJΙΝG", "anjing"),
        ("ʙᴀɴɢsᴀᴛ", "bangsat"), ("ⓐⓝⓙⓘⓝⓖ", "anjing"), ("ba\u{200B}ngsat", "bangsat"), ("ba\u{00AD}ngsat", "bangsat"),
        ("DIBLOKIR", "diblokir"),
    ])
    func lookAlikesFoldToLatin(text: String, normalized: String) {
        #expect(single(text).normalized == normalized)
    }

    @Test(arguments: [("4nj1ng", "anjing"), ("b4ngs4t", "bangsat"), ("k0nt0l", "kontol"), ("t4i", "tai"), ("4nj1ngnya", "anjingnya"),
                       ("k3mbalinya", "kembalinya")])
    func leetspeak(text: String, normalized: String) {
        let token = single(text).token
        #expect(token.normalized == normalized)
        #expect(token.flags.contains(.leet))
    }

    @Test(arguments: ["2024", "08123456789", "50rb", "4G", "mp3", "covid19", "K3", "v2", "mp3nya", "covid19nya"])
    func numbersAreNeverDeLeeted(text: String) {
        let token = single(text).token
        #expect(!token.flags.contains(.leet), "\(text) → \(token.normalized)")
    }

    @Test(arguments: [("a.n.j.i.n.g", "anjing"), ("a n j i n g", "anjing"), ("b-a-n-g-s-a-t", "bangsat"), ("a_n_j_i_n_g", "anjing")])
    func spacedOutLettersAreOneWordWithTheWholeSpan(text: String, normalized: String) {
        let token = single(text).token
        #expect(token.normalized == normalized)
        #expect(token.range == ByteRange(offset: 0, length: text.utf8.count))
        #expect(token.flags.contains(.spacedOut))
    }

    @Test func maskedLetters() {
        let token = single("anj*ng").token
        #expect(token.flags.contains(.masked))
    }

    @Test func pricesDatesAndUrlsStayIntact() {
        let all = tokens("Harga Rp1.500.000 tgl 17/08/2025 pukul 09.00 WIB di https://toko.id/p/2024 #HUT79 ke-79")
        #expect(all.contains { $0.kind == .money && $0.text == "Rp1.500.000" })
        #expect(all.contains { $0.kind == .number && $0.text == "09.00" })
        #expect(all.contains { $0.kind == .url && $0.text == "https://toko.id/p/2024" })
        #expect(all.contains { $0.kind == .hashtag && $0.text == "#HUT79" })
        #expect(!all.contains { $0.token.flags.contains(.leet) })
    }

    @Test func spansSurviveEmojiCombiningMarksAndCRLF() {
        let text = "😀 café\r\ne\u{0301}h 👨‍👩‍👧 kata\nakhir"
        let source = SourceText(text)
        let all = tokenizer.tokenize(source)
        for token in all {
            #expect(source.text(token.range) == String(decoding: Array(text.utf8)[token.range.range], as: UTF8.self))
        }
        let kata = all.first { source.text($0.range) == "kata" }!
        let location = source.location(ofByte: kata.range.offset)
        #expect(location.line == 2)
        #expect(location.column == 11)      // é is two scalars, the family emoji five
        #expect(location.utf16Column == 14) // ... and eight UTF-16 units
        let last = all.last!
        #expect(source.text(last.range) == "akhir")
        #expect(source.location(ofByte: last.range.offset).line == 3)
    }

    @Test func loneCarriageReturnEndsALine() {
        let source = SourceText("satu\rdua\r\ntiga")
        #expect(source.lineCount == 3)
        #expect(source.location(ofByte: 5).line == 2)
        #expect(source.location(ofByte: 10).line == 3)
    }

    @Test func invalidUTF8NamesTheOffset() {
        #expect(throws: InvalidUTF8(offset: 3)) { try SourceText(validating: Array("abc".utf8) + [0xFF, 0x41]) }
        #expect(throws: InvalidUTF8(offset: 0)) { try SourceText(validating: [0xC0, 0x80]) }  // overlong
        #expect(throws: InvalidUTF8(offset: 1)) { try SourceText(validating: [0x41, 0xED, 0xA0, 0x80]) }  // surrogate
        #expect(SourceText(lossy: [0x41, 0xFF]).bytes == Array("A\u{FFFD}".utf8))
    }

    /// Random drafts of emoji, Indonesian words, digits, punctuation and repaired invalid bytes:
    /// tokens never overlap, come in order, and slice the exact source text.
    @Test func propertyTokensSliceTheSourceInOrder() {
        var generator = SplitMix(seed: 20261129)
        let pieces = ["anak", "-", "2", "²", "😀", "👍🏽", "‍", "é", "\u{0301}", " ", "\n", "\r\n", "\r", "#", "@", ".", "!!", "Rp",
                      "1.500", "а", "𝐛", "www.", "http://", ":", "^_^", "\u{200B}", "*", "_", "ꦲ", "中", "\t", "'", "%", "\u{202E}"]
        for _ in 0..<400 {
            var bytes: [UInt8] = []
            for _ in 0..<Int(generator.next() % 40) {
                if generator.next() % 17 == 0 {
                    bytes.append(UInt8(truncatingIfNeeded: generator.next() | 0x80))
                } else {
                    bytes += Array(pieces[Int(generator.next() % UInt64(pieces.count))].utf8)
                }
            }
            let source = SourceText(lossy: bytes)
            let all = tokenizer.tokenize(source)
            var previousEnd = 0
            for token in all {
                #expect(token.range.offset >= previousEnd)
                #expect(token.range.end <= source.bytes.count)
                #expect(token.range.length > 0)
                #expect(SourceText.firstInvalidByte(in: Array(source.bytes[token.range.range])) == nil)
                previousEnd = token.range.end
            }
        }
    }
}

/// A small deterministic random generator for property tests.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

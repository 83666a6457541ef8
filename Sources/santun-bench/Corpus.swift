/// A deterministic generator of Indonesian social-media drafts for benchmarks, written for this
/// project from its own templates and word lists (no external or evaluation data). The same seed
/// always gives the same bytes, on every machine, so runs and peers see identical input.
///
/// The mix is meant to look like a company's draft folder: mostly ordinary promotional and
/// customer-service posts, many with casual particles and slang, some with hashtags, mentions,
/// links, emoji, prices and dates, and a few with what Santun exists to catch (swearing, some of
/// it obfuscated; a personal phone number; a leaked figure; shouting).
struct SplitMix64: RandomNumberGenerator {
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

struct DraftGenerator {
    private var random: SplitMix64

    init(seed: UInt64) { random = SplitMix64(seed: seed) }

    private mutating func pick(_ items: [String]) -> String { items[Int(random.next() % UInt64(items.count))] }
    private mutating func chance(_ percent: Int) -> Bool { Int(random.next() % 100) < percent }
    private mutating func number(_ range: ClosedRange<Int>) -> Int {
        range.lowerBound + Int(random.next() % UInt64(range.count))
    }

    // Word lists (written for this generator).
    static let greetings = ["Halo", "Hai", "Selamat pagi", "Selamat siang", "Selamat malam", "Halo kak", "Hai sobat",
                            "Pagi semua", "Halo teman-teman", "Assalamualaikum", "Salam hangat"]
    static let audiences = ["pelanggan setia", "sobat hemat", "kakak-kakak", "teman-teman", "warga Bandung",
                            "pecinta kopi", "para ibu", "anak kos", "pekerja kantoran", "mahasiswa"]
    static let products = ["kopi susu gula aren", "paket data 25 GB", "sepatu lari", "tas kulit", "skincare wajah",
                           "kue lapis legit", "nasi goreng kampung", "tiket konser", "kamar hotel", "voucher belanja",
                           "kartu kredit", "tabungan berjangka", "asuransi kesehatan", "motor listrik", "laptop kerja",
                           "minyak goreng", "beras premium", "jaket hujan", "kaos polos", "teh melati"]
    static let verbs = ["coba", "beli", "pesan", "cek", "ikuti", "dapatkan", "nikmati", "rasakan", "bagikan",
                        "simpan", "daftar", "ajak", "kunjungi", "tonton", "dukung"]
    static let places = ["Jakarta", "Bandung", "Surabaya", "Medan", "Makassar", "Yogyakarta", "Semarang", "Denpasar",
                         "Palembang", "Balikpapan", "Malang", "Bogor"]
    static let days = ["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"]
    static let months = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September",
                         "Oktober", "November", "Desember"]
    static let adjectives = ["enak", "murah", "mantap", "keren", "nyaman", "praktis", "hemat", "segar", "lengkap",
                             "cepat", "aman", "terjangkau", "istimewa", "berkualitas"]
    static let particles = ["dong", "sih", "deh", "nih", "yuk", "ya", "lho", "kok", "kan", "tuh"]
    static let casual = ["gue", "lo", "udah", "banget", "gak", "nggak", "gimana", "kayak", "bikin", "aja", "emang",
                         "cuma", "pake", "gini", "kalo", "gitu", "doang", "mager", "baper", "santuy", "gaes",
                         "kepo", "bokap", "nyokap", "gabut", "mantul", "gokil", "bucin", "anjay", "wkwk"]
    static let laughter = ["wkwkwk", "hahaha", "hehehe", "wkwkwkwk", "xixixi", "awokwok"]
    static let elongated = ["bangeeet", "mantaaap", "enaaak", "seruuu", "makasiiih", "kereeen", "yuuuk"]
    static let reduplicated = ["teman-teman", "anak-anak", "hal2", "kue-kue", "barang2", "makan-makan", "jalan-jalan",
                               "pelan-pelan", "rame-rame", "sama-sama"]
    static let foreign = ["meeting", "deadline", "update", "sharing", "feedback", "launching", "event", "sale",
                          "download", "link", "review", "budget"]
    static let emoji = ["😀", "😍", "🔥", "🙏", "🎉", "✨", "👍", "💯", "😂", "🥰", "☕", "🛍️", "📢", "❤️", "😎"]
    static let emoticons = [":)", ":D", "^_^", ";)", "xD", ":(", "<3"]
    static let hashtags = ["#PromoHemat", "#KopiSenja", "#BelanjaAman", "#JumatBerkah", "#KerjaCerdas", "#WFH2024",
                           "#SobatHemat", "#DiskonGila", "#MakanEnak", "#LiburanSeru", "#UMKMNaikKelas", "#kuliner_nusantara"]
    static let mentions = ["@kopisenja_id", "@tokobaru", "@mas_dewo", "@info.promo", "@bankpelangi", "@hotel_nusa"]
    static let domains = ["contoh.co.id", "tokobaru.id", "promo.example.com", "kopisenja.id", "bankpelangi.co.id"]
    // What Santun must catch, in small doses.
    static let swearing = ["anjing", "bangsat", "ANJIIING", "4nj1ng", "a.n.j.i.n.g", "goblok", "tai", "kampret",
                           "brengsek", "f*ck", "shit", "damn", "bego", "tolol"]
    static let names = ["Budi", "Siti", "Andi", "Rina", "Dewi", "Agus", "Putri", "Joko", "Wulan", "Fajar"]

    private mutating func price() -> String {
        switch number(0...3) {
        case 0: return "Rp\(number(5...99)).000"
        case 1: return "Rp \(number(10...500)) ribu"
        case 2: return "\(number(10...90))rb"
        default: return "Rp\(number(1...9)),\(number(1...9)) juta"
        }
    }

    private mutating func date() -> String { "\(number(1...28)) \(pick(DraftGenerator.months)) 202\(number(4...6))" }

    private mutating func phone() -> String {
        var digits = "08\(number(11...59))"
        for _ in 0..<8 { digits += String(number(0...9)) }
        return number(0...1) == 0 ? digits : "+62 " + digits.dropFirst()
    }

    private mutating func sentence() -> String {
        let g = DraftGenerator.self
        switch number(0...13) {
        case 0: return "\(pick(g.greetings)) \(pick(g.audiences))! Hari ini ada promo \(pick(g.products)) cuma \(price())."
        case 1: return "Yuk \(pick(g.verbs)) \(pick(g.products)) kami, dijamin \(pick(g.adjectives)) \(pick(g.particles))."
        case 2: return "Promo berlaku sampai \(pick(g.days)), \(date()) di semua cabang \(pick(g.places))."
        case 3: return "\(pick(g.casual).capitalized) \(pick(g.casual)) \(pick(g.adjectives)) \(pick(g.casual)) \(pick(g.particles)) \(pick(g.laughter))"
        case 4: return "Info lengkap di https://\(pick(g.domains))/promo?kode=\(number(100...999)) atau DM \(pick(g.mentions))."
        case 5: return "Terima kasih untuk \(pick(g.reduplicated)) yang sudah \(pick(g.verbs)) \(pick(g.products)) \(pick(g.emoji))"
        case 6: return "\(pick(g.elongated).capitalized) \(pick(g.emoji))\(pick(g.emoji)) \(pick(g.hashtags)) \(pick(g.hashtags))"
        case 7: return "Jangan lupa \(pick(g.foreign)) besok ya, \(pick(g.particles))! \(pick(g.emoticons))"
        case 8: return "Stok \(pick(g.products)) terbatas, pesan sekarang sebelum kehabisan."
        case 9: return "Kami mohon maaf atas ketidaknyamanan di cabang \(pick(g.places)) kemarin; tim kami sedang memperbaikinya."
        case 10: return "Pemenang undian bulan \(pick(g.months)) adalah Kak \(pick(g.names)) dari \(pick(g.places)), selamat!"
        case 11: return "Diskon \(number(10...70))% untuk \(number(100...500)) pembeli pertama, hemat sampai \(price())!"
        case 12: return "Gratis ongkir se-\(pick(g.places)) untuk pembelian minimal \(price()) \(pick(g.emoji))"
        default: return "Jam buka \(pick(g.days))–\(pick(g.days)) pukul \(number(7...10)).00–\(number(17...22)).00 WIB."
        }
    }

    /// Something a reviewer should stop: about one draft in ten has one.
    private mutating func problem() -> String {
        let g = DraftGenerator.self
        switch number(0...5) {
        case 0, 1: return "Pelayanannya \(pick(g.swearing)) banget, \(pick(g.casual)) kecewa."
        case 2: return "Hubungi \(pick(g.names)) langsung di \(phone()) ya."
        case 3: return "BURUAN SERBU PROMONYA SEKARANG JUGA!!!"
        case 4: return "Bocoran: laba bersih kuartal III kita naik \(number(5...40))% dan belum diumumkan."
        default: return "Dasar \(pick(g.swearing)), gimana sih kerjanya?"
        }
    }

    /// One draft (one post) of 1 to 4 sentences, ending in a newline.
    mutating func draft() -> String {
        var parts: [String] = []
        for _ in 0..<number(1...4) { parts.append(sentence()) }
        if chance(10) { parts.insert(problem(), at: number(0...parts.count)) }
        if chance(40) { parts.append(pick(DraftGenerator.hashtags)) }
        return parts.joined(separator: " ") + "\n"
    }

    /// Drafts, one per line, until at least `bytes` bytes; cut at a line end.
    mutating func corpus(bytes: Int) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes + 512)
        while out.count < bytes { out.append(contentsOf: draft().utf8) }
        return out
    }

    /// A 280-character (at most) single post, the size a git hook checks one at a time.
    static func post() -> String {
        "Halo sobat hemat! Promo kopi susu gula aren cuma Rp15.000 sampai Minggu ini, gue jamin enak bangeeet 😍 "
            + "Berlaku di semua cabang Bandung dan Bogor, minimal beli dua gelas, ajak teman kantor ya. Pesan lewat "
            + "https://kopisenja.id/promo atau DM @kopisenja_id ya. #PromoHemat #KopiSenja"
    }
}

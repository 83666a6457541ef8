/// Checks that make number patterns precise: a 16-digit run is only an NIK when its region and
/// birth-date parts are valid, a card number must pass Luhn, and so on.
public enum Validators {
    public static func validate(_ validator: Validator, _ text: String) -> Bool {
        let digits = text.unicodeScalars.compactMap { $0.properties.numericType == .decimal ? UInt8($0.value - 0x30) : nil }
        switch validator {
        case .nik: return isNIK(digits)
        case .npwp: return isNPWP(digits)
        case .luhn: return (13...19).contains(digits.count) && luhn(digits)
        case .phoneID: return isMobile(digits)
        case .email: return isEmail(text)
        }
    }

    /// Province codes of the Ministry of Home Affairs (Kemendagri), including the 2022 Papua provinces.
    static let provinces: Set<Int> = [
        11, 12, 13, 14, 15, 16, 17, 18, 19, 21, 31, 32, 33, 34, 35, 36, 51, 52, 53,
        61, 62, 63, 64, 65, 71, 72, 73, 74, 75, 76, 81, 82, 91, 92, 93, 94, 95, 96,
    ]

    /// NIK layout `PP KK CC DDMMYY SSSS`: valid province, non-zero regency and district, a real
    /// date (day + 40 for women), serial not 0000. No check digit exists.
    public static func isNIK(_ d: [UInt8]) -> Bool {
        guard d.count == 16 else { return false }
        func number(_ from: Int, _ length: Int) -> Int { d[from..<(from + length)].reduce(0) { $0 * 10 + Int($1) } }
        guard provinces.contains(number(0, 2)), number(2, 2) > 0, number(4, 2) > 0 else { return false }
        var day = number(6, 2)
        if day > 40 { day -= 40 }
        let month = number(8, 2)
        guard (1...12).contains(month), day >= 1 else { return false }
        let daysInMonth = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
        return day <= daysInMonth && number(12, 4) > 0
    }

    /// NPWP: 15 digits (old layout), or 16: `0` + the old 15, or an NIK (PMK 112/PMK.03/2022).
    public static func isNPWP(_ d: [UInt8]) -> Bool {
        if d.count == 15 { return d.contains { $0 != 0 } }
        if d.count == 16 { return d[0] == 0 || isNIK(d) }
        return false
    }

    public static func luhn(_ d: [UInt8]) -> Bool {
        var sum = 0
        for (index, digit) in d.reversed().enumerated() {
            var value = Int(digit)
            if index % 2 == 1 { value *= 2; if value > 9 { value -= 9 } }
            sum += value
        }
        return sum % 10 == 0
    }

    /// Indonesian mobile numbers: 08[1-9] (or 628 / +628) with 10 to 13 digits in national form.
    public static func isMobile(_ d: [UInt8]) -> Bool {
        var national = d
        if national.starts(with: [6, 2]) { national = [0] + national.dropFirst(2) }
        guard national.count >= 10 && national.count <= 13, national.starts(with: [0, 8]), national[2] != 0 else { return false }
        return true
    }

    static func isEmail(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty else { return false }
        let labels = parts[1].split(separator: ".", omittingEmptySubsequences: false)
        return labels.count >= 2 && labels.allSatisfy { !$0.isEmpty } && (labels.last?.count ?? 0) >= 2
    }
}

/// A UTC instant with second precision, independent of Foundation.
///
///     Timestamp(iso8601: "2026-11-20T10:15:00Z")?.isoWeek  // ISOWeek(year: 2026, week: 47)
public struct Timestamp: Sendable, Hashable, Comparable {
    /// Seconds since 1970-01-01T00:00:00Z.
    public var seconds: Int64
    public init(seconds: Int64) { self.seconds = seconds }

    public static func < (a: Timestamp, b: Timestamp) -> Bool { a.seconds < b.seconds }

    /// Civil date and time in UTC.
    public var components: (year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int) {
        let days = Int(floorDiv(seconds, 86_400))
        let rem = Int(seconds - Int64(days) * 86_400)
        let (y, m, d) = Timestamp.civil(fromDays: days)
        return (y, m, d, rem / 3600, (rem / 60) % 60, rem % 60)
    }

    /// RFC 3339 form, always UTC with `Z`: `2026-11-20T10:15:00Z`.
    public var iso8601: String {
        let c = components
        return "\(pad(c.year, 4))-\(pad(c.month, 2))-\(pad(c.day, 2))T\(pad(c.hour, 2)):\(pad(c.minute, 2)):\(pad(c.second, 2))Z"
    }

    /// Day index since 1970-01-01 (negative before).
    public var dayNumber: Int { Int(floorDiv(seconds, 86_400)) }

    /// 1 = Monday … 7 = Sunday.
    public var weekday: Int { Int(((Int64(dayNumber) % 7) + 7 + 3) % 7) + 1 }

    /// The ISO 8601 week this instant falls in (UTC).
    public var isoWeek: ISOWeek {
        let days = dayNumber
        let thursday = days - (weekday - 1) + 3
        let (year, _, _) = Timestamp.civil(fromDays: thursday)
        let jan1 = Timestamp.days(fromCivil: year, 1, 1)
        return ISOWeek(year: year, week: (thursday - jan1) / 7 + 1)
    }

    public init?(year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0, second: Int = 0, offsetSeconds: Int = 0) {
        guard (1...12).contains(month), (1...31).contains(day), (0...23).contains(hour), (0...59).contains(minute),
              (0...60).contains(second), day <= Timestamp.daysIn(month: month, year: year) else { return nil }
        let days = Int64(Timestamp.days(fromCivil: year, month, day))
        seconds = days * 86_400 + Int64(hour * 3600 + minute * 60 + min(second, 59)) - Int64(offsetSeconds)
    }

    // Howard Hinnant's civil-from-days algorithms (public domain).
    public static func days(fromCivil y0: Int, _ m: Int, _ d: Int) -> Int {
        let y = m <= 2 ? y0 - 1 : y0
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (m + 9) % 12
        let doy = (153 * mp + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    public static func civil(fromDays z0: Int) -> (Int, Int, Int) {
        let z = z0 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let y = yoe + era * 400
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (m <= 2 ? y + 1 : y, m, d)
    }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}

private func floorDiv(_ a: Int64, _ b: Int64) -> Int64 { a >= 0 ? a / b : -((-a + b - 1) / b) }

func pad(_ v: Int, _ width: Int) -> String {
    let s = String(v < 0 ? -v : v)
    return (v < 0 ? "-" : "") + String(repeating: "0", count: max(0, width - s.count)) + s
}

/// An ISO 8601 week (`2026-W47`).
public struct ISOWeek: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var year: Int
    public var week: Int
    public init(year: Int, week: Int) { self.year = year; self.week = week }

    /// Parses `2026-W47` (also `2026W47`).
    public init?(_ text: String) {
        let parts = text.uppercased().split(separator: "W", omittingEmptySubsequences: false)
        guard parts.count == 2 else { return nil }
        let y = parts[0].hasSuffix("-") ? parts[0].dropLast() : parts[0]
        guard let year = Int(y), let week = Int(parts[1]), week >= 1, week <= ISOWeek.weeks(in: year) else { return nil }
        self.year = year; self.week = week
    }

    public var description: String { "\(pad(year, 4))-W\(pad(week, 2))" }
    public static func < (a: ISOWeek, b: ISOWeek) -> Bool { (a.year, a.week) < (b.year, b.week) }

    /// Monday 00:00 UTC of this week.
    public var start: Timestamp {
        let jan4 = Timestamp.days(fromCivil: year, 1, 4)
        let jan4Weekday = Timestamp(seconds: Int64(jan4) * 86_400).weekday
        let monday = jan4 - (jan4Weekday - 1) + (week - 1) * 7
        return Timestamp(seconds: Int64(monday) * 86_400)
    }

    /// The week `n` weeks later (negative for earlier).
    public func adding(weeks n: Int) -> ISOWeek {
        Timestamp(seconds: start.seconds + Int64(n) * 7 * 86_400 + 3 * 86_400).isoWeek
    }

    public static func weeks(in year: Int) -> Int {
        Timestamp(seconds: Int64(Timestamp.days(fromCivil: year, 12, 28)) * 86_400).isoWeek.week
    }
}

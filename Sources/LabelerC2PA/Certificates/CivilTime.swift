import Foundation

/// Calendar date and time (proleptic Gregorian, UTC) to `Date`, without a `Calendar`: the
/// number of days since 1970-01-01 (counted in 400-year eras of 146 097 days, years starting on
/// 1 March so the leap day comes last) times 86 400, plus the time of day.
/// Certificate times are UTC by definition (RFC 5280 §4.1.2.5.1/§4.1.2.5.2).
enum CivilTime {
    static func date(_ year: Int, _ month: Int, _ day: Int, _ hours: Int, _ minutes: Int, _ seconds: Int) -> Date {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        let days = era * 146_097 + dayOfEra - 719_468
        return Date(timeIntervalSince1970: TimeInterval(days * 86_400 + hours * 3600 + minutes * 60 + seconds))
    }
}

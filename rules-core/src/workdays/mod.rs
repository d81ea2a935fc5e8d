//! Working days and the date rules of *omgekeerd toewijzen* (Haarlem council
//! motion 2016). `calendar`: which days are working days (Algemene
//! termijnenwet art. 3 built in, closed days as data); `procedure`: the
//! motion's steps (decision → conversation → start → evaluation window →
//! final indication) with the deadlines of a package's dated procedure.

pub mod calendar;
pub mod procedure;

use crate::date::Date;

pub use calendar::{easter, public_holiday, Calendar, ClosedDay};

// The national calendar (no closed days), as before the calendar became data.

pub fn is_working_day(date: Date) -> bool {
    Calendar::national().is_working_day(date)
}

/// `date` itself when it is a working day, otherwise the next working day.
pub fn on_or_next_working_day(date: Date) -> Date {
    Calendar::national().on_or_next_working_day(date)
}

/// The `n`-th working day after `date` (`n` ≥ 0; 0 gives `date`).
pub fn add_working_days(date: Date, n: u32) -> Date {
    Calendar::national().add_working_days(date, n)
}

/// Working days after `from` up to and including `to` (0 when `to` ≤ `from`).
pub fn working_days_between(from: Date, to: Date) -> u32 {
    Calendar::national().working_days_between(from, to)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        Date::parse(s).unwrap()
    }

    #[test]
    fn knows_the_dutch_public_holidays() {
        assert_eq!(easter(2024), d("2024-03-31"));
        assert_eq!(easter(2025), d("2025-04-20"));
        assert_eq!(easter(2026), d("2026-04-05"));
        assert_eq!(public_holiday(d("2026-04-06")), Some("Tweede Paasdag"));
        assert_eq!(public_holiday(d("2026-05-14")), Some("Hemelvaartsdag"));
        assert_eq!(public_holiday(d("2026-05-25")), Some("Tweede Pinksterdag"));
        assert_eq!(public_holiday(d("2026-04-27")), Some("Koningsdag"));
        // 27 April 2025 was a Sunday: Koningsdag on Saturday the 26th.
        assert_eq!(public_holiday(d("2025-04-26")), Some("Koningsdag"));
        assert_eq!(public_holiday(d("2025-04-27")), None);
        assert_eq!(public_holiday(d("2026-04-03")), None); // Goede Vrijdag is not one
        assert!(is_working_day(d("2026-11-25")));
        assert!(!is_working_day(d("2026-11-28")));
    }

    #[test]
    fn counts_working_days_around_weekends_and_holidays() {
        // Thursday 23 Dec 2027 + 3 working days: Fri 24, (25/26 Christmas, weekend), Mon 27, Tue 28.
        assert_eq!(add_working_days(d("2027-12-23"), 3), d("2027-12-28"));
        // Friday before Pentecost 2026 (22 May): Tue 26, Wed 27, Thu 28.
        assert_eq!(add_working_days(d("2026-05-22"), 3), d("2026-05-28"));
        assert_eq!(working_days_between(d("2026-05-22"), d("2026-05-28")), 3);
        assert_eq!(working_days_between(d("2026-05-22"), d("2026-05-22")), 0);
    }
}

//! The working-day calendar as data: Monday to Friday, minus the days of the
//! Algemene termijnenwet (art. 3, built in), minus the closed days a package
//! or its municipal overlay lists (each with a source or a provisional reason).
//!
//! Art. 3 lid 1 names: nieuwjaarsdag, tweede paasdag, Hemelvaartsdag, tweede
//! pinksterdag, both Christmas days, the day of the King's birthday as
//! celebrated (27 April, or Saturday 26 April when the 27th is a Sunday, as in
//! 2025 and 2031) and 5 May. Goede Vrijdag is NOT one of them (a municipality
//! that closes then lists it as a closed day); 5 May is one every year (the
//! act does not limit it to lustrum years).

use crate::date::Date;

/// Easter Sunday (anonymous Gregorian algorithm).
pub fn easter(year: i32) -> Date {
    let a = year % 19;
    let b = year / 100;
    let c = year % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    // Valid for every year Date supports.
    Date::from_ymd(year, month as u32, day as u32).unwrap_or(Date::from_days(0))
}

/// The name of the Algemene termijnenwet day on `date`, if it is one.
pub fn public_holiday(date: Date) -> Option<&'static str> {
    let (y, m, d) = date.ymd();
    match (m, d) {
        (1, 1) => return Some("Nieuwjaarsdag"),
        (5, 5) => return Some("Bevrijdingsdag"),
        (12, 25) => return Some("Eerste Kerstdag"),
        (12, 26) => return Some("Tweede Kerstdag"),
        _ => {}
    }
    // Koningsdag: 27 April, or the 26th when the 27th is a Sunday.
    let kings = Date::from_ymd(y, 4, 27).map(|k| if k.weekday() == 7 { k.add_days(-1) } else { k });
    if kings == Some(date) {
        return Some("Koningsdag");
    }
    let e = easter(y);
    match date.days() - e.days() {
        1 => Some("Tweede Paasdag"),
        39 => Some("Hemelvaartsdag"),
        50 => Some("Tweede Pinksterdag"),
        _ => None,
    }
}

/// A day the municipality (or the package) lists as closed, e.g. a closing
/// day between Christmas and New Year. Its citation lives in the package.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClosedDay {
    pub date: Date,
    pub label: String,
}

/// Why a day is not a working day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NonWorking<'a> {
    Weekend,
    /// An Algemene termijnenwet day.
    Holiday(&'static str),
    /// A closed day listed by the package or overlay.
    Closed(&'a str),
}

/// Working days: Monday to Friday minus the built-in days minus `closed`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Calendar {
    /// Sorted by date, one entry per date.
    closed: Vec<ClosedDay>,
}

impl Calendar {
    /// Only the Algemene termijnenwet days.
    pub fn national() -> Calendar {
        Calendar::default()
    }

    /// The national calendar plus `closed` (any order; a date listed twice keeps the first label).
    pub fn with_closed_days(mut closed: Vec<ClosedDay>) -> Calendar {
        closed.sort_by_key(|c| c.date);
        closed.dedup_by_key(|c| c.date);
        Calendar { closed }
    }

    pub fn closed_days(&self) -> &[ClosedDay] {
        &self.closed
    }

    /// Why `date` is not a working day, or `None` when it is one.
    pub fn non_working(&self, date: Date) -> Option<NonWorking<'_>> {
        if let Some(name) = public_holiday(date) {
            return Some(NonWorking::Holiday(name));
        }
        if date.weekday() > 5 {
            return Some(NonWorking::Weekend);
        }
        self.closed
            .binary_search_by_key(&date, |c| c.date)
            .ok()
            .and_then(|i| self.closed.get(i))
            .map(|c| NonWorking::Closed(&c.label))
    }

    pub fn is_working_day(&self, date: Date) -> bool {
        self.non_working(date).is_none()
    }

    /// `date` itself when it is a working day, otherwise the next working day.
    pub fn on_or_next_working_day(&self, date: Date) -> Date {
        let mut d = date;
        while !self.is_working_day(d) {
            d = d.add_days(1);
        }
        d
    }

    /// The `n`-th working day after `date` (`n` ≥ 0; 0 gives `date`).
    pub fn add_working_days(&self, date: Date, n: u32) -> Date {
        let mut d = date;
        let mut left = n;
        while left > 0 {
            d = d.add_days(1);
            if self.is_working_day(d) {
                left -= 1;
            }
        }
        d
    }

    /// Working days after `from` up to and including `to` (0 when `to` ≤ `from`).
    pub fn working_days_between(&self, from: Date, to: Date) -> u32 {
        let mut n = 0;
        let mut d = from;
        while d < to {
            d = d.add_days(1);
            if self.is_working_day(d) {
                n += 1;
            }
        }
        n
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        Date::parse(s).unwrap()
    }

    /// Every built-in day of 2025, 2026, 2027 and 2031, checked against the
    /// published calendars (rijksoverheid.nl), not against the algorithm.
    #[test]
    fn built_in_days_2025_to_2027_and_2031() {
        let expected: &[(&str, &[&str])] = &[
            (
                "2025",
                &[
                    "2025-01-01",
                    "2025-04-21",
                    "2025-04-26",
                    "2025-05-05",
                    "2025-05-29",
                    "2025-06-09",
                    "2025-12-25",
                    "2025-12-26",
                ],
            ),
            (
                "2026",
                &[
                    "2026-01-01",
                    "2026-04-06",
                    "2026-04-27",
                    "2026-05-05",
                    "2026-05-14",
                    "2026-05-25",
                    "2026-12-25",
                    "2026-12-26",
                ],
            ),
            (
                "2027",
                &[
                    "2027-01-01",
                    "2027-03-29",
                    "2027-04-27",
                    "2027-05-05",
                    "2027-05-06",
                    "2027-05-17",
                    "2027-12-25",
                    "2027-12-26",
                ],
            ),
            (
                "2031",
                &[
                    "2031-01-01",
                    "2031-04-14",
                    "2031-04-26",
                    "2031-05-05",
                    "2031-05-22",
                    "2031-06-02",
                    "2031-12-25",
                    "2031-12-26",
                ],
            ),
        ];
        for (year, days) in expected {
            let y: i32 = year.parse().unwrap();
            let mut found = Vec::new();
            let mut day = Date::from_ymd(y, 1, 1).unwrap();
            while day.ymd().0 == y {
                if public_holiday(day).is_some() {
                    found.push(day.to_string());
                }
                day = day.add_days(1);
            }
            assert_eq!(found, days.iter().map(|s| s.to_string()).collect::<Vec<_>>(), "{year}");
        }
        // Koningsdag on a Sunday moves to Saturday: the 27th itself is an ordinary Sunday.
        assert_eq!(public_holiday(d("2025-04-27")), None);
        assert_eq!(public_holiday(d("2031-04-27")), None);
        // Goede Vrijdag is not a termijnenwet day.
        assert_eq!(public_holiday(d("2026-04-03")), None);
        assert!(Calendar::national().is_working_day(d("2026-04-03")));
    }

    #[test]
    fn closed_days_are_not_working_days() {
        let cal = Calendar::with_closed_days(vec![
            ClosedDay { date: d("2026-12-28"), label: "Collectieve sluitingsdag".into() },
            ClosedDay { date: d("2026-04-03"), label: "Goede Vrijdag".into() },
        ]);
        assert_eq!(cal.non_working(d("2026-04-03")), Some(NonWorking::Closed("Goede Vrijdag")));
        assert_eq!(cal.non_working(d("2026-12-26")), Some(NonWorking::Holiday("Tweede Kerstdag")));
        assert_eq!(cal.non_working(d("2026-12-27")), Some(NonWorking::Weekend));
        // Thu 24 Dec 2026 + 1 working day: 25/26 holidays, 27 Sunday, 28 closed → Tue 29.
        assert_eq!(cal.add_working_days(d("2026-12-24"), 1), d("2026-12-29"));
        assert_eq!(Calendar::national().add_working_days(d("2026-12-24"), 1), d("2026-12-28"));
        assert_eq!(cal.working_days_between(d("2026-12-24"), d("2026-12-29")), 1);
        assert_eq!(cal.on_or_next_working_day(d("2026-12-25")), d("2026-12-29"));
    }

    #[test]
    fn counts_around_easter_ascension_whitsun_and_kings_day() {
        let cal = Calendar::national();
        // Thursday 23 Dec 2027 + 3: Fri 24, (25/26 Christmas + weekend), Mon 27, Tue 28.
        assert_eq!(cal.add_working_days(d("2027-12-23"), 3), d("2027-12-28"));
        // Friday before Pentecost 2026 (22 May): Tue 26, Wed 27, Thu 28.
        assert_eq!(cal.add_working_days(d("2026-05-22"), 3), d("2026-05-28"));
        // Friday 25 April 2025, day before Koningsdag (Sat 26): Mon 28, Tue 29, Wed 30.
        assert_eq!(cal.add_working_days(d("2025-04-25"), 3), d("2025-04-30"));
        // Friday 25 April 2031, day before Koningsdag (Sat 26): Mon 28, Tue 29, Wed 30.
        assert_eq!(cal.add_working_days(d("2031-04-25"), 3), d("2031-04-30"));
        // Monday 26 April 2027, day before Koningsdag (Tue 27): Wed 28, Thu 29, Fri 30.
        assert_eq!(cal.add_working_days(d("2027-04-26"), 3), d("2027-04-30"));
        // Wednesday 4 May 2027: 5 May (Wed) and Ascension (Thu 6) both off → Fri 7, Mon 10, Tue 11.
        assert_eq!(cal.add_working_days(d("2027-05-04"), 3), d("2027-05-11"));
        // Thursday 17 April 2025 (Good Friday is a working day): Fri 18, Tue 22, Wed 23.
        assert_eq!(cal.add_working_days(d("2025-04-17"), 3), d("2025-04-23"));
        // New Year 2027 is a Friday: Thu 31 Dec 2026 + 1 → Mon 4 Jan.
        assert_eq!(cal.add_working_days(d("2026-12-31"), 1), d("2027-01-04"));
    }
}

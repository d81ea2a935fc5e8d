//! Working days and the date rules of *omgekeerd toewijzen* (Haarlem council
//! motion 2016). `calendar`: which days are working days (Algemene
//! termijnenwet art. 3 built in, closed days as data); `procedure`: the
//! motion's steps (decision → conversation → start → evaluation window →
//! final indication) with the deadlines of a package's dated procedure.

pub mod calendar;
pub mod procedure;

use serde::Serialize;

use crate::date::Date;
use crate::error::Error;

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

// The intake-based plan below is what the widget's provider mode used before
// the motion's steps (`procedure::plan`); it stays until the widget moves over.

/// Working days within which help should start after the intake.
pub const START_WITHIN_WORKING_DAYS: u32 = 3;
/// The evaluation window: four to six weeks after the start.
pub const EVALUATION_FROM_DAYS: i32 = 28;
pub const EVALUATION_UNTIL_DAYS: i32 = 42;

/// The dates of one omgekeerd-toewijzen trajectory.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Plan {
    pub intake: String,
    pub start: String,
    /// Last working day on which a start is on time (intake + 3 working days).
    pub start_deadline: String,
    /// Working days from intake to start.
    pub start_working_days: u32,
    pub start_late: bool,
    /// First and last day of the evaluation window (edges moved to working days).
    pub evaluation_from: String,
    pub evaluation_until: String,
    /// Plain-Dutch warnings (late start, evaluation outside the window).
    pub warnings: Vec<String>,
    /// When an evaluation date is given: whether it falls in the window.
    pub evaluation: Option<String>,
    pub evaluation_in_window: Option<bool>,
}

/// The plan; dates in the wrong order are refused with `start_before_intake`
/// or `evaluation_before_start`, a window beyond the supported dates with
/// `date_out_of_range`.
pub fn plan(intake: Date, start: Date, evaluation: Option<Date>) -> Result<Plan, Error> {
    if start < intake {
        return Err(Error::StartBeforeIntake);
    }
    if let Some(e) = evaluation.filter(|e| *e < start) {
        return Err(Error::EvaluationBeforeStart { start: start.to_string(), evaluation: e.to_string() });
    }
    // Refused before any counting, as the procedure's plan does.
    procedure::check_plan_date(intake)?;
    procedure::check_plan_date(start)?;
    let deadline = add_working_days(intake, START_WITHIN_WORKING_DAYS);
    let start_working_days = working_days_between(intake, start);
    let start_late = start > deadline;
    let from = on_or_next_working_day(start.add_days(EVALUATION_FROM_DAYS));
    let until = on_or_next_working_day(start.add_days(EVALUATION_UNTIL_DAYS));
    let mut warnings = Vec::new();
    if start_late {
        warnings.push(format!(
            "De hulp start {start_working_days} werkdagen na de intake. Afgesproken is uiterlijk {START_WITHIN_WORKING_DAYS} werkdagen (uiterlijk {deadline})."
        ));
    }
    let in_window = evaluation.map(|e| from <= e && e <= until);
    if in_window == Some(false) {
        warnings.push(format!(
            "De evaluatie valt buiten de periode van vier tot zes weken na de start ({from} tot en met {until})."
        ));
    }
    Ok(Plan {
        intake: intake.to_string(),
        start: start.to_string(),
        start_deadline: deadline.to_string(),
        start_working_days,
        start_late,
        evaluation_from: from.to_string(),
        evaluation_until: until.to_string(),
        warnings,
        evaluation: evaluation.map(|e| e.to_string()),
        evaluation_in_window: in_window,
    })
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

    #[test]
    fn plans_the_trajectory() {
        // Intake Monday 2 Nov 2026; start Friday 6 Nov is 4 working days later: late.
        let p = plan(d("2026-11-02"), d("2026-11-06"), None).unwrap();
        assert_eq!(p.start_deadline, "2026-11-05");
        assert!(p.start_late);
        // 6 Nov + 28 = Fri 4 Dec; + 42 = Fri 18 Dec.
        assert_eq!((p.evaluation_from.as_str(), p.evaluation_until.as_str()), ("2026-12-04", "2026-12-18"));
        // Start Sat 7 Nov 2026 → +28 = Sat 5 Dec → Mon 7 Dec; +42 = Sat 19 Dec → Mon 21 Dec.
        let p = plan(d("2026-11-02"), d("2026-11-07"), Some(d("2026-12-21"))).unwrap();
        assert_eq!((p.evaluation_from.as_str(), p.evaluation_until.as_str()), ("2026-12-07", "2026-12-21"));
        assert_eq!(p.evaluation_in_window, Some(true));
        // Start 14 Nov 2026 +42 = 26 Dec (Tweede Kerstdag, Saturday) → Mon 28 Dec.
        let p = plan(d("2026-11-12"), d("2026-11-14"), Some(d("2026-12-29"))).unwrap();
        assert_eq!(p.evaluation_until, "2026-12-28");
        assert_eq!(p.evaluation_in_window, Some(false));
        assert_eq!(p.warnings.len(), 1);
        assert_eq!(plan(d("2026-11-02"), d("2026-11-01"), None), Err(Error::StartBeforeIntake));
    }

    #[test]
    fn refuses_a_plan_beyond_the_supported_dates() {
        let e = plan(d("2999-12-30"), d("2999-12-31"), None).unwrap_err();
        assert_eq!(e.code(), "date_out_of_range");
        // The last year a plan counts in plans fine.
        let p = plan(d("2997-11-01"), d("2997-11-04"), None).unwrap();
        assert!(p.evaluation_until.starts_with("2997-12-"), "{}", p.evaluation_until);
    }
}

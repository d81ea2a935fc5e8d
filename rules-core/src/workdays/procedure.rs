//! The steps of *omgekeerd toewijzen* as Haarlem's council motion (2016)
//! describes them, with the deadlines of a dated procedure entry:
//!
//! 1. the municipality decides **whether** household help is needed (decision date);
//! 2. provider and resident talk about **how much**, within N working days of the decision;
//! 3. help starts the same day as that conversation, or at the latest M working days after it;
//! 4. evaluation and adjustment, from A to B days after the start;
//! 5. the hours are recorded in the decision (*beschikking*) with the final indication.
//!
//! The numbers are data (a package's `procedure` list); without one the
//! motion's own example applies ([`ProcedureEntry::motion`]).

use serde::Serialize;

use super::calendar::Calendar;
use crate::date::Date;
use crate::error::Error;

/// The document id the defaults are cited to.
pub const MOTION_DOCUMENT: &str = "haarlem-motie-2016";
/// Where in the motion the defaults stand.
pub const MOTION_LOCATOR: &str = "Overwegende dat, alternatieve procedure: 'zo snel mogelijk (bijvoorbeeld binnen drie werkdagen) in gesprek gaan', 'deze activiteiten gelijk gaan uitvoeren' (uiterlijk de eerstvolgende werkdag), 'na vier tot zes weken evalueren en bijstellen' (28 tot 42 dagen)";
/// Largest amount a procedure period may have (one year), so every plan stays within the dates the core supports.
pub const MAX_PERIOD_AMOUNT: u32 = 366;
/// Plan dates must lie in these years (the core's dates run to 2999; the margin leaves room for the periods).
pub const FIRST_PLAN_YEAR: i32 = 1900;
pub const LAST_PLAN_YEAR: i32 = 2997;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PeriodUnit {
    WorkingDays,
    Days,
}

impl PeriodUnit {
    pub fn as_str(self) -> &'static str {
        match self {
            PeriodUnit::WorkingDays => "working_days",
            PeriodUnit::Days => "days",
        }
    }

    /// Dutch, for sentences ("3 werkdagen", "28 dagen").
    fn dutch(self, amount: u32) -> &'static str {
        match (self, amount) {
            (PeriodUnit::WorkingDays, 1) => "werkdag",
            (PeriodUnit::WorkingDays, _) => "werkdagen",
            (PeriodUnit::Days, 1) => "dag",
            (PeriodUnit::Days, _) => "dagen",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Period {
    pub amount: u32,
    pub unit: PeriodUnit,
}

impl Period {
    pub const fn working_days(amount: u32) -> Period {
        Period { amount, unit: PeriodUnit::WorkingDays }
    }

    pub const fn days(amount: u32) -> Period {
        Period { amount, unit: PeriodUnit::Days }
    }

    /// The date `self` after `from`: counted in working days, or in calendar
    /// days with a result on a non-working day moved to the next working day.
    fn after(self, calendar: &Calendar, from: Date) -> Date {
        match self.unit {
            PeriodUnit::WorkingDays => calendar.add_working_days(from, self.amount),
            PeriodUnit::Days => calendar.on_or_next_working_day(from.add_days(self.amount as i32)),
        }
    }

    fn text(self) -> String {
        format!("{} {}", self.amount, self.unit.dutch(self.amount))
    }
}

/// "28 tot 42 dagen", or "20 werkdagen tot 42 dagen" when the units differ.
fn range_text(from: Period, until: Period) -> String {
    if from.unit == until.unit {
        format!("{} tot {}", from.amount, until.text())
    } else {
        format!("{} tot {}", from.text(), until.text())
    }
}

/// Where a procedure entry's numbers come from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum Citation {
    Source { document: String, locator: String },
    Provisional { provisional: String },
}

/// One dated entry of a procedure list: it applies from `valid_from` until
/// the next entry's `valid_from`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ProcedureEntry {
    #[serde(serialize_with = "date_text")]
    pub valid_from: Date,
    pub conversation_within: Period,
    pub start_within: Period,
    pub evaluation_from: Period,
    pub evaluation_until: Period,
    #[serde(flatten)]
    pub citation: Citation,
}

fn date_text<S: serde::Serializer>(date: &Date, s: S) -> Result<S::Ok, S::Error> {
    s.collect_str(date)
}

impl ProcedureEntry {
    /// The motion's own example: 3 working days, start within 1 working day,
    /// evaluate 28 to 42 days after the start. Applies to every date.
    pub fn motion() -> ProcedureEntry {
        ProcedureEntry {
            valid_from: Date::from_ymd(FIRST_PLAN_YEAR, 1, 1).unwrap_or(Date::from_days(0)),
            conversation_within: Period::working_days(3),
            start_within: Period::working_days(1),
            evaluation_from: Period::days(28),
            evaluation_until: Period::days(42),
            citation: Citation::Source { document: MOTION_DOCUMENT.into(), locator: MOTION_LOCATOR.into() },
        }
    }

    /// Whether this is the motion's default (no package procedure applied).
    pub fn is_motion_default(&self) -> bool {
        *self == ProcedureEntry::motion()
    }

    fn periods(&self) -> [(&'static str, Period); 4] {
        [
            ("conversation_within", self.conversation_within),
            ("start_within", self.start_within),
            ("evaluation_from", self.evaluation_from),
            ("evaluation_until", self.evaluation_until),
        ]
    }

    /// Checks the amounts (at most [`MAX_PERIOD_AMOUNT`], window from ≤ until in the same unit).
    /// `path` names the entry in the package (e.g. `procedure[0]`).
    pub fn check(&self, path: &str) -> Result<(), Error> {
        for (name, p) in self.periods() {
            if p.amount > MAX_PERIOD_AMOUNT {
                return Err(Error::package(
                    format!("{path}.{name}.amount"),
                    format!("{} is te groot (hoogstens {MAX_PERIOD_AMOUNT})", p.amount),
                ));
            }
        }
        if self.evaluation_from.unit == self.evaluation_until.unit
            && self.evaluation_from.amount > self.evaluation_until.amount
        {
            return Err(Error::package(
                format!("{path}.evaluation_until"),
                "het einde van de evaluatieperiode ligt vóór het begin",
            ));
        }
        Ok(())
    }
}

/// Picks the entry of `entries` that applies on `date`: the latest
/// `valid_from` ≤ `date`. `None` when all entries start later.
pub fn entry_on(entries: &[ProcedureEntry], date: Date) -> Option<&ProcedureEntry> {
    entries.iter().filter(|e| e.valid_from <= date).max_by_key(|e| e.valid_from)
}

/// The dates a provider enters; only the decision is required.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct PlanDates {
    pub decision: Option<Date>,
    pub conversation: Option<Date>,
    pub start: Option<Date>,
    pub evaluation: Option<Date>,
}

/// One of the motion's five steps, with who decides and its dates.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Step {
    /// `decision`, `conversation`, `start`, `evaluation`, `final`.
    pub id: &'static str,
    /// `gemeente`, `aanbieder en inwoner` or `aanbieder`.
    pub who: &'static str,
    /// What happens in this step, in plain Dutch (B1), with its deadline or window.
    pub text: String,
    /// The date entered for this step, when there is one.
    pub date: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PlanWarning {
    /// `conversation_late`, `start_late` or `evaluation_outside_window`.
    pub code: &'static str,
    pub message: String,
}

/// The dates of one trajectory under one procedure entry.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Plan {
    /// The procedure entry that applied (on the decision date).
    pub procedure: ProcedureEntry,
    pub decision: String,
    /// Last day on which the conversation is on time.
    pub conversation_deadline: String,
    pub conversation: Option<String>,
    /// Working days from the decision to the conversation.
    pub conversation_working_days: Option<u32>,
    pub conversation_late: Option<bool>,
    /// Last day on which the start is on time (needs the conversation date).
    pub start_deadline: Option<String>,
    pub start: Option<String>,
    /// Working days from the conversation to the start.
    pub start_working_days: Option<u32>,
    pub start_late: Option<bool>,
    /// First and last day of the evaluation window (needs the start date).
    pub evaluation_from: Option<String>,
    pub evaluation_until: Option<String>,
    pub evaluation: Option<String>,
    /// Working days from the start to the evaluation.
    pub evaluation_working_days: Option<u32>,
    pub evaluation_in_window: Option<bool>,
    pub steps: Vec<Step>,
    pub warnings: Vec<PlanWarning>,
}

/// Refuses dates the plan cannot count from (checked before any counting).
pub fn check_plan_date(date: Date) -> Result<Date, Error> {
    let year = date.ymd().0;
    if (FIRST_PLAN_YEAR..=LAST_PLAN_YEAR).contains(&year) {
        Ok(date)
    } else {
        Err(Error::DateOutOfRange {
            value: date.to_string(),
            min: format!("{FIRST_PLAN_YEAR}-01-01"),
            max: format!("{LAST_PLAN_YEAR}-12-31"),
        })
    }
}

/// The plan for `dates` under `entry` and `calendar`.
pub fn plan(entry: &ProcedureEntry, calendar: &Calendar, dates: &PlanDates) -> Result<Plan, Error> {
    entry.check("procedure")?;
    let decision = dates.decision.ok_or(Error::MissingPlanDate { date: "een plan", needs: "het besluit" })?;
    for d in [Some(decision), dates.conversation, dates.start, dates.evaluation].into_iter().flatten() {
        check_plan_date(d)?;
    }
    if dates.start.is_some() && dates.conversation.is_none() {
        return Err(Error::MissingPlanDate { date: "de start", needs: "het gesprek" });
    }
    if dates.evaluation.is_some() && dates.start.is_none() {
        return Err(Error::MissingPlanDate { date: "de evaluatie", needs: "de start" });
    }
    if let Some(c) = dates.conversation.filter(|c| *c < decision) {
        return Err(Error::ConversationBeforeDecision { decision: decision.to_string(), conversation: c.to_string() });
    }
    if let (Some(c), Some(s)) = (dates.conversation, dates.start) {
        if s < c {
            return Err(Error::StartBeforeConversation { conversation: c.to_string(), start: s.to_string() });
        }
    }
    if let (Some(s), Some(e)) = (dates.start, dates.evaluation) {
        if e < s {
            return Err(Error::EvaluationBeforeStart { start: s.to_string(), evaluation: e.to_string() });
        }
    }

    let mut warnings = Vec::new();
    let conversation_deadline = entry.conversation_within.after(calendar, decision);
    let conversation_working_days = dates.conversation.map(|c| calendar.working_days_between(decision, c));
    let conversation_late = dates.conversation.map(|c| c > conversation_deadline);
    if let (Some(true), Some(n)) = (conversation_late, conversation_working_days) {
        warnings.push(PlanWarning {
            code: "conversation_late",
            message: format!(
                "Het gesprek over hoeveel hulp nodig is, is {n} {} na het besluit. Afgesproken is binnen {} (uiterlijk {conversation_deadline}).",
                PeriodUnit::WorkingDays.dutch(n),
                entry.conversation_within.text()
            ),
        });
    }

    let start_deadline = dates.conversation.map(|c| entry.start_within.after(calendar, c));
    let start_working_days = dates.conversation.zip(dates.start).map(|(c, s)| calendar.working_days_between(c, s));
    let start_late = start_deadline.zip(dates.start).map(|(dl, s)| s > dl);
    if let (Some(true), Some(n), Some(dl)) = (start_late, start_working_days, start_deadline) {
        warnings.push(PlanWarning {
            code: "start_late",
            message: format!(
                "De hulp start {n} {} na het gesprek. Afgesproken is dezelfde dag of binnen {} (uiterlijk {dl}).",
                PeriodUnit::WorkingDays.dutch(n),
                entry.start_within.text()
            ),
        });
    }

    let window =
        dates.start.map(|s| (entry.evaluation_from.after(calendar, s), entry.evaluation_until.after(calendar, s)));
    let evaluation_working_days = dates.start.zip(dates.evaluation).map(|(s, e)| calendar.working_days_between(s, e));
    let in_window = window.zip(dates.evaluation).map(|((from, until), e)| from <= e && e <= until);
    if let (Some(false), Some((from, until))) = (in_window, window) {
        warnings.push(PlanWarning {
            code: "evaluation_outside_window",
            message: format!(
                "De evaluatie valt buiten de afgesproken periode van {} na de start ({from} tot en met {until}).",
                range_text(entry.evaluation_from, entry.evaluation_until)
            ),
        });
    }

    let text = |d: Option<Date>| d.map(|d| d.to_string());
    let start_rule = match start_deadline {
        Some(dl) => format!("uiterlijk {dl}"),
        None => format!("uiterlijk {} na het gesprek", entry.start_within.text()),
    };
    let window_rule = match window {
        Some((from, until)) => format!("tussen {from} en {until}"),
        None => format!("{} na de start", range_text(entry.evaluation_from, entry.evaluation_until)),
    };
    let steps = vec![
        Step {
            id: "decision",
            who: "gemeente",
            text: "De gemeente besluit óf huishoudelijke hulp nodig is.".into(),
            date: Some(decision.to_string()),
        },
        Step {
            id: "conversation",
            who: "aanbieder en inwoner",
            text: format!(
                "De aanbieder en de inwoner spreken samen af hoeveel hulp nodig is (welke taken, hoeveel uur per week), uiterlijk {conversation_deadline}."
            ),
            date: text(dates.conversation),
        },
        Step {
            id: "start",
            who: "aanbieder",
            text: format!("De hulp begint op de dag van het gesprek, of {start_rule}."),
            date: text(dates.start),
        },
        Step {
            id: "evaluation",
            who: "aanbieder en inwoner",
            text: format!("De aanbieder en de inwoner bekijken samen of de hulp past en passen die zo nodig aan, {window_rule}."),
            date: text(dates.evaluation),
        },
        Step {
            id: "final",
            who: "gemeente",
            text: "De gemeente legt de uren na de evaluatie vast in de beschikking.".into(),
            date: None,
        },
    ];

    Ok(Plan {
        procedure: entry.clone(),
        decision: decision.to_string(),
        conversation_deadline: conversation_deadline.to_string(),
        conversation: text(dates.conversation),
        conversation_working_days,
        conversation_late,
        start_deadline: text(start_deadline),
        start: text(dates.start),
        start_working_days,
        start_late,
        evaluation_from: text(window.map(|w| w.0)),
        evaluation_until: text(window.map(|w| w.1)),
        evaluation: text(dates.evaluation),
        evaluation_working_days,
        evaluation_in_window: in_window,
        steps,
        warnings,
    })
}

// The same JSON as the serde derives above, written without serde (the
// resident browser module, `crate::json_out`); tested equal in `tests`.
mod write {
    use super::*;
    use crate::json_out::{JsonOut, WriteJson};

    impl WriteJson for Period {
        fn write_json(&self, out: &mut JsonOut) {
            out.begin_object();
            out.field("amount", &self.amount);
            out.field("unit", self.unit.as_str());
            out.end_object();
        }
    }

    impl WriteJson for ProcedureEntry {
        fn write_json(&self, out: &mut JsonOut) {
            out.begin_object();
            out.key("valid_from");
            out.display(&self.valid_from);
            out.field("conversation_within", &self.conversation_within);
            out.field("start_within", &self.start_within);
            out.field("evaluation_from", &self.evaluation_from);
            out.field("evaluation_until", &self.evaluation_until);
            match &self.citation {
                Citation::Source { document, locator } => {
                    out.field("document", document);
                    out.field("locator", locator);
                }
                Citation::Provisional { provisional } => out.field("provisional", provisional),
            }
            out.end_object();
        }
    }

    impl WriteJson for Step {
        fn write_json(&self, out: &mut JsonOut) {
            out.begin_object();
            out.field("id", self.id);
            out.field("who", self.who);
            out.field("text", &self.text);
            out.field("date", &self.date);
            out.end_object();
        }
    }

    impl WriteJson for PlanWarning {
        fn write_json(&self, out: &mut JsonOut) {
            out.begin_object();
            out.field("code", self.code);
            out.field("message", &self.message);
            out.end_object();
        }
    }

    impl WriteJson for Plan {
        fn write_json(&self, out: &mut JsonOut) {
            out.begin_object();
            out.field("procedure", &self.procedure);
            out.field("decision", &self.decision);
            out.field("conversation_deadline", &self.conversation_deadline);
            out.field("conversation", &self.conversation);
            out.field("conversation_working_days", &self.conversation_working_days);
            out.field("conversation_late", &self.conversation_late);
            out.field("start_deadline", &self.start_deadline);
            out.field("start", &self.start);
            out.field("start_working_days", &self.start_working_days);
            out.field("start_late", &self.start_late);
            out.field("evaluation_from", &self.evaluation_from);
            out.field("evaluation_until", &self.evaluation_until);
            out.field("evaluation", &self.evaluation);
            out.field("evaluation_working_days", &self.evaluation_working_days);
            out.field("evaluation_in_window", &self.evaluation_in_window);
            out.field("steps", &self.steps);
            out.field("warnings", &self.warnings);
            out.end_object();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::workdays::calendar::ClosedDay;

    fn d(s: &str) -> Date {
        Date::parse(s).unwrap()
    }

    fn dates(decision: &str, conversation: Option<&str>, start: Option<&str>, evaluation: Option<&str>) -> PlanDates {
        PlanDates {
            decision: Some(d(decision)),
            conversation: conversation.map(d),
            start: start.map(d),
            evaluation: evaluation.map(d),
        }
    }

    fn motion_plan(p: PlanDates) -> Result<Plan, Error> {
        plan(&ProcedureEntry::motion(), &Calendar::national(), &p)
    }

    #[test]
    fn follows_the_motion_steps() {
        // Decision Mon 2 Nov 2026 → conversation by Thu 5 Nov; conversation Wed 4 → start by Thu 5.
        let p = motion_plan(dates("2026-11-02", Some("2026-11-04"), Some("2026-11-05"), Some("2026-12-07"))).unwrap();
        assert_eq!(p.conversation_deadline, "2026-11-05");
        assert_eq!((p.conversation_working_days, p.conversation_late), (Some(2), Some(false)));
        assert_eq!(p.start_deadline.as_deref(), Some("2026-11-05"));
        assert_eq!((p.start_working_days, p.start_late), (Some(1), Some(false)));
        // 5 Nov + 28 = Thu 3 Dec; + 42 = Thu 17 Dec.
        assert_eq!(
            (p.evaluation_from.as_deref(), p.evaluation_until.as_deref()),
            (Some("2026-12-03"), Some("2026-12-17"))
        );
        assert_eq!(p.evaluation_in_window, Some(true));
        assert!(p.warnings.is_empty());
        assert_eq!(p.steps.iter().map(|s| s.who).collect::<Vec<_>>()[..2], ["gemeente", "aanbieder en inwoner"]);
        assert_eq!(p.steps.len(), 5);
    }

    #[test]
    fn written_without_serde_as_serde_writes_it() {
        let mut provisional = ProcedureEntry::motion();
        provisional.citation = Citation::Provisional { provisional: "nog \"niet\" vastgesteld\n".into() };
        let plans = [
            motion_plan(dates("2026-11-02", Some("2026-11-06"), Some("2026-11-10"), Some("2026-12-31"))).unwrap(),
            motion_plan(dates("2026-11-02", None, None, None)).unwrap(),
            plan(&provisional, &Calendar::national(), &dates("2026-11-02", Some("2026-11-04"), None, None)).unwrap(),
        ];
        for p in &plans {
            assert_eq!(crate::json_out::to_string(p), serde_json::to_string(p).unwrap());
        }
    }

    #[test]
    fn warns_when_late_or_outside_the_window() {
        // Conversation Fri 6 Nov: 4 working days after Mon 2 Nov. Start Mon 9 Nov: 1 working day later (on time).
        let p = motion_plan(dates("2026-11-02", Some("2026-11-06"), Some("2026-11-10"), Some("2026-12-31"))).unwrap();
        let codes: Vec<_> = p.warnings.iter().map(|w| w.code).collect();
        assert_eq!(codes, ["conversation_late", "start_late", "evaluation_outside_window"]);
        assert!(p.warnings[0].message.contains("4 werkdagen na het besluit"), "{}", p.warnings[0].message);
        assert!(p.warnings[0].message.contains("uiterlijk 2026-11-05"));
    }

    #[test]
    fn decision_the_day_before_kings_day() {
        // Fri 25 Apr 2025 (Koningsdag Sat 26): Mon 28, Tue 29, Wed 30.
        let p = motion_plan(dates("2025-04-25", None, None, None)).unwrap();
        assert_eq!(p.conversation_deadline, "2025-04-30");
        // Mon 26 Apr 2027 (Koningsdag Tue 27): Wed 28, Thu 29, Fri 30.
        assert_eq!(motion_plan(dates("2027-04-26", None, None, None)).unwrap().conversation_deadline, "2027-04-30");
        // Fri 25 Apr 2031 (Koningsdag Sat 26, as in 2025).
        assert_eq!(motion_plan(dates("2031-04-25", None, None, None)).unwrap().conversation_deadline, "2031-04-30");
        // Thu 2 Apr 2026: Good Friday is a working day, Easter Monday not: Fri 3, Tue 7, Wed 8.
        assert_eq!(motion_plan(dates("2026-04-02", None, None, None)).unwrap().conversation_deadline, "2026-04-08");
        // Wed 23 Dec 2026: Thu 24, Mon 28, Tue 29.
        assert_eq!(motion_plan(dates("2026-12-23", None, None, None)).unwrap().conversation_deadline, "2026-12-29");
    }

    #[test]
    fn window_edges_move_to_working_days() {
        // Start Sat 14 Nov 2026 + 42 = Sat 26 Dec (Tweede Kerstdag) → Mon 28 Dec.
        let p = motion_plan(dates("2026-11-12", Some("2026-11-13"), Some("2026-11-14"), Some("2026-12-29"))).unwrap();
        assert_eq!(p.evaluation_until.as_deref(), Some("2026-12-28"));
        assert_eq!(p.evaluation_in_window, Some(false));
        // Start Wed 7 Apr 2027 + 28 = Wed 5 May (Bevrijdingsdag); Thu 6 is Ascension → Fri 7.
        let p = motion_plan(dates("2027-04-06", Some("2027-04-07"), Some("2027-04-07"), None)).unwrap();
        assert_eq!(p.evaluation_from.as_deref(), Some("2027-05-07"));
    }

    #[test]
    fn package_entries_and_closed_days() {
        let mut later = ProcedureEntry::motion();
        later.valid_from = d("2027-01-01");
        later.conversation_within = Period::working_days(5);
        later.evaluation_from = Period::working_days(20);
        later.citation = Citation::Provisional { provisional: "nog niet vastgesteld".into() };
        let entries = vec![later.clone(), ProcedureEntry::motion()];
        assert_eq!(entry_on(&entries, d("2026-12-31")).unwrap().conversation_within.amount, 3);
        assert_eq!(entry_on(&entries, d("2027-01-01")).unwrap().conversation_within.amount, 5);
        assert!(entry_on(&entries[..1], d("2026-12-31")).is_none());
        let cal = Calendar::with_closed_days(vec![ClosedDay { date: d("2027-01-04"), label: "sluitingsdag".into() }]);
        let p = plan(&later, &cal, &dates("2027-01-01", Some("2027-01-05"), Some("2027-01-05"), None)).unwrap();
        // Fri 1 Jan (New Year); Mon 4 closed: Tue 5 .. Mon 11 is the 5th working day.
        assert_eq!(p.conversation_deadline, "2027-01-11");
        assert_eq!(p.conversation_working_days, Some(1));
        // 20 working days after Tue 5 Jan 2027: Tue 2 Feb.
        assert_eq!(p.evaluation_from.as_deref(), Some("2027-02-02"));
        let json = serde_json::to_value(&p.procedure).unwrap();
        assert_eq!(json["provisional"], "nog niet vastgesteld");
        assert_eq!(json["conversation_within"]["unit"], "working_days");
    }

    #[test]
    fn refuses_bad_dates_with_codes() {
        let code = |p: PlanDates| motion_plan(p).unwrap_err().code();
        assert_eq!(code(dates("2026-11-02", Some("2026-11-01"), None, None)), "conversation_before_decision");
        assert_eq!(
            code(dates("2026-11-02", Some("2026-11-03"), Some("2026-11-02"), None)),
            "start_before_conversation"
        );
        assert_eq!(
            code(dates("2026-11-02", Some("2026-11-03"), Some("2026-11-03"), Some("2026-11-02"))),
            "evaluation_before_start"
        );
        assert_eq!(code(dates("2026-11-02", None, Some("2026-11-03"), None)), "missing_plan_date");
        assert_eq!(code(PlanDates::default()), "missing_plan_date");
        assert_eq!(code(dates("2999-12-30", None, None, None)), "date_out_of_range");
        let mut huge = ProcedureEntry::motion();
        huge.start_within = Period::working_days(100_000);
        assert_eq!(
            plan(&huge, &Calendar::national(), &dates("2026-11-02", None, None, None)).unwrap_err().code(),
            "invalid_package"
        );
    }
}

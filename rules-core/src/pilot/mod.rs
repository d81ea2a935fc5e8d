//! The pilot report the council asked for (Haarlem motion 2016): providers'
//! records in, a summary (`summary.json`) and a self-contained report for the
//! committee (`report.html`) out. Pure: the caller reads the files (CLI) or
//! the dropped files (browser) and passes their names and bytes.
//!
//! Privacy: counts per district or provider below [`MIN_GROUP`] are shown as
//! "fewer than 5"; free-text reasons appear only with `show_reasons` and
//! only for a question that at least [`MIN_GROUP`] residents changed.
//! Records of different packages or fingerprints form separate groups that
//! are never summed.

mod html;
pub mod record;
mod stats;

use std::collections::BTreeMap;

use serde::Serialize;

use crate::date::Date;
use crate::eval::{ceil_div, evaluate_with, Options};
use crate::package::Package;
use crate::workdays::procedure::{self, ProcedureEntry};
use crate::workdays::Calendar;
use record::{parse_record, Part, Record};

/// Smallest group whose count or reasons are shown.
pub const MIN_GROUP: u64 = 5;
pub const SUMMARY_FORMAT: &str = "urenwijzer-pilot/1";
/// Longest trajectory (decision to evaluation, in days) whose intervals are counted.
const MAX_SPAN_DAYS: i32 = 731;

/// One input file.
#[derive(Debug, Clone, Copy)]
pub struct RecordFile<'a> {
    pub name: &'a str,
    pub bytes: &'a [u8],
}

#[derive(Debug, Clone, Copy, Default)]
pub struct PilotOptions<'a> {
    /// Packages to recompute with (matched by id and fingerprint) and whose procedure applies.
    pub packages: &'a [Package],
    /// Show the free-text reasons for changed answers (they may hold health data).
    pub show_reasons: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Summary {
    pub format: &'static str,
    /// Files given.
    pub files: usize,
    pub unreadable: Vec<Unreadable>,
    pub groups: Vec<Group>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Unreadable {
    pub file: String,
    pub code: &'static str,
    pub reason: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct GroupPackage {
    pub id: String,
    pub title: Option<String>,
    pub fingerprint: Option<String>,
}

/// A count per district or provider; `residents` is null when fewer than [`MIN_GROUP`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Count {
    pub name: String,
    pub residents: Option<u64>,
    pub fewer_than_5: bool,
}

/// Working days between two steps, and how many were on time (within the deadline or window).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Interval {
    pub measured: u64,
    pub median_working_days: Option<String>,
    pub on_time: u64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Bin {
    pub label: &'static str,
    /// Inclusive bounds in minutes per week; null = open-ended.
    pub from: Option<i64>,
    pub to: Option<i64>,
    pub residents: u64,
}

/// Minutes per week of the first estimate against the final indication.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Hours {
    /// Residents with both indications.
    pub measured: u64,
    pub initial_mean: Option<String>,
    pub final_mean: Option<String>,
    pub change_mean: Option<String>,
    pub change_median: Option<String>,
    pub more: u64,
    pub same: u64,
    pub less: u64,
    pub distribution: Vec<Bin>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Recomputed {
    /// Indications recomputed with the same package (same fingerprint).
    pub checked: u64,
    /// Files whose stored indication differs from the recomputed one.
    pub differs: Vec<String>,
    /// Files not recomputed because the package (with that fingerprint) was not given.
    pub not_checked: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ChangedAnswer {
    pub question: String,
    pub residents: u64,
    /// Only with `show_reasons` and at least [`MIN_GROUP`] residents; sorted.
    pub reasons: Option<Vec<String>>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Group {
    pub package: GroupPackage,
    pub residents: u64,
    pub per_district: Vec<Count>,
    pub per_provider: Vec<Count>,
    pub decision_to_conversation: Interval,
    pub conversation_to_start: Interval,
    pub start_to_evaluation: Interval,
    pub hours: Hours,
    pub recomputed: Recomputed,
    pub changed_answers: Vec<ChangedAnswer>,
    /// Format-1 records (migrated: intake taken as the conversation).
    pub format_1: Vec<String>,
    /// Records without a decision date (left out of decision → conversation).
    pub without_decision: Vec<String>,
    pub incomplete: Vec<String>,
}

/// The pilot's result: the summary and the report page.
#[derive(Debug, Clone)]
pub struct Pilot {
    pub summary: Summary,
    pub html: String,
}

impl Summary {
    /// `summary.json`: indented JSON with a final newline.
    pub fn to_json(&self) -> String {
        let mut s = serde_json::to_string_pretty(self).unwrap_or_default();
        s.push('\n');
        s
    }
}

/// The change bins, in minutes per week (final − first estimate).
const BINS: [(&str, Option<i64>, Option<i64>); 7] = [
    ("meer dan 60 minder", None, Some(-61)),
    ("31 tot en met 60 minder", Some(-60), Some(-31)),
    ("1 tot en met 30 minder", Some(-30), Some(-1)),
    ("gelijk", Some(0), Some(0)),
    ("1 tot en met 30 meer", Some(1), Some(30)),
    ("31 tot en met 60 meer", Some(31), Some(60)),
    ("meer dan 60 meer", Some(61), None),
];

/// Records group by package id and fingerprint.
type GroupKey = (String, Option<String>);

/// Records in, summary and report out. Files are reported in name order.
pub fn pilot(files: &[RecordFile<'_>], options: &PilotOptions<'_>) -> Pilot {
    let mut sorted: Vec<&RecordFile<'_>> = files.iter().collect();
    sorted.sort_by(|a, b| a.name.cmp(b.name));
    let mut unreadable = Vec::new();
    let mut groups: BTreeMap<GroupKey, Vec<(&str, Record)>> = BTreeMap::new();
    for f in sorted {
        match parse_record(f.bytes) {
            Ok(r) => groups.entry((r.package_id.clone(), r.fingerprint.clone())).or_default().push((f.name, r)),
            Err(e) => unreadable.push(Unreadable { file: f.name.to_string(), code: e.code(), reason: e.to_string() }),
        }
    }
    let groups = groups.into_values().map(|records| group(&records, options)).collect();
    let summary = Summary { format: SUMMARY_FORMAT, files: files.len(), unreadable, groups };
    let html = html::render(&summary, options.show_reasons);
    Pilot { summary, html }
}

fn counts(names: impl Iterator<Item = String>) -> Vec<Count> {
    let mut map: BTreeMap<String, u64> = BTreeMap::new();
    for n in names {
        *map.entry(n).or_default() += 1;
    }
    map.into_iter()
        .map(|(name, n)| {
            let shown = n >= MIN_GROUP;
            Count { name, residents: shown.then_some(n), fewer_than_5: !shown }
        })
        .collect()
}

fn interval(values: &[(u32, bool)]) -> Interval {
    let days: Vec<i64> = values.iter().map(|(d, _)| i64::from(*d)).collect();
    Interval {
        measured: values.len() as u64,
        median_working_days: stats::median(&days),
        on_time: values.iter().filter(|(_, ok)| *ok).count() as u64,
    }
}

/// The package a record was made with, when given (same id and fingerprint).
fn package_of<'p>(r: &Record, packages: &'p [Package]) -> Option<&'p Package> {
    packages.iter().find(|p| p.id == r.package_id && r.fingerprint.as_deref() == Some(p.fingerprint.as_str()))
}

/// The procedure entry and calendar for a record: its package's (and
/// municipality's) procedure on the decision date when the package is given,
/// else the motion's defaults; `None` (the record stays out of the intervals) when no procedure applies.
fn procedure_for(record: &Record, package: Option<&Package>) -> Option<(ProcedureEntry, Calendar)> {
    let date = record.decision.or(record.conversation)?;
    crate::plan::for_package(package, record.municipality.as_deref(), date).ok()
}

/// Whether recomputing `part` with `package` gives the stored minutes per week.
fn recomputes(package: &Package, record: &Record, part: &Part, fallback_date: Option<Date>) -> bool {
    let Some(date) = part.date.or(fallback_date) else { return false };
    let options = Options { date, municipality: record.municipality.clone() };
    let got = evaluate_with(package, &part.answers, &options, |ind| ceil_div(ind.total, 52));
    matches!((got, part.minutes_per_week), (Ok(g), Some(s)) if g == s)
}

fn group(records: &[(&str, Record)], options: &PilotOptions<'_>) -> Group {
    let first = &records[0].1;
    let mut to_conversation = Vec::new();
    let mut to_start = Vec::new();
    let mut to_evaluation = Vec::new();
    let (mut initial, mut final_, mut change) = (Vec::new(), Vec::new(), Vec::new());
    let mut recomputed = Recomputed { checked: 0, differs: Vec::new(), not_checked: Vec::new() };
    let mut changed: BTreeMap<&str, (u64, Vec<String>)> = BTreeMap::new();
    let (mut format_1, mut without_decision, mut incomplete) = (Vec::new(), Vec::new(), Vec::new());

    for (name, r) in records {
        let package = package_of(r, options.packages);
        if r.format == 1 {
            format_1.push(name.to_string());
        }
        if r.decision.is_none() {
            without_decision.push(name.to_string());
        }
        if !r.complete || r.final_.is_none() {
            incomplete.push(name.to_string());
        }
        // Dates in the wrong order or out of range leave a record out of the intervals.
        let dates = procedure::PlanDates {
            decision: r.decision.or(r.conversation),
            conversation: r.conversation,
            start: r.start.filter(|_| r.conversation.is_some()),
            evaluation: r.evaluation.filter(|_| r.conversation.is_some() && r.start.is_some()),
        };
        // Counting is day by day: a trajectory longer than two years is left out (implausible, and costly).
        let given = [dates.decision, dates.conversation, dates.start, dates.evaluation];
        let span =
            given.iter().flatten().max().zip(given.iter().flatten().min()).map_or(0, |(a, b)| a.days() - b.days());
        let plan = procedure_for(r, package)
            .filter(|_| span <= MAX_SPAN_DAYS)
            .and_then(|(entry, calendar)| procedure::plan(&entry, &calendar, &dates).ok());
        if let Some(plan) = plan {
            if r.decision.is_some() {
                if let (Some(n), Some(late)) = (plan.conversation_working_days, plan.conversation_late) {
                    to_conversation.push((n, !late));
                }
            }
            if let (Some(n), Some(late)) = (plan.start_working_days, plan.start_late) {
                to_start.push((n, !late));
            }
            if let (Some(n), Some(ok)) = (plan.evaluation_working_days, plan.evaluation_in_window) {
                to_evaluation.push((n, ok));
            }
        }
        if let (Some(i), Some(f)) =
            (r.initial.as_ref().and_then(|p| p.minutes_per_week), r.final_.as_ref().and_then(|p| p.minutes_per_week))
        {
            initial.push(i);
            final_.push(f);
            change.push(f - i);
        }
        let parts = [(r.initial.as_ref(), r.conversation), (r.final_.as_ref(), r.evaluation)];
        let stored: Vec<_> =
            parts.iter().filter_map(|(p, d)| p.filter(|p| p.minutes_per_week.is_some()).map(|p| (p, *d))).collect();
        if !stored.is_empty() {
            match package {
                Some(pkg) => {
                    recomputed.checked += stored.len() as u64;
                    if !stored.iter().all(|(p, d)| recomputes(pkg, r, p, *d)) {
                        recomputed.differs.push(name.to_string());
                    }
                }
                None => recomputed.not_checked.push(name.to_string()),
            }
        }
        let mut seen: Vec<&str> = Vec::new();
        for c in &r.changes {
            if seen.contains(&c.question.as_str()) {
                continue;
            }
            seen.push(&c.question);
            let entry = changed.entry(&c.question).or_default();
            entry.0 += 1;
            if let Some(reason) = &c.reason {
                entry.1.push(reason.clone());
            }
        }
    }

    let distribution = BINS
        .iter()
        .map(|(label, from, to)| Bin {
            label,
            from: *from,
            to: *to,
            residents: change.iter().filter(|c| from.is_none_or(|f| **c >= f) && to.is_none_or(|t| **c <= t)).count()
                as u64,
        })
        .collect();
    let hours = Hours {
        measured: change.len() as u64,
        initial_mean: stats::mean(&initial),
        final_mean: stats::mean(&final_),
        change_mean: stats::mean(&change),
        change_median: stats::median(&change),
        more: change.iter().filter(|c| **c > 0).count() as u64,
        same: change.iter().filter(|c| **c == 0).count() as u64,
        less: change.iter().filter(|c| **c < 0).count() as u64,
        distribution,
    };
    let changed_answers = changed
        .into_iter()
        .map(|(question, (n, mut reasons))| {
            reasons.sort();
            ChangedAnswer {
                question: question.to_string(),
                residents: n,
                reasons: (options.show_reasons && n >= MIN_GROUP).then_some(reasons),
            }
        })
        .collect();
    Group {
        package: GroupPackage {
            id: first.package_id.clone(),
            title: records.iter().find_map(|(_, r)| r.package_title.clone()),
            fingerprint: first.fingerprint.clone(),
        },
        residents: records.len() as u64,
        per_district: counts(records.iter().map(|(_, r)| district(r))),
        per_provider: counts(
            records.iter().map(|(_, r)| r.provider.clone().unwrap_or_else(|| "aanbieder niet ingevuld".into())),
        ),
        decision_to_conversation: interval(&to_conversation),
        conversation_to_start: interval(&to_start),
        start_to_evaluation: interval(&to_evaluation),
        hours,
        recomputed,
        changed_answers,
        format_1,
        without_decision,
        incomplete,
    }
}

fn district(r: &Record) -> String {
    match (&r.district, &r.postcode) {
        (Some(d), _) => d.clone(),
        (None, Some(p)) => format!("postcode {p}"),
        (None, None) => "wijk niet ingevuld".into(),
    }
}

#[cfg(test)]
mod tests;

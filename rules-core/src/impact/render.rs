//! `households.csv` lines and `summary.json` (fields in `docs/impact.md`).
//! The report page is in `html.rs`.

use serde::Serialize;

use super::totals::{Group, SideTotals, Totals, BANDS};
use super::{reason, Comparison, Outcome, Row, Side};
use crate::error::Error;

pub use super::html::report_html;

/// Groups smaller than this are shown as "minder dan 5" (health data).
pub const MIN_GROUP: u64 = 5;

pub const HOUSEHOLDS_CSV_HEADER: &str =
    "id,line,old_minutes_per_week,new_minutes_per_week,difference_minutes_per_week,\
old_class,new_class,old_cents_per_year,new_cents_per_year,reason,error\n";

/// One CSV cell: quoted when needed, and a text starting with `= + - @`
/// (or a tab or carriage return) prefixed with `'` against formula injection.
fn text_cell(out: &mut String, text: &str) {
    let risky = text.starts_with(['=', '+', '-', '@', '\t', '\r']);
    let quote = risky || text.contains([',', '"', '\n', '\r', ';']);
    if quote {
        out.push('"');
    }
    if risky {
        out.push('\'');
    }
    if text.contains('"') {
        for c in text.chars() {
            if c == '"' {
                out.push('"');
            }
            out.push(c);
        }
    } else {
        out.push_str(text);
    }
    if quote {
        out.push('"');
    }
}

fn number_cell(out: &mut String, n: Option<i64>) {
    if let Some(n) = n {
        out.push_str(itoa::Buffer::new().format(n));
    }
}

fn error_text(side: &str, e: &Error) -> String {
    format!("{side}{}: {e}", e.code())
}

/// The `households.csv` line of one household (every household gets one).
pub fn households_csv_line(row: &Row<'_>) -> String {
    let mut out = String::with_capacity(128);
    push_households_csv_line(&mut out, row);
    out
}

/// [`households_csv_line`] appended to `out`: the CLI fills one buffer per
/// thread and chunk instead of allocating a string per household.
pub fn push_households_csv_line(out: &mut String, row: &Row<'_>) {
    text_cell(out, &row.id);
    out.push(',');
    out.push_str(itoa::Buffer::new().format(row.line));
    let (old, new, reason, error) = match &row.outcome {
        Outcome::Unread(e) => (None, None, String::new(), error_text("", e)),
        Outcome::Evaluated { old, new } => {
            let reason = match (old, new) {
                (Ok(a), Ok(b)) => reason::text(a, b),
                _ => String::new(),
            };
            let errors: Vec<String> = [("oud: ", old.as_ref().err()), ("nieuw: ", new.as_ref().err())]
                .into_iter()
                .filter_map(|(side, e)| e.map(|e| error_text(side, e)))
                .collect();
            (old.as_ref().ok(), new.as_ref().ok(), reason, errors.join(" | "))
        }
    };
    let week = |f: Option<&super::Figures<'_>>| f.map(|f| f.minutes_per_week);
    out.push(',');
    number_cell(out, week(old));
    out.push(',');
    number_cell(out, week(new));
    out.push(',');
    number_cell(out, week(old).zip(week(new)).map(|(a, b)| b - a));
    for f in [old, new] {
        out.push(',');
        if let Some(c) = f.and_then(|f| f.cost.class) {
            out.push_str(c);
        }
    }
    for f in [old, new] {
        out.push(',');
        number_cell(out, f.and_then(|f| f.cost.cents_per_year));
    }
    out.push(',');
    text_cell(out, &reason);
    out.push(',');
    text_cell(out, &error);
    out.push('\n');
}

/// Hours from minutes, half away from zero.
pub(crate) fn hours(minutes: i64) -> i64 {
    let h = (minutes.unsigned_abs() + 30) / 60;
    let h = i64::try_from(h).unwrap_or(i64::MAX);
    if minutes < 0 {
        -h
    } else {
        h
    }
}

#[derive(Serialize)]
struct SideJson<'a> {
    package: &'a str,
    title: &'a str,
    fingerprint: &'a str,
    /// Date fixed for this side (`--old-date` / `--new-date`), if any.
    date: Option<String>,
    minutes_per_year: i64,
    hours_per_year: i64,
    /// `null` when no compared household had a tariff on this side.
    cents_per_year: Option<i64>,
    households_without_tariff: u64,
    contribution_cents_per_year: Option<i64>,
    households_without_contribution: u64,
    /// Compared households a contribution exemption applied to (contribution 0).
    households_exempted: u64,
    /// Compared households charged the standard contribution because an exemption could not be decided.
    households_standard_contribution: u64,
    /// Compared households an earlier package evaluated (transition rule).
    transitions: u64,
    refused: u64,
}

#[derive(Serialize)]
struct UsedJson<'a> {
    side: &'static str,
    package: &'a str,
    municipality: Option<&'a str>,
    version: &'a str,
    fingerprint: &'a str,
}

#[derive(Serialize)]
struct BandJson {
    band: &'static str,
    /// Upper bound of the difference in minutes per week (inclusive); `null` = unbounded.
    up_to: Option<i64>,
    households: Option<u64>,
    fewer_than_5: bool,
}

#[derive(Serialize)]
struct GroupJson<'a> {
    name: &'a str,
    fewer_than_5: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    households: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    compared: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    refused: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    higher: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    lower: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    equal: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    old_minutes_per_year: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    new_minutes_per_year: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    old_cents_per_year: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    new_cents_per_year: Option<i64>,
}

#[derive(Serialize)]
struct GroupsJson<'a> {
    municipality: Vec<GroupJson<'a>>,
    provider: Vec<GroupJson<'a>>,
    wijk: Vec<GroupJson<'a>>,
}

#[derive(Serialize)]
struct AreaJson<'a> {
    area: &'a str,
    old_minutes_per_year: i64,
    new_minutes_per_year: i64,
    households_changed: u64,
}

#[derive(Serialize)]
struct RuleJson<'a> {
    side: &'static str,
    area: &'a str,
    rule: &'a str,
    households: u64,
    minutes_per_year: i64,
}

#[derive(Serialize)]
struct RefusalJson<'a> {
    code: &'a str,
    households: u64,
}

#[derive(Serialize)]
struct Extrapolation {
    /// Always true: the figures scale the compared households up.
    sample: bool,
    from_households: u64,
    to_households: u64,
    old_minutes_per_year: i64,
    new_minutes_per_year: i64,
    old_cents_per_year: Option<i64>,
    new_cents_per_year: Option<i64>,
}

#[derive(Serialize)]
struct Difference {
    minutes_per_year: i64,
    hours_per_year: i64,
    cents_per_year: Option<i64>,
}

#[derive(Serialize)]
struct Summary<'a> {
    format: &'static str,
    engine: &'static str,
    engine_version: &'static str,
    households: u64,
    compared: u64,
    refused: u64,
    higher: u64,
    lower: u64,
    equal: u64,
    date: String,
    reassess_all: bool,
    old: SideJson<'a>,
    new: SideJson<'a>,
    difference: Difference,
    used: Vec<UsedJson<'a>>,
    distribution: Vec<BandJson>,
    groups: GroupsJson<'a>,
    areas: Vec<AreaJson<'a>>,
    rules: Vec<RuleJson<'a>>,
    refusals: Vec<RefusalJson<'a>>,
    refused_lines: Vec<usize>,
    extrapolation: Option<Extrapolation>,
}

pub(crate) fn side_name(side: Side) -> &'static str {
    match side {
        Side::Old => "old",
        Side::New => "new",
    }
}

/// Money total of a side: `None` when no compared household had a tariff.
pub(crate) fn side_cents(t: &SideTotals, compared: u64) -> Option<i64> {
    (compared == 0 || t.without_tariff < compared).then_some(t.cents_per_year)
}

pub(crate) fn contribution_cents(t: &SideTotals, compared: u64) -> Option<i64> {
    (compared == 0 || t.without_contribution < compared).then_some(t.contribution_cents_per_year)
}

/// `value × to / from`, rounded half up, in 128 bits.
pub(crate) fn scale(value: i64, from: u64, to: u64) -> i64 {
    if from == 0 {
        return 0;
    }
    let (num, den) = (i128::from(value) * i128::from(to), i128::from(from));
    let q = (num.abs() + den / 2) / den;
    let q = if num < 0 { -q } else { q };
    i64::try_from(q).unwrap_or(if q < 0 { i64::MIN } else { i64::MAX })
}

fn group_json<'a>(name: &'a str, g: &Group) -> GroupJson<'a> {
    let shown = g.households >= MIN_GROUP;
    let n = |v: u64| shown.then_some(v);
    let m = |v: i64| shown.then_some(v);
    GroupJson {
        name,
        fewer_than_5: !shown,
        households: n(g.households),
        compared: n(g.compared),
        refused: n(g.refused),
        higher: n(g.higher),
        lower: n(g.lower),
        equal: n(g.equal),
        old_minutes_per_year: m(g.old_minutes_per_year),
        new_minutes_per_year: m(g.new_minutes_per_year),
        old_cents_per_year: m(g.old_cents_per_year),
        new_cents_per_year: m(g.new_cents_per_year),
    }
}

pub fn summary_json(cmp: &Comparison<'_>, t: &Totals<'_>) -> String {
    let settled = t.settled();
    let t: &Totals<'_> = &settled;
    let side = |s: Side| {
        let (p, st, date) = match s {
            Side::Old => (cmp.old, &t.old, cmp.options.old_date),
            Side::New => (cmp.new, &t.new, cmp.options.new_date),
        };
        SideJson {
            package: &p.id,
            title: &p.title,
            fingerprint: &p.fingerprint,
            date: date.map(|d| d.to_string()),
            minutes_per_year: st.minutes_per_year,
            hours_per_year: hours(st.minutes_per_year),
            cents_per_year: side_cents(st, t.compared),
            households_without_tariff: st.without_tariff,
            contribution_cents_per_year: contribution_cents(st, t.compared),
            households_without_contribution: st.without_contribution,
            households_exempted: st.exempted,
            households_standard_contribution: st.standard_contribution,
            transitions: st.transitions,
            refused: st.refused,
        }
    };
    let (old_cents, new_cents) = (side_cents(&t.old, t.compared), side_cents(&t.new, t.compared));
    let groups = |i: usize| t.groups[i].iter().map(|(k, g)| group_json(k, g)).collect();
    let summary = Summary {
        format: "urenwijzer-impact/1",
        engine: crate::ENGINE_NAME,
        engine_version: crate::ENGINE_VERSION,
        households: t.households,
        compared: t.compared,
        refused: t.refused,
        higher: t.higher,
        lower: t.lower,
        equal: t.equal,
        date: cmp.options.date.to_string(),
        reassess_all: cmp.options.reassess_all,
        old: side(Side::Old),
        new: side(Side::New),
        difference: Difference {
            minutes_per_year: t.new.minutes_per_year - t.old.minutes_per_year,
            hours_per_year: hours(t.new.minutes_per_year - t.old.minutes_per_year),
            cents_per_year: old_cents.zip(new_cents).map(|(a, b)| b - a),
        },
        used: t
            .used
            .iter()
            .map(|u| UsedJson {
                side: side_name(u.side),
                package: u.package,
                municipality: u.municipality,
                version: u.version,
                fingerprint: u.fingerprint,
            })
            .collect(),
        distribution: BANDS
            .iter()
            .zip(&t.bands)
            .map(|((upper, label), n)| {
                let hidden = (1..MIN_GROUP).contains(n);
                BandJson {
                    band: label,
                    up_to: (*upper != i64::MAX).then_some(*upper),
                    households: (!hidden).then_some(*n),
                    fewer_than_5: hidden,
                }
            })
            .collect(),
        groups: GroupsJson { municipality: groups(0), provider: groups(1), wijk: groups(2) },
        areas: t
            .areas
            .iter()
            .map(|(area, a)| AreaJson {
                area,
                old_minutes_per_year: a.old_minutes_per_year,
                new_minutes_per_year: a.new_minutes_per_year,
                households_changed: a.changed,
            })
            .collect(),
        rules: t
            .rules
            .iter()
            .map(|((s, area, rule), r)| RuleJson {
                side: side_name(*s),
                area,
                rule,
                households: r.households,
                minutes_per_year: r.minutes_per_year,
            })
            .collect(),
        refusals: t.refusals.iter().map(|(code, n)| RefusalJson { code, households: *n }).collect(),
        refused_lines: t.refused_lines.iter().map(|(l, _)| *l).collect(),
        extrapolation: cmp.options.scale_to.filter(|_| t.compared > 0).map(|to| Extrapolation {
            sample: true,
            from_households: t.compared,
            to_households: to,
            old_minutes_per_year: scale(t.old.minutes_per_year, t.compared, to),
            new_minutes_per_year: scale(t.new.minutes_per_year, t.compared, to),
            old_cents_per_year: old_cents.map(|c| scale(c, t.compared, to)),
            new_cents_per_year: new_cents.map(|c| scale(c, t.compared, to)),
        }),
    };
    let mut text = serde_json::to_string_pretty(&summary).unwrap_or_else(|_| String::from("{}"));
    text.push('\n');
    text
}

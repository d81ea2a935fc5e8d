//! `report.html` of the pilot: plain Dutch for the committee, built with the
//! shared report toolkit (no script, inline SVG with text alternatives, A4).

use super::stats::{dutch, percent};
use super::{Count, Group, Interval, Summary, MIN_GROUP};
use crate::output::ENGINE_VERSION;
use crate::report::{bar_chart, heading, histogram, list, page, paragraph, table, Bar, Bin, Cell};

pub fn render(summary: &Summary, show_reasons: bool) -> String {
    let mut body = String::new();
    body.push_str(&paragraph(
        "Dit verslag gaat over de proef met omgekeerd toewijzen van huishoudelijke hulp, zoals de gemeenteraad van Haarlem die in 2016 vroeg (motie omgekeerd toewijzen). De gemeente besluit óf iemand huishoudelijke hulp nodig heeft. Daarna spreken de aanbieder en de inwoner samen af hoeveel hulp nodig is, begint de hulp meteen, bekijken zij na vier tot zes weken of de hulp past, en legt de gemeente de uren vast in de beschikking.",
        None,
    ));
    let read: u64 = summary.groups.iter().map(|g| g.residents).sum();
    body.push_str(&paragraph(
        &format!(
            "Gelezen: {read} van de {} dossiers. Aantallen kleiner dan {MIN_GROUP} per wijk of aanbieder staan er niet in, om de inwoners te beschermen.",
            summary.files
        ),
        None,
    ));
    if summary.groups.len() > 1 {
        body.push_str(&paragraph(
            "De dossiers zijn gemaakt met verschillende normpakketten of versies daarvan. Elk pakket staat hieronder apart; de cijfers zijn niet bij elkaar opgeteld.",
            Some("warning"),
        ));
    }
    if !summary.unreadable.is_empty() {
        body.push_str(&heading(2, "Dossiers die niet gelezen konden worden"));
        let rows: Vec<Vec<Cell>> =
            summary.unreadable.iter().map(|u| vec![Cell::text(&u.file), Cell::text(&u.reason)]).collect();
        body.push_str(&table("", &["bestand", "reden"], &rows));
    }
    for g in &summary.groups {
        group(&mut body, g, show_reasons);
    }
    body.push_str(&paragraph(&format!("Gemaakt met urenwijzer {ENGINE_VERSION}."), Some("note")));
    page("Verslag van de proef omgekeerd toewijzen", &body)
}

fn count_bars(counts: &[Count]) -> Vec<Bar> {
    counts
        .iter()
        .map(|c| Bar {
            label: c.name.clone(),
            value: c.residents.map_or(0, |n| n as i64),
            shown: c.residents.map_or_else(|| format!("minder dan {MIN_GROUP}"), |n| n.to_string()),
        })
        .collect()
}

fn interval_row(step: &str, i: &Interval, rule: &str) -> Vec<Cell> {
    let share = match percent(i.on_time, i.measured) {
        Some(p) => format!("{} van {} ({p}%)", i.on_time, i.measured),
        None => "–".into(),
    };
    vec![
        Cell::text(step),
        Cell::number(i.measured),
        Cell::number(i.median_working_days.as_deref().map(dutch).unwrap_or_else(|| "–".into())),
        Cell::text(rule),
        Cell::number(share),
    ]
}

fn minutes(decimal: &Option<String>) -> String {
    decimal.as_deref().map_or_else(|| "–".into(), |d| format!("{} minuten", dutch(d)))
}

fn group(body: &mut String, g: &Group, show_reasons: bool) {
    let title = g.package.title.as_deref().unwrap_or(&g.package.id);
    body.push_str(&heading(2, &format!("Normpakket: {title}")));
    body.push_str(&paragraph(
        &format!(
            "Pakket {} met vingerafdruk {}. Aantal inwoners in de proef: {}.",
            g.package.id,
            g.package.fingerprint.as_deref().unwrap_or("onbekend"),
            g.residents
        ),
        None,
    ));

    body.push_str(&heading(3, "Inwoners per wijk en per aanbieder"));
    body.push_str(&bar_chart("Inwoners per wijk", "inwoners", &count_bars(&g.per_district)));
    body.push_str(&bar_chart("Inwoners per aanbieder", "inwoners", &count_bars(&g.per_provider)));

    body.push_str(&heading(3, "Hoe snel ging het?"));
    body.push_str(&paragraph(
        "Werkdagen zijn maandag tot en met vrijdag, zonder de feestdagen van de Algemene termijnenwet en zonder de sluitingsdagen die het normpakket noemt.",
        Some("note"),
    ));
    let rows = vec![
        interval_row("Van besluit tot gesprek", &g.decision_to_conversation, "binnen de afgesproken werkdagen"),
        interval_row(
            "Van gesprek tot start",
            &g.conversation_to_start,
            "dezelfde dag of binnen de afgesproken werkdagen",
        ),
        interval_row("Van start tot evaluatie", &g.start_to_evaluation, "binnen de evaluatieperiode"),
    ];
    body.push_str(&table("Termijnen", &["stap", "dossiers", "mediaan (werkdagen)", "afspraak", "op tijd"], &rows));
    if !g.without_decision.is_empty() {
        body.push_str(&paragraph("Zonder datum van het besluit (niet meegeteld bij 'van besluit tot gesprek'):", None));
        body.push_str(&list(&g.without_decision));
    }

    body.push_str(&heading(3, "Eerste inschatting en indicatie na de evaluatie"));
    let h = &g.hours;
    let rows = vec![
        vec![Cell::text("dossiers met beide indicaties"), Cell::number(h.measured)],
        vec![Cell::text("gemiddelde eerste inschatting per week"), Cell::number(minutes(&h.initial_mean))],
        vec![Cell::text("gemiddelde indicatie na evaluatie per week"), Cell::number(minutes(&h.final_mean))],
        vec![Cell::text("gemiddelde verandering per week"), Cell::number(minutes(&h.change_mean))],
        vec![Cell::text("mediaan van de verandering per week"), Cell::number(minutes(&h.change_median))],
        vec![Cell::text("meer hulp na evaluatie"), Cell::number(h.more)],
        vec![Cell::text("evenveel hulp"), Cell::number(h.same)],
        vec![Cell::text("minder hulp na evaluatie"), Cell::number(h.less)],
    ];
    body.push_str(&table("Minuten per week", &["", ""], &rows));
    let bins: Vec<Bin> = h.distribution.iter().map(|b| Bin { label: b.label.into(), count: b.residents }).collect();
    body.push_str(&histogram("Verandering per inwoner (minuten per week)", "verandering", &bins));
    let r = &g.recomputed;
    if !r.differs.is_empty() {
        body.push_str(&paragraph(
            "Bij deze dossiers geeft opnieuw rekenen met hetzelfde normpakket een andere uitkomst dan in het dossier staat:",
            Some("warning"),
        ));
        body.push_str(&list(&r.differs));
    } else if r.checked > 0 {
        body.push_str(&paragraph(
            &format!(
                "Opnieuw gerekend met hetzelfde normpakket: {} indicaties, alle gelijk aan het dossier.",
                r.checked
            ),
            Some("note"),
        ));
    }
    if !r.not_checked.is_empty() {
        body.push_str(&paragraph(
            &format!(
                "{} dossiers zijn niet opnieuw gerekend, omdat het normpakket met deze vingerafdruk niet is meegegeven.",
                r.not_checked.len()
            ),
            Some("note"),
        ));
    }

    body.push_str(&heading(3, "Gewijzigde antwoorden bij de evaluatie"));
    if g.changed_answers.is_empty() {
        body.push_str(&paragraph("Bij de evaluatie is geen antwoord gewijzigd.", None));
    } else {
        let rows: Vec<Vec<Cell>> =
            g.changed_answers.iter().map(|c| vec![Cell::text(&c.question), Cell::number(c.residents)]).collect();
        body.push_str(&table("", &["vraag", "inwoners"], &rows));
        if show_reasons {
            for c in &g.changed_answers {
                if let Some(reasons) = &c.reasons {
                    body.push_str(&heading(3, &format!("Redenen bij '{}'", c.question)));
                    body.push_str(&list(reasons));
                }
            }
            body.push_str(&paragraph(
                &format!("Redenen staan er alleen bij vragen die {MIN_GROUP} of meer inwoners hebben gewijzigd."),
                Some("note"),
            ));
        }
    }

    if !g.format_1.is_empty() {
        body.push_str(&paragraph(
            "Dossiers in het oude formaat (versie 1): de datum van de intake is gelezen als de datum van het gesprek.",
            Some("note"),
        ));
        body.push_str(&list(&g.format_1));
    }
    if !g.incomplete.is_empty() {
        body.push_str(&heading(3, "Dossiers die nog niet af zijn"));
        body.push_str(&list(&g.incomplete));
    }
}

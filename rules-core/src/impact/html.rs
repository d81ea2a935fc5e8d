//! `report.html`: one self-contained page in plain Dutch for a council
//! committee. No script, no external fonts or images, a meta Content
//! Security Policy, printable on A4; every caseload value is escaped.
//! Deterministic: no clock, no paths, sorted groups.

use std::fmt::Write;

use super::render::{contribution_cents, hours, scale, side_cents, MIN_GROUP};
use super::totals::{Group, Totals, Used, BANDS};
use super::{Comparison, Side};
use crate::package::{Package, Provenance, Version};
use crate::report::{escape, grouped_bars as bars, page_with, row, table_end, table_start, Category};

/// `1234567` → `1.234.567`, with a minus sign for negatives.
fn thousands(n: i64) -> String {
    let digits = n.unsigned_abs().to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push('.');
        }
        out.push(c);
    }
    if n < 0 {
        format!("−{out}")
    } else {
        out
    }
}

fn signed(n: i64) -> String {
    if n > 0 {
        format!("+{}", thousands(n))
    } else {
        thousands(n)
    }
}

/// Cents as `€ 1.234,56`.
fn euros(cents: i64) -> String {
    let sign = if cents < 0 { "−" } else { "" };
    let c = cents.unsigned_abs();
    format!("{sign}€\u{a0}{},{:02}", thousands((c / 100) as i64), c % 100)
}

fn signed_euros(cents: i64) -> String {
    if cents > 0 {
        format!("+{}", euros(cents))
    } else {
        euros(cents)
    }
}

fn count(n: u64) -> String {
    if (1..MIN_GROUP).contains(&n) {
        "minder dan 5".into()
    } else {
        thousands(n as i64)
    }
}

/// The package (or overlay, or linked package) a `Used` entry names.
fn find<'p>(cmp: &Comparison<'p>, u: &Used<'_>) -> Option<(&'p Package, &'p Version)> {
    fn walk<'p>(p: &'p Package, u: &Used<'_>) -> Option<(&'p Package, &'p Version)> {
        let here = p.id == u.package && p.overlay.as_ref().map(|o| o.municipality.as_str()) == u.municipality;
        if here {
            if let Some(v) = p.versions.iter().find(|v| v.version == u.version) {
                return Some((p, v));
            }
        }
        p.overlays.iter().chain(&p.linked).find_map(|q| walk(q, u))
    }
    walk(cmp.package(u.side), u)
}

fn provisional_items(p: &Package, v: &Version) -> Vec<String> {
    let mut items = Vec::new();
    if v.status.as_str() == "concept" {
        items.push(format!("Versie {} is een concept: nog niet vastgesteld.", v.version));
    }
    for val in &v.values {
        if let Provenance::Provisional { reason } = &val.provenance {
            items.push(format!("{}: {reason}", val.label));
        }
    }
    for t in &v.tables {
        if let Provenance::Provisional { reason } = &t.provenance {
            items.push(format!("Tabel {}: {reason}", t.title));
        }
    }
    for area in &v.areas {
        for r in &area.rules {
            if let Some(reason) = &r.provisional {
                items.push(format!("Regel {}: {reason}", r.label));
            }
        }
    }
    if let Some(t) = &v.tariff {
        if let Provenance::Provisional { reason } = &t.provenance {
            items.push(format!("{} ({}): {reason}", t.label, euros(t.cents)));
        }
    }
    if let Some(c) = &v.contribution {
        if let Provenance::Provisional { reason } = &c.provenance {
            items.push(format!("{} ({}): {reason}", c.label, euros(c.cents)));
        }
    }
    let _ = p;
    items
}

fn table_head(out: &mut String, caption: &str, heads: &[(&str, bool)]) {
    table_start(out, "", caption, heads);
}

fn group_name(key: &str) -> String {
    if key.is_empty() {
        "(niet opgegeven)".into()
    } else {
        key.to_string()
    }
}

fn group_table(out: &mut String, caption: &str, first: &str, groups: &std::collections::BTreeMap<String, Group>) {
    table_head(
        out,
        caption,
        &[
            (first, false),
            ("huishoudens", true),
            ("meer", true),
            ("minder", true),
            ("gelijk", true),
            ("uren per jaar oud", true),
            ("uren per jaar nieuw", true),
        ],
    );
    for (k, g) in groups {
        if g.households < MIN_GROUP {
            let hidden = ("".to_string(), true);
            row(
                out,
                &[
                    (group_name(k), false),
                    ("minder dan 5".into(), true),
                    hidden.clone(),
                    hidden.clone(),
                    hidden.clone(),
                    hidden.clone(),
                    hidden,
                ],
            );
        } else {
            row(
                out,
                &[
                    (group_name(k), false),
                    (thousands(g.households as i64), true),
                    (count(g.higher), true),
                    (count(g.lower), true),
                    (count(g.equal), true),
                    (thousands(hours(g.old_minutes_per_year)), true),
                    (thousands(hours(g.new_minutes_per_year)), true),
                ],
            );
        }
    }
    table_end(out);
}

pub fn report_html(cmp: &Comparison<'_>, t: &Totals<'_>) -> String {
    let settled = t.settled();
    let t: &Totals<'_> = &settled;
    let o = &cmp.options;
    let mut s = String::with_capacity(32 * 1024);
    let _ = write!(
        s,
        "<p>Dit rapport vergelijkt twee normen voor \
         huishoudelijke hulp over dezelfde groep huishoudens: de <strong>oude norm</strong> ({}) en de \
         <strong>nieuwe norm</strong> ({}). Voor ieder huishouden is uitgerekend hoeveel hulp het met elke norm \
         krijgt, in minuten per week en uren per jaar, en wat dat kost.</p>",
        escape(&cmp.old.title),
        escape(&cmp.new.title)
    );

    // What was compared.
    s.push_str("<h2>Wat is vergeleken</h2>");
    table_head(&mut s, "De twee normen", &[("gegeven", false), ("oude norm", false), ("nieuwe norm", false)]);
    row(&mut s, &[("Normpakket".into(), false), (cmp.old.title.clone(), false), (cmp.new.title.clone(), false)]);
    row(&mut s, &[("Code".into(), false), (cmp.old.id.clone(), false), (cmp.new.id.clone(), false)]);
    let date_of = |d: Option<crate::date::Date>| match d {
        Some(d) => format!("{d} (voor iedereen)"),
        None => format!("datum per huishouden, anders {}", o.date),
    };
    row(&mut s, &[("Datum".into(), false), (date_of(o.old_date), false), (date_of(o.new_date), false)]);
    table_end(&mut s);
    table_start(
        &mut s,
        "fp",
        "Gebruikte versies met vingerafdruk (bewijs van de precieze inhoud)",
        &[("norm", false), ("pakket", false), ("versie", false), ("vingerafdruk", false)],
    );
    for u in &t.used {
        let pkg = match u.municipality {
            Some(m) => format!("{} (gemeente {m})", u.package),
            None => u.package.to_string(),
        };
        row(
            &mut s,
            &[
                (if u.side == Side::Old { "oud" } else { "nieuw" }.into(), false),
                (pkg, false),
                (u.version.to_string(), false),
                (u.fingerprint.to_string(), false),
            ],
        );
    }
    table_end(&mut s);
    if o.reassess_all {
        s.push_str(
            "<p class=\"note\">Iedereen opnieuw beoordeeld: de nieuwe norm is voor alle huishoudens gebruikt, ook \
             voor huidige cliënten die volgens het overgangsrecht de oude norm zouden houden.</p>",
        );
    } else if t.new.transitions > 0 {
        let _ = write!(
            s,
            "<p class=\"note\">Met overgangsrecht: {} huishoudens houden volgens de nieuwe regels de oude norm, \
             omdat ze al hulp hadden. Voor hen verandert er dus niets.</p>",
            count(t.new.transitions)
        );
    }

    for (name, side) in [("oude", &t.old), ("nieuwe", &t.new)] {
        if side.standard_contribution > 0 {
            let _ = write!(
                s,
                "<p class=\"note\">Eigen bijdrage ({name} regels): voor {} huishoudens is de gewone eigen bijdrage \
                 gerekend, omdat de vragen over een vrijstelling niet in het bestand staan of niet zijn beantwoord. \
                 Met die antwoorden kan de eigen bijdrage lager uitvallen.</p>",
                count(side.standard_contribution)
            );
        }
    }

    // Totals.
    s.push_str("<h2>De uitkomst in het kort</h2>");
    let _ = write!(
        s,
        "<p>Het bestand bevat <strong>{}</strong> huishoudens. Daarvan zijn er <strong>{}</strong> met beide \
         normen berekend. <strong>{}</strong> huishoudens konden niet worden berekend (zie verderop). Geen \
         huishouden is weggelaten: {} = {} + {}.</p>",
        thousands(t.households as i64),
        thousands(t.compared as i64),
        thousands(t.refused as i64),
        thousands(t.households as i64),
        thousands(t.compared as i64),
        thousands(t.refused as i64)
    );
    let _ = write!(
        s,
        "<p>Met de nieuwe norm krijgen <strong>{}</strong> huishoudens meer hulp, <strong>{}</strong> minder hulp \
         en <strong>{}</strong> evenveel.</p>",
        thousands(t.higher as i64),
        thousands(t.lower as i64),
        thousands(t.equal as i64)
    );
    let (oc, nc) = (side_cents(&t.old, t.compared), side_cents(&t.new, t.compared));
    let money = |c: Option<i64>| c.map_or_else(|| "geen tarief in het pakket".to_string(), euros);
    table_head(
        &mut s,
        "Totaal per jaar over de berekende huishoudens",
        &[("per jaar", false), ("oude norm", true), ("nieuwe norm", true), ("verschil", true)],
    );
    row(
        &mut s,
        &[
            ("Uren hulp per jaar".into(), false),
            (thousands(hours(t.old.minutes_per_year)), true),
            (thousands(hours(t.new.minutes_per_year)), true),
            (signed(hours(t.new.minutes_per_year - t.old.minutes_per_year)), true),
        ],
    );
    row(
        &mut s,
        &[
            ("Kosten per jaar (tarief)".into(), false),
            (money(oc), true),
            (money(nc), true),
            (oc.zip(nc).map_or_else(|| "niet te berekenen".into(), |(a, b)| signed_euros(b - a)), true),
        ],
    );
    let (ob, nb) = (contribution_cents(&t.old, t.compared), contribution_cents(&t.new, t.compared));
    if ob.is_some() || nb.is_some() {
        row(
            &mut s,
            &[
                ("Eigen bijdrage van inwoners per jaar".into(), false),
                (money(ob), true),
                (money(nb), true),
                (ob.zip(nb).map_or_else(|| "niet te berekenen".into(), |(a, b)| signed_euros(b - a)), true),
            ],
        );
    }
    table_end(&mut s);
    for (label, st) in [("oude", &t.old), ("nieuwe", &t.new)] {
        if st.without_tariff > 0 && st.without_tariff < t.compared {
            let _ = write!(
                s,
                "<p class=\"note\">Let op: voor {} huishoudens heeft de {label} norm geen tarief. Hun kosten \
                 zitten niet in het totaal.</p>",
                count(st.without_tariff)
            );
        }
    }
    if oc.is_none() || nc.is_none() {
        s.push_str(
            "<p class=\"note\">Een normpakket zonder tarief zegt alleen iets over uren, niet over geld. De kosten \
             zijn daarom niet als 0 geteld, maar als ‘geen tarief’ vermeld.</p>",
        );
    }
    let totals_chart = [Category {
        label: "Uren per jaar".into(),
        values: vec![hours(t.old.minutes_per_year), hours(t.new.minutes_per_year)],
        shown: vec![thousands(hours(t.old.minutes_per_year)), thousands(hours(t.new.minutes_per_year))],
    }];
    s.push_str("<figure>");
    s.push_str(&bars(
        "totaal",
        "Uren hulp per jaar: oude en nieuwe norm",
        &format!(
            "Oude norm {} uur per jaar, nieuwe norm {} uur per jaar. De tabel hierboven geeft dezelfde getallen.",
            thousands(hours(t.old.minutes_per_year)),
            thousands(hours(t.new.minutes_per_year))
        ),
        &["oude norm", "nieuwe norm"],
        &totals_chart,
    ));
    s.push_str(
        "<figcaption>Uren hulp per jaar, oude en nieuwe norm (zelfde getallen als de tabel).</figcaption></figure>",
    );

    if let Some(to) = o.scale_to.filter(|_| t.compared > 0) {
        let _ = write!(
            s,
            "<h2>Doorrekening naar {} huishoudens</h2><p class=\"note\">Dit is een <strong>schatting</strong>: de \
             {} berekende huishoudens zijn gezien als een steekproef, en de uitkomst is naar verhouding vergroot \
             tot {} huishoudens. Hoe beter de steekproef op alle cliënten lijkt, hoe betrouwbaarder de schatting.</p>",
            thousands(to as i64),
            thousands(t.compared as i64),
            thousands(to as i64)
        );
        table_head(
            &mut s,
            "Geschat totaal per jaar",
            &[("per jaar", false), ("oude norm", true), ("nieuwe norm", true), ("verschil", true)],
        );
        let (om, nm) = (scale(t.old.minutes_per_year, t.compared, to), scale(t.new.minutes_per_year, t.compared, to));
        row(
            &mut s,
            &[
                ("Uren hulp per jaar".into(), false),
                (thousands(hours(om)), true),
                (thousands(hours(nm)), true),
                (signed(hours(nm - om)), true),
            ],
        );
        let (osc, nsc) = (oc.map(|c| scale(c, t.compared, to)), nc.map(|c| scale(c, t.compared, to)));
        row(
            &mut s,
            &[
                ("Kosten per jaar (tarief)".into(), false),
                (money(osc), true),
                (money(nsc), true),
                (osc.zip(nsc).map_or_else(|| "niet te berekenen".into(), |(a, b)| signed_euros(b - a)), true),
            ],
        );
        table_end(&mut s);
    }

    // Distribution.
    s.push_str(
        "<h2>Hoe groot zijn de verschillen?</h2><p>Verschil per huishouden in minuten hulp per week (nieuw min \
         oud). Groepen van 1 tot 4 huishoudens staan er als ‘minder dan 5’, omdat het om gezondheidsgegevens \
         gaat.</p>",
    );
    let cats: Vec<Category> = BANDS
        .iter()
        .zip(&t.bands)
        .map(|((_, label), n)| {
            let hidden = (1..MIN_GROUP).contains(n);
            Category {
                label: label.to_string(),
                values: vec![if hidden { 0 } else { *n as i64 }],
                shown: vec![count(*n)],
            }
        })
        .collect();
    let described: Vec<String> = cats.iter().map(|c| format!("{}: {}", c.label, c.shown[0])).collect();
    s.push_str("<figure>");
    s.push_str(&bars(
        "verdeling",
        "Aantal huishoudens per verschil in minuten per week (nieuw min oud)",
        &format!("{}.", described.join("; ")),
        &["huishoudens"],
        &cats,
    ));
    s.push_str(
        "<figcaption>Aantal huishoudens per verschil (de tabel eronder geeft dezelfde getallen).</figcaption></figure>",
    );
    table_head(
        &mut s,
        "Verdeling van de verschillen",
        &[("verschil in minuten per week (nieuw min oud)", false), ("huishoudens", true)],
    );
    for c in &cats {
        row(&mut s, &[(c.label.clone(), false), (c.shown[0].clone(), true)]);
    }
    table_end(&mut s);

    // Groups.
    let shown_groups = |i: usize| t.groups[i].keys().any(|k| !k.is_empty());
    if shown_groups(0) {
        s.push_str("<h2>Per gemeente</h2>");
        let cats: Vec<Category> = t.groups[0]
            .iter()
            .map(|(k, g)| {
                let hidden = g.households < MIN_GROUP;
                let h = |m: i64| if hidden { 0 } else { hours(m) };
                let shown = |m: i64| if hidden { "minder dan 5 huishoudens".to_string() } else { thousands(hours(m)) };
                Category {
                    label: group_name(k),
                    values: vec![h(g.old_minutes_per_year), h(g.new_minutes_per_year)],
                    shown: vec![shown(g.old_minutes_per_year), shown(g.new_minutes_per_year)],
                }
            })
            .collect();
        let described: Vec<String> =
            cats.iter().map(|c| format!("{}: oud {}, nieuw {}", c.label, c.shown[0], c.shown[1])).collect();
        s.push_str("<figure>");
        s.push_str(&bars(
            "gemeente",
            "Uren hulp per jaar per gemeente, oude en nieuwe norm",
            &format!("{}.", described.join("; ")),
            &["oude norm", "nieuwe norm"],
            &cats,
        ));
        s.push_str(
            "<figcaption>Uren per jaar per gemeente (de tabel eronder geeft dezelfde getallen).</figcaption></figure>",
        );
        group_table(&mut s, "Per gemeente", "gemeente", &t.groups[0]);
    }
    if shown_groups(1) {
        s.push_str("<h2>Per aanbieder</h2>");
        group_table(&mut s, "Per aanbieder", "aanbieder", &t.groups[1]);
    }
    if shown_groups(2) {
        s.push_str("<h2>Per wijk</h2>");
        group_table(&mut s, "Per wijk", "wijk", &t.groups[2]);
    }

    // Reasons.
    s.push_str(
        "<h2>Waar komen de verschillen vandaan?</h2><p>Per onderdeel van de hulp: de uren per jaar met elke norm \
         en bij hoeveel huishoudens de minuten per week veranderen.</p>",
    );
    let mut areas: Vec<_> = t.areas.iter().collect();
    areas.sort_by_key(|(id, a)| (std::cmp::Reverse((a.new_minutes_per_year - a.old_minutes_per_year).abs()), **id));
    table_head(
        &mut s,
        "Verschil per onderdeel",
        &[
            ("onderdeel", false),
            ("uren oud", true),
            ("uren nieuw", true),
            ("verschil", true),
            ("huishoudens met verschil", true),
        ],
    );
    for (id, a) in areas {
        row(
            &mut s,
            &[
                (id.to_string(), false),
                (thousands(hours(a.old_minutes_per_year)), true),
                (thousands(hours(a.new_minutes_per_year)), true),
                (signed(hours(a.new_minutes_per_year - a.old_minutes_per_year)), true),
                (count(a.changed), true),
            ],
        );
    }
    table_end(&mut s);
    for (side, label) in [(Side::Old, "oude"), (Side::New, "nieuwe")] {
        let mut rules: Vec<_> = t.rules.iter().filter(|((sd, _, _), _)| *sd == side).collect();
        rules.sort_by_key(|((_, a, r), v)| (std::cmp::Reverse(v.minutes_per_year.abs()), *a, *r));
        table_head(
            &mut s,
            &format!("De regels van de {label} norm met de meeste uren (top 10)"),
            &[("regel", false), ("onderdeel", false), ("huishoudens", true), ("uren per jaar", true)],
        );
        for ((_, area, rule), v) in rules.into_iter().take(10) {
            row(
                &mut s,
                &[
                    (rule.to_string(), false),
                    (area.to_string(), false),
                    (count(v.households), true),
                    (signed(hours(v.minutes_per_year)), true),
                ],
            );
        }
        table_end(&mut s);
    }

    // Refused.
    s.push_str("<h2>Huishoudens die niet berekend konden worden</h2>");
    if t.refused == 0 {
        s.push_str("<p>Alle huishoudens zijn met beide normen berekend.</p>");
    } else {
        let _ = write!(
            s,
            "<p>{} huishoudens konden niet worden berekend. Ze staan wel in <code>households.csv</code>, met de \
             reden in de kolom <code>error</code>.</p>",
            thousands(t.refused as i64)
        );
        table_head(&mut s, "Redenen", &[("code", false), ("huishoudens", true)]);
        for (code, n) in &t.refusals {
            row(&mut s, &[(code.clone(), false), (thousands(*n as i64), true)]);
        }
        table_end(&mut s);
        let lines: Vec<String> = t.refused_lines.iter().map(|(l, c)| format!("regel {l} ({c})")).collect();
        let _ = write!(s, "<p>De eerste regels: {}.</p>", escape(&lines.join(", ")));
    }

    // Provisional numbers.
    s.push_str(
        "<h2>Voorlopige getallen</h2><p>Deze getallen uit de normpakketten hebben (nog) geen openbare bron. De \
         uitkomsten hierboven hangen ervan af; lees ze met die voorbehouden.</p>",
    );
    let mut any = false;
    for u in &t.used {
        let Some((p, v)) = find(cmp, u) else { continue };
        let items = provisional_items(p, v);
        if items.is_empty() {
            continue;
        }
        any = true;
        let name = match u.municipality {
            Some(m) => format!("{} (gemeente {m})", p.title),
            None => p.title.clone(),
        };
        let _ = write!(
            s,
            "<h3>{} — {}, versie {}</h3><ul>",
            if u.side == Side::Old { "Oude norm" } else { "Nieuwe norm" },
            escape(&name),
            escape(u.version)
        );
        for i in items {
            let _ = write!(s, "<li>{}</li>", escape(&i));
        }
        s.push_str("</ul>");
    }
    if !any {
        s.push_str("<p>Geen: alle gebruikte getallen hebben een bron.</p>");
    }
    let _ = writeln!(
        s,
        "<h2>Over dit rapport</h2><p>Gemaakt met {} {}. Alle bedragen zijn hele centen en alle tijden hele \
         minuten; er is niets naar beneden afgerond. Dezelfde invoer geeft altijd precies hetzelfde rapport.</p>",
        crate::ENGINE_NAME,
        crate::ENGINE_VERSION
    );
    page_with(
        &format!("Gevolgen van een nieuwe norm: {} en {}", cmp.old.title, cmp.new.title),
        "Wat betekent de nieuwe norm voor de huidige cliënten?",
        &s,
    )
}

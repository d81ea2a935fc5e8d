//! Caseload impact (issue 9): Haarlem with and without re-assessing everyone,
//! malformed lines, edge files, money per year, privacy of small groups,
//! escaping, determinism, and the figures-only engine.

use rules_core::impact::{self, engine, ImpactOptions};
use rules_core::{Answers, Date, Options, Package};
use serde_json::{json, Value};

fn norms(path: &str) -> Value {
    let text = std::fs::read_to_string(format!("{}/../norms/{path}", env!("CARGO_MANIFEST_DIR"))).unwrap();
    serde_json::from_str(&text).unwrap()
}

fn haarlem() -> (Package, Package) {
    let ciz = norms("haarlem-ciz/package.json");
    let mut new = norms("haarlem-2021/package.json");
    new["linked"] = json!({ "haarlem-ciz": ciz.clone() });
    (Package::from_value(ciz).unwrap(), Package::from_value(new).unwrap())
}

/// KPMG without its dated money, so only the version's own tariff counts.
fn kpmg_plain() -> Value {
    let mut doc = norms("kpmg-2019/package.json");
    if let Some(map) = doc.as_object_mut() {
        map.remove("tariffs");
        map.remove("contributions");
    }
    doc
}

fn kpmg_with_tariff(tariff: Value, contribution: Option<Value>) -> Package {
    let mut doc = kpmg_plain();
    doc["versions"][0]["tariff"] = tariff;
    if let Some(c) = contribution {
        doc["versions"][0]["contribution"] = c;
    }
    Package::from_value(doc).unwrap()
}

fn options() -> ImpactOptions {
    ImpactOptions {
        date: Date::parse("2025-01-01").unwrap(),
        old_date: None,
        new_date: None,
        municipality: None,
        reassess_all: false,
        scale_to: None,
    }
}

fn example() -> Vec<u8> {
    std::fs::read(format!("{}/../examples/haarlem-clienten.csv", env!("CARGO_MANIFEST_DIR"))).unwrap()
}

fn summary(files: &impact::Files) -> Value {
    serde_json::from_str(&files.summary_json).unwrap()
}

/// `households.csv` rows as (id, difference, error) from the simple cells.
fn rows(files: &impact::Files) -> Vec<Vec<String>> {
    let mut r = csv::Reader::from_reader(files.households_csv.as_bytes());
    r.records().map(|rec| rec.unwrap().iter().map(str::to_owned).collect()).collect()
}

#[test]
fn haarlem_current_clients_keep_the_old_norm_unless_everyone_is_reassessed() {
    let (ciz, new) = haarlem();
    let csv = example();
    let current: Vec<bool> =
        String::from_utf8(csv.clone()).unwrap().lines().skip(1).map(|l| l.contains(";ja;20")).collect();
    let kept = impact::run(&ciz, &new, &csv, options()).unwrap();
    let s = summary(&kept);
    assert_eq!(s["households"], 40);
    assert_eq!(s["compared"], 40);
    let n_current = current.iter().filter(|c| **c).count() as u64;
    assert!(n_current > 20);
    assert_eq!(s["new"]["transitions"], n_current);
    for (row, is_current) in rows(&kept).iter().zip(&current) {
        if *is_current {
            assert_eq!(row[4], "0", "current client {} keeps the old norm", row[0]);
            assert_eq!(row[9], "", "no reason when nothing changes");
        }
    }
    let mut all = options();
    all.reassess_all = true;
    let moved = impact::run(&ciz, &new, &csv, all).unwrap();
    let m = summary(&moved);
    assert_eq!(m["new"]["transitions"], 0);
    assert_eq!(m["reassess_all"], true);
    assert!(m["equal"].as_u64().unwrap() < s["equal"].as_u64().unwrap());
    // New clients are evaluated the same either way.
    for ((a, b), is_current) in rows(&kept).iter().zip(rows(&moved)).zip(&current) {
        if !*is_current {
            assert_eq!(a[3], b[3]);
        }
    }
    assert!(moved.report_html.contains("Iedereen opnieuw beoordeeld"));
    assert!(kept.report_html.contains("Met overgangsrecht"));
}

#[test]
fn a_malformed_line_in_the_middle_loses_no_other_household() {
    let (ciz, new) = haarlem();
    let text = String::from_utf8(example()).unwrap();
    let mut lines: Vec<String> = text.lines().map(str::to_owned).collect();
    lines[10] = lines[10].replacen(";nee;", ";misschien;", 1); // a bad yes/no (line 11)
    lines[20] = "hh-kort;haarlem;Aanbieder A".to_string(); // too few cells (line 21)
    lines[30] = lines[30].replacen("haarlem", "amsterdam", 1); // not a municipality of the package (line 31)
    let csv = lines.join("\n");
    let files = impact::run(&ciz, &new, csv.as_bytes(), options()).unwrap();
    let s = summary(&files);
    assert_eq!(s["households"], 40);
    assert_eq!(s["refused"], 3);
    assert_eq!(s["compared"], 37);
    assert_eq!(s["refused_lines"], json!([11, 21, 31]));
    let rows = rows(&files);
    assert_eq!(rows.len(), 40, "every line gets a row");
    assert!(rows[9][10].contains("wrong_type"), "{:?}", rows[9]);
    assert!(rows[9][10].contains("'misschien'"));
    assert_eq!(rows[19][1], "21");
    assert!(rows[19][10].contains("invalid_caseload") && rows[19][10].contains("regel 21"));
    assert!(rows[29][10].contains("unknown_municipality"));
}

fn run_err(csv: &[u8]) -> rules_core::Error {
    let (ciz, new) = haarlem();
    impact::run(&ciz, &new, csv, options()).unwrap_err()
}

#[test]
fn edge_files_get_clear_messages() {
    for empty in [&b""[..], b"   \n\n", b"\xEF\xBB\xBF"] {
        let e = run_err(empty);
        assert_eq!(e.code(), "invalid_caseload");
        assert!(e.to_string().contains("leeg"), "{e}");
    }
    let e = run_err(b"id;slaapkamers_in_gebruik\n");
    assert!(e.to_string().contains("geen huishoudens"), "{e}");
    let e = run_err(b"id,slaapkamers_in_gebruik,kleur\nx,2,rood\n");
    assert_eq!(e.code(), "invalid_caseload");
    assert!(e.to_string().contains("onbekende kolom 'kleur'"), "{e}");
    let e = run_err(b"id,id\nx,y\n");
    assert!(e.to_string().contains("twee keer"), "{e}");
}

#[test]
fn bom_semicolons_and_commas_and_json_lines_give_the_same_figures() {
    let (ciz, new) = haarlem();
    let semi = String::from_utf8(example()).unwrap();
    let comma = semi.replace(';', ",");
    let with_bom = format!("\u{feff}{semi}");
    let a = impact::run(&ciz, &new, semi.as_bytes(), options()).unwrap();
    let b = impact::run(&ciz, &new, comma.as_bytes(), options()).unwrap();
    let c = impact::run(&ciz, &new, with_bom.as_bytes(), options()).unwrap();
    assert_eq!(a, b);
    assert_eq!(a, c);
    // The same households as JSON Lines.
    let mut jsonl = String::new();
    let mut reader = csv::ReaderBuilder::new().delimiter(b';').from_reader(semi.as_bytes());
    let header = reader.headers().unwrap().clone();
    for rec in reader.records() {
        let rec = rec.unwrap();
        let mut answers = serde_json::Map::new();
        let mut line = serde_json::Map::new();
        for (k, v) in header.iter().zip(rec.iter()) {
            if v.is_empty() {
                continue;
            }
            let value = match v {
                "ja" => json!(true),
                "nee" => json!(false),
                _ => v.parse::<i64>().map(Value::from).unwrap_or_else(|_| json!(v)),
            };
            if ["id", "municipality", "provider", "wijk"].contains(&k) {
                line.insert(k.into(), json!(v));
            } else {
                answers.insert(k.into(), value);
            }
        }
        line.insert("answers".into(), Value::Object(answers));
        jsonl.push_str(&Value::Object(line).to_string());
        jsonl.push('\n');
    }
    let d = impact::run(&ciz, &new, jsonl.as_bytes(), options()).unwrap();
    assert_eq!(a.summary_json, d.summary_json);
    assert_eq!(a.report_html, d.report_html);
}

#[test]
fn duplicate_ids_are_refused_naming_both_lines() {
    let (ciz, new) = haarlem();
    let csv = "id,slaapkamers_in_gebruik,volwassen_huisgenoot,kinderen_onder_5,kinderen_5_tot_12,kinderen_13_tot_17,kan_zelf_strijken,heeft_indicatie\n\
               a,2,nee,0,0,0,nee,nee\nb,2,nee,0,0,0,nee,nee\na,3,nee,0,0,0,nee,nee\n";
    let files = impact::run(&ciz, &new, csv.as_bytes(), options()).unwrap();
    let rows = rows(&files);
    assert_eq!(rows.len(), 3);
    assert!(rows[2][10].starts_with("duplicate_id"), "{:?}", rows[2]);
    assert!(rows[2][10].contains("regel 4") && rows[2][10].contains("regel 2"));
}

#[test]
fn money_per_year_per_hour_and_per_period_and_contribution_by_month() {
    // € 30.01 per hour; 108 h/yr + 26 h/yr = 134 h = 8040 min → 134 × 3001 = 402134 cents exactly.
    let per_hour = kpmg_with_tariff(
        json!({"kind": "per_hour", "cents": 3001, "label": "uurtarief", "provisional": "test"}),
        Some(json!({"cents": 1900, "per": "month", "label": "abonnementstarief", "provisional": "test"})),
    );
    let answers = |extra: i64| {
        json!({"eigen_mogelijkheden": false, "beperkingen": "enig", "samenstelling_huishouden": false,
               "extra_kamers_in_gebruik": extra, "extra_kamers_niet_in_gebruik": 0})
    };
    let v = per_hour.version_for(Date::parse("2025-01-01").unwrap()).unwrap();
    let opts = Options { date: Date::parse("2025-01-01").unwrap(), municipality: None };
    let total = |a: &Value| {
        let checked = Answers::from_json(&per_hour, &rules_core::AnswerValue::from(a)).unwrap();
        rules_core::evaluate(&per_hour, &checked, &opts).unwrap().total
    };
    let t0 = total(&answers(0));
    assert_eq!(t0, 134 * 60);
    let c = impact::money::cost(&per_hour, v, Date::parse("2025-01-01").unwrap(), t0).unwrap();
    assert_eq!(c.cents_per_year, Some(134 * 3001));
    assert_eq!(c.contribution_cents_per_year, Some(12 * 1900));
    // Rounding once, half up: 1 cent per hour over 90 minutes is 1.5 → 2 cents; 89 minutes → 1.
    let one_cent = kpmg_with_tariff(json!({"kind": "per_hour", "cents": 1, "label": "x", "provisional": "test"}), None);
    let v1 = one_cent.version_for(Date::parse("2025-01-01").unwrap()).unwrap();
    assert_eq!(
        impact::money::cost(&one_cent, v1, Date::parse("2025-01-01").unwrap(), 90).unwrap().cents_per_year,
        Some(2)
    );
    assert_eq!(
        impact::money::cost(&one_cent, v1, Date::parse("2025-01-01").unwrap(), 89).unwrap().cents_per_year,
        Some(1)
    );
    assert_eq!(
        impact::money::cost(&one_cent, v1, Date::parse("2025-01-01").unwrap(), 0).unwrap().cents_per_year,
        Some(0),
        "no help, no tariff"
    );
    assert_eq!(
        impact::money::cost(&one_cent, v1, Date::parse("2025-01-01").unwrap(), 0).unwrap().contribution_cents_per_year,
        None
    );
    // Per period: 13 periods a year, whatever the minutes.
    let per_period =
        kpmg_with_tariff(json!({"kind": "per_period", "cents": 34200, "label": "x", "provisional": "test"}), None);
    let vp = per_period.version_for(Date::parse("2025-01-01").unwrap()).unwrap();
    assert_eq!(
        impact::money::cost(&per_period, vp, Date::parse("2025-01-01").unwrap(), 8040).unwrap().cents_per_year,
        Some(13 * 34200)
    );
    // Through a whole run: old without tariff, new with: the old side says so, never 0.
    let plain = Package::from_value(kpmg_plain()).unwrap();
    let csv = "id,eigen_mogelijkheden,beperkingen,samenstelling_huishouden,extra_kamers_in_gebruik,extra_kamers_niet_in_gebruik\n\
               a,nee,enig,nee,0,0\nb,nee,enig,nee,1,0\n";
    let files = impact::run(&plain, &per_hour, csv.as_bytes(), options()).unwrap();
    let s = summary(&files);
    assert_eq!(s["old"]["cents_per_year"], Value::Null);
    assert_eq!(s["old"]["households_without_tariff"], 2);
    assert_eq!(s["new"]["cents_per_year"], 134 * 3001 + 150 * 3001);
    assert_eq!(s["new"]["contribution_cents_per_year"], 2 * 12 * 1900);
    assert!(files.report_html.contains("geen tarief in het pakket"));
}

#[test]
fn a_package_with_tariffs_only_per_municipality_needs_the_municipality() {
    // The base without a tariff, Delft's overlay with its own dated list.
    let mut doc = norms("h4/package.json");
    let tariffs = doc["tariffs"].take();
    if let Some(map) = doc.as_object_mut() {
        map.remove("tariffs");
    }
    let mut delft = norms("h4/overlays/delft.json");
    delft["tariffs"] = tariffs;
    doc["overlays"] = json!({ "delft": delft });
    let h4 = Package::from_value(doc).unwrap();
    let csv = "id,municipality,huishouden_grootte,aantal_kinderen,eigen_mogelijkheden,beperkingen,extra_kamers_in_gebruik,extra_was,wasservice,boodschappen_maaltijden,regie\n\
               a,,1,0,nee,geen,0,normaal,nee,geen,geen\n\
               b,delft,1,0,nee,geen,0,normaal,nee,geen,geen\n";
    let files = impact::run(&h4, &h4, csv.as_bytes(), options());
    let files = match files {
        Ok(f) => f,
        Err(e) => panic!("{e}"),
    };
    let rows = rows(&files);
    assert!(rows[0][10].contains("municipality_required"), "{:?}", rows[0]);
    assert_eq!(rows[1][10], "", "{:?}", rows[1]);
    // 155 minutes per week shows as 165: klasse-3 of the (provisional) matrix, € 342,00 × 13.
    assert_eq!(rows[1][5], "klasse-3");
    assert_eq!(rows[1][7], (13 * 34200).to_string());
}

#[test]
fn small_groups_show_fewer_than_5_and_caseload_values_are_escaped() {
    let (ciz, new) = haarlem();
    let text = String::from_utf8(example()).unwrap();
    let mut lines: Vec<String> = text.lines().map(str::to_owned).collect();
    lines[1] =
        lines[1].replacen("hh000000", "=HYPERLINK(\"x\")", 1).replacen("Zuid-West", "<script>alert(1)</script>", 1);
    let csv = lines.join("\n");
    let files = impact::run(&ciz, &new, csv.as_bytes(), options()).unwrap();
    assert!(!files.report_html.contains("<script>"));
    assert!(files.report_html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(files.report_html.contains("minder dan 5"));
    assert!(files.report_html.contains("default-src 'none'; style-src 'unsafe-inline'"));
    assert!(files.households_csv.contains("\"'=HYPERLINK(\"\"x\"\")\""), "formula neutralised");
    let s = summary(&files);
    let wijk = s["groups"]["wijk"].as_array().unwrap();
    let small = wijk.iter().find(|g| g["name"] == "<script>alert(1)</script>").unwrap();
    assert_eq!(small["fewer_than_5"], true);
    assert!(small.get("households").is_none());
}

#[test]
fn the_same_input_gives_the_same_bytes_and_partial_totals_merge_in_any_order() {
    let (ciz, new) = haarlem();
    let csv = example();
    let mut o = options();
    o.scale_to = Some(3500);
    let a = impact::run(&ciz, &new, &csv, o.clone()).unwrap();
    let b = impact::run(&ciz, &new, &csv, o.clone()).unwrap();
    assert_eq!(a, b);
    assert!(a.report_html.contains("schatting"));
    let s = summary(&a);
    assert_eq!(s["extrapolation"]["to_households"], 3500);
    assert_eq!(s["extrapolation"]["sample"], true);
    // Totals split in two and merged backwards equal the sequential ones.
    let cmp = impact::Comparison::new(&ciz, &new, o).unwrap();
    let reader = impact::Caseload::open(&csv[..], &cmp).unwrap();
    let columns = cmp.columns(&reader.columns);
    let rows: Vec<_> = reader.map(|e| cmp.household(&columns, e)).collect();
    let (mut all, mut first, mut second) =
        (impact::Totals::default(), impact::Totals::default(), impact::Totals::default());
    for (i, r) in rows.iter().enumerate() {
        all.add(r);
        if i % 3 == 0 {
            first.add(r)
        } else {
            second.add(r)
        }
    }
    assert_eq!(second.merge(first), all);
    assert_eq!(impact::summary_json(&cmp, &all), a.summary_json);
}

#[test]
fn the_figures_only_engine_equals_evaluate() {
    let kpmg = Package::from_value(norms("kpmg-2019/package.json")).unwrap();
    let opts = Options { date: Date::parse("2025-01-01").unwrap(), municipality: None };
    let v = kpmg.version_for(opts.date).unwrap();
    for em in [false, true] {
        for b in ["geen", "enig", "veel"] {
            for sh in [false, true] {
                for kin in 0..=6 {
                    let a = json!({"eigen_mogelijkheden": em, "beperkingen": b, "samenstelling_huishouden": sh,
                        "extra_kamers_in_gebruik": kin, "extra_kamers_niet_in_gebruik": kin / 2});
                    let checked = Answers::from_json(&kpmg, &rules_core::AnswerValue::from(&a)).unwrap();
                    let full = rules_core::evaluate(&kpmg, &checked, &opts).unwrap().total;
                    assert_eq!(engine::minutes_per_year(v, &checked).unwrap(), full);
                }
            }
        }
    }
}

#[test]
fn a_question_named_like_a_fixed_column_is_refused_at_load() {
    let mut doc = norms("kpmg-2019/package.json");
    let text = doc.to_string().replace("\"extra_kamers_niet_in_gebruik\"", "\"wijk\"");
    doc = serde_json::from_str(&text).unwrap();
    let p = Package::from_value(doc).unwrap();
    let e = impact::Comparison::new(&p, &p, options()).err().unwrap();
    assert!(e.to_string().contains("'wijk'"), "{e}");
}

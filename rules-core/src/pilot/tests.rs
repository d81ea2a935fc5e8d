use super::*;

fn record(
    dossier: &str,
    district: &str,
    provider: &str,
    dates: [&str; 4],
    minutes: (i64, i64),
    changes: &[(&str, &str)],
) -> String {
    let changes: Vec<_> =
        changes.iter().map(|(q, r)| serde_json::json!({"question": q, "before": 1, "after": 2, "reason": r})).collect();
    serde_json::json!({
        "format": "urenwijzer-omgekeerd-toewijzen/2",
        "dossier": dossier,
        "provider": {"name": provider, "agb": null},
        "district": district,
        "package": {"id": "kpmg-2019", "title": "KPMG", "fingerprint": "sha256:abc"},
        "decision": dates[0], "conversation": dates[1], "start": dates[2], "evaluation": dates[3],
        "initial": {"date": dates[1], "answers": {}, "indication": {"total": {"minutes_per_week": minutes.0}}},
        "changes": changes,
        "final": {"date": dates[3], "answers": {}, "indication": {"total": {"minutes_per_week": minutes.1}}},
        "complete": true
    })
    .to_string()
}

#[test]
fn summarises_groups_intervals_hours_and_privacy() {
    let mut texts = Vec::new();
    // Five in Noord with provider A; decision Mon 2 Nov 2026, conversation Wed 4 (2 wd), start Thu 5 (1 wd), evaluation Thu 10 Dec (in window 3..17 Dec).
    for i in 0..5 {
        texts.push((
            format!("r{i}.json"),
            record(
                &format!("HH-{i}"),
                "Noord",
                "A",
                ["2026-11-02", "2026-11-04", "2026-11-05", "2026-12-10"],
                (120, 120 + 10 * i),
                &[("beperkingen", "reden <b>")],
            ),
        ));
    }
    // One in Zuid with provider B, late conversation (Mon 9 Nov = 5 wd), evaluation outside the window.
    texts.push((
        "z.json".into(),
        record(
            "HH-Z",
            "Zuid",
            "B",
            ["2026-11-02", "2026-11-09", "2026-11-09", "2027-01-29"],
            (200, 100),
            &[("kinderen", "geheim")],
        ),
    ));
    texts.push(("bad.json".into(), "{not json".into()));
    texts.push((
        "bsn.json".into(),
        record("111222333", "Zuid", "B", ["2026-11-02", "2026-11-04", "2026-11-05", "2026-12-10"], (1, 1), &[]),
    ));
    let files: Vec<RecordFile<'_>> = texts.iter().map(|(n, t)| RecordFile { name: n, bytes: t.as_bytes() }).collect();
    let out = pilot(&files, &PilotOptions { packages: &[], show_reasons: true });
    let s = &out.summary;
    assert_eq!(s.files, 8);
    assert_eq!(
        s.unreadable.iter().map(|u| (u.file.as_str(), u.code)).collect::<Vec<_>>(),
        [("bad.json", "invalid_record"), ("bsn.json", "bsn_in_reference")]
    );
    assert_eq!(s.groups.len(), 1);
    let g = &s.groups[0];
    assert_eq!(g.residents, 6);
    assert_eq!(g.per_district[0], Count { name: "Noord".into(), residents: Some(5), fewer_than_5: false });
    assert_eq!(g.per_district[1], Count { name: "Zuid".into(), residents: None, fewer_than_5: true });
    assert_eq!(
        g.decision_to_conversation,
        Interval { measured: 6, median_working_days: Some("2.0".into()), on_time: 5 }
    );
    assert_eq!(g.conversation_to_start.on_time, 6);
    assert_eq!(g.start_to_evaluation.on_time, 5);
    // Changes: 0,10,20,30,40 and −100.
    assert_eq!(g.hours.change_mean.as_deref(), Some("0.0"));
    assert_eq!(g.hours.change_median.as_deref(), Some("15.0"));
    assert_eq!((g.hours.more, g.hours.same, g.hours.less), (4, 1, 1));
    assert_eq!(g.hours.distribution.iter().map(|b| b.residents).collect::<Vec<_>>(), [1, 0, 0, 1, 3, 1, 0]);
    assert_eq!(g.changed_answers[0].question, "beperkingen");
    assert_eq!(g.changed_answers[0].reasons.as_deref(), Some(&vec!["reden <b>".to_string(); 5][..]));
    assert_eq!(g.changed_answers[1].reasons, None); // one resident: never shown
    assert_eq!(g.recomputed.not_checked.len(), 6);
    let html = &out.html;
    assert!(html.contains("reden &lt;b&gt;") && !html.contains("geheim") && !html.contains("<script"));
    assert!(html.contains("minder dan 5"));
    assert!(!html.contains("111222333"));
    // Without the option no reason appears at all.
    let quiet = pilot(&files, &PilotOptions::default());
    assert!(!quiet.html.contains("reden &lt;b&gt;"));
    assert!(quiet.summary.groups[0].changed_answers.iter().all(|c| c.reasons.is_none()));
}

#[test]
fn different_fingerprints_are_reported_apart() {
    let a = record("A", "Noord", "A", ["2026-11-02", "2026-11-04", "2026-11-05", "2026-12-10"], (60, 60), &[]);
    let b = a.replace("sha256:abc", "sha256:def");
    let files = [RecordFile { name: "a", bytes: a.as_bytes() }, RecordFile { name: "b", bytes: b.as_bytes() }];
    let out = pilot(&files, &PilotOptions::default());
    assert_eq!(out.summary.groups.len(), 2);
    assert!(out.html.contains("niet bij elkaar opgeteld"));
}

#[test]
fn implausibly_long_trajectories_are_not_counted() {
    let far = record("A", "Noord", "A", ["1900-01-01", "2990-01-01", "2990-01-02", "2990-02-05"], (60, 60), &[]);
    let files = [RecordFile { name: "far", bytes: far.as_bytes() }];
    let g = &pilot(&files, &PilotOptions::default()).summary.groups[0];
    assert_eq!((g.decision_to_conversation.measured, g.conversation_to_start.measured), (0, 0));
    assert_eq!(g.residents, 1);
}

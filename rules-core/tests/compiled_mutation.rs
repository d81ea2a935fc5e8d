//! Property test of the compiled loader: the compiled bundles of the real
//! packages (KPMG, H4 with its four overlays, Haarlem with CIZ linked),
//! mutated by proptest (bytes overwritten, cut short, inserted, removed),
//! never make the core panic: each ends in a coded error listed in
//! `docs/errors.md` or loads and then evaluates (`fuzz_checks::exercise`).
//! Most mutations have the body hash set right again (`fuzz_checks::compiled`),
//! so they reach the decoder and its index checks, not just `bundle_hash`.

mod common;

#[path = "common/fuzz_checks.rs"]
mod fuzz_checks;

use std::sync::OnceLock;

use proptest::prelude::*;
use rules_core::{compiled, Package, ERROR_CODES};

fn bundles() -> &'static [Vec<u8>] {
    static BUNDLES: OnceLock<Vec<Vec<u8>>> = OnceLock::new();
    BUNDLES.get_or_init(fuzz_checks::compiled_bundles)
}

#[derive(Debug, Clone)]
enum Edit {
    Set(usize, u8),
    Truncate(usize),
    Insert(usize, Vec<u8>),
    Remove(usize, usize),
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        6 => (any::<usize>(), any::<u8>()).prop_map(|(i, b)| Edit::Set(i, b)),
        1 => any::<usize>().prop_map(Edit::Truncate),
        2 => (any::<usize>(), proptest::collection::vec(any::<u8>(), 1..8)).prop_map(|(i, b)| Edit::Insert(i, b)),
        2 => (any::<usize>(), 1usize..16).prop_map(|(i, n)| Edit::Remove(i, n)),
    ]
}

fn apply(bytes: &mut Vec<u8>, edit: &Edit) {
    let len = bytes.len().max(1);
    match edit {
        Edit::Set(i, b) => {
            let i = i % len;
            if i < bytes.len() {
                bytes[i] = *b;
            }
        }
        Edit::Truncate(i) => bytes.truncate(i % len),
        Edit::Insert(i, b) => {
            let i = i % (bytes.len() + 1);
            bytes.splice(i..i, b.iter().copied());
        }
        Edit::Remove(i, n) => {
            let i = i % len;
            let end = (i + n).min(bytes.len());
            if i < end {
                bytes.drain(i..end);
            }
        }
    }
}

#[test]
fn the_real_bundles_load_unchanged() {
    assert_eq!(bundles().len(), 3);
    for b in bundles() {
        assert_eq!(fuzz_checks::compiled(b), fuzz_checks::compiled(b));
        let p = Package::load_compiled(b).expect("a real bundle loads");
        assert_eq!(compiled::to_bytes(&p).unwrap(), *b, "encode(decode(b)) == b");
    }
}

#[test]
fn header_errors_are_coded() {
    let b = &bundles()[0];
    let code = |bytes: &[u8]| Package::load_compiled(bytes).unwrap_err().code();
    assert_eq!(code(b"{}"), "invalid_bundle");
    let mut other = b.clone();
    other[4] = 9;
    let e = Package::load_compiled(&other).unwrap_err();
    assert_eq!(e.code(), "bundle_version");
    assert!(e.to_string().contains('9') && e.to_string().contains(&compiled::FORMAT_VERSION.to_string()), "{e}");
    let mut flipped = b.clone();
    let last = flipped.len() - 1;
    flipped[last] ^= 1;
    assert_eq!(code(&flipped), "bundle_hash");
    assert_eq!(code(&b[..50]), "invalid_bundle");
}

/// The body's hash computed by the caller (Web Crypto in the browser): the
/// same package when it is right; `bundle_hash` when it differs from the
/// header's (a damaged body) or has another length; header errors first, as
/// without it.
#[test]
fn a_body_hash_from_the_caller_is_compared_like_the_own() {
    use sha2::{Digest, Sha256};
    for b in bundles() {
        let digest = Sha256::digest(&b[compiled::BODY_OFFSET..]);
        let p = Package::load_compiled_hashed(b, &digest).expect("the right hash loads");
        assert_eq!(compiled::to_bytes(&p).unwrap(), *b);
        assert_eq!(p.fingerprint, Package::load_compiled(b).unwrap().fingerprint);
        let mut wrong = digest;
        wrong[31] ^= 1;
        assert_eq!(Package::load_compiled_hashed(b, &wrong).unwrap_err().code(), "bundle_hash");
        assert_eq!(Package::load_compiled_hashed(b, &digest[..31]).unwrap_err().code(), "bundle_hash");
        assert_eq!(Package::load_compiled_hashed(b, &[]).unwrap_err().code(), "bundle_hash");
        let mut flipped = b.clone();
        let last = flipped.len() - 1;
        flipped[last] ^= 1;
        // A damaged body: its digest differs from the header's hash. (The
        // digest is taken on trust to be of these bytes: the wrapper computes
        // it from them right before, as `load_compiled` would.)
        let flipped_digest = Sha256::digest(&flipped[compiled::BODY_OFFSET..]);
        assert_eq!(Package::load_compiled_hashed(&flipped, &flipped_digest).unwrap_err().code(), "bundle_hash");
        let mut other = b.clone();
        other[4] = 9;
        assert_eq!(Package::load_compiled_hashed(&other, &digest).unwrap_err().code(), "bundle_version");
        assert_eq!(Package::load_compiled_hashed(b"{}", &digest).unwrap_err().code(), "invalid_bundle");
        assert_eq!(Package::load_compiled_hashed(&b[..50], &digest).unwrap_err().code(), "invalid_bundle");
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 384, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn mutated_bundles_give_only_coded_errors(
        which in 0usize..3,
        edits in proptest::collection::vec(edit(), 1..4),
        keep_hash in proptest::bool::weighted(0.1),
    ) {
        let mut bytes = bundles()[which % bundles().len()].clone();
        for e in &edits {
            apply(&mut bytes, e);
        }
        let code = if keep_hash {
            match Package::load_compiled(&bytes) {
                Ok(p) => fuzz_checks::exercise(&p, &rules_core::AnswerValue::from(&fuzz_checks::kpmg_answers())),
                Err(e) => Some(e.code()),
            }
        } else {
            fuzz_checks::compiled(&bytes)
        };
        if let Some(code) = code {
            prop_assert!(ERROR_CODES.contains(&code), "undocumented code {}", code);
        }
    }
}

/// Crafted bundles: a well-formed body naming what is not there gives
/// `invalid_bundle` at `(inhoud)` saying what is wrong (and at which byte),
/// never a panic.
#[test]
fn crafted_indices_are_refused_with_the_reason() {
    use rules_core::expr::Expr;
    let base = Package::load_compiled(&bundles()[0]).unwrap();
    let refused = |edit: &dyn Fn(&mut Package), reason: &str| {
        let mut p = base.clone();
        edit(&mut p);
        let e = Package::load_compiled(&compiled::to_bytes(&p).unwrap()).unwrap_err();
        assert_eq!((e.code(), e.path()), ("invalid_bundle", Some("(inhoud)")), "{e}");
        assert!(e.to_string().contains(reason) && e.to_string().contains("(byte "), "{e}");
    };
    refused(&|p| p.versions[0].areas[0].rules[0].values.push(999), "regel noemt een waarde die er niet is");
    refused(&|p| p.versions[0].areas[0].maximum = Some(999), "maximum is geen waarde");
    refused(
        &|p| p.versions[0].areas[0].rules[0].amount.expr = Expr::Value(999, 1),
        "expressie noemt een waarde die hier niet bestaat of een ander bedrag heeft",
    );
    refused(
        &|p| p.versions[0].areas[0].rules[0].amount.expr = Expr::Answer(999, false),
        "expressie noemt een vraag die er niet is",
    );
    refused(
        &|p| {
            p.versions[0].areas[0].rules[0].amount.expr =
                Expr::Lookup(77, rules_core::expr::Key::Fixed(0), rules_core::expr::Key::Fixed(0))
        },
        "expressie noemt een tabel die hier niet bestaat",
    );
    refused(&|p| p.questions[0].topic = "nergens".into(), "onderwerp van een vraag staat niet in topics");
    refused(
        &|p| {
            p.versions[0].values[0].provenance =
                rules_core::package::Provenance::Source { document: 999, locator: "x".into() }
        },
        "bron bestaat niet",
    );
    refused(
        &|p| {
            p.questions[0].ask_if =
                Some(rules_core::package::Condition { text: "x".into(), expr: Expr::Answer(0, false) })
        },
        "expressie noemt een vraag die er niet is",
    );
    if !base.versions[0].tables.is_empty() {
        refused(
            &|p| {
                p.versions[0].tables[0].cells.pop();
            },
            "aantal cellen van een tabel is niet rijen × kolommen",
        );
    }
    // An expression deeper than the loader allows.
    let mut deep = Expr::Const(1);
    for _ in 0..=compiled::MAX_EXPR_DEPTH {
        deep = Expr::Not(Box::new(deep));
    }
    refused(
        &|p| {
            p.versions[0].areas[0].rules[0].when =
                Some(rules_core::package::Condition { text: "x".into(), expr: deep.clone() })
        },
        "expressie dieper dan 256",
    );
}

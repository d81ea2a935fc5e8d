//! The compiled bundle (`.uwb`): a loaded `Package` in a compact, versioned
//! binary form, so the browser needs neither the document deserializers nor
//! `compile` nor the expression parser (issue 11). Written by
//! `urenwijzer bundle` next to the JSON bundle; layout in
//! `docs/package-format.md#compiled-bundles`:
//!
//! ```text
//! 0..4    magic "UWB\0"
//! 4..6    format version, u16 little-endian (FORMAT_VERSION)
//! 6..38   the resolved package document's fingerprint: the 32 bytes of its sha256
//! 38..70  sha256 of the body
//! 70..    body: `wire::Bundle`, postcard 1.0 wire format
//! ```
//!
//! Why `postcard`: it is serde-driven (the format is the `wire` types, the
//! encoder is derived), compact (varints, no field names: the KPMG bundle is
//! a fraction of its JSON) and has a documented, frozen wire format
//! (postcard 1.0 spec). Only the encoder (`to_bytes`, native) uses postcard
//! and the `wire` types: the body is read by `read`, a hand-written reader of
//! exactly that wire format straight into the model, in one pass, checking
//! every length, index, code, date and tree as it goes (issue 11: the
//! browser's resident module carries neither postcard nor any serde
//! `Deserialize`, nor a second tree of `wire` values). Its tests hold it to
//! postcard's own decoder followed by `decode` (the former wire → model step,
//! now test-only) on every real bundle and on every truncation and thousands
//! of byte changes. Reading is bounded by the input: every length is checked
//! against the bytes left before anything is allocated for it.
//!
//! Results from a compiled bundle are byte-identical to those from the
//! document: the fingerprints come along, and of what `load::prepare` makes
//! from a document, the texts are stored as made when `urenwijzer bundle`
//! loaded it (the warning texts, the metadata and questions as JSON text;
//! format 3, so the browser's modules carry no code that writes them) and
//! the pre-rendered JSON parts are rendered again by the same code
//! (`load_compiled`).

mod codes;
#[cfg(test)]
mod decode;
mod encode;
mod read;
mod wire;

use sha2::{Digest, Sha256};

pub use read::MAX_EXPR_DEPTH;

use crate::error::Error;
use crate::input::limits;
use crate::package::Package;

/// The first four bytes of every compiled bundle.
pub const MAGIC: [u8; 4] = *b"UWB\0";
/// The format this build writes and reads. Raise it for any change to
/// `wire.rs` or `codes.rs`; an older reader then says `bundle_version`.
pub const FORMAT_VERSION: u16 = 3;
/// File extension of a compiled bundle.
pub const EXTENSION: &str = "uwb";
pub(crate) const HEADER: usize = 4 + 2 + 32 + 32;
/// Where the body starts: what the header's sha256 is a hash of
/// (`Package::load_compiled_hashed`).
pub const BODY_OFFSET: usize = HEADER;

/// What the header says, read without decoding the body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Header {
    pub version: u16,
    /// `sha256:` + hex, as in a result's `package.fingerprint`.
    pub fingerprint: String,
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// The 32 bytes of a `sha256:<64 hex>` fingerprint.
fn fingerprint_bytes(fingerprint: &str) -> Option<[u8; 32]> {
    let hex = fingerprint.strip_prefix("sha256:")?;
    if hex.len() != 64 {
        return None;
    }
    let mut out = [0u8; 32];
    for (i, byte) in out.iter_mut().enumerate() {
        *byte = u8::from_str_radix(hex.get(2 * i..2 * i + 2)?, 16).ok()?;
    }
    Some(out)
}

fn not_a_bundle() -> Error {
    Error::InvalidBundle {
        path: "(kop)".into(),
        message: "dit is geen gecompileerde bundel van `urenwijzer bundle`".into(),
    }
}

/// Reads and checks the header: magic, then version, then length.
pub fn header(bytes: &[u8]) -> Result<Header, Error> {
    if bytes.get(..4) != Some(&MAGIC[..]) {
        return Err(not_a_bundle());
    }
    let version = match bytes.get(4..6) {
        Some(&[a, b]) => u16::from_le_bytes([a, b]),
        _ => return Err(not_a_bundle()),
    };
    if version != FORMAT_VERSION {
        return Err(Error::BundleVersion { found: version, supported: FORMAT_VERSION });
    }
    let fingerprint = bytes.get(6..38).ok_or_else(not_a_bundle)?;
    if bytes.len() < HEADER {
        return Err(not_a_bundle());
    }
    Ok(Header { version, fingerprint: format!("sha256:{}", hex(fingerprint)) })
}

/// The compiled bundle of a loaded package.
pub fn to_bytes(package: &Package) -> Result<Vec<u8>, Error> {
    let fingerprint = fingerprint_bytes(&package.fingerprint).ok_or_else(|| Error::InvalidBundle {
        path: "fingerprint".into(),
        message: "geen sha256-vingerafdruk".into(),
    })?;
    let body = postcard::to_allocvec(&encode::bundle(package))
        .map_err(|e| Error::InvalidBundle { path: "(inhoud)".into(), message: e.to_string() })?;
    let mut out = Vec::with_capacity(HEADER + body.len());
    out.extend_from_slice(&MAGIC);
    out.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
    out.extend_from_slice(&fingerprint);
    out.extend_from_slice(&Sha256::digest(&body));
    out.extend_from_slice(&body);
    Ok(out)
}

impl Package {
    /// Loads a compiled bundle (`to_bytes`): header (`invalid_bundle`,
    /// `bundle_version`), size (`limit`), hash (`bundle_hash`), then the body,
    /// every length, index, code and tree checked as it is read
    /// (`invalid_bundle` at `(inhoud)` with the byte offset, or `limit`).
    pub fn load_compiled(bytes: &[u8]) -> Result<Package, Error> {
        Self::load_compiled_inner(bytes, None)
    }

    /// `load_compiled`, with the sha256 of the body (`bytes[BODY_OFFSET..]`)
    /// computed by the caller: in the browser, Web Crypto's native digest,
    /// where this module's own would run as baseline code on its first call
    /// (h4's 121 KB: ≈ 1 ms against ≈ 9 ms; docs/performance.md, w29). It is
    /// compared with the header's hash as `load_compiled` compares its own
    /// (`bundle_hash` when they differ, also for a digest of another
    /// length), after the same header and size checks, so the errors and the
    /// package are the same.
    pub fn load_compiled_hashed(bytes: &[u8], body_sha256: &[u8]) -> Result<Package, Error> {
        Self::load_compiled_inner(bytes, Some(body_sha256))
    }

    fn load_compiled_inner(bytes: &[u8], body_sha256: Option<&[u8]>) -> Result<Package, Error> {
        let header = header(bytes)?;
        if bytes.len() > limits::DOCUMENT_BYTES.max {
            let l = &limits::DOCUMENT_BYTES;
            return Err(Error::Limit { name: l.name, max: l.max, what: l.what, file: None, path: String::new() });
        }
        let body = &bytes[HEADER..];
        let stored = &bytes[38..HEADER];
        let intact = match body_sha256 {
            Some(digest) => digest == stored,
            None => Sha256::digest(body).as_slice() == stored,
        };
        if !intact {
            return Err(Error::BundleHash);
        }
        let mut package = read::body(body)?;
        if package.fingerprint != header.fingerprint {
            return Err(Error::InvalidBundle {
                path: "fingerprint".into(),
                message: "de vingerafdruk in de kop hoort niet bij de inhoud".into(),
            });
        }
        // The answer-independent JSON parts, rendered once here so that each
        // evaluation splices them in (and the portal's packed indication can
        // name them by id). Without the feature (the self-check site's
        // module) the indication's writer renders them at each evaluation
        // instead, the same bytes (`output::build`'s fallbacks; tested by
        // `urenwijzer conformance --compiled --no-prerender` in
        // rules-cli/tests/compiled.rs and by the conformance suite on the
        // site module), and the module is 2.8 KB gzipped smaller.
        if cfg!(feature = "prerender-compiled") {
            crate::load::prerender(&mut package);
        }
        Ok(package)
    }
}

//! The texts the resident's site shows beside an indication that the
//! compiled bundle does not carry: per package (the bundled one and each it
//! links for a transition) its resident title and, per version, what the
//! result does not count in B1 words; per municipality and package how and
//! where to apply and whom to call. `urenwijzer bundle` writes them into
//! `index.json`, so the site downloads no package document and reads no
//! package structure: it only looks up the package id and version that the
//! indication names (docs/site.md).
//!
//! Made from the resolved package document (`Package::document`), which is
//! only there when a package was loaded from its document (CLI, tools).

use serde_json::{json, Map, Value};

/// `{"packages": {id: {title, resident_title, municipalities, not_counted:
/// {version: [{id, title, text, reason}]}}}, "apply": {municipality: {id:
/// {how, url, contact}}}}` of a resolved package document.
pub fn resident_texts(document: &Value) -> Value {
    let root_id = str_of(document, "id").unwrap_or_default();
    // The bundled package first, then the packages it links (transition rule).
    let mut docs: Vec<(&str, &Value)> = vec![(root_id, document)];
    if let Some(linked) = document.get("linked").and_then(Value::as_object) {
        docs.extend(linked.iter().map(|(id, d)| (id.as_str(), d)));
    }
    let mut packages = Map::new();
    for (id, doc) in &docs {
        packages.insert((*id).to_string(), package_texts(doc));
    }
    let mut apply = Map::new();
    let municipalities = document.get("municipalities").and_then(Value::as_array).map(Vec::as_slice).unwrap_or(&[]);
    for m in municipalities.iter().filter_map(|m| str_of(m, "id")) {
        let mut per_package = Map::new();
        for (id, _) in &docs {
            per_package.insert((*id).to_string(), apply_info(&docs, m, id));
        }
        apply.insert(m.to_string(), Value::Object(per_package));
    }
    json!({ "packages": packages, "apply": apply })
}

fn str_of<'a>(v: &'a Value, key: &str) -> Option<&'a str> {
    v.get(key).and_then(Value::as_str)
}

fn package_texts(doc: &Value) -> Value {
    let mut not_counted = Map::new();
    for v in doc.get("versions").and_then(Value::as_array).into_iter().flatten() {
        let Some(version) = str_of(v, "version") else { continue };
        let items: Vec<Value> = ["not_encoded", "not_covered"]
            .iter()
            .flat_map(|k| v.get(*k).and_then(Value::as_array).into_iter().flatten())
            .map(|n| {
                let title = n.get("title").cloned().unwrap_or(Value::Null);
                json!({
                    "id": n.get("id").cloned().unwrap_or(Value::Null),
                    "title": title,
                    // The B1 text, or the title when the package has none.
                    "text": n.get("resident_text").cloned().unwrap_or_else(|| title.clone()),
                    "reason": n.get("reason").cloned().unwrap_or(Value::Null),
                })
            })
            .collect();
        not_counted.insert(version.to_string(), Value::Array(items));
    }
    json!({
        "title": doc.get("title").cloned().unwrap_or(Value::Null),
        "resident_title": doc.get("resident_title").cloned().unwrap_or(Value::Null),
        "municipalities": doc.get("municipalities").and_then(Value::as_array).map_or(0, Vec::len),
        "not_counted": not_counted,
    })
}

/// How to apply in municipality `m` when the indication came from package
/// `package_id`: that package is looked at first, then the bundled one, then
/// every linked one; per package the municipality's overlay wins over its
/// entry. Only `https` addresses are kept (the core refuses others too).
fn apply_info(docs: &[(&str, &Value)], m: &str, package_id: &str) -> Value {
    let mut order: Vec<&Value> = Vec::with_capacity(docs.len() + 1);
    if let Some((_, d)) = docs.iter().skip(1).find(|(id, _)| *id == package_id) {
        order.push(d);
    }
    order.extend(docs.iter().map(|(_, d)| *d));
    let mut how = None;
    let mut url = None;
    let mut contact = None;
    for d in order {
        let overlay = d.get("overlays").and_then(|o| o.get(m));
        let entry = d
            .get("municipalities")
            .and_then(Value::as_array)
            .and_then(|ms| ms.iter().find(|x| str_of(x, "id") == Some(m)));
        let pick = |key: &str| {
            overlay
                .and_then(|o| o.get(key))
                .filter(|v| !v.is_null())
                .or_else(|| entry.and_then(|e| e.get(key)).filter(|v| !v.is_null()))
        };
        how = how.or_else(|| pick("how_to_apply"));
        url = url.or_else(|| pick("url"));
        contact = contact.or_else(|| pick("contact"));
    }
    json!({
        "how": how.and_then(Value::as_str),
        "url": url.and_then(https),
        "contact": contact.and_then(contact_of),
    })
}

/// A link the core's link rule accepts (`links::check_url`: plain `https://` only).
fn https(v: &Value) -> Option<&str> {
    v.as_str().filter(|s| crate::links::check_url("", Some(s)).is_ok())
}

/// A phone number by the core's rule for contact details (`compile::resident::is_phone`).
fn phone(v: Option<&Value>) -> Option<String> {
    v?.as_str().filter(|s| crate::compile::resident::is_phone(s)).map(|s| s.trim().to_string())
}

fn contact_of(c: &Value) -> Option<Value> {
    let c = c.as_object()?;
    let support = c.get("client_support").filter(|s| s.is_object());
    let phone_ = phone(c.get("phone"));
    let url = c.get("url").and_then(https);
    let support_phone = support.and_then(|s| phone(s.get("phone")));
    let support_url = support.and_then(|s| s.get("url")).and_then(https);
    if phone_.is_none() && url.is_none() && support_phone.is_none() && support_url.is_none() {
        return None;
    }
    Some(json!({
        "phone": phone_,
        "url": url,
        "opening_hours": c.get("opening_hours").and_then(Value::as_str),
        "client_support": support.map(|s| json!({
            "name": s.get("name").cloned().unwrap_or(Value::Null),
            "phone": support_phone,
            "url": support_url,
        })),
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn linked_package_first_overlay_wins_https_only() {
        let doc = json!({
            "id": "nieuw", "title": "Nieuw", "resident_title": "Nieuwe regels",
            "municipalities": [{"id": "a", "name": "A", "url": "http://a.example"}, {"id": "b", "name": "B"}],
            "overlays": {"a": {"how_to_apply": "Kom langs op het stadhuis.", "url": "https://a.example/wmo"}},
            "versions": [{"version": "1", "not_covered": [{"id": "x", "title": "X", "reason": "r", "resident_text": "Iets"}],
                          "not_encoded": [{"id": "y", "title": "Y", "reason": "s"}]}],
            "linked": {"oud": {"id": "oud", "title": "Oud", "municipalities": [{"id": "b", "name": "B", "how_to_apply": "Oude route.",
                       "contact": {"phone": "14 015", "url": "ftp://x"}}], "versions": []}}
        });
        let t = resident_texts(&doc);
        assert_eq!(
            t["apply"]["a"]["nieuw"],
            json!({"how": "Kom langs op het stadhuis.", "url": "https://a.example/wmo", "contact": null})
        );
        assert_eq!(t["apply"]["b"]["oud"]["how"], "Oude route.");
        assert_eq!(t["apply"]["b"]["nieuw"]["how"], "Oude route.");
        assert_eq!(
            t["apply"]["b"]["oud"]["contact"],
            json!({"phone": "14 015", "url": null, "opening_hours": null, "client_support": null})
        );
        assert_eq!(
            t["packages"]["nieuw"]["not_counted"]["1"],
            json!([{"id": "y", "title": "Y", "text": "Y", "reason": "s"}, {"id": "x", "title": "X", "text": "Iets", "reason": "r"}])
        );
        assert_eq!(t["packages"]["nieuw"]["municipalities"], 2);
        assert_eq!(t["packages"]["oud"]["resident_title"], Value::Null);
    }

    #[test]
    fn contact_overlay_first_https_and_phone_digits_only() {
        let source = json!({"document": "s", "locator": "p. 1"});
        let doc = json!({
            "id": "p",
            "municipalities": [{"id": "a", "name": "A", "contact": {"phone": "14 015", "url": "http://a.example", "source": source}},
                               {"id": "b", "name": "B", "contact": {"phone": "bel ons", "url": "javascript:x", "source": source}}],
            "overlays": {"a": {"contact": {"phone": "+31 15 260 2222", "opening_hours": "ma-vr 9-17 uur",
                                            "client_support": {"name": "MEE", "url": "https://mee.example"}, "source": source}}}
        });
        let t = resident_texts(&doc);
        assert_eq!(
            t["apply"]["a"]["p"]["contact"],
            json!({"phone": "+31 15 260 2222", "url": null, "opening_hours": "ma-vr 9-17 uur",
                   "client_support": {"name": "MEE", "phone": null, "url": "https://mee.example"}})
        );
        assert_eq!(t["apply"]["b"]["p"]["contact"], Value::Null);
        assert_eq!(t["apply"]["b"]["p"]["url"], Value::Null);
    }
}

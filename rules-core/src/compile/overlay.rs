//! A municipal overlay applied to its base: the resolved document that then
//! compiles like any package.

use serde_json::Value;

use crate::document::{OverlayDoc, PackageDoc, OVERLAY_FORMAT};
use crate::error::Error;

/// Builds the resolved document for one municipality: the base with the
/// overlay's choices applied. Only what the base lists in
/// `municipal_choices` may change.
pub(super) fn resolve(
    base: &Value,
    doc: &PackageDoc,
    municipality: &str,
    overlay: &OverlayDoc,
    base_fingerprint: &str,
) -> Result<Value, Error> {
    let path = format!("overlays[{municipality}]");
    if overlay.format != OVERLAY_FORMAT {
        return Err(Error::package(format!("{path}.format"), format!("verwacht '{OVERLAY_FORMAT}'")));
    }
    if overlay.base != doc.id {
        return Err(Error::package(
            format!("{path}.base"),
            format!("deze aanvulling hoort bij '{}', niet bij '{}'", overlay.base, doc.id),
        ));
    }
    if overlay.municipality != municipality {
        return Err(Error::package(
            format!("{path}.municipality"),
            format!("'{}' past niet bij '{municipality}'", overlay.municipality),
        ));
    }
    let Some(entry) = doc.municipalities.iter().find(|m| m.id == municipality) else {
        return Err(Error::package(
            &path,
            format!("gemeente '{municipality}' staat niet in de municipalities van de basis"),
        ));
    };
    let allowed = |what: &str| doc.municipal_choices.iter().any(|c| c == what);
    let refuse = |field: String, what: &str| {
        Error::package(field, format!("de basis laat gemeenten '{what}' niet zelf kiezen (zie municipal_choices)"))
    };
    if overlay.tariff.is_some() && !allowed("tariff") {
        return Err(refuse(format!("{path}.tariff"), "tariff"));
    }
    if overlay.tariffs.is_some() && !allowed("tariff") {
        return Err(refuse(format!("{path}.tariffs"), "tariff"));
    }
    if overlay.contributions.is_some() && !allowed("contribution") {
        return Err(refuse(format!("{path}.contributions"), "contribution"));
    }
    if overlay.procedure.is_some() && !allowed("procedure") {
        return Err(refuse(format!("{path}.procedure"), "procedure"));
    }
    if overlay.calendar.is_some() && !allowed("calendar") {
        return Err(refuse(format!("{path}.calendar"), "calendar"));
    }
    let scopes =
        std::iter::once((path.clone(), overlay.tariff.is_some(), overlay.contribution.is_some(), &overlay.values))
            .chain(overlay.versions.iter().map(|(v, o)| {
                (format!("{path}.versions.{v}"), o.tariff.is_some(), o.contribution.is_some(), &o.values)
            }));
    for (scope, tariff, contribution, values) in scopes {
        if tariff && !allowed("tariff") {
            return Err(refuse(format!("{scope}.tariff"), "tariff"));
        }
        if contribution && !allowed("contribution") {
            return Err(refuse(format!("{scope}.contribution"), "contribution"));
        }
        for name in values.keys() {
            if !allowed(name) {
                return Err(refuse(format!("{scope}.values.{name}"), name));
            }
        }
    }
    for v in overlay.versions.keys() {
        if !doc.versions.iter().any(|x| &x.version == v) {
            return Err(Error::package(format!("{path}.versions.{v}"), format!("de basis heeft geen versie '{v}'")));
        }
    }
    let raw = &base["overlays"][municipality];
    let mut resolved = base.clone();
    let Some(map) = resolved.as_object_mut() else { return Err(Error::package("(document)", "geen object")) };
    map.remove("overlays");
    let mut place = serde_json::to_value(entry).map_err(|e| Error::package(&path, e.to_string()))?;
    for key in ["how_to_apply", "url", "contact"] {
        if let Some(v) = raw.get(key) {
            place[key] = v.clone();
        }
        if place.get(key).is_some_and(Value::is_null) {
            if let Some(obj) = place.as_object_mut() {
                obj.remove(key);
            }
        }
    }
    map.insert("municipalities".into(), Value::Array(vec![place]));
    if let Some(Value::Array(extra)) = raw.get("sources") {
        if let Some(Value::Array(sources)) = map.get_mut("sources") {
            sources.extend(extra.iter().cloned());
        }
    }
    // The overlay's dated lists and calendar replace the base's (no merging).
    for key in ["procedure", "calendar", "tariffs", "contributions"] {
        if let Some(v) = raw.get(key).filter(|v| !v.is_null()) {
            map.insert(key.into(), v.clone());
        }
    }
    if let Some(Value::Array(versions)) = map.get_mut("versions") {
        for version in versions.iter_mut() {
            let name = version.get("version").and_then(Value::as_str).unwrap_or_default().to_string();
            // General choices first, then those for this version on top.
            for layer in [Some(raw), raw.get("versions").and_then(|vs| vs.get(&name))].into_iter().flatten() {
                for key in ["tariff", "contribution"] {
                    if let Some(v) = layer.get(key) {
                        version[key] = v.clone();
                    }
                }
                if let Some(Value::Object(values)) = layer.get("values") {
                    for (value_name, v) in values {
                        if version.get("values").and_then(|vs| vs.get(value_name)).is_some() {
                            version["values"][value_name] = v.clone();
                        }
                    }
                }
            }
        }
    }
    map.insert(
        "overlay".into(),
        serde_json::json!({ "municipality": municipality, "base_fingerprint": base_fingerprint }),
    );
    Ok(resolved)
}

//! The JSON model written with the serde-free writer (`crate::json_out`).
//! Each `write_json` writes the fields in the order of its struct, which is
//! the contract's key order; `field_some` is serde's `skip_serializing_if`.

use crate::answers::Answer;
use crate::explain::{Sentence, SentenceKind, Warning};
use crate::json_out::{JsonOut, WriteJson};

use super::model::*;

impl<T: WriteJson> WriteJson for Fragment<'_, T> {
    fn write_json(&self, out: &mut JsonOut) {
        match self {
            Fragment::Raw(part) => out.raw(&part.json),
            Fragment::Value(v) => v.write_json(out),
        }
    }
}

impl WriteJson for IndicationJson<'_> {
    fn write_json(&self, out: &mut JsonOut) {
        out.begin_object();
        out.field("contract", &self.contract);
        out.field("package", &self.package);
        out.field("date", &self.date);
        out.field("engine", &self.engine);
        out.field("transition", &self.transition);
        out.field("total", &self.total);
        out.field("areas", &self.areas);
        out.field("cost", &self.cost);
        out.field("trace", &self.trace);
        out.field("explanation", &self.explanation);
        out.field("warnings", &self.warnings);
        out.end_object();
    }
}

impl WriteJson for PackageRef<'_> {
    fn write_json(&self, out: &mut JsonOut) {
        out.begin_object();
        out.field("id", self.id);
        out.field("title", self.title);
        out.field("version", self.version);
        out.field("status", self.status);
        out.field("municipality", &self.municipality);
        out.field("overlay", &self.overlay);
        out.field("fingerprint", self.fingerprint);
        out.field("base_fingerprint", &self.base_fingerprint);
        out.end_object();
    }
}

impl WriteJson for TransitionJson<'_> {
    fn write_json(&self, out: &mut JsonOut) {
        out.begin_object();
        out.key("from");
        out.begin_object();
        out.field("id", self.from.id);
        out.field("version", self.from.version);
        out.field("fingerprint", self.from.fingerprint);
        out.end_object();
        out.field("started", &self.started);
        out.field("started_before", &self.started_before);
        out.field("reason", self.reason);
        out.end_object();
    }
}

impl WriteJson for CostJson<'_> {
    fn write_json(&self, out: &mut JsonOut) {
        out.begin_object();
        out.field("class", &self.class);
        out.field("tariff", &self.tariff);
        out.field("cents_per_period", &self.cents_per_period);
        out.field("cents_per_year", &self.cents_per_year);
        out.field("contribution", &self.contribution);
        out.end_object();
    }
}

impl WriteJson for ClassJson<'_> {
    fn write_json(&self, out: &mut JsonOut) {
        out.begin_object();
        out.field("id", self.id);
        out.field("label", self.label);
        out.field("from_minutes_per_week", &self.from_minutes_per_week);
        out.field("to_minutes_per_week", &self.to_minutes_per_week);
        out.end_object();
    }
}

impl MoneyJson<'_> {
    /// The fields without the braces (a contribution flattens them into its own object).
    fn write_fields(&self, out: &mut JsonOut) {
        out.field("per", self.per);
        out.field("cents", &self.cents);
        out.field("label", self.label);
        out.field_some("basis_points", &self.basis_points);
        out.field_some("floor_cents_per_hour", &self.floor_cents_per_hour);
        out.field_some("provisional", &self.provisional);
    }
}

impl WriteJson for MoneyJson<'_> {
    fn write_json(&self, out: &mut JsonOut) {
        out.begin_object();
        self.write_fields(out);
        out.end_object();
    }
}

impl WriteJson for ContributionJson<'_> {
    fn write_json(&self, out: &mut JsonOut) {
        out.begin_object();
        self.money.write_fields(out);
        out.field("cents_per_year", &self.cents_per_year);
        out.field_some("exemption", &self.exemption);
        out.end_object();
    }
}

impl WriteJson for ExemptionJson<'_> {
    fn write_json(&self, out: &mut JsonOut) {
        out.begin_object();
        out.field("id", self.id);
        out.field("label", self.label);
        out.field_some("document", &self.document);
        out.field_some("title", &self.title);
        out.field_some("locator", &self.locator);
        out.field_some("provisional", &self.provisional);
        out.end_object();
    }
}

impl WriteJson for EngineRef {
    fn write_json(&self, out: &mut JsonOut) {
        out.begin_object();
        out.field("name", self.name);
        out.field("version", self.version);
        out.end_object();
    }
}

impl WriteJson for Figures {
    fn write_json(&self, out: &mut JsonOut) {
        out.begin_object();
        out.field("minutes_per_week", &self.minutes_per_week);
        out.field("minutes_per_period", &self.minutes_per_period);
        out.field("minutes_per_year", &self.minutes_per_year);
        out.field("display_minutes_per_week", &self.display_minutes_per_week);
        out.end_object();
    }
}

impl WriteJson for AreaJson<'_> {
    fn write_json(&self, out: &mut JsonOut) {
        out.begin_object();
        out.field("id", self.id);
        out.field("title", self.title);
        out.field("minutes_per_week", &self.minutes_per_week);
        out.field("minutes_per_period", &self.minutes_per_period);
        out.field("minutes_per_year", &self.minutes_per_year);
        out.field("display_minutes_per_week", &self.display_minutes_per_week);
        out.end_object();
    }
}

impl WriteJson for StepJson<'_> {
    fn write_json(&self, out: &mut JsonOut) {
        out.begin_object();
        out.field("area", &self.area);
        out.field("rule", &self.rule);
        out.field("kind", self.kind);
        out.field("label", &self.label);
        out.field("condition", &self.condition);
        out.field("answers", &self.answers);
        out.field("count", &self.count);
        out.field("unit_amount", &self.unit_amount);
        out.field("change", &self.change);
        out.field("total", &self.total);
        out.field("sources", &self.sources);
        out.end_object();
    }
}

impl WriteJson for UsedAnswers<'_> {
    fn write_json(&self, out: &mut JsonOut) {
        out.begin_object();
        for (k, v) in &self.0 {
            out.field(k, v);
        }
        out.end_object();
    }
}

impl WriteJson for Answer<'_> {
    fn write_json(&self, out: &mut JsonOut) {
        match self {
            Answer::Bool(b) => out.bool(*b),
            Answer::Number(n) => out.int(*n),
            Answer::Choice(c) => out.str(c),
            Answer::Date(d) => out.display(d),
        }
    }
}

impl WriteJson for Citation<'_> {
    fn write_json(&self, out: &mut JsonOut) {
        out.begin_object();
        out.field("name", self.name);
        out.field("label", self.label);
        out.field_some("amount", &self.amount);
        out.field("unit", self.unit);
        out.field_some("document", &self.document);
        out.field_some("title", &self.title);
        out.field_some("locator", &self.locator);
        out.field_some("provisional", &self.provisional);
        out.end_object();
    }
}

impl WriteJson for Sentence<'_> {
    fn write_json(&self, out: &mut JsonOut) {
        let kind = match self.kind {
            SentenceKind::Transition => "transition",
            SentenceKind::Step => "step",
            SentenceKind::Area => "area",
            SentenceKind::Total => "total",
            SentenceKind::Note => "note",
        };
        out.begin_object();
        out.field("kind", kind);
        out.field("step", &self.step);
        out.field("area", &self.area);
        out.key("text");
        match self.head {
            None => out.str(&self.text),
            Some(head) => out.str_after(&head.part.json, &self.text),
        }
        out.end_object();
    }
}

impl WriteJson for Warning<'_> {
    fn write_json(&self, out: &mut JsonOut) {
        out.begin_object();
        out.field("code", self.code);
        out.field("message", &*self.message);
        out.field("items", &self.items);
        out.end_object();
    }
}

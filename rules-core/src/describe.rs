//! JSON descriptions of a package for user interfaces: its questions (enough
//! to render a form) and its metadata. Key order is the struct field order.

use serde::Serialize;

use crate::answers::Answers;
use crate::document::QuestionKind;
use crate::package::{Package, Question};

#[derive(Serialize)]
pub struct QuestionJson<'a> {
    pub id: &'a str,
    #[serde(rename = "type")]
    pub kind: &'static str,
    pub topic: &'a str,
    pub label: &'a str,
    pub help: Option<&'a str>,
    pub ask_if: Option<&'a str>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub options: Vec<OptionJson<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub min: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max: Option<i64>,
    /// Present (true) only for a question the resident may skip.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub optional: bool,
}

#[derive(Serialize)]
pub struct OptionJson<'a> {
    pub id: &'a str,
    pub label: &'a str,
}

fn kind_name(k: QuestionKind) -> &'static str {
    match k {
        QuestionKind::YesNo => "yes_no",
        QuestionKind::Choice => "choice",
        QuestionKind::Number => "number",
        QuestionKind::Date => "date",
    }
}

/// The package's questions, followed by those of linked (earlier) packages
/// that it does not ask itself: a form for a package with a transition rule
/// must be able to ask both. Each question id appears once.
pub fn questions(package: &Package) -> Vec<QuestionJson<'_>> {
    all_questions(package)
        .into_iter()
        .map(|q| QuestionJson {
            id: &q.id,
            kind: kind_name(q.kind),
            topic: &q.topic,
            label: &q.label,
            help: q.help.as_deref(),
            ask_if: q.ask_if.as_ref().map(|c| c.text.as_str()),
            options: q.options.iter().map(|o| OptionJson { id: &o.id, label: &o.label }).collect(),
            min: q.min,
            max: q.max,
            optional: q.optional,
        })
        .collect()
}

fn all_questions(package: &Package) -> Vec<&crate::package::Question> {
    let mut out: Vec<&crate::package::Question> = package.questions.iter().collect();
    for linked in &package.linked {
        for q in all_questions(linked) {
            if !out.iter().any(|x| x.id == q.id) {
                out.push(q);
            }
        }
    }
    out
}

fn all_topics(package: &Package) -> Vec<&crate::package::Topic> {
    let mut out: Vec<&crate::package::Topic> = package.topics.iter().collect();
    for linked in &package.linked {
        for t in all_topics(linked) {
            if !out.iter().any(|x| x.id == t.id) {
                out.push(t);
            }
        }
    }
    out
}

#[derive(Serialize)]
pub struct PackageInfo<'a> {
    pub id: &'a str,
    pub title: &'a str,
    pub description: Option<&'a str>,
    pub fingerprint: &'a str,
    pub municipalities: Vec<MunicipalityJson<'a>>,
    pub topics: Vec<TopicJson<'a>>,
    pub versions: Vec<VersionJson<'a>>,
}

#[derive(Serialize)]
pub struct MunicipalityJson<'a> {
    pub id: &'a str,
    pub name: &'a str,
    pub how_to_apply: Option<&'a str>,
    pub url: Option<&'a str>,
}

#[derive(Serialize)]
pub struct TopicJson<'a> {
    pub id: &'a str,
    pub title: &'a str,
}

#[derive(Serialize)]
pub struct VersionJson<'a> {
    pub version: &'a str,
    pub valid_from: String,
    pub valid_until: Option<String>,
    pub status: &'static str,
    pub provisional_numbers: usize,
    pub areas: Vec<TopicJson<'a>>,
}

pub fn info(package: &Package) -> PackageInfo<'_> {
    PackageInfo {
        id: &package.id,
        title: &package.title,
        description: package.description.as_deref(),
        fingerprint: &package.fingerprint,
        // An overlay may say how and where to apply; prefer its entry.
        municipalities: package
            .municipalities
            .iter()
            .map(|m| {
                let m = package
                    .for_municipality(&m.id)
                    .and_then(|p| p.municipalities.iter().find(|x| x.id == m.id))
                    .unwrap_or(m);
                MunicipalityJson {
                    id: &m.id,
                    name: &m.name,
                    how_to_apply: m.how_to_apply.as_deref(),
                    url: m.url.as_deref(),
                }
            })
            .collect(),
        topics: all_topics(package).into_iter().map(|t| TopicJson { id: &t.id, title: &t.title }).collect(),
        versions: package
            .versions
            .iter()
            .map(|v| VersionJson {
                version: &v.version,
                valid_from: v.valid_from.to_string(),
                valid_until: v.valid_until.map(|d| d.to_string()),
                status: v.status.as_str(),
                provisional_numbers: v.provisional_count(),
                areas: v.areas.iter().map(|a| TopicJson { id: &a.id, title: &a.title }).collect(),
            })
            .collect(),
    }
}

/// Ids of the questions that are asked given (possibly partial, possibly
/// invalid) answers: a form shows exactly these.
///
/// With options (date, municipality) this follows the transition rule: when
/// it sends the client to an earlier package, the referring package's own
/// asked questions stay (so the answer that decided it can be changed) and the
/// earlier package's asked questions follow.
pub fn asked_on(package: &Package, answers: &crate::AnswerValue, options: &crate::Options) -> Vec<String> {
    asked_questions_on(package, answers, options).into_iter().map(|q| q.id.clone()).collect()
}

/// As [`asked_on`], the questions themselves (for their topics).
pub fn asked_questions_on<'p>(
    package: &'p Package,
    answers: &crate::AnswerValue,
    options: &crate::Options,
) -> Vec<&'p Question> {
    let Ok(selection) = crate::eval::select(package, answers, options) else { return asked(package, answers) };
    match selection.transition {
        None => asked(selection.package, answers),
        Some(t) => {
            let mut list = asked(t.from, answers);
            for q in asked(selection.package, answers) {
                if !list.iter().any(|x| x.id == q.id) {
                    list.push(q);
                }
            }
            // Keep the referring package's own-only questions first, then the rest;
            // a shared question is described by the package that evaluates it.
            let own = list.iter().filter(|q| selection.package.question_index(&q.id).is_none()).copied();
            let rest = list
                .iter()
                .filter_map(|q| selection.package.question_index(&q.id).map(|i| &selection.package.questions[i]));
            own.chain(rest).collect()
        }
    }
}

/// Asked questions of this package alone (no transition rule applied).
pub fn asked<'p>(package: &'p Package, answers: &crate::AnswerValue) -> Vec<&'p Question> {
    Answers::asked(package, answers).into_iter().zip(&package.questions).filter(|(a, _)| *a).map(|(_, q)| q).collect()
}

// The same JSON as the serde derives above, written without serde (the
// resident browser module, `crate::json_out`); tested equal below.
mod write {
    use super::*;
    use crate::json_out::{JsonOut, WriteJson};

    impl WriteJson for QuestionJson<'_> {
        fn write_json(&self, out: &mut JsonOut) {
            out.begin_object();
            out.field("id", self.id);
            out.field("type", self.kind);
            out.field("topic", self.topic);
            out.field("label", self.label);
            out.field("help", &self.help);
            out.field("ask_if", &self.ask_if);
            if !self.options.is_empty() {
                out.field("options", &self.options);
            }
            out.field_some("min", &self.min);
            out.field_some("max", &self.max);
            if self.optional {
                out.field("optional", &true);
            }
            out.end_object();
        }
    }

    impl WriteJson for OptionJson<'_> {
        fn write_json(&self, out: &mut JsonOut) {
            out.begin_object();
            out.field("id", self.id);
            out.field("label", self.label);
            out.end_object();
        }
    }

    impl WriteJson for PackageInfo<'_> {
        fn write_json(&self, out: &mut JsonOut) {
            out.begin_object();
            out.field("id", self.id);
            out.field("title", self.title);
            out.field("description", &self.description);
            out.field("fingerprint", self.fingerprint);
            out.field("municipalities", &self.municipalities);
            out.field("topics", &self.topics);
            out.field("versions", &self.versions);
            out.end_object();
        }
    }

    impl WriteJson for MunicipalityJson<'_> {
        fn write_json(&self, out: &mut JsonOut) {
            out.begin_object();
            out.field("id", self.id);
            out.field("name", self.name);
            out.field("how_to_apply", &self.how_to_apply);
            out.field("url", &self.url);
            out.end_object();
        }
    }

    impl WriteJson for TopicJson<'_> {
        fn write_json(&self, out: &mut JsonOut) {
            out.begin_object();
            out.field("id", self.id);
            out.field("title", self.title);
            out.end_object();
        }
    }

    impl WriteJson for VersionJson<'_> {
        fn write_json(&self, out: &mut JsonOut) {
            out.begin_object();
            out.field("version", self.version);
            out.field("valid_from", &self.valid_from);
            out.field("valid_until", &self.valid_until);
            out.field("status", self.status);
            out.field("provisional_numbers", &self.provisional_numbers);
            out.field("areas", &self.areas);
            out.end_object();
        }
    }
}

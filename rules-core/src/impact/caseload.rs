//! Reading a caseload (CSV or JSON Lines) from bytes, one household at a time.
//! No file access: the caller hands in any `BufRead` (a file in the CLI, a
//! byte slice in the browser). Memory grows only with the number of distinct ids.

use std::collections::HashMap;
use std::io::BufRead;

use foldhash::fast::FixedState;

use serde_json::{Map, Value};

use crate::date::Date;
use crate::error::Error;

/// Optional columns every caseload may have besides question ids.
pub const FIXED_COLUMNS: [&str; 5] = ["id", "date", "municipality", "provider", "wijk"];

/// The answers of one household as read, converted per package later.
#[derive(Debug, Clone)]
pub enum RawAnswers {
    /// CSV cells of the question columns (an empty cell = not given).
    Cells(Cells),
    /// A JSON Lines answers object.
    Json(Map<String, Value>),
}

/// The question cells of one CSV row, trimmed, in one string (one
/// allocation per household instead of one per cell).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Cells {
    text: String,
    /// Byte range of each cell in `text`; `None` for an empty cell.
    spans: Vec<Option<(usize, usize)>>,
}

impl Cells {
    /// Appends a cell (`None` or an empty text: not given).
    pub fn push(&mut self, cell: Option<&str>) {
        self.spans.push(cell.filter(|t| !t.is_empty()).map(|t| {
            let start = self.text.len();
            self.text.push_str(t);
            (start, self.text.len())
        }));
    }

    /// Cell `i`, `None` when empty (or out of range).
    pub fn get(&self, i: usize) -> Option<&str> {
        self.spans.get(i).copied().flatten().and_then(|(a, b)| self.text.get(a..b))
    }

    pub fn len(&self) -> usize {
        self.spans.len()
    }

    pub fn is_empty(&self) -> bool {
        self.spans.is_empty()
    }

    /// Every cell in column order.
    pub fn iter(&self) -> impl Iterator<Item = Option<&str>> + '_ {
        (0..self.len()).map(|i| self.get(i))
    }
}

/// One household of the caseload.
#[derive(Debug, Clone)]
pub struct Household {
    /// 1-based line number in the input (the header is line 1 of a CSV).
    pub line: usize,
    /// The given id, or the line number.
    pub id: String,
    pub date: Option<Date>,
    pub municipality: Option<String>,
    pub provider: Option<String>,
    pub wijk: Option<String>,
    pub answers: RawAnswers,
}

/// A line refused before any package saw it (bad CSV or JSON, duplicate id).
#[derive(Debug, Clone)]
pub struct Refused {
    pub line: usize,
    pub id: String,
    pub error: Error,
    /// Group columns that could still be read (for the group counts).
    pub municipality: Option<String>,
    pub provider: Option<String>,
    pub wijk: Option<String>,
}

/// Boxed: refusals are rare, and a small `Err` keeps the common path small.
pub type Entry = Result<Household, Box<Refused>>;

/// What the reader does with a column name: a fixed column or a question
/// column (index into `Household::answers` cells). Built by the comparison,
/// which knows the packages.
pub trait ColumnCheck {
    /// `Err` with the message when the column is unknown.
    fn check_column(&self, name: &str) -> Result<(), Error>;
}

enum Kind<R> {
    Csv {
        reader: Box<csv::Reader<R>>,
        record: csv::ByteRecord,
        /// Index of each fixed column in the record.
        fixed: [Option<usize>; 5],
        /// Record index of each question column.
        questions: Vec<usize>,
        width: usize,
    },
    Jsonl {
        input: R,
        line: usize,
        buf: Vec<u8>,
        bytes: u64,
    },
}

/// A caseload being read.
pub struct Caseload<R: BufRead> {
    kind: Kind<R>,
    /// Question column names, in file order (empty for JSON Lines).
    pub columns: Vec<String>,
    /// Ids seen so far with their line. foldhash: the std SipHash showed up
    /// in profiles (an id per household), and flooding is no concern for a
    /// file the user hands in.
    seen: HashMap<String, usize, FixedState>,
    /// Households (and refused lines) read so far.
    pub count: usize,
    done: bool,
}

const BOM: &[u8] = b"\xEF\xBB\xBF";

fn caseload_error(line: Option<usize>, message: impl Into<String>) -> Error {
    Error::InvalidCaseload { line, message: message.into() }
}

impl<R: BufRead> Caseload<R> {
    /// Detects the format (a first `{` means JSON Lines, otherwise CSV with `,`
    /// or `;` as the header shows), skips a UTF-8 BOM and checks the header.
    pub fn open(mut input: R, columns: &dyn ColumnCheck) -> Result<Caseload<R>, Error> {
        let io = |e: std::io::Error| caseload_error(None, format!("kan het bestand niet lezen: {e}"));
        if input.fill_buf().map_err(io)?.starts_with(BOM) {
            input.consume(BOM.len());
        }
        let head = input.fill_buf().map_err(io)?;
        let Some(first) = head.iter().position(|b| !b.is_ascii_whitespace()) else {
            return Err(caseload_error(None, "het bestand met huishoudens is leeg"));
        };
        if head[first] == b'{' {
            return Ok(Caseload {
                kind: Kind::Jsonl { input, line: 0, buf: Vec::new(), bytes: 0 },
                columns: Vec::new(),
                seen: HashMap::default(),
                count: 0,
                done: false,
            });
        }
        let header_line = head.split(|b| *b == b'\n').next().unwrap_or_default();
        let (semi, comma) = header_line.iter().fold((0, 0), |(s, c), b| match b {
            b';' => (s + 1, c),
            b',' => (s, c + 1),
            _ => (s, c),
        });
        let delimiter = if semi > comma { b';' } else { b',' };
        let mut reader = csv::ReaderBuilder::new().delimiter(delimiter).flexible(true).from_reader(input);
        let header = reader.byte_headers().map_err(|e| caseload_error(Some(1), format!("kopregel: {e}")))?.clone();
        let mut fixed = [None; 5];
        let mut questions = Vec::new();
        let mut names = Vec::new();
        let mut all: Vec<String> = Vec::new();
        for (i, raw) in header.iter().enumerate() {
            let name = std::str::from_utf8(raw)
                .map_err(|_| caseload_error(Some(1), format!("kolom {} van de kopregel is geen UTF-8-tekst", i + 1)))?
                .trim()
                .to_string();
            if name.is_empty() {
                return Err(caseload_error(Some(1), format!("kolom {} van de kopregel heeft geen naam", i + 1)));
            }
            if all.contains(&name) {
                return Err(caseload_error(Some(1), format!("kolom '{name}' staat twee keer in de kopregel")));
            }
            all.push(name.clone());
            if let Some(f) = FIXED_COLUMNS.iter().position(|c| *c == name) {
                fixed[f] = Some(i);
            } else {
                columns.check_column(&name)?;
                questions.push(i);
                names.push(name);
            }
        }
        Ok(Caseload {
            kind: Kind::Csv {
                reader: Box::new(reader),
                record: csv::ByteRecord::new(),
                fixed,
                questions,
                width: header.len(),
            },
            columns: names,
            seen: HashMap::default(),
            count: 0,
            done: false,
        })
    }

    /// Bytes read so far (for a progress bar).
    pub fn position(&self) -> u64 {
        match &self.kind {
            Kind::Csv { reader, .. } => reader.position().byte(),
            Kind::Jsonl { bytes, .. } => *bytes,
        }
    }

    /// Room for `additional` more ids in the set of ids seen, so a large
    /// caseload does not grow (rehash, copy and zero) the set step by step.
    /// Only a hint: the households read are the same.
    pub fn reserve_ids(&mut self, additional: usize) {
        self.seen.reserve(additional);
    }

    /// Refuses a repeated id, naming both lines.
    fn unique(&mut self, mut h: Household, given: bool) -> Entry {
        if given {
            if let Some(first) = self.seen.get(&h.id) {
                return Err(Box::new(Refused {
                    line: h.line,
                    error: Error::DuplicateId { id: h.id.clone(), line: h.line, first_line: *first },
                    id: std::mem::take(&mut h.id),
                    municipality: h.municipality,
                    provider: h.provider,
                    wijk: h.wijk,
                }));
            }
            self.seen.insert(h.id.clone(), h.line);
        }
        Ok(h)
    }

    fn next_csv(&mut self) -> Option<Entry> {
        let Kind::Csv { reader, record, fixed, questions, width } = &mut self.kind else { return None };
        loop {
            match reader.read_byte_record(record) {
                Ok(false) => return None,
                Ok(true) => {}
                Err(e) => {
                    let line = e.position().map_or(0, |p| p.line() as usize);
                    let refused = refused_line(line, format!("geen geldige CSV: {e}"));
                    if e.is_io_error() {
                        self.done = true;
                    }
                    return Some(Err(refused));
                }
            }
            let line = record.position().map_or(0, |p| p.line() as usize);
            // Spreadsheets write rows of empty cells after the data: no household.
            if record.iter().all(|c| c.iter().all(u8::is_ascii_whitespace)) {
                continue;
            }
            if record.len() != *width {
                return Some(Err(refused_line(
                    line,
                    format!("{} cellen, maar de kopregel heeft {} kolommen", record.len(), width),
                )));
            }
            // Every cell must be UTF-8 (the first bad one is named): checked
            // once for the whole record (csv's ASCII fast path), then the
            // fixed columns are taken out and the rest kept in one string.
            let text = match csv::StringRecord::from_byte_record(std::mem::take(record)) {
                Ok(text) => text,
                Err(e) => {
                    let i = e.utf8_error().field();
                    *record = e.into_byte_record();
                    return Some(Err(refused_line(line, format!("cel {} is geen geldige UTF-8-tekst", i + 1))));
                }
            };
            let household = household_of(&text, line, fixed, questions);
            // The buffers go back for the next record.
            *record = text.into_byte_record();
            let (h, given) = match household {
                Ok(x) => x,
                Err(refused) => return Some(Err(refused)),
            };
            return Some(self.unique(h, given));
        }
    }

    fn next_jsonl(&mut self) -> Option<Entry> {
        let Kind::Jsonl { input, line, buf, bytes } = &mut self.kind else { return None };
        loop {
            buf.clear();
            match input.read_until(b'\n', buf) {
                Ok(0) => return None,
                Ok(n) => {
                    *line += 1;
                    *bytes += n as u64;
                }
                Err(e) => {
                    self.done = true;
                    return Some(Err(refused_line(*line + 1, format!("kan de regel niet lezen: {e}"))));
                }
            }
            if buf.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            let line = *line;
            let value: Value = match serde_json::from_slice(buf) {
                Ok(v) => v,
                Err(e) => return Some(Err(refused_line(line, format!("geen geldige JSON: {e}")))),
            };
            let (h, given) = match json_household(line, value) {
                Ok(x) => x,
                Err(e) => return Some(Err(e)),
            };
            return Some(self.unique(h, given));
        }
    }
}

impl<R: BufRead> Iterator for Caseload<R> {
    type Item = Entry;
    fn next(&mut self) -> Option<Entry> {
        if self.done {
            return None;
        }
        let next = match self.kind {
            Kind::Csv { .. } => self.next_csv(),
            Kind::Jsonl { .. } => self.next_jsonl(),
        };
        if next.is_some() {
            self.count += 1;
        }
        next
    }
}

/// The household of a CSV record whose cells are UTF-8; `bool`: an id was given.
fn household_of(
    record: &csv::StringRecord,
    line: usize,
    fixed: &[Option<usize>; 5],
    questions: &[usize],
) -> Result<(Household, bool), Box<Refused>> {
    let cell = |i: usize| record.get(i).map(str::trim).unwrap_or_default();
    let take = |f: usize| fixed[f].map(cell).filter(|t| !t.is_empty()).map(str::to_string);
    let given_id = take(0);
    let date_text = take(1);
    let municipality = take(2);
    let provider = take(3);
    let wijk = take(4);
    let mut cells = Cells {
        text: String::with_capacity(record.as_byte_record().as_slice().len()),
        spans: Vec::with_capacity(questions.len()),
    };
    for i in questions.iter() {
        cells.push(Some(cell(*i)));
    }
    let answers = RawAnswers::Cells(cells);
    let given = given_id.is_some();
    let id = given_id.unwrap_or_else(|| line.to_string());
    let date = match date_text {
        None => None,
        Some(d) => match Date::parse(&d) {
            Some(d) => Some(d),
            None => {
                return Err(Box::new(Refused {
                    line,
                    id,
                    error: Error::InvalidDate { question: Some("date".into()), value: d },
                    municipality,
                    provider,
                    wijk,
                }))
            }
        },
    };
    Ok((Household { line, id, date, municipality, provider, wijk, answers }, given))
}

fn refused_line(line: usize, message: String) -> Box<Refused> {
    Box::new(Refused {
        line,
        id: line.to_string(),
        error: caseload_error(Some(line), message),
        municipality: None,
        provider: None,
        wijk: None,
    })
}

/// A JSON line: the answers object itself, or `{"id", "answers", "date"?,
/// "municipality"?, "provider"?, "wijk"?}` (as `urenwijzer batch` reads).
fn json_household(line: usize, value: Value) -> Result<(Household, bool), Box<Refused>> {
    let Value::Object(mut map) = value else {
        return Err(refused_line(line, "een huishouden moet een JSON-object zijn".into()));
    };
    let bare = |answers| Household {
        line,
        id: line.to_string(),
        date: None,
        municipality: None,
        provider: None,
        wijk: None,
        answers: RawAnswers::Json(answers),
    };
    let Some(answers) = map.remove("answers") else { return Ok((bare(map), false)) };
    let Value::Object(answers) = answers else {
        return Err(refused_line(line, "'answers' moet een JSON-object zijn".into()));
    };
    let mut text = |key: &str| -> Result<Option<String>, Box<Refused>> {
        match map.remove(key) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::String(s)) => Ok(Some(s)),
            Some(Value::Number(n)) if key == "id" => Ok(Some(n.to_string())),
            Some(_) => Err(refused_line(line, format!("'{key}' moet een tekst zijn"))),
        }
    };
    let id = text("id")?;
    let date_text = text("date")?;
    let municipality = text("municipality")?;
    let provider = text("provider")?;
    let wijk = text("wijk")?;
    if let Some(key) = map.keys().next() {
        return Err(refused_line(
            line,
            format!("onbekend veld '{key}' (gebruik id, answers, date, municipality, provider, wijk)"),
        ));
    }
    let date = match date_text {
        None => None,
        Some(d) => Some(Date::parse(&d).ok_or_else(|| {
            Box::new(Refused {
                line,
                id: id.clone().unwrap_or_else(|| line.to_string()),
                error: Error::InvalidDate { question: Some("date".into()), value: d.clone() },
                municipality: municipality.clone(),
                provider: provider.clone(),
                wijk: wijk.clone(),
            })
        })?),
    };
    let given = id.is_some();
    let h = Household {
        line,
        id: id.unwrap_or_else(|| line.to_string()),
        date,
        municipality,
        provider,
        wijk,
        answers: RawAnswers::Json(answers),
    };
    Ok((h, given))
}

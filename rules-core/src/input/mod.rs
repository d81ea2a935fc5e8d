//! Everything that comes in as bytes: the strict JSON reader, the value
//! type answers are read into (numbers as written) and the documented
//! limits. Uses nothing of the crate but `error` and `json_out`.

pub mod answer_value;
pub mod json;
pub mod limits;

//! Everything that comes in as bytes: the strict JSON reader, the value
//! type answers are read into (numbers as written), the quick reader of
//! flat answers objects and the documented limits. Uses nothing of the
//! crate but `error` and `json_out`.

pub mod answer_map;
pub mod answer_value;
pub mod flat;
pub mod json;
pub mod limits;

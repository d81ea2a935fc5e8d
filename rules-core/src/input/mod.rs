//! Everything that comes in as bytes: the strict JSON reader and the
//! documented limits. A leaf: it uses nothing of the crate but `error`.

pub mod json;
pub mod limits;

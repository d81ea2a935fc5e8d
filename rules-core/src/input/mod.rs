//! Everything that comes in as bytes: the strict JSON reader, the documented
//! limits, and the assembly of a package from its files.

pub mod assemble;
pub mod json;
pub mod limits;

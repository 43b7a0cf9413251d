//! The one integration test binary of akhbar; each module is an area.
//!
//! - `cli`: each command and format end to end, through the binary.
//! - `snapshots`: outputs on the seed texts of `gold/texts/` (insta; after
//!   a change of the pipeline, review with `cargo insta review`).
//! - `robustness`: broken inputs and the inputs the fuzzers kept
//!   (`tests/fixtures/fuzz/`), never a panic.
//! - `regression`: one test per bug fixed, named after its issue.

mod util;

mod cli;
mod regression;
mod robustness;
mod snapshots;

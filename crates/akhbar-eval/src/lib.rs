//! Scores any system's output against a gold set.
#![deny(missing_docs)]

//! A compact sequence tagger for Arabic named entities.
#![deny(missing_docs)]

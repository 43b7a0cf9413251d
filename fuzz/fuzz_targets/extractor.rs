//! Fuzz target: the extractor (body in `akhbar::fuzzing::extractor`).
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    akhbar::fuzzing::extractor(data);
});

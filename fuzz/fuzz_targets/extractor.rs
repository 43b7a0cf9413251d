//! Fuzz target: the extractor (body in `akhbar::fuzz_extractor`).
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    akhbar::fuzz_extractor(data);
});

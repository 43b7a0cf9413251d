//! Fuzz target: the normalizer (body in `akhbar::fuzz_normalizer`).
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    akhbar::fuzz_normalizer(data);
});

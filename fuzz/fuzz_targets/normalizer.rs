//! Fuzz target: the normalizer (body in `akhbar::fuzzing::normalizer`).
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    akhbar::fuzzing::normalizer(data);
});

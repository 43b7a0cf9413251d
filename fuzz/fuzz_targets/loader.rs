//! Fuzz target: the loader (body in `akhbar::fuzzing::loader`).
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    akhbar::fuzzing::loader(data);
});

//! Fuzz target: the loader (body in `akhbar::fuzz_loader`).
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    akhbar::fuzz_loader(data);
});

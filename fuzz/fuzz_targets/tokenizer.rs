//! Fuzz target: the tokenizer (body in `akhbar::fuzzing::tokenizer`).
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    akhbar::fuzzing::tokenizer(data);
});

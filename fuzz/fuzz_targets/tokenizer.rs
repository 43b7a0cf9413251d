//! Fuzz target: the tokenizer (body in `akhbar::fuzz_tokenizer`).
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    akhbar::fuzz_tokenizer(data);
});

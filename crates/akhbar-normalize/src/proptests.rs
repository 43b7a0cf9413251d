//! Property tests over random text from the Arabic blocks, combining marks,
//! controls, Latin, digits and newlines.

use crate::{CliticAnalyzer, Normalizer, Options, Preset, paragraphs, sentences, tokenize};
use akhbar_core::ByteSpan;
use proptest::prelude::*;
use unicode_normalization::UnicodeNormalization;

/// Arabic letters, alef variants, hamza carriers, Persian/Urdu/Maghrebi
/// letters.
fn arabic_letter() -> impl Strategy<Value = char> {
    prop_oneof![
        (0x0621u32..=0x064A).prop_map(|c| char::from_u32(c).unwrap_or('ب')),
        prop::sample::select(vec![
            'ٱ', 'ڤ', 'ک', 'ی', 'گ', 'پ', 'چ', 'ژ', 'ڥ', 'ڨ', 'ۃ', 'ے', 'ۀ', 'ە', 'ھ',
        ]),
    ]
}

/// Diacritics, Quranic marks, the combining hamza/madda, tatweel, Latin
/// combining marks.
fn combining_mark() -> impl Strategy<Value = char> {
    prop::sample::select(vec![
        '\u{064B}', '\u{064E}', '\u{0650}', '\u{0651}', '\u{0652}', '\u{0670}', '\u{0610}',
        '\u{0618}', '\u{061A}', '\u{06D6}', '\u{06ED}', '\u{0653}', '\u{0654}', '\u{0655}',
        '\u{0656}', '\u{0640}', '\u{0301}', '\u{0308}', '\u{0327}', '\u{08F0}',
    ])
}

/// Zero-width and bidi controls, BOM, soft hyphen.
fn control() -> impl Strategy<Value = char> {
    prop::sample::select(vec![
        '\u{200B}', '\u{200C}', '\u{200D}', '\u{200E}', '\u{200F}', '\u{061C}', '\u{202A}',
        '\u{202B}', '\u{202C}', '\u{202E}', '\u{2066}', '\u{2069}', '\u{FEFF}', '\u{00AD}',
    ])
}

/// Spaces and line breaks of every kind.
fn space() -> impl Strategy<Value = char> {
    prop::sample::select(vec![
        ' ', ' ', ' ', '\t', '\n', '\r', '\u{00A0}', '\u{2002}', '\u{202F}', '\u{3000}', '\u{2028}',
    ])
}

/// Latin letters (both cases, accented, Turkish dotted I), digits of the
/// three sets, separators and punctuation.
fn latin_digit_punct() -> impl Strategy<Value = char> {
    prop_oneof![
        prop::char::range('A', 'Z'),
        prop::char::range('a', 'z'),
        prop::sample::select(vec!['é', 'É', 'İ', 'ß', 'Ç', 'ǅ']),
        prop::char::range('0', '9'),
        prop::char::range('\u{0660}', '\u{0669}'),
        prop::char::range('\u{06F0}', '\u{06F9}'),
        prop::sample::select(vec![
            '.', ',', '،', '؛', '؟', '!', '?', ':', '«', '»', '(', ')', '-', '@', '#', '/', '٫',
            '٬', '%', '…',
        ]),
    ]
}

/// Presentation forms, the lam-alef ligatures, compatibility characters.
fn compatibility() -> impl Strategy<Value = char> {
    prop_oneof![
        (0xFE70u32..=0xFEFC).prop_map(|c| char::from_u32(c).unwrap_or('ﻻ')),
        (0xFB50u32..=0xFBB1).prop_map(|c| char::from_u32(c).unwrap_or('ﭐ')),
        prop::sample::select(vec!['ﷲ', 'ﷺ', '﷼', 'ﻻ', 'ﻷ', 'ﻹ', 'ﻵ', '²', 'ﬁ', 'Å']),
    ]
}

/// Random text mixing everything above, weighted towards Arabic letters.
fn arabic_text() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            8 => arabic_letter(),
            3 => combining_mark(),
            1 => control(),
            3 => space(),
            3 => latin_digit_punct(),
            1 => compatibility(),
            1 => any::<char>(),
        ],
        0..40,
    )
    .prop_map(|v| v.into_iter().collect())
}

/// The comparison form of ANNOTATION.md written out independently: full
/// NFKC, then the character rules, then whitespace runs.
fn reference_compare(s: &str) -> String {
    let nfkc: String = s.nfkc().collect();
    let mapped: String = nfkc
        .chars()
        .filter(|&c| !matches!(c, '\u{064B}'..='\u{0652}' | '\u{0670}' | '\u{0640}'))
        .map(|c| match c {
            'أ' | 'إ' | 'آ' | 'ٱ' => 'ا',
            'ى' => 'ي',
            'ة' => 'ه',
            'ڤ' => 'ف',
            'ک' => 'ك',
            'ی' => 'ي',
            c => c,
        })
        .collect();
    mapped.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn fixpoint(f: impl Fn(&str) -> String, s: &str) -> String {
    let mut cur = f(s);
    for _ in 0..8 {
        let next = f(&cur);
        if next == cur {
            break;
        }
        cur = next;
    }
    cur
}

fn boundaries(s: &str) -> Vec<usize> {
    s.char_indices()
        .map(|(i, _)| i)
        .chain(std::iter::once(s.len()))
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn nothing_panics_and_spans_slice(s in arabic_text()) {
        for p in Preset::ALL {
            let n = Normalizer::preset(p);
            let _ = n.normalize_aligned(&s);
        }
        let a = CliticAnalyzer::default();
        for t in tokenize(&s) {
            prop_assert!(s.get(t.span.range()) == Some(t.text));
            for seg in a.candidates(&s, t.span) {
                prop_assert!(s.get(seg.stem.range()).is_some());
                prop_assert!(s.get(seg.name_span().range()).is_some());
            }
        }
        for sp in sentences(&s).into_iter().chain(paragraphs(&s)) {
            prop_assert!(s.get(sp.range()).is_some());
        }
    }

    #[test]
    fn alignment_is_monotone_and_covering(s in arabic_text()) {
        for p in Preset::ALL {
            let n = Normalizer::preset(p);
            let a = n.normalize_aligned(&s);
            prop_assert_eq!(&a.text, &n.normalize(&s));
            let cow = n.normalize_cow(&s);
            prop_assert_eq!(a.text.as_str(), cow.as_ref());
            prop_assert!(a.alignment.check_invariants().is_ok(), "{:?}", a.alignment.check_invariants());
            prop_assert_eq!(a.alignment.output_len(), a.text.len());
            prop_assert_eq!(a.alignment.source_len(), s.len());
            let mut prev = ByteSpan::new(0, 0);
            let mut count = 0;
            for sp in a.alignment.iter() {
                prop_assert!(s.is_char_boundary(sp.start) && s.is_char_boundary(sp.end));
                prop_assert!(sp.start >= prev.start && sp.end >= prev.end);
                prev = sp;
                count += 1;
            }
            prop_assert_eq!(count, a.text.chars().count());
        }
    }

    #[test]
    fn spans_map_forward_and_back_and_contain_themselves(s in arabic_text(), picks in prop::collection::vec((0usize..64, 0usize..64), 4)) {
        for p in Preset::ALL {
            let n = Normalizer::preset(p).normalize_aligned(&s);
            let al = &n.alignment;
            let ob = boundaries(&n.text);
            let sb = boundaries(&s);
            for &(x, y) in &picks {
                // Output span → source → output contains it.
                let (a, b) = (ob[x % ob.len()], ob[y % ob.len()]);
                let o = ByteSpan::new(a.min(b), a.max(b));
                // An empty span inside an expansion (`ﻻ` → `لا`) has no
                // exact image; containment is checked for real spans.
                if o.is_empty() { continue; }
                let back = al.to_source(o);
                prop_assert!(s.is_char_boundary(back.start) && s.is_char_boundary(back.end));
                prop_assert!(al.to_output(back).contains(o), "{:?} -> {:?} -> {:?}", o, back, al.to_output(back));
                // Source span whose edge characters produce output → output
                // → source contains it.
                let (a, b) = (sb[x % sb.len()], sb[y % sb.len()]);
                let src = ByteSpan::new(a.min(b), a.max(b));
                if src.is_empty() { continue; }
                let first = s[src.range()].chars().next().map_or(0, char::len_utf8);
                let last_start = src.start + s[src.range()].char_indices().last().map_or(0, |c| c.0);
                let produces = |sp: ByteSpan| !al.to_output(sp).is_empty();
                if produces(ByteSpan::new(src.start, src.start + first)) && produces(ByteSpan::new(last_start, src.end)) {
                    let fwd = al.to_output(src);
                    prop_assert!(n.text.is_char_boundary(fwd.start) && n.text.is_char_boundary(fwd.end));
                    prop_assert!(al.to_source(fwd).contains(src), "{:?} -> {:?} -> {:?}", src, fwd, al.to_source(fwd));
                }
            }
        }
    }

    #[test]
    fn every_preset_is_idempotent(s in arabic_text()) {
        for p in Preset::ALL {
            let n = Normalizer::preset(p);
            let once = n.normalize(&s);
            prop_assert_eq!(n.normalize(&once), once.clone(), "preset {}", p);
        }
    }

    #[test]
    fn nfkc_step_is_exactly_unicode_nfkc(s in arabic_text()) {
        let n = Normalizer::new(Options { nfkc: true, ..Options::none() });
        let expected: String = s.nfkc().collect();
        prop_assert_eq!(n.normalize(&s), expected);
    }

    #[test]
    fn compare_preset_is_the_annotation_form(s in arabic_text()) {
        let got = Normalizer::preset(Preset::Compare).normalize(&s);
        prop_assert_eq!(got, fixpoint(reference_compare, &s));
    }
}

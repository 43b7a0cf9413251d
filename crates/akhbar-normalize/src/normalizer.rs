//! The normalizer: composable steps, presets and the engine that keeps the
//! alignment.
//!
//! One pass over the text. Runs of characters that no enabled step touches
//! are copied as whole slices (and recorded as one parallel piece of the
//! alignment); every other character goes through three stages: NFKC (by
//! combining cluster, so that `ا` + U+0654 composes to `أ` exactly as
//! Unicode's NFKC does), the character steps (removal or mapping, chained to
//! a fixed point), and whitespace collapsing.

use crate::alignment::{AlignedOut, Normalized, PlainOut, Sink};
use crate::error::NormalizeError;
use crate::table::{
    self, LOWER_MULTI, NOT_NFKC_SIMPLE, REMOVE, STEP_MASK, TARGET_MASK, WS, decode, entry_in,
    prev_char_start, step, step_bit, target,
};
use std::borrow::Cow;
use std::str::FromStr;
use unicode_normalization::char::{canonical_combining_class, compose};

/// Which normalization steps run. Every step can be switched on its own.
///
/// Steps apply in this order to each character: NFKC, then removals and
/// mappings (a character mapped by one step is looked up again, so `ۃ` goes
/// to `ة` and on to `ه` when both steps are on), then whitespace collapsing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Options {
    /// Unicode NFKC. Composes `ا`/`و`/`ي` + U+0653–U+0655 into `آ أ إ ؤ ئ`,
    /// unfolds presentation forms (U+FB50–U+FDFF, U+FE70–U+FEFF) and the
    /// ligature `ﻻ` into letters, and maps compatibility characters
    /// (NBSP → space, `…` → `...`). Alignment: a composed or expanded
    /// character maps to all the source characters it came from.
    pub nfkc: bool,
    /// Remove the Arabic diacritics U+064B–U+0652 (tanwin, harakat, shadda,
    /// sukun) and U+0670 (superscript alef).
    pub diacritics: bool,
    /// Remove Quranic annotation marks U+0610–U+061A and U+06D6–U+06ED.
    pub quranic_marks: bool,
    /// Remove the other Arabic combining marks: U+0653–U+065F (madda,
    /// hamza above/below when not composed, subscript alef…) and
    /// U+08D3–U+08FF.
    pub other_marks: bool,
    /// Remove tatweel (U+0640).
    pub tatweel: bool,
    /// Remove zero-width and bidi controls: ZWSP, ZWNJ, ZWJ, LRM, RLM, ALM
    /// (U+061C), bidi embeddings and overrides (U+202A–U+202E) and isolates
    /// (U+2066–U+2069), word joiner and invisible operators, BOM (U+FEFF)
    /// anywhere, soft hyphen, CGJ.
    pub invisible: bool,
    /// Map NBSP and the other fixed-width spaces (U+2000–U+200A, U+202F,
    /// U+205F, U+3000, U+1680) to U+0020.
    pub spaces: bool,
    /// Collapse runs of whitespace (any `char::is_whitespace`, newlines
    /// included) into one space, and drop leading and trailing whitespace.
    pub collapse_whitespace: bool,
    /// With `collapse_whitespace`: a whitespace run that holds line breaks
    /// becomes those line breaks (spaces around them dropped) instead of
    /// one space; leading and trailing line breaks stay.
    pub keep_newlines: bool,
    /// Fold `أ إ آ ٱ` into `ا`.
    pub alef: bool,
    /// Fold alef maqsura `ى` into `ي`.
    pub alef_maqsura: bool,
    /// Fold ta marbuta `ة` into `ه`.
    pub ta_marbuta: bool,
    /// Fold the hamza carriers `ؤ` into `و` and `ئ` into `ي`.
    pub hamza_carriers: bool,
    /// Fold the three Persian letters of the comparison form: `ڤ` → `ف`,
    /// `ک` → `ك`, `ی` → `ي`.
    pub persian_letters: bool,
    /// Fold the other Persian, Urdu and Maghrebi letters: `گ ڭ` → `ك`,
    /// `پ` → `ب`, `چ` → `ج`, `ژ` → `ز`, `ڥ ڢ` → `ف`, `ڨ ڧ` → `ق`,
    /// `ٹ ڈ ڑ ں` → `ت د ر ن`, `ھ ہ ە ۀ` → `ه`, `ۃ` → `ة`, `ے ې` → `ي`,
    /// `ۆ ۇ ۈ ۋ` → `و`, `ٲ ٳ` → `ا`.
    pub regional_letters: bool,
    /// Map Arabic-Indic (U+0660–U+0669) and Extended Arabic-Indic
    /// (U+06F0–U+06F9) digits to ASCII, the Arabic decimal separator `٫` to
    /// `.` and the thousands separator `٬` to `,`.
    pub digits: bool,
    /// Lowercase Latin letters (U+0041–U+024F, U+1E00–U+1EFF).
    pub latin_case: bool,
}

/// Named sets of steps.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Preset {
    /// Exactly the comparison form of `ANNOTATION.md`: NFKC, diacritics
    /// (U+064B–U+0652, U+0670) and tatweel removed, `أ إ آ ٱ` → `ا`,
    /// `ى` → `ي`, `ة` → `ه`, `ڤ` → `ف`, `ک` → `ك`, `ی` → `ي`, whitespace
    /// runs → one space (leading and trailing whitespace dropped). Nothing
    /// else: controls, digits and Latin case are kept.
    Compare,
    /// Aggressive, for matching and look-up: every step on (controls,
    /// Quranic and other marks, hamza carriers, all Persian/Urdu/Maghrebi
    /// letters, digits, Latin case).
    Search,
    /// Display-safe: only invisible characters removed, NBSP and other
    /// spaces made plain, tatweel removed, runs of spaces collapsed; line
    /// breaks, letters, marks and digits are kept.
    Clean,
}

impl Preset {
    /// Every preset, in a fixed order.
    pub const ALL: [Preset; 3] = [Preset::Compare, Preset::Search, Preset::Clean];

    /// The preset's name as the command line spells it.
    pub const fn name(self) -> &'static str {
        match self {
            Preset::Compare => "compare",
            Preset::Search => "search",
            Preset::Clean => "clean",
        }
    }
}

impl std::fmt::Display for Preset {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Preset {
    type Err = NormalizeError;

    /// Parses `compare`, `search` or `clean` (ASCII case-insensitive).
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Preset::ALL
            .into_iter()
            .find(|p| p.name().eq_ignore_ascii_case(s.trim()))
            .ok_or_else(|| NormalizeError::UnknownPreset { name: s.to_owned() })
    }
}

impl Options {
    /// The options of a preset.
    pub const fn preset(p: Preset) -> Self {
        let all = Options::all();
        match p {
            Preset::Search => all,
            Preset::Compare => Options {
                nfkc: true,
                diacritics: true,
                tatweel: true,
                collapse_whitespace: true,
                alef: true,
                alef_maqsura: true,
                ta_marbuta: true,
                persian_letters: true,
                ..Options::none()
            },
            Preset::Clean => Options {
                invisible: true,
                spaces: true,
                collapse_whitespace: true,
                keep_newlines: true,
                tatweel: true,
                ..Options::none()
            },
        }
    }

    /// Every step on (`keep_newlines` off): the `search` preset.
    pub const fn all() -> Self {
        Options {
            nfkc: true,
            diacritics: true,
            quranic_marks: true,
            other_marks: true,
            tatweel: true,
            invisible: true,
            spaces: true,
            collapse_whitespace: true,
            keep_newlines: false,
            alef: true,
            alef_maqsura: true,
            ta_marbuta: true,
            hamza_carriers: true,
            persian_letters: true,
            regional_letters: true,
            digits: true,
            latin_case: true,
        }
    }

    /// No step at all.
    pub const fn none() -> Self {
        Options {
            nfkc: false,
            diacritics: false,
            quranic_marks: false,
            other_marks: false,
            tatweel: false,
            invisible: false,
            spaces: false,
            collapse_whitespace: false,
            keep_newlines: false,
            alef: false,
            alef_maqsura: false,
            ta_marbuta: false,
            hamza_carriers: false,
            persian_letters: false,
            regional_letters: false,
            digits: false,
            latin_case: false,
        }
    }

    /// The table bits of the enabled steps and flags.
    const fn active_mask(&self) -> u64 {
        let mut m = 0;
        let steps = [
            (self.tatweel, step::TATWEEL),
            (self.diacritics, step::DIACRITICS),
            (self.quranic_marks, step::QURANIC),
            (self.other_marks, step::OTHER_MARKS),
            (self.invisible, step::INVISIBLE),
            (self.spaces, step::SPACES),
            (self.alef, step::ALEF),
            (self.alef_maqsura, step::ALEF_MAQSURA),
            (self.ta_marbuta, step::TA_MARBUTA),
            (self.hamza_carriers, step::HAMZA_CARRIERS),
            (self.persian_letters, step::PERSIAN),
            (self.regional_letters, step::REGIONAL),
            (self.digits, step::DIGITS),
            (self.latin_case, step::LATIN_CASE),
        ];
        let mut k = 0;
        while k < steps.len() {
            if steps[k].0 {
                m |= step_bit(steps[k].1);
            }
            k += 1;
        }
        if self.nfkc {
            m |= NOT_NFKC_SIMPLE;
        }
        if self.collapse_whitespace {
            m |= WS;
        }
        m
    }
}

/// Normalizes text with a fixed set of steps. Cheap to copy; build once.
///
/// ```
/// use akhbar_normalize::{Normalizer, Preset};
///
/// let n = Normalizer::preset(Preset::Search);
/// assert_eq!(n.normalize("إسبانيا\u{200F}  ڤـــو ٢٠٢٥"), "اسبانيا فو 2025");
/// // Nothing to change: no copy.
/// assert!(matches!(n.normalize_cow("قال"), std::borrow::Cow::Borrowed(_)));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Normalizer {
    opts: Options,
    active: u64,
}

impl Normalizer {
    /// A normalizer with these steps.
    pub const fn new(opts: Options) -> Self {
        Self {
            opts,
            active: opts.active_mask(),
        }
    }

    /// A normalizer for a preset.
    pub const fn preset(p: Preset) -> Self {
        Self::new(Options::preset(p))
    }

    /// The steps it runs.
    pub const fn options(&self) -> Options {
        self.opts
    }

    /// Normalizes `text` without keeping an alignment.
    pub fn normalize(&self, text: &str) -> String {
        let mut out = String::with_capacity(text.len());
        self.normalize_into(text, &mut out);
        out
    }

    /// Normalizes `text`, borrowing it when no step changes anything (the
    /// common case for clean lines): no allocation, no copy.
    pub fn normalize_cow<'a>(&self, text: &'a str) -> Cow<'a, str> {
        if self.is_normalized(text) {
            Cow::Borrowed(text)
        } else {
            Cow::Owned(self.normalize(text))
        }
    }

    /// True when [`normalize`](Self::normalize) would return `text`
    /// unchanged. Stops at the first character that a step would touch.
    pub fn is_normalized(&self, text: &str) -> bool {
        let t = table::narrow();
        let b = text.as_bytes();
        let collapse = self.opts.collapse_whitespace;
        let mut i = 0;
        while i < b.len() {
            let c0 = b[i];
            if c0 < 0x80 {
                if t[c0 as usize] & self.active == 0
                    || (c0 == b' '
                        && collapse
                        && i > 0
                        && !b[i - 1].is_ascii_whitespace()
                        && next_is_kept_word_char(t, self.active, b, i + 1))
                {
                    i += 1;
                    continue;
                }
                return false;
            }
            let (c, l) = decode(b, i);
            if entry_in(t, c) & self.active != 0 {
                return false;
            }
            i += l;
        }
        true
    }

    /// Normalizes `text` and appends the result to `out`.
    pub fn normalize_into(&self, text: &str, out: &mut String) {
        let start = out.len();
        let needs_check = {
            let mut e = Engine::new(self, text, PlainOut { out });
            e.run();
            e.unsafe_emitted
        };
        if needs_check && !unicode_normalization::is_nfkc(&out[start..]) {
            // A step exposed a new NFKC composition (e.g. `إ` + U+0654 →
            // `ا` + U+0654 → `أ`): repeat until stable.
            for _ in 0..8 {
                let cur = out[start..].to_owned();
                let mut next = String::with_capacity(cur.len());
                Engine::new(self, &cur, PlainOut { out: &mut next }).run();
                if next == cur {
                    break;
                }
                out.truncate(start);
                out.push_str(&next);
            }
        }
    }

    /// Normalizes `text` and keeps the alignment to it.
    pub fn normalize_aligned(&self, text: &str) -> Normalized {
        let (n, needs_check) = self.aligned_pass(text);
        if !needs_check || unicode_normalization::is_nfkc(&n.text) {
            return n;
        }
        let mut cur = n;
        for _ in 0..8 {
            let (next, _) = self.aligned_pass(&cur.text);
            if next.text == cur.text {
                break;
            }
            let alignment = cur.alignment.compose(&next.alignment);
            cur = Normalized {
                text: alignment.output().to_owned(),
                alignment,
            };
        }
        cur
    }

    fn aligned_pass(&self, text: &str) -> (Normalized, bool) {
        let mut e = Engine::new(self, text, AlignedOut::new(text.len()));
        e.run();
        let flag = e.unsafe_emitted;
        (e.sink.into_normalized(text.len()), flag)
    }
}

/// The letter a character maps to when one enabled step maps it to a
/// character that no step touches further and that is not whitespace (the
/// common `أ` → `ا`, `ة` → `ه`, `ى` → `ي`): such characters are written in
/// the fast loop.
#[inline]
fn simple_map(t: &[u64; 0x800], active: u64, e: u64) -> Option<char> {
    let hit = e & active;
    if hit & !STEP_MASK != 0 || e & (REMOVE | LOWER_MULTI) != 0 {
        return None;
    }
    let to = (e & TARGET_MASK) as usize;
    if to >= 0x800 || t[to] & (active | WS) != 0 {
        return None;
    }
    char::from_u32(to as u32)
}

/// True when the character at `i` cannot combine with the one before it
/// under NFKC (or the text ends there).
#[inline]
fn next_is_nfkc_starter(t: &[u64; 0x800], b: &[u8], i: usize) -> bool {
    match b.get(i) {
        None => true,
        Some(&x) if x < 0x80 => true,
        Some(&x) if x < 0xE0 => b.get(i + 1).is_some_and(|&y| {
            let cp = (usize::from(x & 0x1F) << 6) | usize::from(y & 0x3F);
            t[cp] & NOT_NFKC_SIMPLE == 0
        }),
        _ => false,
    }
}

/// True when the character at `i` (a space's successor) surely ends up in
/// the output as a character that is not whitespace: then a single space
/// before it stays as it is.
#[inline]
fn next_is_kept_word_char(t: &[u64; 0x800], active: u64, b: &[u8], i: usize) -> bool {
    let e = match b.get(i) {
        Some(&x) if x < 0x80 => {
            if x <= b' ' {
                return false;
            }
            t[x as usize]
        }
        Some(&x) if (0xC2..0xE0).contains(&x) => match b.get(i + 1) {
            Some(&y) => t[(usize::from(x & 0x1F) << 6) | usize::from(y & 0x3F)],
            None => return false,
        },
        _ => return false,
    };
    (e & (active | WS) == 0) || simple_map(t, active, e).is_some()
}

/// A character in flight: its value and the source bytes it came from.
type Tagged = (char, usize, usize);

struct Engine<'t, S: Sink> {
    text: &'t str,
    bytes: &'t [u8],
    table: &'static [u64; 0x800],
    opts: Options,
    active: u64,
    sink: S,
    /// Source range of the whitespace run waiting to be written.
    pending: Option<(usize, usize)>,
    /// Line breaks inside the pending run (with `keep_newlines`).
    breaks: Vec<Tagged>,
    /// Something other than whitespace has been written.
    out_nonempty: bool,
    /// A character NFKC could still touch was written (with `nfkc`).
    unsafe_emitted: bool,
    cluster: Vec<Tagged>,
    composed: Vec<Tagged>,
    blocked: Vec<Tagged>,
}

impl<'t, S: Sink> Engine<'t, S> {
    fn new(n: &Normalizer, text: &'t str, sink: S) -> Self {
        Self {
            text,
            bytes: text.as_bytes(),
            table: table::narrow(),
            opts: n.opts,
            active: n.active,
            sink,
            pending: None,
            breaks: Vec::new(),
            out_nonempty: false,
            unsafe_emitted: false,
            cluster: Vec::new(),
            composed: Vec::new(),
            blocked: Vec::new(),
        }
    }

    fn run(&mut self) {
        let b = self.bytes;
        let n = b.len();
        let t = self.table;
        let active = self.active;
        let collapse = self.opts.collapse_whitespace;
        let mut i = 0;
        while i < n {
            let mut run_start = i;
            // Fast scan over characters that no step touches; characters
            // that map to one letter are written on the way.
            while i < n {
                let c0 = b[i];
                let (e, l) = if c0 < 0x80 {
                    let e = t[c0 as usize];
                    if e & active == 0 {
                        i += 1;
                        continue;
                    }
                    if c0 == b' '
                        && collapse
                        && (i > run_start || (self.pending.is_none() && self.out_nonempty))
                        && next_is_kept_word_char(t, active, b, i + 1)
                    {
                        i += 1;
                        continue;
                    }
                    (e, 1)
                } else if c0 < 0xE0 {
                    let cp = (usize::from(c0 & 0x1F) << 6) | usize::from(b[i + 1] & 0x3F);
                    let e = t[cp];
                    if e & active == 0 {
                        i += 2;
                        continue;
                    }
                    (e, 2)
                } else {
                    let (c, l) = decode(b, i);
                    let e = entry_in(t, c);
                    if e & active == 0 {
                        i += l;
                        continue;
                    }
                    (e, l)
                };
                let Some(to) = simple_map(t, active, e) else {
                    break;
                };
                if self.opts.nfkc && !next_is_nfkc_starter(t, b, i + l) {
                    break;
                }
                if i > run_start {
                    self.flush_pending();
                    self.sink.push_run(&self.text[run_start..i], run_start);
                } else {
                    self.flush_pending();
                }
                self.sink.push_char(to, i, i + l, to.len_utf8() == l);
                self.out_nonempty = true;
                i += l;
                run_start = i;
            }
            let mut stop = i;
            if i < n && self.opts.nfkc && i > run_start {
                let (c, _) = decode(b, i);
                if entry_in(t, c) & NOT_NFKC_SIMPLE != 0 {
                    // It may compose with the character before it.
                    stop = prev_char_start(b, i);
                }
            }
            if stop > run_start {
                self.flush_pending();
                self.sink.push_run(&self.text[run_start..stop], run_start);
                self.out_nonempty = true;
            }
            if stop >= n {
                break;
            }
            i = self.slow(stop);
        }
        self.finish();
    }

    /// Handles the character at `i` (or the cluster starting there);
    /// returns where to go on.
    fn slow(&mut self, i: usize) -> usize {
        let (c, l) = decode(self.bytes, i);
        let e = entry_in(self.table, c);
        if self.opts.nfkc {
            let next_joins = i + l < self.bytes.len() && {
                let (c2, _) = decode(self.bytes, i + l);
                entry_in(self.table, c2) & NOT_NFKC_SIMPLE != 0
            };
            if e & NOT_NFKC_SIMPLE != 0 || next_joins {
                return self.nfkc_cluster(i);
            }
        }
        self.fold(c, e, i, i + l);
        i + l
    }

    /// NFKC over one cluster: the character at `i` and every following
    /// character that NFKC may combine with it.
    fn nfkc_cluster(&mut self, i: usize) -> usize {
        let b = self.bytes;
        let mut cluster = std::mem::take(&mut self.cluster);
        cluster.clear();
        let mut j = i;
        while j < b.len() {
            let (c, l) = decode(b, j);
            if j > i && entry_in(self.table, c) & NOT_NFKC_SIMPLE == 0 {
                break;
            }
            table::decompose_nfkd(c, |d| cluster.push((d, j, j + l)));
            j += l;
        }
        reorder(&mut cluster);
        let mut composed = std::mem::take(&mut self.composed);
        let mut blocked = std::mem::take(&mut self.blocked);
        recompose(&cluster, &mut composed, &mut blocked);
        for &(c, s, e) in &composed {
            let entry = entry_in(self.table, c);
            self.fold(c, entry, s, e);
        }
        self.cluster = cluster;
        self.composed = composed;
        self.blocked = blocked;
        j
    }

    /// The character steps: removal, or mapping chained to a fixed point.
    #[inline]
    fn fold(&mut self, mut c: char, mut e: u64, s: usize, end: usize) {
        for _ in 0..4 {
            if e & STEP_MASK & self.active == 0 {
                break;
            }
            if e & REMOVE != 0 {
                return;
            }
            if e & LOWER_MULTI != 0 {
                for l in c.to_lowercase() {
                    self.emit(l, s, end);
                }
                return;
            }
            c = target(e);
            e = entry_in(self.table, c);
        }
        self.emit(c, s, end);
    }

    /// Whitespace collapsing, then the sink.
    #[inline]
    fn emit(&mut self, c: char, s: usize, end: usize) {
        if self.opts.collapse_whitespace && c.is_whitespace() {
            if self.opts.keep_newlines && is_line_break(c) {
                self.breaks.push((c, s, end));
            }
            self.pending = Some(match self.pending {
                None => (s, end),
                Some((ps, _)) => (ps, end),
            });
            return;
        }
        self.flush_pending();
        if self.opts.nfkc && entry_in(self.table, c) & NOT_NFKC_SIMPLE != 0 {
            self.unsafe_emitted = true;
        }
        let parallel = self.is_parallel(c, s, end);
        self.sink.push_char(c, s, end, parallel);
        self.out_nonempty = true;
    }

    /// True when `s..end` is one source character as long as `c`.
    #[inline]
    fn is_parallel(&self, c: char, s: usize, end: usize) -> bool {
        end - s == c.len_utf8() && s < self.bytes.len() && decode(self.bytes, s).1 == end - s
    }

    fn flush_pending(&mut self) {
        let Some((ps, pe)) = self.pending.take() else {
            return;
        };
        if !self.breaks.is_empty() {
            let breaks = std::mem::take(&mut self.breaks);
            for &(c, s, e) in &breaks {
                let parallel = self.is_parallel(c, s, e);
                self.sink.push_char(c, s, e, parallel);
            }
            self.breaks = breaks;
            self.breaks.clear();
        } else if self.out_nonempty {
            self.sink.push_char(' ', ps, pe, pe - ps == 1);
        }
    }

    fn finish(&mut self) {
        if self.pending.is_some() && !self.breaks.is_empty() {
            self.flush_pending();
        }
        self.pending = None;
    }
}

fn is_line_break(c: char) -> bool {
    matches!(
        c,
        '\n' | '\r' | '\u{0B}' | '\u{0C}' | '\u{85}' | '\u{2028}' | '\u{2029}'
    )
}

/// Canonical ordering: sorts each run of non-starters by combining class
/// (stably). A run whose order changed maps, as a whole, to the union of its
/// source ranges, which keeps the alignment monotone.
fn reorder(v: &mut [Tagged]) {
    let mut k = 0;
    while k < v.len() {
        if canonical_combining_class(v[k].0) == 0 {
            k += 1;
            continue;
        }
        let start = k;
        while k < v.len() && canonical_combining_class(v[k].0) != 0 {
            k += 1;
        }
        let run = &mut v[start..k];
        let sorted = run
            .windows(2)
            .all(|w| canonical_combining_class(w[0].0) <= canonical_combining_class(w[1].0));
        if !sorted {
            run.sort_by_key(|t| canonical_combining_class(t.0));
            let lo = run.iter().map(|t| t.1).min().unwrap_or(0);
            let hi = run.iter().map(|t| t.2).max().unwrap_or(0);
            for t in run.iter_mut() {
                t.1 = lo;
                t.2 = hi;
            }
        }
    }
}

/// Canonical composition, as Unicode (and `unicode-normalization`) does it,
/// carrying source ranges. A mark composed with the character right before
/// it widens that character's range; a mark composed across other marks is
/// absorbed (its own bytes then belong to no output character).
fn recompose(input: &[Tagged], out: &mut Vec<Tagged>, blocked: &mut Vec<Tagged>) {
    out.clear();
    blocked.clear();
    let mut composee: Option<Tagged> = None;
    let mut last_ccc: Option<u8> = None;
    for &ch in input {
        let cc = canonical_combining_class(ch.0);
        let Some(k) = composee else {
            if cc != 0 {
                out.push(ch);
            } else {
                composee = Some(ch);
            }
            continue;
        };
        match last_ccc {
            None => {
                if let Some(r) = compose(k.0, ch.0) {
                    composee = Some((r, k.1.min(ch.1), k.2.max(ch.2)));
                } else if cc == 0 {
                    out.push(k);
                    composee = Some(ch);
                } else {
                    blocked.push(ch);
                    last_ccc = Some(cc);
                }
            }
            Some(l) => {
                if l >= cc {
                    if cc == 0 {
                        out.push(k);
                        out.append(blocked);
                        composee = Some(ch);
                        last_ccc = None;
                    } else {
                        blocked.push(ch);
                        last_ccc = Some(cc);
                    }
                } else if let Some(r) = compose(k.0, ch.0) {
                    composee = Some((r, k.1, k.2));
                } else {
                    blocked.push(ch);
                    last_ccc = Some(cc);
                }
            }
        }
    }
    if let Some(k) = composee {
        out.push(k);
    }
    out.append(blocked);
}

#[cfg(test)]
mod tests {
    use super::*;
    use akhbar_core::ByteSpan;

    fn compare(s: &str) -> String {
        Normalizer::preset(Preset::Compare).normalize(s)
    }

    fn search(s: &str) -> String {
        Normalizer::preset(Preset::Search).normalize(s)
    }

    fn clean(s: &str) -> String {
        Normalizer::preset(Preset::Clean).normalize(s)
    }

    /// Each item of ANNOTATION.md's comparison form, one by one.
    #[test]
    fn compare_preset_matches_annotation_comparison_form() {
        // NFKC: presentation forms, the lam-alef ligature, NBSP.
        assert_eq!(compare("ﻣﺮﺣﺒﺎ"), "مرحبا");
        assert_eq!(compare("ﻻ"), "لا");
        assert_eq!(compare("a\u{00A0}b"), "a b");
        // Diacritics U+064B–U+0652 and U+0670 removed.
        assert_eq!(compare("حمّوشي"), "حموشي");
        assert_eq!(compare("عَلَى"), "علي");
        assert_eq!(compare("هٰذا"), "هذا");
        // Tatweel removed.
        assert_eq!(compare("حمـــوشي"), "حموشي");
        // أ إ آ ٱ → ا.
        assert_eq!(compare("أإآٱ"), "اااا");
        // ى → ي, ة → ه.
        assert_eq!(compare("مصطفى"), "مصطفي");
        assert_eq!(compare("المملكة"), "المملكه");
        // ڤ → ف, ک → ك, ی → ي.
        assert_eq!(compare("ڤو"), "فو");
        assert_eq!(compare("کی"), "كي");
        // Whitespace runs → one space.
        assert_eq!(compare("عبد  \t\n اللطيف"), "عبد اللطيف");
        assert_eq!(compare("إسبانيا  ڤو"), "اسبانيا فو");
    }

    #[test]
    fn compare_preset_keeps_what_the_form_does_not_name() {
        // Controls, digits, Latin case, hamza carriers, other Persian
        // letters and Quranic marks are not part of the comparison form.
        assert_eq!(compare("a\u{200F}b"), "a\u{200F}b");
        assert_eq!(compare("٢٠٢٥"), "٢٠٢٥");
        assert_eq!(compare("Veaux"), "Veaux");
        assert_eq!(compare("مسؤول"), "مسؤول");
        assert_eq!(compare("گ"), "گ");
        assert_eq!(compare("ب\u{0610}"), "ب\u{0610}");
    }

    #[test]
    fn nfkc_composes_combining_hamza_before_folding() {
        assert_eq!(compare("ا\u{0654}حمد"), "احمد");
        assert_eq!(compare("ا\u{0655}"), "ا");
        assert_eq!(compare("ا\u{0653}"), "ا");
        // With a removed diacritic in between (not blocking: class 33 < 230).
        assert_eq!(compare("ا\u{0651}\u{0654}"), "ا");
        // Composed carriers stay in compare, fold in search.
        assert_eq!(compare("مسو\u{0654}ول"), "مسؤول");
        assert_eq!(search("مسو\u{0654}ول"), "مسوول");
    }

    #[test]
    fn search_preset_folds_everything() {
        assert_eq!(search("ٱلْقُرْآن"), "القران");
        assert_eq!(search("\u{FEFF}Frédéric VEAUX"), "frédéric veaux");
        assert_eq!(search("٣٫٥ و۱۲"), "3.5 و12");
        assert_eq!(search("پاریس چین ژوئن گ"), "باريس جين زوين ك");
        assert_eq!(search("ڥيلا ڨ"), "فيلا ق");
        assert_eq!(search("ب\u{06D6}\u{0610}"), "ب");
        assert_eq!(search("ۃ"), "ه");
    }

    #[test]
    fn clean_preset_is_display_safe() {
        assert_eq!(clean("حمـوشي\u{200F}"), "حموشي");
        assert_eq!(clean("  a \u{00A0} b  \n\n  c  "), "a b\n\nc");
        assert_eq!(clean("حمّوشي"), "حمّوشي");
        assert_eq!(clean("ة أ ٣"), "ة أ ٣");
    }

    #[test]
    fn invisible_characters_are_removed() {
        let n = Normalizer::new(Options {
            invisible: true,
            ..Options::none()
        });
        let s = "a\u{200B}\u{200C}\u{200D}\u{200E}\u{200F}\u{061C}\u{202A}\u{202B}\u{202C}\u{202D}\u{202E}\u{2066}\u{2067}\u{2068}\u{2069}\u{FEFF}\u{00AD}b";
        assert_eq!(n.normalize(s), "ab");
    }

    #[test]
    fn steps_switch_on_their_own() {
        let only = |o: Options, s: &str| Normalizer::new(o).normalize(s);
        let none = Options::none();
        assert_eq!(only(none, "أحمّد  ة"), "أحمّد  ة");
        assert_eq!(only(Options { alef: true, ..none }, "أحمد"), "احمد");
        assert_eq!(
            only(
                Options {
                    ta_marbuta: true,
                    ..none
                },
                "ة"
            ),
            "ه"
        );
        assert_eq!(
            only(
                Options {
                    digits: true,
                    ..none
                },
                "٢"
            ),
            "2"
        );
        assert_eq!(
            only(
                Options {
                    latin_case: true,
                    ..none
                },
                "ÉA"
            ),
            "éa"
        );
        assert_eq!(
            only(
                Options {
                    spaces: true,
                    ..none
                },
                "a\u{00A0}\u{00A0}b"
            ),
            "a  b"
        );
        assert_eq!(
            only(
                Options {
                    hamza_carriers: true,
                    ..none
                },
                "ؤئ"
            ),
            "وي"
        );
    }

    #[test]
    fn cow_borrows_unchanged_text() {
        let n = Normalizer::preset(Preset::Search);
        assert!(matches!(n.normalize_cow("قال الوزير"), Cow::Borrowed(_)));
        assert!(matches!(n.normalize_cow(" قال"), Cow::Owned(_)));
        assert!(matches!(n.normalize_cow("قال "), Cow::Owned(_)));
        assert!(matches!(n.normalize_cow("قال  الوزير"), Cow::Owned(_)));
        assert_eq!(n.normalize_cow("المملكة"), "المملكه");
    }

    #[test]
    fn alignment_maps_back_over_removed_marks() {
        let src = "عبد  اللطيف حمّوشي";
        let n = Normalizer::preset(Preset::Search).normalize_aligned(src);
        assert_eq!(n.text, "عبد اللطيف حموشي");
        let at = n.text.find("حموشي").unwrap();
        let back = n.alignment.to_source(ByteSpan::new(at, n.text.len()));
        assert_eq!(&src[back.range()], "حمّوشي");
        let fwd = n.alignment.to_output(back);
        assert_eq!(&n.text[fwd.range()], "حموشي");
    }

    #[test]
    fn alignment_of_ligature_and_composition() {
        let src = "ﻻ ا\u{0654}";
        let n = Normalizer::preset(Preset::Compare).normalize_aligned(src);
        assert_eq!(n.text, "لا ا");
        n.alignment.check_invariants().unwrap();
        // Either half of the ligature maps to the whole ligature.
        let back = n.alignment.to_source(ByteSpan::new(0, 2));
        assert_eq!(&src[back.range()], "ﻻ");
        // The composed alef maps to the letter and its hamza.
        let last = n.text.len();
        let back = n.alignment.to_source(ByteSpan::new(last - 2, last));
        assert_eq!(&src[back.range()], "ا\u{0654}");
    }

    #[test]
    fn spans_never_start_or_end_on_a_removed_mark() {
        let src = "\u{200F}حمّ\u{200F}";
        let n = Normalizer::preset(Preset::Search).normalize_aligned(src);
        assert_eq!(n.text, "حم");
        let back = n.alignment.to_source(ByteSpan::new(0, n.text.len()));
        assert_eq!(&src[back.range()], "حم");
    }

    #[test]
    fn whitespace_run_maps_to_the_whole_run() {
        let src = "a \u{00A0}\n b";
        let n = Normalizer::preset(Preset::Search).normalize_aligned(src);
        assert_eq!(n.text, "a b");
        assert_eq!(
            n.alignment.to_source(ByteSpan::new(1, 2)),
            ByteSpan::new(1, 6)
        );
    }

    #[test]
    fn unstable_combinations_reach_a_fixed_point() {
        // إ + U+0654: NFKC cannot compose, the alef fold exposes `ا` + U+0654.
        let src = "إ\u{0654}";
        let once = compare(src);
        assert_eq!(compare(&once), once);
        let n = Normalizer::preset(Preset::Compare).normalize_aligned(src);
        assert_eq!(n.text, once);
        n.alignment.check_invariants().unwrap();
    }

    #[test]
    fn presets_parse_from_names() {
        assert_eq!("search".parse::<Preset>().unwrap(), Preset::Search);
        assert_eq!("Compare".parse::<Preset>().unwrap(), Preset::Compare);
        let err = "fast".parse::<Preset>().unwrap_err();
        assert_eq!(
            err.to_string(),
            "unknown preset `fast` (expected compare, search or clean)"
        );
    }
}

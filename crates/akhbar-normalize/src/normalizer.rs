//! The normalizer: composable steps, presets and the alignment map.

use akhbar_core::ByteSpan;

/// Which normalization steps run. Every step can be switched on its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Options {
    /// Unicode NFKC, applied per character (presentation forms and ligatures
    /// of Arabic are unfolded to their letters).
    pub nfkc: bool,
    /// Remove Arabic diacritics (U+064B–U+0652, U+0670, U+0610–U+061A,
    /// U+06D6–U+06ED).
    pub diacritics: bool,
    /// Remove tatweel (U+0640).
    pub tatweel: bool,
    /// Remove zero-width and bidi controls (ZWNJ, ZWJ, RLM, LRM, ALM, bidi
    /// embeddings and isolates, BOM).
    pub invisible: bool,
    /// Map NBSP and other spaces to U+0020.
    pub spaces: bool,
    /// Collapse runs of whitespace (newlines included) into one space.
    pub collapse_whitespace: bool,
    /// Fold `أ إ آ ٱ` into `ا`.
    pub alef: bool,
    /// Fold `ى` into `ي`.
    pub alef_maqsura: bool,
    /// Fold `ة` into `ه`.
    pub ta_marbuta: bool,
    /// Fold the hamza carriers `ؤ` into `و` and `ئ` into `ي`.
    pub hamza_carriers: bool,
    /// Fold Persian and Urdu letters (`ڤ ک ی گ پ چ ژ`) into their Arabic
    /// counterparts.
    pub persian_letters: bool,
    /// Map Arabic-Indic and Extended Arabic-Indic digits to ASCII.
    pub digits: bool,
    /// Lowercase Latin letters.
    pub latin_case: bool,
}

/// Named sets of steps.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Preset {
    /// Exactly the comparison form of `ANNOTATION.md`: NFKC, diacritics
    /// (U+064B–U+0652, U+0670) and tatweel removed, alef variants, `ى`, `ة`,
    /// `ڤ`, `ک`, `ی` folded, whitespace runs collapsed.
    Compare,
    /// Aggressive, for matching and look-up: everything on.
    Search,
    /// Only invisible characters, spaces and tatweel: safe to show a reader.
    Clean,
}

impl Options {
    /// The options of a preset.
    pub const fn preset(p: Preset) -> Self {
        let all = Options {
            nfkc: true,
            diacritics: true,
            tatweel: true,
            invisible: true,
            spaces: true,
            collapse_whitespace: true,
            alef: true,
            alef_maqsura: true,
            ta_marbuta: true,
            hamza_carriers: true,
            persian_letters: true,
            digits: true,
            latin_case: true,
        };
        match p {
            Preset::Search => all,
            Preset::Compare => Options {
                invisible: false,
                spaces: false,
                hamza_carriers: false,
                digits: false,
                latin_case: false,
                ..all
            },
            Preset::Clean => Options {
                invisible: true,
                spaces: true,
                collapse_whitespace: true,
                tatweel: true,
                ..Options::none()
            },
        }
    }

    /// No step at all.
    pub const fn none() -> Self {
        Options {
            nfkc: false,
            diacritics: false,
            tatweel: false,
            invisible: false,
            spaces: false,
            collapse_whitespace: false,
            alef: false,
            alef_maqsura: false,
            ta_marbuta: false,
            hamza_carriers: false,
            persian_letters: false,
            digits: false,
            latin_case: false,
        }
    }
}

/// Normalizes text with a fixed set of steps. Cheap to copy; build once.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Normalizer {
    opts: Options,
}

/// Normalized text and its alignment to the source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Normalized {
    /// The normalized text.
    pub text: String,
    /// From every output character to its source bytes.
    pub alignment: Alignment,
}

/// Maps each character of a normalized text to the source bytes it came
/// from. Monotone: later output characters come from later (or the same)
/// source characters.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Alignment {
    /// Per output character: (output byte offset, source start, source end).
    map: Vec<(usize, usize, usize)>,
    /// Length of the output in bytes.
    out_len: usize,
    /// Length of the source in bytes.
    src_len: usize,
}

impl Alignment {
    /// Maps an output span (bytes of the normalized text) back to the source.
    /// The result covers every source character that produced an output
    /// character of the span, and whatever was removed between them, but not
    /// removed characters at its edges.
    pub fn to_source(&self, out: ByteSpan) -> ByteSpan {
        if out.is_empty() {
            let s = self.source_at(out.start);
            return ByteSpan::new(s, s);
        }
        let first = self.index_of(out.start);
        let last = self.index_of(out.end.saturating_sub(1));
        match (self.map.get(first), self.map.get(last)) {
            (Some(a), Some(b)) => ByteSpan::new(a.1, b.2.max(a.1)),
            _ => ByteSpan::new(self.src_len, self.src_len),
        }
    }

    /// Maps a source span forward to the smallest output span holding every
    /// output character produced from inside it.
    pub fn to_output(&self, src: ByteSpan) -> ByteSpan {
        let start = self
            .map
            .iter()
            .find(|m| m.2 > src.start)
            .map_or(self.out_len, |m| m.0);
        let end = self
            .map
            .iter()
            .rev()
            .find(|m| m.1 < src.end)
            .map_or(start, |m| {
                let i = self.map.iter().position(|x| x.0 == m.0).unwrap_or(0);
                self.map.get(i + 1).map_or(self.out_len, |n| n.0)
            });
        ByteSpan::new(start, end.max(start))
    }

    /// Number of output characters.
    pub fn len(&self) -> usize {
        self.map.len()
    }

    /// True when the output is empty.
    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }

    /// The source byte span of each output character, in order.
    pub fn iter(&self) -> impl Iterator<Item = ByteSpan> + '_ {
        self.map.iter().map(|m| ByteSpan::new(m.1, m.2))
    }

    fn index_of(&self, out_byte: usize) -> usize {
        match self.map.binary_search_by_key(&out_byte, |m| m.0) {
            Ok(i) => i,
            Err(i) => i.saturating_sub(1),
        }
    }

    fn source_at(&self, out_byte: usize) -> usize {
        if out_byte >= self.out_len {
            return self.src_len;
        }
        self.map
            .get(self.index_of(out_byte))
            .map_or(self.src_len, |m| m.1)
    }
}

fn is_diacritic(c: char) -> bool {
    matches!(c, '\u{064B}'..='\u{0652}' | '\u{0670}' | '\u{0610}'..='\u{061A}' | '\u{06D6}'..='\u{06ED}')
}

fn is_compare_diacritic(c: char) -> bool {
    matches!(c, '\u{064B}'..='\u{0652}' | '\u{0670}')
}

fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{200B}'..='\u{200F}' | '\u{061C}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}' | '\u{00AD}'
    )
}

impl Normalizer {
    /// A normalizer with these steps.
    pub const fn new(opts: Options) -> Self {
        Self { opts }
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
        self.run(text, |c, _, _| out.push(c));
        out
    }

    /// Normalizes `text` and keeps the alignment to it.
    pub fn normalize_aligned(&self, text: &str) -> Normalized {
        let mut out = String::with_capacity(text.len());
        let mut map = Vec::with_capacity(text.len() / 2);
        self.run(text, |c, s, e| {
            map.push((out.len(), s, e));
            out.push(c);
        });
        let out_len = out.len();
        Normalized {
            text: out,
            alignment: Alignment {
                map,
                out_len,
                src_len: text.len(),
            },
        }
    }

    /// Runs the steps, calling `emit(char, src_start, src_end)` for each
    /// output character.
    fn run(&self, text: &str, mut emit: impl FnMut(char, usize, usize)) {
        let o = self.opts;
        let mut pending_space: Option<(usize, usize)> = None;
        let mut emitted_any = false;
        for (i, c) in text.char_indices() {
            let end = i + c.len_utf8();
            let mut push = |c: char, emit: &mut dyn FnMut(char, usize, usize)| {
                let c = self.fold(c);
                let Some(c) = c else { return };
                if o.collapse_whitespace && c.is_whitespace() {
                    if pending_space.is_none() {
                        pending_space = Some((i, end));
                    }
                    return;
                }
                if let Some((s, e)) = pending_space.take() {
                    if emitted_any {
                        emit(' ', s, e);
                    }
                }
                emitted_any = true;
                emit(c, i, end);
            };
            if o.nfkc && !c.is_ascii() {
                use unicode_normalization::UnicodeNormalization;
                let mut tmp = [0u8; 4];
                for d in c.encode_utf8(&mut tmp).nfkc() {
                    push(d, &mut emit);
                }
            } else {
                push(c, &mut emit);
            }
        }
    }

    /// One character through the character-level steps; `None` removes it.
    fn fold(&self, c: char) -> Option<char> {
        let o = self.opts;
        if o.tatweel && c == '\u{0640}' {
            return None;
        }
        if o.diacritics {
            let removable = if o.invisible {
                is_diacritic(c)
            } else {
                is_compare_diacritic(c)
            };
            if removable {
                return None;
            }
        }
        if o.invisible && is_invisible(c) {
            return None;
        }
        let c = match c {
            '\u{00A0}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}'
                if o.spaces =>
            {
                ' '
            }
            'أ' | 'إ' | 'آ' | 'ٱ' if o.alef => 'ا',
            'ى' if o.alef_maqsura => 'ي',
            'ة' if o.ta_marbuta => 'ه',
            'ؤ' if o.hamza_carriers => 'و',
            'ئ' if o.hamza_carriers => 'ي',
            'ڤ' if o.persian_letters => 'ف',
            'ک' if o.persian_letters => 'ك',
            'ی' if o.persian_letters => 'ي',
            'گ' if o.persian_letters => 'ك',
            'پ' if o.persian_letters => 'ب',
            'چ' if o.persian_letters => 'ج',
            'ژ' if o.persian_letters => 'ز',
            '\u{0660}'..='\u{0669}' if o.digits => {
                char::from_u32(c as u32 - 0x0660 + u32::from(b'0')).unwrap_or(c)
            }
            '\u{06F0}'..='\u{06F9}' if o.digits => {
                char::from_u32(c as u32 - 0x06F0 + u32::from(b'0')).unwrap_or(c)
            }
            'A'..='Z' if o.latin_case => c.to_ascii_lowercase(),
            c if o.latin_case && c.is_alphabetic() && !c.is_ascii() && (c as u32) < 0x0590 => {
                c.to_lowercase().next().unwrap_or(c)
            }
            c => c,
        };
        Some(c)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn compare_preset_matches_annotation_comparison_form() {
        let n = Normalizer::preset(Preset::Compare);
        assert_eq!(n.normalize("حمّوشي"), "حموشي");
        assert_eq!(n.normalize("إسبانيا  ڤو"), "اسبانيا فو");
        assert_eq!(n.normalize("المملكة"), "المملكه");
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
}

//! `has_title` from apposition and `met` from meeting, talks and signing
//! constructions.

use crate::fxhash::FilteredSet;
use crate::lexicon::{Kind, Lexicon};
use aho_corasick::AhoCorasick;
use akhbar_core::{EntityType, Mention, Relation, RelationType};
use akhbar_normalize::{Normalizer, Preset};
use std::collections::BTreeSet;
use std::sync::LazyLock;

/// Words that report a meeting, talks or a signing (normalized, without
/// proclitics).
const MEETING: &[&str] = &[
    "التقي",
    "التقت",
    "يلتقي",
    "تلتقي",
    "التقيا",
    "استقبل",
    "استقبلت",
    "يستقبل",
    "تستقبل",
    "استقبال",
    "استقباله",
    "مباحثات",
    "محادثات",
    "تباحث",
    "تباحثا",
    "يتباحث",
    "بحث",
    "بحثا",
    "ناقش",
    "ناقشا",
    "وقع",
    "وقعا",
    "توقيع",
    "لقاء",
    "اللقاء",
    "اجتماع",
    "الاجتماع",
    "اجتماعا",
    "جمع",
    "يبحثان",
    "يتباحثان",
    "يلتقيان",
    "يوقعان",
    "يجتمعان",
    "اجتمعا",
    "يبحث",
    "يناقش",
    "يوقع",
    "اجتمع",
    "يجتمع",
    "جمعت",
    "نظيره",
    "نظيرته",
    "لقائه",
    "مشاورات",
    "قمه",
];

fn norm(s: &str) -> String {
    Normalizer::preset(Preset::Search).normalize(s)
}

/// The number of whitespace-separated words of `norm(s)`.
///
/// Most texts are made only of printable ASCII, whitespace and the Arabic
/// letters `U+0621..=U+064A` (and `،`), which the normalizer maps one
/// character to one non-space character, whatever their neighbours (none
/// of them composes under NFKC; see [`SIMPLE`]): their words are counted on
/// the text as it is. Any other character sends the text to the normalizer.
fn search_word_count(s: &str) -> usize {
    let table = &*SIMPLE;
    let b = s.as_bytes();
    let mut i = 0;
    while let Some(&c0) = b.get(i) {
        let (form, len) = match c0 {
            b'\t' | b'\n' | b'\r' | b' ' => (Form::Same, 1),
            0x21..=0x7E => (table.ascii[usize::from(c0)], 1),
            0xD8 | 0xD9 => {
                let low = b.get(i + 1).map_or(0, |&c| c & 0x3F);
                let cp = usize::from(c0 & 0x1F) << 6 | usize::from(low);
                let form = table.arabic.get(cp - 0x0600).copied();
                (form.unwrap_or(Form::Other), 2)
            }
            _ => (Form::Other, 1),
        };
        if form == Form::Other {
            return norm(s).split_whitespace().count();
        }
        i += len;
    }
    s.split_whitespace().count()
}

/// What the normalizer does with a character alone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Form {
    /// The normalizer keeps it.
    Same,
    /// The normalizer writes this one character instead.
    To(char),
    /// Anything else.
    Other,
}

/// The [`Form`]s of printable ASCII and of `U+0600..=U+064A`, as the
/// normalizer treats each character alone: [`Form::Other`] where that is
/// not one non-space character (tatweel, which it removes), and for the
/// signs and marks before `U+0621` other than `،` (not looked at).
struct Simple {
    ascii: [Form; 128],
    arabic: [Form; 0x4B],
}

static SIMPLE: LazyLock<Simple> = LazyLock::new(|| {
    let one = |c: char| {
        let n = norm(c.encode_utf8(&mut [0; 4]));
        let mut it = n.chars();
        match (it.next(), it.next()) {
            (Some(m), None) if m == c => Form::Same,
            (Some(m), None) if !m.is_whitespace() => Form::To(m),
            _ => Form::Other,
        }
    };
    let mut ascii = [Form::Other; 128];
    for c in '\u{0021}'..='\u{007E}' {
        ascii[c as usize] = one(c);
    }
    let mut arabic = [Form::Other; 0x4B];
    for c in ('\u{0621}'..='\u{064A}').chain(['،']) {
        arabic[c as usize - 0x0600] = one(c);
    }
    Simple { ascii, arabic }
});

fn strip_proclitic(w: &str) -> &str {
    for p in PROCLITIC_PREFIXES {
        if let Some(r) = w.strip_prefix(p) {
            if r.chars().count() >= 3 {
                return r;
            }
        }
    }
    w
}

/// True for a meeting word, bare or after a proclitic, or a meeting noun
/// with a possessive pronoun.
fn is_meeting_word(w: &str) -> bool {
    MEETING_FORMS.contains(w) || pronoun_meeting(w)
}

/// Every word of [`MEETING`], bare and after each of the
/// [`PROCLITIC_PREFIXES`]: one look-up per word, behind a filter that
/// turns most other words away without hashing them.
static MEETING_FORMS: LazyLock<FilteredSet> = LazyLock::new(|| {
    let mut forms = FilteredSet::with_capacity(MEETING.len() * (PROCLITIC_PREFIXES.len() + 1));
    for m in MEETING {
        for p in std::iter::once(&"").chain(PROCLITIC_PREFIXES) {
            forms.insert(format!("{p}{m}"));
        }
    }
    forms
});

/// Proclitics and articles before a meeting word, longest first.
const PROCLITIC_PREFIXES: &[&str] = &[
    "وبال", "فبال", "وال", "فال", "بال", "لل", "ال", "وب", "ول", "فب", "و", "ف", "ب", "ل",
];

/// Membership in `MEETING`, as a `match` (length and byte comparisons):
/// the reference for [`MEETING_FORMS`].
#[cfg(test)]
fn meeting(w: &str) -> bool {
    matches!(
        w,
        "التقي"
            | "التقت"
            | "يلتقي"
            | "تلتقي"
            | "التقيا"
            | "استقبل"
            | "استقبلت"
            | "يستقبل"
            | "تستقبل"
            | "استقبال"
            | "استقباله"
            | "مباحثات"
            | "محادثات"
            | "تباحث"
            | "تباحثا"
            | "يتباحث"
            | "بحث"
            | "بحثا"
            | "ناقش"
            | "ناقشا"
            | "وقع"
            | "وقعا"
            | "توقيع"
            | "لقاء"
            | "اللقاء"
            | "اجتماع"
            | "الاجتماع"
            | "اجتماعا"
            | "جمع"
            | "يبحثان"
            | "يتباحثان"
            | "يلتقيان"
            | "يوقعان"
            | "يجتمعان"
            | "اجتمعا"
            | "يبحث"
            | "يناقش"
            | "يوقع"
            | "اجتمع"
            | "يجتمع"
            | "جمعت"
            | "نظيره"
            | "نظيرته"
            | "لقائه"
            | "مشاورات"
            | "قمه"
    )
}

/// A meeting noun with a possessive pronoun (`اجتماعه`, `لقائه`): its
/// subject is a person named before.
fn pronoun_meeting(w: &str) -> bool {
    // Stripping a proclitic keeps the end: test the suffix (`ها` is
    // D9 87 D8 A7, `ه` D9 87) and the last letter of every base first
    // (`ع ء ي ت ل`: D8 B9, D8 A1, D9 8A, D8 AA, D9 84), byte by byte.
    let rest = match w.as_bytes() {
        [rest @ .., 0xD9, 0x87, 0xD8, 0xA7] | [rest @ .., 0xD9, 0x87] => rest,
        _ => return false,
    };
    if !matches!(
        rest,
        [.., 0xD8, 0xB9 | 0xA1 | 0xAA] | [.., 0xD9, 0x8A | 0x84]
    ) {
        return false;
    }
    pronoun_meeting_by_rule(w)
}

/// [`pronoun_meeting`] without its quick byte tests: a meeting noun after
/// any proclitic, before `ه` or `ها`.
fn pronoun_meeting_by_rule(w: &str) -> bool {
    let w = strip_proclitic(w);
    let Some(base) = w.strip_suffix("ها").or_else(|| w.strip_suffix('ه')) else {
        return false;
    };
    // `مباحثاته`: the plural ات before the pronoun.
    [
        "اجتماع",
        "لقاء",
        "لقاي",
        "مباحثات",
        "محادثات",
        "استقبال",
        "مشاورات",
    ]
    .contains(&base)
}

/// Meeting verbs (a subject may be left implicit).
const MEETING_VERBS: &[&str] = &[
    "التقي",
    "التقت",
    "يلتقي",
    "تلتقي",
    "استقبل",
    "استقبلت",
    "يستقبل",
    "تستقبل",
    "تباحث",
    "بحث",
    "ناقش",
    "وقع",
    "اجتمع",
    "اجتمعت",
    "يجتمع",
];

/// Words that open a new clause: persons after them are not parties of a
/// meeting reported before them. [`CUTS`] finds them; this list is the
/// reference its tests read.
#[cfg(test)]
const CLAUSE_BREAKS: &[&str] = &["حيث", "فيما", "بينما", "وحيث"];

/// `بحضور` (pattern 0: persons after it attend) and the [`CLAUSE_BREAKS`]
/// but `وحيث` (pattern 1 is `حيث`; `وحيث` is a `حيث` after `و`), found in
/// one pass over a sentence. None of them overlaps itself or another, so
/// the search visits every occurrence of each.
static CUTS: LazyLock<AhoCorasick> = LazyLock::new(|| {
    AhoCorasick::new(["بحضور", "حيث", "فيما", "بينما"])
        .expect("four short literal patterns always build")
});

/// Where the parties of a meeting end in `sentence` (its length when
/// nothing cuts them): at the first `بحضور` (persons after it attend), or
/// at the first clause break after the first person (at byte `first`)
/// that stands as a word of its own. A cut only matters up to the last
/// person's start (`last`): the search stops there, with room for a
/// pattern that starts before it.
fn cut_at(sentence: &str, first: usize, last: usize) -> usize {
    let mut cut = sentence.len();
    let hay = &sentence.as_bytes()[..(last + CUT_MAX_LEN).min(sentence.len())];
    for m in CUTS.find_iter(hay) {
        let at = m.start();
        if m.pattern().as_usize() == 0 {
            if at <= last {
                cut = cut.min(at);
            }
            continue;
        }
        // The break at `at`, and `وحيث` when `حيث` follows a `و`.
        let waw = m.pattern().as_usize() == 1 && sentence[..at].ends_with('و');
        let starts = [Some(at), waw.then(|| at - 'و'.len_utf8())];
        for at in starts.into_iter().flatten().filter(|&a| a <= last) {
            let before_ok = at == 0
                || sentence[..at].ends_with(|c: char| c.is_whitespace() || c == '،' || c == ',');
            let after = &sentence[m.end()..];
            let after_ok = after.is_empty() || after.starts_with(|c: char| !c.is_alphanumeric());
            if before_ok && after_ok && at > first {
                cut = cut.min(at);
            }
        }
    }
    cut
}

/// The longest pattern of [`CUTS`], in bytes.
const CUT_MAX_LEN: usize = "بحضور".len();

/// The sentence around byte `at` of `text` (a character boundary), as
/// `start..end` bytes: after the last sentence end before `at` (or the
/// start) up to and with the first sentence end from `at` on (or the end).
/// Sentence ends are `. ! ? \n ;` and Arabic `؟ ؛` (U+061F, U+061B: bytes
/// D8 9F and D8 9B), found byte by byte: a byte below 0x80 is always a
/// whole character, and D8 always leads one. `None` when `at` is past the
/// text.
fn sentence_at(text: &[u8], at: usize) -> Option<(usize, usize)> {
    if at >= text.len() {
        return None;
    }
    // A candidate byte is a sentence end unless it is 9F or 9B after
    // another lead byte than D8.
    let is_end = |i: usize| !matches!(text[i], 0x9F | 0x9B) || (i > 0 && text[i - 1] == 0xD8);
    let mut start = 0;
    let mut before = &text[..at];
    while let Some(i) = rfind_end_byte(before) {
        if is_end(i) {
            start = i + 1;
            break;
        }
        before = &before[..i];
    }
    let mut end = text.len();
    let mut from = at;
    while let Some(k) = find_end_byte(&text[from..]) {
        if is_end(from + k) {
            end = from + k + 1;
            break;
        }
        from += k + 1;
    }
    Some((start, end))
}

/// The first byte of `b` in [`END_BYTE`], looked for eight bytes at a
/// time.
fn find_end_byte(b: &[u8]) -> Option<usize> {
    let mut chunks = b.chunks_exact(8);
    let mut off = 0;
    for c in chunks.by_ref() {
        if may_hold_end(c) {
            if let Some(k) = c.iter().position(|&x| END_BYTE[usize::from(x)]) {
                return Some(off + k);
            }
        }
        off += 8;
    }
    let rest = chunks.remainder();
    rest.iter()
        .position(|&x| END_BYTE[usize::from(x)])
        .map(|k| off + k)
}

/// The last byte of `b` in [`END_BYTE`], looked for eight bytes at a time.
fn rfind_end_byte(b: &[u8]) -> Option<usize> {
    let mut chunks = b.rchunks_exact(8);
    let mut end = b.len();
    for c in chunks.by_ref() {
        end -= 8;
        if may_hold_end(c) {
            if let Some(k) = c.iter().rposition(|&x| END_BYTE[usize::from(x)]) {
                return Some(end + k);
            }
        }
    }
    chunks
        .remainder()
        .iter()
        .rposition(|&x| END_BYTE[usize::from(x)])
}

/// False when no byte of the 8-byte chunk `c` is in [`END_BYTE`] (a byte
/// equal to `t` is a zero byte of `x ^ t…t`, found by the usual borrow
/// test); true may be a false alarm.
#[inline]
fn may_hold_end(c: &[u8]) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    let mut w = [0u8; 8];
    w.copy_from_slice(c);
    let x = u64::from_le_bytes(w);
    let mut hit = 0;
    for t in [b'.', b'!', b'?', b'\n', b';', 0x9F, 0x9B] {
        let y = x ^ (ONES * u64::from(t));
        hit |= y.wrapping_sub(ONES) & !y & HIGHS;
    }
    hit != 0
}

/// The bytes that may end a sentence: `. ! ? \n ;` and the last bytes of
/// `؟ ؛` (9F, 9B; they end one only after D8).
static END_BYTE: [bool; 256] = {
    let mut t = [false; 256];
    let mut k = 0;
    let ends = [b'.', b'!', b'?', b'\n', b';', 0x9F, 0x9B];
    while k < ends.len() {
        t[ends[k] as usize] = true;
        k += 1;
    }
    t
};

/// Splits normalized text into words (runs of ASCII letters and digits and
/// of `U+0621..=U+06FF`) and adds their byte ranges to `out`, from byte
/// `from` on. Byte by byte: that block is the pairs `D8 A1..=DB BF`; every
/// other character ends a word.
fn split_words(text: &str, from: usize, out: &mut Vec<(usize, usize)>) {
    let b = text.as_bytes();
    let mut start = None;
    let mut i = from;
    while let Some(&c) = b.get(i) {
        let (word, len) = match c {
            0x00..=0x7F => (c.is_ascii_alphanumeric(), 1),
            0xD8 => (b.get(i + 1).is_some_and(|&n| n >= 0xA1), 2),
            0xD9..=0xDB => (true, 2),
            0xC0..=0xDF => (false, 2),
            0xE0..=0xEF => (false, 3),
            _ => (false, 4),
        };
        match (word, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push((s, i));
                start = None;
            }
            _ => {}
        }
        i += len;
    }
    if let Some(s) = start {
        out.push((s, b.len()));
    }
}

/// The `Search`-normalized words of a sentence, normalized piece by piece
/// as they are asked for: most sentences name their meeting early, and the
/// words after it do not matter.
///
/// Pieces end before an ASCII space: no character joins a space under the
/// normalizer's NFKC, so the words of the pieces, one after the other, are
/// the words of the whole (a proptest checks it). A space is written
/// between pieces in the buffer so that they never glue.
struct SentenceWords<'a> {
    /// The sentence.
    text: &'a str,
    /// The source bytes normalized so far.
    done: usize,
    /// The normalized pieces.
    buf: &'a mut String,
    /// Their words, as byte ranges of `buf`.
    spans: &'a mut Vec<(usize, usize)>,
}

/// The length of a piece of [`SentenceWords`], in source bytes, before it
/// is stretched to the next space.
const PIECE: usize = 64;

impl<'a> SentenceWords<'a> {
    fn new(text: &'a str, buf: &'a mut String, spans: &'a mut Vec<(usize, usize)>) -> Self {
        buf.clear();
        spans.clear();
        Self {
            text,
            done: 0,
            buf,
            spans,
        }
    }

    /// Normalizes the next piece; false when the sentence is done.
    fn more(&mut self) -> bool {
        let len = self.text.len();
        if self.done >= len {
            return false;
        }
        let from = self.done;
        let reach = (from + PIECE).min(len);
        let end = self.text.as_bytes()[reach..]
            .iter()
            .position(|&b| b == b' ')
            .map_or(len, |k| reach + k);
        let at = self.buf.len();
        self.buf.push(' ');
        Normalizer::preset(Preset::Search).normalize_into(&self.text[from..end], self.buf);
        split_words(self.buf, at, self.spans);
        self.done = end;
        true
    }

    /// Normalizes until at least `n` words are known or the sentence is
    /// done; the number of words known.
    fn at_least(&mut self, n: usize) -> usize {
        while self.spans.len() < n && self.more() {}
        self.spans.len()
    }

    /// Word `i`, when it is known.
    fn get(&self, i: usize) -> Option<&str> {
        self.spans.get(i).map(|&(a, b)| &self.buf[a..b])
    }
}

/// True when the text between two mentions is only commas, brackets and
/// honorifics (and, when `apposition_words`, `بصفته`-like words).
fn apposition_gap(lex: &Lexicon, gap: &str, need_comma: bool) -> bool {
    let g = norm(gap);
    let mut comma = false;
    for w in g.split(|c: char| c.is_whitespace() || "()«»\"".contains(c)) {
        if w.is_empty() {
            continue;
        }
        let w = w.trim_matches(|c| c == '،' || c == ',');
        if g.contains('،') || g.contains(',') {
            comma = true;
        }
        if w.is_empty() {
            continue;
        }
        if matches!(w, "بصفته" | "بصفتها" | "بوصفه" | "بوصفها") {
            comma = true;
            continue;
        }
        // How the office is held (`الجديد`, `بالنيابة`), or `السفير`.
        if crate::engine::HOLDER_STATUS.contains(&w) {
            continue;
        }
        let honorific = lex.is_form(w, |k| matches!(k, Kind::Honorific | Kind::Rank));
        if !honorific {
            return false;
        }
    }
    if g.contains('،') || g.contains(',') {
        comma = true;
    }
    comma || !need_comma
}

/// True when `before` ends with a meeting verb, over honorifics and ranks
/// of up to three words each (`استقبل الأمير`, `استقبل صاحب السمو الملكي
/// الأمير`).
fn after_meeting_verb(lex: &Lexicon, before: &str) -> bool {
    let words: Vec<String> = before.split_whitespace().rev().take(8).map(norm).collect();
    let honorific = |f: &str| lex.is_form(f, |k| matches!(k, Kind::Honorific | Kind::Rank));
    let mut i = 0;
    while i < words.len() {
        if is_meeting_word(&words[i]) {
            return true;
        }
        // Honorifics of up to three words (`صاحب السمو الملكي`).
        let skip = (1..=3).rev().find(|&n| {
            i + n <= words.len() && {
                let phrase: Vec<&str> = words[i..i + n].iter().rev().map(String::as_str).collect();
                honorific(&phrase.join(" "))
            }
        });
        match skip {
            Some(n) => i += n,
            None => return false,
        }
    }
    false
}

/// Finds relations between the (sorted, linked) mentions of a document.
pub(crate) fn relations(lex: &Lexicon, text: &str, mentions: &[Mention]) -> Vec<Relation> {
    let mut out: BTreeSet<Relation> = BTreeSet::new();
    let gap = |a: usize, b: usize| {
        &text[mentions[a].span.end.min(mentions[b].span.start)..mentions[b].span.start]
    };
    // has_title.
    for t in 0..mentions.len() {
        if mentions[t].entity_type != EntityType::Title {
            continue;
        }
        // TITLE [،] [السيد] PER
        let mut holder = None;
        if t + 1 < mentions.len()
            && mentions[t + 1].entity_type == EntityType::Per
            && apposition_gap(lex, gap(t, t + 1), false)
        {
            holder = Some(t + 1);
        } else if t > 0
            && mentions[t - 1].entity_type == EntityType::Per
            && (apposition_gap(lex, gap(t - 1, t), true)
                // `نانسي فيزر (Nancy Faeser) وزيرة الداخلية`: the closing
                // bracket of a Latin alias is the comma.
                || (gap(t - 1, t).trim() == ")" && mentions[t - 1].text.is_ascii()))
        {
            holder = Some(t - 1);
        }
        // PER TITLE closing its clause (`تميم بن حمد آل ثاني أمير البلاد
        // المفدى،`): no comma needed when the title ends at punctuation.
        if holder.is_none()
            && t > 0
            && mentions[t - 1].entity_type == EntityType::Per
            && gap(t - 1, t).chars().all(char::is_whitespace)
        {
            let after = text[mentions[t].span.end..].trim_start();
            let after = after.strip_prefix("المفدى").unwrap_or(after).trim_start();
            // After a meeting verb the title is its object (`استقبل الأمير
            // X وزير الخارجية الإيطالي.`), not the person's office.
            let verb = after_meeting_verb(lex, &text[..mentions[t - 1].span.start]);
            // `وقال X وكيل الإمارة إن …`: the speech's `إن` ends the clause.
            let speech = ["إن ", "ان ", "أن "].iter().any(|p| after.starts_with(p));
            // After a meeting verb, a guest named later in the sentence
            // shows the title to be the host's (`استقبل الأمير X أمير منطقة
            // الرياض في مكتبه … الدكتور Y`).
            let guest_later = verb
                && mentions[t + 1..]
                    .iter()
                    .take_while(|m| {
                        let between = &text[mentions[t].span.end..m.span.start];
                        !between.contains(['.', '\n', '؛']) && !between.contains("حضور")
                    })
                    .any(|m| m.entity_type == EntityType::Per);
            let closes = after.is_empty()
                || after.starts_with(['،', ',', '.', '(', '\n', '؛', ':'])
                || speech;
            if (!verb && closes) || guest_later {
                holder = Some(t - 1);
            }
        }
        // TITLE في|ب LOC PER: a title located by a place before its holder
        // (`المدير التنفيذي للوكالة في سنغافورة ديفيد كوه`).
        if holder.is_none()
            && t + 2 < mentions.len()
            && mentions[t + 1].entity_type == EntityType::Loc
            && mentions[t + 2].entity_type == EntityType::Per
            && matches!(norm(gap(t, t + 1)).trim(), "في" | "ب" | "")
            && apposition_gap(lex, gap(t + 1, t + 2), false)
        {
            holder = Some(t + 2);
        }
        // Coordinated titles before a holder: T1 و T2، X.
        if holder.is_none() {
            let mut k = t + 1;
            // Also stacked titles without a conjunction (`نائب رئيس مجلس
            // الوزراء وزير الداخلية X`).
            while k < mentions.len()
                && mentions[k].entity_type == EntityType::Title
                && matches!(norm(gap(k - 1, k)).trim(), "و" | "" | "،" | ",")
            {
                k += 1;
            }
            if k > t + 1
                && k < mentions.len()
                && mentions[k].entity_type == EntityType::Per
                && apposition_gap(lex, gap(k - 1, k), false)
            {
                holder = Some(k);
            }
        }
        // X، T1 و T2: the second title.
        if holder.is_none() {
            let mut k = t;
            while k > 0
                && mentions[k - 1].entity_type == EntityType::Title
                && norm(gap(k - 1, k)).trim() == "و"
            {
                k -= 1;
            }
            if k < t
                && k > 0
                && mentions[k - 1].entity_type == EntityType::Per
                && apposition_gap(lex, gap(k - 1, k), true)
            {
                holder = Some(k - 1);
            }
        }
        // X T1 T2 without commas (`الأمير X ولي العهد وزير الدفاع`): a
        // stack of two or more titles right after a person, with no person
        // after it, describes that person.
        if holder.is_none() {
            let bare = |a: usize, b: usize| {
                let g = gap(a, b);
                g.chars().all(char::is_whitespace) || g.trim() == "و"
            };
            let mut first = t;
            while first > 0
                && mentions[first - 1].entity_type == EntityType::Title
                && bare(first - 1, first)
            {
                first -= 1;
            }
            let mut last = t;
            while last + 1 < mentions.len()
                && mentions[last + 1].entity_type == EntityType::Title
                && bare(last, last + 1)
            {
                last += 1;
            }
            let person_after = last + 1 < mentions.len()
                && mentions[last + 1].entity_type == EntityType::Per
                && apposition_gap(lex, gap(last, last + 1), false);
            // `استقبل X وزير الداخلية سفير جمهورية الهند`: after a meeting
            // verb an envoy's title closing the stack is the guest's.
            let envoy = |m: &Mention| {
                let t = norm(&m.text);
                ["سفير", "سفيره", "المبعوث", "مبعوث", "القايم باعمال"]
                    .iter()
                    .any(|w| t.starts_with(w))
            };
            let guest = last > first
                && first > 0
                && envoy(&mentions[last])
                && after_meeting_verb(lex, &text[..mentions[first - 1].span.start]);
            if guest && t == last {
                continue;
            }
            let last = if guest { last - 1 } else { last };
            if (last > first || guest)
                && first > 0
                && mentions[first - 1].entity_type == EntityType::Per
                && bare(first - 1, first)
                && !person_after
            {
                holder = Some(first - 1);
            }
        }
        // X … الذي يشغل منصب TITLE: the nearest person before, same sentence.
        if holder.is_none() && t > 0 {
            let before =
                &text[mentions[t - 1].span.end.min(mentions[t].span.start)..mentions[t].span.start];
            let nb = norm(before);
            if nb.split_whitespace().last() == Some("منصب") {
                let start = text[..mentions[t].span.start]
                    .rfind(['.', '\n', '!', '?', '؟'])
                    .map_or(0, |p| p + 1);
                holder = (0..t)
                    .rev()
                    .take_while(|&k| mentions[k].span.start >= start)
                    .find(|&k| mentions[k].entity_type == EntityType::Per);
            }
        }
        if let Some(p) = holder {
            out.insert(Relation {
                kind: RelationType::HasTitle,
                head: p,
                tail: t,
            });
        }
    }
    // met, sentence by sentence. Only sentences with a person matter: each
    // is found around the first person not yet read (see `sentence_at`).
    let bytes = text.as_bytes();
    let mut prev_subject: Option<usize> = None;
    // The persons of the sentence, one buffer for all sentences.
    let mut pers: Vec<usize> = Vec::new();
    // The words of the normalized sentence, as byte ranges of it.
    let mut word_spans: Vec<(usize, usize)> = Vec::new();
    // The normalized pieces of the sentence, one buffer for all sentences.
    let mut ns_buf = String::new();
    let mut next = 0;
    while let Some(p) = (next..mentions.len()).find(|&i| mentions[i].entity_type == EntityType::Per)
    {
        let Some((s, e)) = sentence_at(bytes, mentions[p].span.start) else {
            break;
        };
        // Mentions are sorted: the sentence's ones form a run.
        let first = mentions.partition_point(|m| m.span.start < s);
        next = first + mentions[first..].partition_point(|m| m.span.start < e);
        let sentence = &text[s..e];
        pers.clear();
        pers.extend(
            (first..mentions.len())
                .take_while(|&i| mentions[i].span.start < e)
                .filter(|&i| {
                    mentions[i].entity_type == EntityType::Per && mentions[i].span.end <= e
                }),
        );
        if pers.is_empty() {
            continue;
        }
        // With one person, or persons of one name, and no subject to carry
        // over (the document's first sentence with a person), no pair can
        // come out of the sentence: its words are not needed.
        let one_name = pers
            .iter()
            .all(|&i| mentions[i].canonical == mentions[pers[0]].canonical);
        if one_name && prev_subject.is_none() {
            prev_subject = Some(pers[0]);
            continue;
        }
        let mut words = SentenceWords::new(sentence, &mut ns_buf, &mut word_spans);
        // The first meeting word that is not a wish or a plan.
        let trigger = |w: &SentenceWords, i: usize| {
            w.get(i).is_some_and(is_meeting_word)
                && !(i > 0 && w.get(i - 1).is_some_and(unreal))
                && !future_meeting(w, i)
        };
        let mut first_trigger = None;
        let mut i = 0;
        while i < words.at_least(i + 1) {
            if trigger(&words, i) {
                first_trigger = Some(i);
                break;
            }
            i += 1;
        }
        if let Some(first_trigger) = first_trigger {
            let first_per_word = {
                let before = &text[s..mentions[pers[0]].span.start];
                search_word_count(before)
            };
            // A sentence that opens with the meeting and names no subject
            // before it carries the subject of the previous sentence: when a
            // meeting noun has a pronoun, or when the meeting verb is
            // followed by its object's preposition (`كما التقى بالسيد X`,
            // `تباحث مع X`). Only then are more words needed.
            let opens = first_trigger < first_per_word && {
                words.at_least(first_per_word.max(1).max(first_trigger + 2));
                let pronoun = (0..first_per_word.max(1))
                    .map_while(|k| words.get(k))
                    .any(pronoun_meeting);
                let verb_then_object = words
                    .get(first_trigger + 1)
                    .is_some_and(|n| n == "مع" || (n.starts_with('ب') && n.chars().count() > 3))
                    && words
                        .get(first_trigger)
                        .is_some_and(|w| MEETING_VERBS.contains(&strip_proclitic(w)));
                // `كما استقبل سموه X`: the honorific pronoun is the subject
                // of the sentence before.
                let verb_then_pronoun = words.get(first_trigger + 1).is_some_and(|n| {
                    matches!(
                        n,
                        "سموه" | "معاليه" | "فخامته" | "جلالته" | "سعادته" | "دولته"
                    )
                });
                verb_then_object || pronoun || verb_then_pronoun
            };
            // With one person, or persons of one name, only a subject
            // carried over can make a pair: the parties are not needed.
            if one_name && !opens {
                prev_subject = Some(pers[0]);
                continue;
            }
            // Persons after بحضور are attendees, not parties; a new clause
            // after the first person ends the parties. One pass finds both:
            // the cut is the first of them.
            let first_start = mentions[pers[0]].span.start;
            let last = mentions[pers[pers.len() - 1]].span.start - s;
            let cut = s + cut_at(sentence, first_start - s, last);
            let parties: Vec<usize> = pers
                .iter()
                .copied()
                .filter(|&i| mentions[i].span.start < cut)
                .collect();
            // `أوضح الوزير X أن لقاء Y مع Z`: a meeting reported in the
            // speaker's أن-clause is between the persons of that clause.
            let parties = reported_parties(text, s, mentions, &mut words, first_trigger, parties);
            let mut distinct: Vec<usize> = Vec::new();
            for &p in &parties {
                if !distinct
                    .iter()
                    .any(|&q| mentions[q].canonical == mentions[p].canonical)
                {
                    distinct.push(p);
                }
            }
            let subject = if opens {
                prev_subject.filter(|&q| {
                    distinct
                        .iter()
                        .all(|&d| mentions[q].canonical != mentions[d].canonical)
                })
            } else {
                None
            };
            if let Some(q) = subject {
                for &d in &distinct {
                    out.insert(pair(q, d));
                }
                continue;
            } else if distinct.len() >= 2 {
                for &o in &distinct[1..] {
                    out.insert(pair(distinct[0], o));
                }
            }
        }
        prev_subject = Some(pers[0]);
    }
    out.into_iter().collect()
}

/// True when the meeting word `i` is an imperfect verb after a future
/// (`سيزور الولايات المتحدة ويلتقي بالرئيس`, `سوف يلتقي`): a plan, not a
/// reported meeting.
fn future_meeting(w: &SentenceWords, i: usize) -> bool {
    let Some(verb) = w.get(i) else {
        return false;
    };
    let verb = verb.strip_prefix(['و', 'ف']).unwrap_or(verb);
    if !verb.starts_with(['ي', 'ت']) {
        return false;
    }
    (i.saturating_sub(5)..i).any(|k| {
        w.get(k).is_some_and(|p| {
            let p = p.strip_prefix(['و', 'ف']).unwrap_or(p);
            p == "سوف"
                || (["سي", "ست", "سن"].iter().any(|f| p.starts_with(f)) && p.chars().count() >= 4)
        })
    })
}

/// The parties of a meeting reported in a speaker's `أن`-clause: when `أن`
/// (or `بأن`) stands between the first person and the meeting word at
/// `trigger`, and two persons of different names follow it, they are the
/// parties and the speaker is not; otherwise `parties` as they are.
fn reported_parties(
    text: &str,
    s: usize,
    mentions: &[Mention],
    words: &mut SentenceWords,
    trigger: usize,
    parties: Vec<usize>,
) -> Vec<usize> {
    let Some(&first) = parties.first() else {
        return parties;
    };
    let word_of = |i: usize| search_word_count(&text[s..mentions[i].span.start]);
    let first_word = word_of(first);
    if first_word >= trigger {
        return parties;
    }
    words.at_least(trigger + 1);
    let Some(that) =
        (first_word + 1..trigger).find(|&k| words.get(k).is_some_and(|w| w == "ان" || w == "بان"))
    else {
        return parties;
    };
    let inside: Vec<usize> = parties
        .iter()
        .copied()
        .filter(|&i| word_of(i) > that)
        .collect();
    let names = inside
        .iter()
        .filter(|&&i| mentions[i].canonical != mentions[inside[0]].canonical)
        .count();
    if names >= 1 { inside } else { parties }
}

/// Words before a meeting noun that make it a wish, a plan or a reference
/// rather than a reported meeting (`يتطلع للقاء`, `لجدولة لقاء`, `لعقد
/// اجتماع`, `أعلمه بهذا اللقاء`), in the `Search` normalization.
const UNREAL: &[&str] = &[
    "يتطلع",
    "تتطلع",
    "يتطلعان",
    "يطمح",
    "جدوله",
    "لجدوله",
    "ترتيب",
    "لترتيب",
    "للتحضير",
    "ينتظر",
    "تنتظر",
    "لعقد",
    "سيعقد",
    "ستعقد",
    "يعتزم",
    "تعتزم",
    "يرتقب",
    "يرغب",
    "يسعي",
    "تسعي",
    "بهذا",
    "بهذه",
    // `حضر الاستقبال X و Y`: attendance, not a meeting between them.
    "حضر",
    "وحضر",
];

fn unreal(w: &str) -> bool {
    UNREAL.contains(&w)
}

fn pair(a: usize, b: usize) -> Relation {
    Relation {
        kind: RelationType::Met,
        head: a.min(b),
        tail: a.max(b),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The rule that [`MEETING_FORMS`] stands for.
    fn is_meeting_word_by_rule(w: &str) -> bool {
        meeting(w)
            || PROCLITIC_PREFIXES
                .iter()
                .any(|p| w.strip_prefix(p).is_some_and(meeting))
            || pronoun_meeting_by_rule(w)
    }

    #[test]
    fn meeting_forms_agree_with_the_rule() {
        let mut words: Vec<String> = Vec::new();
        for m in MEETING
            .iter()
            .chain(&["اجتماعه", "لقائها", "مباحثاته", "قال", "ه", "ها"])
        {
            for p in PROCLITIC_PREFIXES.iter().chain(&["", "لل", "وو", "با"]) {
                for suffix in ["", "ه", "ها", "ات", "اته"] {
                    words.push(format!("{p}{m}{suffix}"));
                }
            }
        }
        for w in &words {
            assert_eq!(is_meeting_word(w), is_meeting_word_by_rule(w), "{w}");
        }
    }

    #[test]
    fn cuts_are_found_only_up_to_the_last_person() {
        // `حيث` after the first person cuts the second one off.
        let text = "التقى زيد حيث عمرو.";
        let m = |s: &str, ty| {
            let at = text.find(s).unwrap();
            Mention {
                span: akhbar_core::ByteSpan::new(at, at + s.len()),
                entity_type: ty,
                text: s.to_owned(),
                canonical: s.to_owned(),
                value: String::new(),
            }
        };
        let lex = Lexicon::build();
        let two = [m("زيد", EntityType::Per), m("عمرو", EntityType::Per)];
        assert!(relations(&lex, text, &two).is_empty());
        let open = "التقى زيد و عمرو حيث.";
        let m2 = |s: &str| {
            let at = open.find(s).unwrap();
            Mention {
                span: akhbar_core::ByteSpan::new(at, at + s.len()),
                entity_type: EntityType::Per,
                text: s.to_owned(),
                canonical: s.to_owned(),
                value: String::new(),
            }
        };
        assert_eq!(relations(&lex, open, &[m2("زيد"), m2("عمرو")]).len(), 1);
    }

    /// Every sentence as the whole-text scan cuts them: the reference for
    /// [`sentence_at`].
    fn sentences_by_scan(text: &str) -> Vec<(usize, usize)> {
        let bytes = text.as_bytes();
        let mut bounds = vec![0];
        for (i, &b) in bytes.iter().enumerate() {
            let end = match b {
                b'.' | b'!' | b'?' | b'\n' | b';' => true,
                0x9F | 0x9B => i > 0 && bytes[i - 1] == 0xD8,
                _ => false,
            };
            if end {
                bounds.push(i + 1);
            }
        }
        bounds.push(text.len());
        bounds
            .windows(2)
            .map(|w| (w[0], w[1]))
            .filter(|(s, e)| s < e)
            .collect()
    }

    fn check_sentences(text: &str) {
        let scan = sentences_by_scan(text);
        for (at, _) in text.char_indices() {
            let want = scan.iter().copied().find(|&(s, e)| s <= at && at < e);
            assert_eq!(sentence_at(text.as_bytes(), at), want, "{text:?} at {at}");
        }
        assert_eq!(sentence_at(text.as_bytes(), text.len()), None);
    }

    #[test]
    fn end_bytes_are_found_in_chunks_as_one_by_one() {
        let is = |x: &u8| END_BYTE[usize::from(*x)];
        for len in 0..40 {
            for at in 0..=len {
                for end in [b'.', b'!', b'?', b'\n', b';', 0x9F, 0x9B] {
                    let mut b = vec![0xD8u8; len];
                    b.extend([b'a', b' ', 0xA7]);
                    if at < b.len() {
                        b[at] = end;
                    }
                    assert_eq!(find_end_byte(&b), b.iter().position(is), "{b:?}");
                    assert_eq!(rfind_end_byte(&b), b.iter().rposition(is), "{b:?}");
                }
            }
        }
    }

    #[test]
    fn sentences_around_a_byte_match_the_whole_text_scan() {
        for text in ["", "a", "قال. ثم؟ وقع؛ ٛ ڟ\nb;c!d?", "؟؟..", "ٟx ڛy"] {
            check_sentences(text);
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(256))]

        #[test]
        fn sentences_match_the_scan_on_any_text(
            text in "[a .!?;\n؟؛ٟٛڟڛقال]{0,30}"
        ) {
            check_sentences(&text);
        }
    }

    /// [`search_word_count`] counts the words of the normalizer.
    fn check_word_count(text: &str) {
        assert_eq!(
            search_word_count(text),
            norm(text).split_whitespace().count(),
            "{text:?}"
        );
    }

    #[test]
    fn word_counts_are_those_of_the_normalizer() {
        for text in [
            "",
            " ",
            "استقبل الرئيس  أمس،\tوزير الخارجية.\n",
            "ABC-def, 12 «x» إلى آب ة ى ؤ ئ ء",
            "مباحثاتهُ ـ الجمهوريّة ١٢ ـ",
            "a\u{00A0}b\u{200F}c\u{FEFB}",
        ] {
            check_word_count(text);
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(512))]

        #[test]
        fn word_counts_match_on_any_text(
            text in "[ a-zA-Z0-9.,;:!?()\\-\t\n\rءآأؤإئابةتثجحخدذرسشصعغفقكلمنهوىيـ،ًّٰ\u{0653}\u{00A0}\u{200C}ﻻ]{0,40}"
        ) {
            check_word_count(&text);
        }

        #[test]
        fn word_counts_match_on_simple_text(
            text in "[ -~\t\n\rء-ي،]{0,60}"
        ) {
            check_word_count(&text);
        }
    }

    /// The words of `text` normalized at once.
    fn words_at_once(text: &str) -> Vec<String> {
        let n = norm(text);
        let mut spans = Vec::new();
        split_words(&n, 0, &mut spans);
        spans.iter().map(|&(a, b)| n[a..b].to_owned()).collect()
    }

    /// The words of `text` normalized piece by piece.
    fn words_by_pieces(text: &str) -> Vec<String> {
        let (mut buf, mut spans) = (String::new(), Vec::new());
        let mut w = SentenceWords::new(text, &mut buf, &mut spans);
        while w.more() {}
        (0..w.spans.len())
            .map(|i| w.get(i).unwrap_or_default().to_owned())
            .collect()
    }

    #[test]
    fn words_by_pieces_are_the_words_at_once() {
        let long = "استقبل الرئيس أمس وزير الخارجية ".repeat(40);
        for text in [
            "",
            long.as_str(),
            &format!("{long} \u{0654}ا ﹰ x\u{FEFB} ١٢ ـ"),
            &format!("{}{}", "ا".repeat(300), " ب".repeat(200)),
        ] {
            assert_eq!(words_by_pieces(text), words_at_once(text), "{text:?}");
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(512))]

        /// Cutting before a space never changes the words.
        #[test]
        fn a_cut_before_a_space_keeps_the_words(
            a in "[ a-zA-Z0-9.,ءآأإابةتىيـًّ\u{0653}\u{0654}\u{00A0}\u{200C}ﻻﹰ]{0,30}",
            b in "[ a-zA-Z0-9.,ءآأإابةتىيـًّ\u{0653}\u{0654}\u{00A0}\u{200C}ﻻﹰ]{0,30}",
        ) {
            let whole = format!("{a} {b}");
            let mut pieces = words_at_once(&a);
            pieces.extend(words_at_once(&format!(" {b}")));
            proptest::prop_assert_eq!(pieces, words_at_once(&whole));
        }

        #[test]
        fn words_by_pieces_match_on_long_text(
            text in "[ a-zA-Z.ءآأإابةتىيـًّ\u{0654}ﹰ]{200,900}"
        ) {
            proptest::prop_assert_eq!(words_by_pieces(&text), words_at_once(&text));
        }
    }

    /// The cut as the first version found it: one search per word, over
    /// the whole sentence.
    fn cut_by_rule(sentence: &str, first: usize) -> usize {
        let mut cut = sentence.find("بحضور").unwrap_or(sentence.len());
        for b in CLAUSE_BREAKS {
            let mut from = 0;
            while let Some(p) = sentence[from..].find(b) {
                let at = from + p;
                let before_ok = at == 0
                    || sentence[..at]
                        .ends_with(|c: char| c.is_whitespace() || c == '،' || c == ',');
                let after = &sentence[at + b.len()..];
                let after_ok =
                    after.is_empty() || after.starts_with(|c: char| !c.is_alphanumeric());
                if before_ok && after_ok && at > first {
                    cut = cut.min(at);
                    break;
                }
                from = at + b.len();
            }
        }
        cut
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(1024))]

        #[test]
        fn cuts_match_the_rule(
            parts in proptest::collection::vec(
                proptest::sample::select(vec![
                    "حيث", "وحيث", "فيما", "بينما", "بحضور", "و", " ", "،", "x", "زيد", "ب",
                ]),
                0..12,
            ),
            first in 0usize..60,
            last in 0usize..80,
        ) {
            let sentence: String = parts.concat();
            let boundary = |k: usize| {
                let k = k.min(sentence.len());
                (0..=k).rev().find(|&i| sentence.is_char_boundary(i)).unwrap_or(0)
            };
            let (first, last) = (boundary(first), boundary(last.max(first)));
            let got = cut_at(&sentence, first, last);
            let want = cut_by_rule(&sentence, first);
            // Only whether each person before `last` is cut off matters:
            // both cuts agree on every position up to `last`.
            for p in 0..=last {
                proptest::prop_assert_eq!(p < got, p < want, "{:?} at {}", sentence, p);
            }
        }
    }

    #[test]
    fn meeting_match_agrees_with_the_list() {
        for w in MEETING {
            assert!(meeting(w), "{w}");
        }
        assert!(!meeting("قال"));
        assert!(pronoun_meeting("اجتماعه"));
        assert!(is_meeting_word("والتقي"));
    }
}

//! Candidate mentions of one zone: lexicon look-up, institution and office
//! patterns, and person names from context.

use crate::lexicon::{DATE_WORD, GIVEN_NAME, Kind, Lexicon, STOPWORD};
use crate::tokens::{Tok, TokKind, proclitic_lens, split_word, tokenize, valid_prefix};
use akhbar_core::{ByteSpan, EntityType};
use akhbar_normalize::{Normalized, Normalizer, Preset};

/// A lexicon match starting at a token.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Hit {
    /// One past the last token.
    pub end: usize,
    /// Normalized byte where the match starts (after proclitics).
    pub s: usize,
    /// Bytes of proclitics before it in its first token.
    pub clitic: usize,
    /// Entry index.
    pub entry: usize,
}

/// How a candidate was found; decides ties between equal spans.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Origin {
    /// A name found only by its shape or by a family name seen earlier.
    Weak,
    /// A person found from context.
    Context,
    /// A title pattern.
    TitlePattern,
    /// An institution pattern.
    OrgPattern,
    /// A lexicon entry.
    Lexicon,
}

/// A candidate mention in normalized bytes of its zone.
#[derive(Debug, Clone)]
pub(crate) struct Cand {
    /// First normalized byte.
    pub s: usize,
    /// One past the last normalized byte.
    pub e: usize,
    /// Type.
    pub ty: EntityType,
    /// Canonical from a lexicon, or empty (filled by linking).
    pub canonical: String,
    /// How it was found.
    pub origin: Origin,
    /// For an ORG found by pattern: true when its head is a ministry.
    #[allow(dead_code)]
    pub ministry: bool,
    /// For an ORG or TITLE: true when it names its country itself.
    #[allow(dead_code)]
    pub has_country: bool,
}

impl Cand {
    /// A candidate found by its shape, with no canonical of its own (linking
    /// fills it), neither a ministry nor naming its country.
    fn found(s: usize, e: usize, ty: EntityType) -> Cand {
        Cand {
            s,
            e,
            ty,
            canonical: String::new(),
            origin: Origin::OrgPattern,
            ministry: false,
            has_country: false,
        }
    }
}

/// One content zone, normalized and tokenized.
pub(crate) struct ZoneText<'a> {
    /// Byte offset of the zone in the document.
    pub base: usize,
    /// The zone's source text length in bytes.
    pub src_len: usize,
    /// The zone's source text.
    pub src_slice: &'a str,
    /// Normalized text and alignment.
    pub norm: Normalized,
    /// Tokens of the normalized text.
    pub toks: Vec<Tok>,
    /// Flags of each token's whole word: [`STOPWORD`], [`GIVEN_NAME`],
    /// [`DATE_WORD`] and the trigger classes ([`trigger_class`]).
    pub flags: Vec<u8>,
    /// Arabic tokens whose last two letters end an event head of
    /// [`event_cands`] (`HEAD_TAILS`), in order.
    event_heads: Vec<usize>,
    /// Latin tokens, in order.
    latin: Vec<usize>,
    /// Lexicon hits of all tokens, grouped by first token (see
    /// [`ZoneText::hits`]).
    hit_list: Vec<Hit>,
    /// Where the hits of each token start in `hit_list` (one more entry
    /// than tokens).
    hit_start: Vec<u32>,
}

const SPEECH_VERBS: &[&str] = &[
    "قال",
    "قالت",
    "اكد",
    "اكدت",
    "اوضح",
    "اوضحت",
    "اشار",
    "اشارت",
    "صرح",
    "صرحت",
    "اعلن",
    "اعلنت",
    "اضاف",
    "اضافت",
    "شدد",
    "شددت",
    "ابرز",
    "ابرزت",
    "كشف",
    "كشفت",
    "اعتبر",
    "اعتبرت",
    "دعا",
    "دعت",
    "التقي",
    "التقت",
    "استقبل",
    "استقبلت",
    "وقع",
    "وقعت",
    "ترا س",
    "تراس",
    "تراست",
    "زار",
    "زارت",
    "اجري",
    "اجرت",
    "بحث",
    "تباحث",
    "ناقش",
    "افاد",
    "ذكر",
    "يرافقه",
];

const AMBIGUOUS_GIVEN: &[&str] = &[
    "شايع",
    "سالم",
    "مبارك",
    "حميد",
    "سيف",
    "هلال",
    "شهاب",
    "علوي",
    "مكتوم",
    "متعب",
    "حازم",
    "رائد",
    "شريف",
    "صالح",
    "صابر",
    "فاضل",
    "فارس",
    "مالك",
    "منير",
    "وسام",
    "حكيم",
    "ثابت",
    "وسيم",
    "رشاد",
    "كامل",
    "هدي",
    "هاله",
    "نبيله",
    "ساميه",
    "عاصم",
    "جلال",
    "عامر",
    "باسل",
    "شاكر",
    "حامد",
    "عيسي",
    "موسي",
    "سامي",
    "فريد",
    "ضياء",
    "مامون",
    "مسعود",
    "اسعد",
    "امجد",
    "غاده",
    "صفيه",
    "سعيد",
    "كريم",
    "امين",
    "نور",
    "جمال",
    "كمال",
    "عادل",
    "حياه",
    "بدر",
    "رشيد",
    "نصر",
    "هند",
    "منصور",
    "ناصر",
    "سلطان",
    "الامين",
    "العربي",
    "الطيب",
    "الهادي",
    "الصادق",
    "المختار",
    "الحبيب",
    "بشير",
    "حبيب",
    "امينه",
    "جميله",
    "كريمه",
    "لطيفه",
    "سعاد",
    "نجاه",
    "ايمان",
    "وفاء",
    "سهام",
    "ربيع",
    "سليم",
    "صلاح",
    "رضا",
    "تركي",
    "عزيز",
    "عزيزه",
    "مختار",
    "طاهر",
    "الطاهر",
    "منصف",
    "المنصف",
    "مهدي",
    "المهدي",
    "حسن",
    "الحسن",
    "مولاي",
    "فهد",
    "سعد",
    "زياد",
    "جواد",
    "نادر",
    "عماد",
    "فيصل",
    "حمد",
    "زايد",
    "راشد",
    "توفيق",
    "ليلي",
    "مريم",
    "جان",
    "شي",
    "جو",
    "نبيل",
    "سمير",
    "بلال",
    "لولا",
    "ماريا",
    "انا",
    "بول",
    "لويس",
    "جون",
    "باسم",
];

/// The class bits of trigger words (see [`TRIGGERS`]); they share the flag
/// byte of a token with the bits of [`crate::lexicon`].
pub(crate) const FIGHT: u8 = 1;
/// A counterpart noun (`نظيره`), followed by a name.
pub(crate) const ROLE: u8 = 2;
/// A verb of speech or meeting, before a name.
pub(crate) const SPEECH: u8 = 4;

/// Trigger words and their classes: `FIGHT_WORDS`, `ROLE_NOUNS`,
/// `SPEECH_VERBS` and verbs of meeting.
const TRIGGERS: &[(&str, u8)] = &[
    ("ابرز", SPEECH),
    ("ابرزت", SPEECH),
    ("اجرت", SPEECH),
    ("اجري", SPEECH),
    ("استقبل", SPEECH),
    ("استقبلت", SPEECH),
    ("اشار", SPEECH),
    ("اشارت", SPEECH),
    ("اضاف", SPEECH),
    ("اضافت", SPEECH),
    ("اعتبر", SPEECH),
    ("اعتبرت", SPEECH),
    ("اعلن", SPEECH),
    ("اعلنت", SPEECH),
    ("افاد", SPEECH),
    ("اكد", SPEECH),
    ("اكدت", SPEECH),
    ("التصدي", FIGHT),
    ("التقت", SPEECH),
    ("التقي", SPEECH),
    ("اوضح", SPEECH),
    ("اوضحت", SPEECH),
    ("بحث", SPEECH),
    ("تباحث", SPEECH),
    ("ترا س", SPEECH),
    ("تراس", SPEECH),
    ("تراست", SPEECH),
    ("دعا", SPEECH),
    ("دعت", SPEECH),
    ("ذكر", SPEECH),
    ("زار", SPEECH),
    ("زارت", SPEECH),
    ("شدد", SPEECH),
    ("شددت", SPEECH),
    ("صرح", SPEECH),
    ("صرحت", SPEECH),
    ("قال", SPEECH),
    ("قالت", SPEECH),
    ("كشف", SPEECH),
    ("كشفت", SPEECH),
    ("للتصدي", FIGHT),
    ("لمحاربه", FIGHT),
    ("لمكافحه", FIGHT),
    ("محاربه", FIGHT),
    ("مكافحه", FIGHT),
    ("ناقش", SPEECH),
    ("نظراءه", ROLE),
    ("نظيرته", ROLE),
    ("نظيرتها", ROLE),
    ("نظيره", ROLE),
    ("نظيرها", ROLE),
    ("نظيري", ROLE),
    ("وقع", SPEECH),
    ("وقعت", SPEECH),
    ("يرافقه", SPEECH),
    ("يستقبل", SPEECH),
    ("تستقبل", SPEECH),
    ("يلتقي", SPEECH),
    ("تلتقي", SPEECH),
    ("يجتمع", SPEECH),
    ("تجتمع", SPEECH),
    ("يبحث", SPEECH),
    ("تبحث", SPEECH),
    ("يوقع", SPEECH),
    ("يزور", SPEECH),
    ("تزور", SPEECH),
    ("يهني", SPEECH),
    ("يتباحث", SPEECH),
    ("اجتمع", SPEECH),
    ("اجتمعت", SPEECH),
    ("التقيا", SPEECH),
];

/// The classes of a trigger word (bit set of `FIGHT`, `ROLE`, `SPEECH`).
fn word_class(w: &str) -> u8 {
    TRIGGERS
        .iter()
        .filter(|(t, _)| *t == w)
        .fold(0, |acc, (_, c)| acc | c)
}

/// Proclitics stripped before a word is classed (`وقال`, `لمكافحة`).
const TRIGGER_PROCLITICS: [&str; 6] = ["وب", "ول", "و", "ف", "ب", "ل"];

/// The word without the first of [`TRIGGER_PROCLITICS`] that leaves four
/// letters or more (the word itself when none does).
fn trigger_base(w: &str) -> &str {
    TRIGGER_PROCLITICS
        .iter()
        .find_map(|p| w.strip_prefix(p).filter(|r| r.chars().count() >= 4))
        .unwrap_or(w)
}

/// The trigger classes of a token: those of the word and of its base.
pub(crate) fn trigger_class(w: &str) -> u8 {
    word_class(w) | word_class(trigger_base(w))
}

/// Every word whose [`trigger_class`] is not zero, with its class: a
/// trigger word, or one behind the proclitic that [`trigger_base`] strips.
pub(crate) fn trigger_words() -> impl Iterator<Item = (String, u8)> {
    TRIGGERS.iter().flat_map(|(t, _)| {
        std::iter::once(String::new())
            .chain(TRIGGER_PROCLITICS.iter().map(|p| (*p).to_string()))
            .filter_map(move |p| {
                let w = format!("{p}{t}");
                let c = trigger_class(&w);
                (c != 0).then_some((w, c))
            })
    })
}

/// Starts of words of talks and meetings.
const MEETING_NOUNS: &[&str] = &[
    "مباحثات",
    "محادثات",
    "اجتماع",
    "لقاء",
    "لقاي",
    "اجري",
    "اجراها",
    "التقي",
    "تباحث",
    "مشاورات",
];

/// Verbs of meetings and talks before `مع` (exact words).
const MEETING_VERBS_EXACT: &[&str] = &[
    "يجتمع",
    "اجتمع",
    "تجتمع",
    "اجتمعت",
    "يلتقي",
    "يبحث",
    "يتباحث",
    "يوقع",
    "وقع",
    "بحث",
    "وقعت",
    "بحثت",
];

/// Nouns of fighting a crime category.
#[cfg(test)]
const FIGHT_WORDS: &[&str] = &["مكافحه", "محاربه", "التصدي", "لمكافحه", "لمحاربه", "للتصدي"];

/// Nouns of a counterpart, followed by a name.
#[cfg(test)]
const ROLE_NOUNS: &[&str] = &["نظيره", "نظيرته", "نظيرها", "نظيرتها", "نظيري", "نظراءه"];

/// Function words that may follow a full name (`فرناندو غراندي مارلاسكا إن`).
const FUNCTION_WORDS: &[&str] = &[
    "ان", "في", "علي", "مع", "عن", "من", "الي", "خلال", "قد", "الذي", "التي", "امام", "لدي", "عقب",
    "بعد", "قبل", "حول", "عبر",
];

/// Words that continue a name (`عبد الله`, `بن`, `ولد`).
const NAME_JOINERS: &[&str] = &["عبد", "ابو", "ابي", "بن", "ابن", "بنت", "ولد", "ال", "بو"];

/// Portfolio nouns that coordinate inside one office or institution name
/// (`وزير الداخلية والجماعات المحلية`, `وزير الخارجية وشؤون المغتربين`),
/// normalized, with the article.
const PORTFOLIOS: &[&str] = &[
    "المغاربه",
    "الاصلاح",
    "الادماج",
    "التحديث",
    "الجماعات",
    "التهييه",
    "الهجره",
    "المغتربين",
    "التعاون",
    "الوطن",
    "الشوون",
    "الامن",
    "التنميه",
    "الاقتصاد",
    "الماليه",
    "التخطيط",
    "العدل",
    "الدفاع",
    "الشباب",
    "الرياضه",
    "الثقافه",
    "الاتصال",
    "التعليم",
    "البحث",
    "الصناعه",
    "التجاره",
    "الطاقه",
    "البييه",
    "النقل",
    "الصحه",
    "السكان",
    "الاوقاف",
    "الاسكان",
    "الزراعه",
    "السياحه",
    "الاعلام",
    "التربيه",
    "العمل",
    "الاستثمار",
    "الرقمنه",
    "المواصلات",
    "الحريات",
    "حقوق",
    "شوون",
    "الاندماج",
    "اللجوء",
    "الجاليه",
    "الافريقي",
    "الافريقيه",
    "الشوون",
    "المحليه",
    "البلديات",
    "الاسره",
    "التضامن",
    "المساواه",
    "الاصلاح",
    "الابتكار",
    "الاتصالات",
    "التكنولوجيا",
    "المياه",
    "الري",
    "الحج",
    "الاقليميه",
    "الاداره",
    "الوظيفه",
    "الخارجيه",
    "الداخليه",
    "الطيران",
    "الاعمار",
    "الخدمات",
];

/// Construct-state nouns allowed inside a title or institution complement.
const CONSTRUCT_NOUNS: &[&str] = &[
    "شوري",
    "كتله",
    "خارجيه",
    "داخليه",
    "دفاع",
    "عدل",
    "ماليه",
    "قضاء",
    "جهاز",
    "دائره",
    "جمهوريه",
    "مملكه",
    "دوله",
    "شوون",
    "قطاع",
    "مصالح",
    "اداره",
    "مجلس",
    "هييه",
    "وزاره",
    "حكومه",
    "منظمه",
    "مديريه",
    "مكتب",
    "جهه",
    "اقليم",
    "عماله",
    "ولايه",
    "امن",
    "مكافحه",
    "مراقبه",
    "حمايه",
    "شرطه",
    "قوات",
    "مركز",
    "جامعه",
    "محكمه",
    "لجنه",
    "شعبه",
    "فرقه",
    "وحده",
];

impl<'a> ZoneText<'a> {
    /// Normalizes, tokenizes and looks up `src` (one zone of a document
    /// starting at byte `base`).
    pub(crate) fn new(lex: &Lexicon, src: &'a str, base: usize) -> Self {
        let norm = Normalizer::preset(Preset::Search).normalize_aligned(src);
        let toks = tokenize(&norm.text);
        let mut z = ZoneText {
            base,
            src_len: src.len(),
            src_slice: src,
            norm,
            toks,
            flags: Vec::new(),
            event_heads: Vec::new(),
            latin: Vec::new(),
            hit_list: Vec::new(),
            hit_start: Vec::new(),
        };
        z.lookup(lex);
        z
    }

    /// The lexicon hits starting at token `i` (none past the end), longest
    /// first, then by proclitic length and entry.
    pub(crate) fn hits(&self, i: usize) -> &[Hit] {
        match self.hit_start.get(i..i + 2) {
            Some(&[a, b]) => &self.hit_list[a as usize..b as usize],
            _ => &[],
        }
    }

    /// True when token `i` is a stopword.
    pub(crate) fn is_stop(&self, i: usize) -> bool {
        self.flags[i] & STOPWORD != 0
    }

    /// True when token `i` is a given name.
    pub(crate) fn is_given(&self, i: usize) -> bool {
        self.flags[i] & GIVEN_NAME != 0
    }

    /// True when token `i` is a month or weekday name.
    fn is_date(&self, i: usize) -> bool {
        self.flags[i] & DATE_WORD != 0
    }

    fn tok_at(&self, byte: usize) -> Option<usize> {
        let i = self.toks.partition_point(|t| t.e <= byte);
        (i < self.toks.len() && self.toks[i].s <= byte).then_some(i)
    }

    fn has_upper(&self, s: usize, e: usize) -> bool {
        let b = self.norm.alignment.to_source(ByteSpan::new(s, e));
        self.src_slice
            .get(b.range())
            .is_some_and(|t| t.chars().any(char::is_uppercase))
    }

    /// Fills the hits and flags of every token (and the lists of event-head
    /// and Latin tokens). A match starts at a word
    /// start or after its proclitics and ends at a token end: from each
    /// such start, the text up to the end of each following token is looked
    /// up in the prefix table until no form continues it. The first
    /// look-up, of the whole word, also gives its flags.
    fn lookup(&mut self, lex: &Lexicon) {
        let text = self.norm.text.as_str();
        let mut hits: Vec<Hit> = Vec::with_capacity(self.toks.len() / 2);
        let mut hit_start: Vec<u32> = Vec::with_capacity(self.toks.len() + 1);
        let mut flags: Vec<u8> = vec![0; self.toks.len()];
        for (ti, t) in self.toks.iter().enumerate() {
            hit_start.push(u32::try_from(hits.len()).unwrap_or(u32::MAX));
            if t.kind == TokKind::Punct {
                flags[ti] = lex.word_flags(&text[t.s..t.e]);
                continue;
            }
            match t.kind {
                TokKind::Latin => self.latin.push(ti),
                TokKind::Arabic => {
                    let tail = text
                        .as_bytes()
                        .get(t.e.saturating_sub(4)..t.e)
                        .and_then(|b| <[u8; 4]>::try_from(b).ok())
                        .map_or(0, u32::from_le_bytes);
                    if HEAD_TAILS.contains(&tail) {
                        self.event_heads.push(ti);
                    }
                }
                _ => {}
            }
            let first = hits.len();
            let w = &text[t.s..t.e];
            for p in proclitic_lens(w) {
                if t.kind != TokKind::Arabic && p > 0 {
                    continue;
                }
                let m_start = t.s + p;
                for te in ti..self.toks.len() {
                    let m_end = self.toks[te].e;
                    let Some(node) = lex.prefixes.get(&text[m_start..m_end]) else {
                        break;
                    };
                    if te == ti && m_start == t.s {
                        flags[ti] = node.flags;
                    }
                    for &pid in &node.patterns {
                        self.check_match(lex, pid, t, te, m_start, m_end, &mut hits);
                    }
                    if !node.longer {
                        break;
                    }
                }
            }
            if hits.len() > first + 1 {
                hits[first..].sort_by_key(|h| (std::cmp::Reverse(h.end), h.clitic, h.entry));
            }
        }
        hit_start.push(u32::try_from(hits.len()).unwrap_or(u32::MAX));
        self.flags = flags;
        self.hit_list = hits;
        self.hit_start = hit_start;
    }

    /// Adds the hits of pattern `pid` matched at `m_start..m_end` (from
    /// token `t` to token `te`) that the rules of prefixes, case and `ة`
    /// allow.
    #[allow(clippy::too_many_arguments)]
    fn check_match(
        &self,
        lex: &Lexicon,
        pid: usize,
        t: &Tok,
        te: usize,
        m_start: usize,
        m_end: usize,
        hits: &mut Vec<Hit>,
    ) {
        let pat = &lex.patterns[pid];
        let text = self.norm.text.as_str();
        let prefix = &text[t.s..m_start];
        let matched = &text[m_start..m_end];
        if t.kind == TokKind::Latin && !self.has_upper(m_start, m_end) {
            return;
        }
        if !valid_prefix(prefix, pat.contracted, matched.starts_with("ال")) {
            return;
        }
        // `مديره` (his director) is not `مديرة`: a form in ة needs ة.
        let needs_ta = matched.ends_with('ه');
        for &entry in &pat.entries {
            if needs_ta
                && lex.entries[entry].canonical.ends_with('ة')
                && matches!(
                    lex.entries[entry].kind,
                    Kind::Office { .. } | Kind::Honorific | Kind::Rank
                )
                && !self.source_ends_with(m_start, m_end, 'ة')
            {
                continue;
            }
            hits.push(Hit {
                end: te + 1,
                s: m_start,
                clitic: m_start - t.s,
                entry,
            });
        }
    }

    /// The normalized text of token `i`.
    pub(crate) fn word(&self, i: usize) -> &str {
        let t = self.toks[i];
        &self.norm.text[t.s..t.e]
    }

    fn is_punct(&self, i: usize, set: &[&str]) -> bool {
        i < self.toks.len() && self.toks[i].kind == TokKind::Punct && set.contains(&self.word(i))
    }

    fn hit_kind<'l>(
        &self,
        lex: &'l Lexicon,
        i: usize,
        f: impl Fn(&Kind) -> bool,
    ) -> Option<(Hit, &'l Kind)> {
        self.hits(i).iter().find_map(|h| {
            let k = &lex.entries[h.entry].kind;
            f(k).then_some((*h, k))
        })
    }

    /// One past the last token of a seat at token `i`: `ب` and a place or
    /// country (`بمراكش`, `بالرباط`), with nothing else before the name.
    fn seat_at(&self, lex: &Lexicon, i: usize) -> Option<usize> {
        let (h, _) = self.hit_kind(lex, i, |k| matches!(k, Kind::Place | Kind::Country(_)))?;
        (&self.norm.text[self.toks[i].s..h.s] == "ب").then_some(h.end)
    }

    /// Maps a normalized span back to the document, keeping trailing marks
    /// (diacritics, tatweel) of the last letter inside.
    pub(crate) fn to_doc(&self, src: &str, s: usize, e: usize) -> ByteSpan {
        let b = self.norm.alignment.to_source(ByteSpan::new(s, e));
        let zone = &src[self.base..self.base + self.src_len];
        let mut end = b.end;
        for c in zone[end.min(zone.len())..].chars() {
            if matches!(c, '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{0640}') {
                end += c.len_utf8();
            } else {
                break;
            }
        }
        ByteSpan::new(self.base + b.start, self.base + end)
    }

    /// True when token `i` ends with `ى` in the source.
    fn alef_maqsura_final(&self, i: usize) -> bool {
        self.ends_with_source(i, 'ى') || self.ends_with_source(i, 'ی')
    }

    /// True when token `i` ends with letter `c` in the source (marks aside):
    /// tells `ة` from `ه` and `ى` from `ي`, which normalization folds.
    pub(crate) fn ends_with_source(&self, i: usize, c: char) -> bool {
        let t = self.toks[i];
        self.source_ends_with(t.s, t.e, c)
    }

    /// True when token `i` carries tanween in the source (`اجتماعًا`,
    /// `رسميٌ`): the mark of an indefinite common noun, never of a name.
    fn has_tanween(&self, i: usize) -> bool {
        let t = self.toks[i];
        let b = self.norm.alignment.to_source(ByteSpan::new(t.s, t.e));
        self.src_slice
            .get(b.range())
            .is_some_and(|s| s.contains(['\u{064B}', '\u{064C}', '\u{064D}']))
            // The mark may follow the final alef (`اجتماعاً`), outside
            // the token's span.
            || self.src_slice.get(b.end..).is_some_and(|s| {
                s.chars()
                    .take_while(|&c| is_mark(c))
                    .any(|c| ['\u{064B}', '\u{064C}', '\u{064D}'].contains(&c))
            })
    }

    fn source_ends_with(&self, s: usize, e: usize, c: char) -> bool {
        let b = self.norm.alignment.to_source(ByteSpan::new(s, e));
        self.src_slice
            .get(b.range())
            .is_some_and(|s| s.trim_end_matches(is_mark).ends_with(c))
    }

    /// True when token `i` starts with a hamza alef in the source
    /// (`أليخاندرو`): its `ال` is no article.
    pub(crate) fn hamza_start(&self, i: usize) -> bool {
        let t = self.toks[i];
        let b = self.norm.alignment.to_source(ByteSpan::new(t.s, t.e));
        self.src_slice
            .get(b.range())
            .is_some_and(|s| s.starts_with(['أ', 'إ', 'آ']))
    }

    /// True when token `i` starts with `prefix` in the source (before the
    /// folding of hamza carriers and alef maqsura).
    fn source_starts_with(&self, i: usize, prefix: &str) -> bool {
        let t = self.toks[i];
        let b = self.norm.alignment.to_source(ByteSpan::new(t.s, t.e));
        self.src_slice
            .get(b.range())
            .is_some_and(|s| s.starts_with(prefix))
    }

    /// True when the Latin token `i` starts with an uppercase letter in the
    /// source.
    fn capitalized(&self, src: &str, i: usize) -> bool {
        let t = self.toks[i];
        let b = self.to_doc(src, t.s, t.e);
        src[b.range()]
            .chars()
            .next()
            .is_some_and(char::is_uppercase)
    }
}

/// `hay.contains(needle)` for short strings, without the set-up of a
/// substring searcher (a UTF-8 needle only matches at character starts).
fn contains_bytes(hay: &str, needle: &str) -> bool {
    hay.as_bytes()
        .windows(needle.len())
        .any(|w| w == needle.as_bytes())
}

fn is_mark(c: char) -> bool {
    matches!(c, '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{0640}')
}

/// Finds the candidates of one zone.
pub(crate) fn candidates(lex: &Lexicon, z: &ZoneText, src: &str) -> Vec<Cand> {
    let mut out = Vec::new();
    lexicon_cands(lex, z, src, &mut out);
    pattern_cands(lex, z, &mut out);
    quoted_places(z, &mut out);
    coordinated_places(lex, z, &mut out);
    outlet_names(lex, z, &mut out);
    club_names(lex, z, &mut out);
    event_cands(lex, z, src, &mut out);
    person_cands(lex, z, src, &mut out);
    out
}

fn lexicon_cands(lex: &Lexicon, z: &ZoneText, src: &str, out: &mut Vec<Cand>) {
    for ti in 0..z.toks.len() {
        for h in z.hits(ti) {
            let entry = &lex.entries[h.entry];
            let e = z.toks[h.end - 1].e;
            let ty = match entry.kind {
                Kind::Country(_) | Kind::Place => EntityType::Loc,
                Kind::Org => EntityType::Org,
                // `مستشفى محمد الخامس`: a place named after the person.
                Kind::Person if h.clitic == 0 && named_after(lex, z, ti) => continue,
                // `محمد الغنوشي`, `كمال الكاظمي`: a known person's surname
                // after another given name is a relative or a namesake (the
                // full name, when it is the known person, is a hit of its
                // own from the given name on).
                Kind::Person if h.end == ti + 1 && ti > 0 && z.is_given(ti - 1) => continue,
                Kind::Person => EntityType::Per,
                Kind::Event => EntityType::Event,
                Kind::Threat(_) => EntityType::Threat,
                _ => continue,
            };
            // `ولاية الكاف`: right after a place head noun, a name that is
            // also a `headed` place (`الكاف`, a football body too) is the
            // place, which the head's pattern finds.
            if ty != EntityType::Loc
                && h.clitic == 0
                && lex.headed.contains_key(&z.norm.text[h.s..e])
                && ti > 0
                && z.hit_kind(lex, ti - 1, |k| {
                    matches!(
                        k,
                        Kind::PlaceHead {
                            facility: false,
                            ..
                        }
                    )
                })
                .is_some_and(|(ph, _)| ph.end == ti)
            {
                continue;
            }
            let mut cand = Cand {
                s: h.s,
                e,
                ty,
                canonical: entry.canonical.clone(),
                origin: Origin::Lexicon,
                ministry: false,
                has_country: true,
            };
            // `لحركة نداء تونس`: a movement's head noun before its short
            // name belongs to the name when the two are its official name
            // (not `حركة حماس`: حركة المقاومة الإسلامية, whose head stays
            // outside as `تنظيم` does).
            if ty == EntityType::Org && h.clitic == 0 && entry.canonical.starts_with("حركة ") {
                if let Some(s) = movement_head_before(z, ti) {
                    if crate::lexicon::norm(&entry.canonical) == z.norm.text[s..e] {
                        cand.s = s;
                    }
                }
            }
            if ty == EntityType::Event {
                // A host city after an informal name joins it (`أولمبياد باريس`).
                let mut j = h.end;
                // `كأس العالم FIFA قطر 2022`: the organizer's name and the
                // host join.
                let mut organizer = false;
                if j < z.toks.len() && ["fifa", "فيفا"].contains(&z.word(j).to_lowercase().as_str())
                {
                    organizer = true;
                    j += 1;
                    cand.e = z.toks[j - 1].e;
                }
                if let Some((lh, _)) =
                    z.hit_kind(lex, j, |k| matches!(k, Kind::Place | Kind::Country(_)))
                {
                    let informal = ["اولمبياد", "الاولمبياد", "مونديال", "المونديال"]
                        .contains(&&z.norm.text[h.s..e]);
                    let hosted =
                        organizer && lh.end < z.toks.len() && z.toks[lh.end].kind == TokKind::Digit;
                    if lh.clitic == 0 && (informal || hosted) {
                        cand.e = z.toks[lh.end - 1].e;
                        j = lh.end;
                    }
                }
                // A year after the name joins it (`كأس العالم 2030`).
                if j < z.toks.len()
                    && z.toks[j].kind == TokKind::Digit
                    && z.word(j).len() == 4
                    && z.word(j).starts_with('1') | z.word(j).starts_with('2')
                {
                    cand.e = z.toks[j].e;
                    cand.canonical = if organizer {
                        event_canonical(&src[z.to_doc(src, h.s, cand.e).range()])
                    } else {
                        format!("{} {}", entry.canonical, z.word(j))
                    };
                }
            }
            if ty == EntityType::Loc && h.clitic == 0 {
                if !place_reading(z, ti, h.end) {
                    continue;
                }
                extend_place(z, src, ti, h.end, &mut cand);
            }
            // `تهريب الأسلحة والمخدرات`: a second category coordinated
            // after a smuggling or trafficking phrase is its own mention.
            if ty == EntityType::Threat && h.end < z.toks.len() {
                let slug = match z.word(h.end) {
                    "والمخدرات" => Some("drug_trafficking"),
                    "والاسلحه" | "والسلاح" => Some("arms_trafficking"),
                    "والبشر" => Some("human_trafficking"),
                    _ => None,
                };
                let smuggling = ["تهريب", "الاتجار", "تجاره"]
                    .iter()
                    .any(|w| z.norm.text[h.s..e].contains(w));
                if let Some(slug) = slug.filter(|s| smuggling && *s != entry.canonical) {
                    let t = z.toks[h.end];
                    out.push(Cand {
                        s: t.s + 'و'.len_utf8(),
                        e: t.e,
                        ty: EntityType::Threat,
                        canonical: slug.to_string(),
                        origin: Origin::Lexicon,
                        ministry: false,
                        has_country: false,
                    });
                }
            }
            out.push(cand);
        }
    }
}

/// Nouns after which `مالي` is the adjective "financial" (`مبلغ مالي`),
/// not the country, normalized.
const FINANCIAL_NOUNS: &[&str] = &[
    "مبلغ",
    "دعم",
    "عجز",
    "وضع",
    "غلاف",
    "مورد",
    "نظام",
    "حساب",
    "فساد",
    "تحويل",
    "استقرار",
    "تقرير",
    "ضمان",
    "احتياطي",
    "مركز",
    "سوق",
    "اداء",
    "عايد",
    "ربح",
    "مردود",
    "كشف",
    "تدقيق",
    "اختلاس",
    "مقابل",
    "تعويض",
    "التزام",
    "حافز",
    "دخل",
    "رصيد",
    "سند",
    "عقد",
    "مجهود",
    "انفاق",
    "عبء",
    "تمويل",
    "اصلاح",
    "تسيير",
    "مشكل",
    "خبير",
    "مستشار",
    "مدير",
];

/// False when the country or place word over tokens `ti..end` is another
/// word here: `مالي` after a noun it qualifies (`مبلغ مالي`), `المغرب` after
/// `صلاة` or `أذان` (the sunset prayer), `السعودية` as an adjective after a
/// definite noun (`المدفعية السعودية`).
fn place_reading(z: &ZoneText, ti: usize, end: usize) -> bool {
    if ti == 0 || z.toks[ti - 1].kind != TokKind::Arabic {
        return true;
    }
    let prev = z.word(ti - 1);
    // `وثيقة قرطاج`, `اتفاق الصخيرات`: a document or an accord named after
    // the place where it was made, not the place.
    const DOCUMENTS: [&str; 7] = [
        "وثيقه",
        "اتفاق",
        "اتفاقيه",
        "اعلان",
        "مسار",
        "مبادره",
        "بيان",
    ];
    let bare = prev.strip_prefix(['و', 'ب', 'ل']).unwrap_or(prev);
    if DOCUMENTS.contains(&prev) || DOCUMENTS.contains(&bare) {
        return false;
    }
    if end != ti + 1 {
        return true;
    }
    match z.word(ti) {
        "مالي" => !FINANCIAL_NOUNS.contains(&prev.strip_prefix('و').unwrap_or(prev)),
        "المغرب" => !["صلاه", "اذان", "لصلاه", "بعدصلاه"].contains(&prev),
        "السعوديه" => {
            !(prev.starts_with("ال")
                && prev.chars().count() > 3
                && !["المملكه", "العربيه", "الي", "الاراضي"].contains(&prev)
                && z.hits(ti - 1).is_empty())
        }
        _ => true,
    }
}

/// Extends a place over a following `الجديدة` / `الكبرى` (`سلا الجديدة`,
/// `تونس الكبرى`) and over a preceding `ريف` (`ريف دمشق`); the canonical
/// takes the words as written.
fn extend_place(z: &ZoneText, src: &str, ti: usize, end: usize, cand: &mut Cand) {
    let source = |s: usize, e: usize| src[z.to_doc(src, s, e).range()].to_string();
    if end < z.toks.len()
        && z.toks[end].kind == TokKind::Arabic
        && ["الجديده", "الكبري"].contains(&z.word(end))
    {
        cand.e = z.toks[end].e;
        cand.canonical = format!(
            "{} {}",
            cand.canonical,
            source(z.toks[end].s, z.toks[end].e)
        );
    }
    if ti > 0 && z.toks[ti - 1].kind == TokKind::Arabic {
        let w = z.word(ti - 1);
        if let Some(cut) = ["ريف", "بريف", "وريف", "وبريف"]
            .iter()
            .find(|f| **f == w)
            .map(|f| f.len() - "ريف".len())
        {
            let t = z.toks[ti - 1];
            cand.s = t.s + cut;
            cand.canonical = format!("{} {}", source(t.s + cut, t.e), cand.canonical);
        }
    }
}

#[derive(Debug, Default, Clone, Copy)]
struct Comp {
    end: usize,
    words: usize,
    nationality: bool,
    named: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    Title { located: bool, full: bool },
    Org { party: bool },
}

fn is_date_word(lex: &Lexicon, w: &str) -> bool {
    lex.date_words.contains(w)
}

/// True when the head just before `start` names institutions after persons
/// (`جامعة`, `مستشفى`, `مؤسسة`…), unlike `رئاسة` or `حكومة`.
fn named_after_person(z: &ZoneText, start: usize) -> bool {
    start > 0 && {
        let head = z.word(start - 1);
        // A definite head is in no construct: `مدير المركز عبدالله
        // الربيعة` is the centre's director and his name.
        let definite = |h: &str| head[..head.len() - h.len()].ends_with("ال");
        [
            "جامعه",
            "مستشفي",
            "موسسه",
            "معهد",
            "مدرسه",
            "ثانويه",
            "اكاديميه",
            "نادي",
            "مركز",
            "مسجد",
            "جايزه",
        ]
        .iter()
        .any(|h| head.ends_with(h) && !definite(h))
    }
}

/// True when the token before `start` is an event head whose name may hold
/// a ل-purpose after a place (`منتدى سيدي بوزيد للحوار`).
fn event_head_before(z: &ZoneText, start: usize) -> bool {
    start > 0 && ["منتدي", "ملتقي", "موتمر"].contains(&z.word(start - 1))
}

/// True when token `j` (`والكرامة`) coordinates a second definite noun with
/// an institution's one-word genitive at `start` (`هيئة الحقيقة والكرامة`,
/// `صندوق الحيطة والتقاعد`): two nouns naming what the body does. Entity
/// names and adjectives after `و` are handled before this is asked.
///
/// A sound plural (`والقطاعات`, `والموظفين`) or an institution noun
/// (`والشرطة`, `واللجنة`) after `و` is a second party, not part of the name.
fn paired_genitive(z: &ZoneText, start: usize, j: usize) -> bool {
    let first = z.word(start);
    j == start + 1 && first.starts_with("ال") && !is_adjective(first) && coordinated_noun(z.word(j))
}

/// True when `w` is `و` and a definite noun that may join the noun before it
/// in one name: no adjective (coordinated adjectives are read apart), sound
/// plural (`والقطاعات`, `والموظفين`) or institution noun (`والشرطة`,
/// `واللجنة`), which start a second party.
fn coordinated_noun(w: &str) -> bool {
    w.strip_prefix('و').is_some_and(|r| {
        r.starts_with("ال")
            && !is_adjective(r)
            && !is_sound_plural(r)
            && !INSTITUTION_NOUNS.contains(&r)
    })
}

/// True when `w` (normalized) ends as a sound plural does (`ات`, `ين`, `ون`).
fn is_sound_plural(w: &str) -> bool {
    ["ات", "ين", "ون"].iter().any(|s| w.ends_with(s))
}

/// True when the word before `start` is a minister or ministry head noun
/// (`وزير`, `لوزيرة`, `وزارة`; not the role noun `الوزير`).
fn minister_before(z: &ZoneText, start: usize) -> bool {
    start > 0 && {
        let heads = ["وزير", "وزيره", "وزاره"];
        let w = z.word(start - 1);
        heads.contains(&w)
            || w.strip_prefix(['و', 'ل'])
                .is_some_and(|r| heads.contains(&r))
    }
}

/// True when token `j` (`والنقل`, `واللوجيستيك`) coordinates a portfolio
/// with the definite portfolios from `start` on: a definite noun after `و`
/// that is no plural, adjective or institution noun.
fn portfolio_pair(z: &ZoneText, start: usize, j: usize) -> bool {
    j > start
        && z.word(start).starts_with("ال")
        // `وزير المالية الأسبق والخبير`: no portfolio after how the office
        // is held.
        && !HOLDER_STATUS.contains(&z.word(j - 1))
        && coordinated_noun(z.word(j))
}

/// Definite nouns that name an institution of their own (normalized): after
/// `و` they start a second party (`وزارة الداخلية والشرطة`).
const INSTITUTION_NOUNS: &[&str] = &[
    "النقابه",
    "الشرطه",
    "اللجنه",
    "الاتحاد",
    "الوزاره",
    "المجلس",
    "الهييه",
    "الحكومه",
    "المنظمه",
    "الجمعيه",
    "الوكاله",
    "الجامعه",
    "المحكمه",
    "الديوان",
    "المكتب",
    "البنك",
    "الشركه",
    "النادي",
    "الجيش",
    "القوات",
    "المديريه",
    "الاداره",
    "البرلمان",
    "الرئاسه",
];

/// A definite adjective that a ل-genitive may follow: nisba adjectives
/// (`الوطني`, `الوطنية`) and a few others (`العام`, `العليا`).
fn is_adjective(base: &str) -> bool {
    base.ends_with('ي')
        || base.ends_with("يه")
        // Plural nisbas (`الوطنيين الديمقراطيين`).
        || base.ends_with("يين")
        || base.ends_with("يون")
        || matches!(
            base,
            "العام"
                | "العامه"
                | "العليا"
                | "الاعلي"
                | "الكبير"
                | "الكبري"
                | "المستقل"
                | "المستقله"
                | "الحر"
                | "الاخضر"
                | "الخضراء"
                | "الحره"
                | "الشامل"
                | "الشامله"
                | "الخاص"
                | "الخاصه"
                | "الحاكم"
                | "الحاكمه"
                | "الجديد"
                | "الجديده"
                | "الدايم"
                | "الدايمه"
                | "الاوسط"
                | "الادني"
                | "الاقصي"
        )
}

/// Extends an office or institution head over its complement.
fn complement(lex: &Lexicon, z: &ZoneText, start: usize, mode: Mode) -> Comp {
    let mut c = Comp {
        end: start,
        ..Comp::default()
    };
    let mut j = start;
    let mut last_lam = false;
    // A ل-genitive was taken: a second, indefinite one is a purpose clause
    // (`الهيئة الوقتية للقضاء العدلي لتركيز المجلس`).
    let mut seen_lam = false;
    let mut last_adjective = true;
    // A place is the whole complement so far (`أمير منطقة الرياض`).
    let mut after_place = false;
    let limit = (start + 10).min(z.toks.len());
    while j < limit {
        if z.toks[j].kind != TokKind::Arabic {
            break;
        }
        let w = z.word(j);
        // `القطب الجزائي المتخصص لدى محكمة X`: the court joins the name.
        if w == "لدي" && matches!(mode, Mode::Org { .. }) && c.words > 0 {
            if let Some((h, _)) = z.hit_kind(lex, j + 1, |k| {
                matches!(k, Kind::OrgHead { national: false })
            }) {
                if h.clitic == 0 {
                    let inner = complement(lex, z, h.end, Mode::Org { party: false });
                    if inner.words > 0 {
                        j = inner.end;
                        c.end = j;
                        c.words += 1;
                        continue;
                    }
                }
            }
            break;
        }
        // `سفير خادم الحرمين الشريفين`, `مستشار خادم الحرمين الشريفين`: the
        // Saudi king's style names the state an office serves, as a country
        // does (never a mention of its own).
        if matches!(mode, Mode::Title { .. })
            && c.words == 0
            && j + 2 < z.toks.len()
            && ["خادم", "لخادم"].contains(&w)
            && z.word(j + 1) == "الحرمين"
            && z.word(j + 2) == "الشريفين"
        {
            j += 3;
            c.end = j;
            c.words += 1;
            c.named = true;
            continue;
        }
        // `وشؤون المصريين بالخارج`.
        if w == "بالخارج" && c.words > 0 {
            j += 1;
            c.end = j;
            continue;
        }
        // `سفير إيطاليا لدى الجزائر`: an envoy's post after لدى.
        if (w == "لدي" || w == "في") && matches!(mode, Mode::Title { located: true, .. }) {
            if let Some((h, _)) = z.hit_kind(lex, j + 1, |k| {
                matches!(k, Kind::Country(_) | Kind::Place | Kind::Org)
            }) {
                if h.clitic == 0 {
                    j = h.end;
                    c.end = j;
                    c.named = true;
                    continue;
                }
            }
            // `لدى المملكة`, `لدى الدولة`.
            let host = j + 1 < z.toks.len()
                && w == "لدي"
                && ["المملكه", "الدوله", "البلاد", "الجمهوريه", "الامارات"].contains(&z.word(j + 1));
            if host {
                j += 2;
                c.end = j;
                c.named = true;
                continue;
            }
            break;
        }
        // An institution inside a title (`الأمين العام لحزب الوحدة والتقدم`)
        // is taken whole, with its own complement.
        if let Mode::Title { .. } = mode {
            if let Some((h, _)) =
                z.hit_kind(lex, j, |k| matches!(k, Kind::OrgHead { national: false }))
            {
                let prefix = &z.norm.text[z.toks[j].s..h.s];
                // After a place the title is complete (`أمير منطقة الرياض
                // لأمانة المنطقة`).
                // `المتحدث الإعلامي بشرطة منطقة مكة المكرمة`: a post's
                // institution after ب.
                let located_in = prefix == "ب" && matches!(mode, Mode::Title { located: true, .. });
                if (prefix.is_empty() || prefix == "ل" || located_in) && !after_place {
                    let head = &z.norm.text[h.s..z.toks[h.end - 1].e];
                    let party = ["حزب", "الحزب", "جبهه", "حركه"].contains(&head);
                    let mut inner = complement(lex, z, h.end, Mode::Org { party });
                    inner.end = known_org_end(lex, z, j, &h, inner.end);
                    if !named_head_ok(z, head, h.end, inner) {
                        inner.words = 0;
                    }
                    // Inside a title `حركة` is always a movement.
                    if inner.words > 0 {
                        j = inner.end;
                        c.end = j;
                        c.words += 1;
                        c.named = true;
                        continue;
                    }
                }
            }
        }
        // `الأمين العام للحزب الاشتراكي الموحد`: a party with the article
        // after `ل`, named by what follows.
        if matches!(mode, Mode::Title { .. }) && ["للحزب", "للحركه", "للجبهه"].contains(&w)
        {
            let inner = complement(lex, z, j + 1, Mode::Org { party: true });
            if inner.words > 0 && inner.end > j + 1 {
                j = inner.end;
                c.end = j;
                c.words += 1;
                c.named = true;
                continue;
            }
        }
        // `جامعة محمد الخامس`: an institution named after a person.
        if matches!(mode, Mode::Org { .. })
            && c.words == 0
            && named_after_person(z, start)
            && (w == "عبد" || z.is_given(j) || lex.is_form(w, |k| *k == Kind::Person))
        {
            if let Some(k) = name_from(lex, z, j, false) {
                j = k;
                c.end = j;
                c.words += 1;
                c.named = true;
                continue;
            }
        }
        // A crime category inside a name (`لمكافحة الاتجار بالبشر`).
        if c.words > 0 {
            if let Some((h, _)) = z.hit_kind(lex, j, |k| matches!(k, Kind::Threat(_))) {
                if h.clitic == 0 && h.end > j + 1 {
                    j = h.end;
                    c.end = j;
                    c.words += 1;
                    continue;
                }
            }
        }
        if let Some((h, k)) = z.hit_kind(lex, j, |k| {
            matches!(
                k,
                Kind::Nationality(_)
                    | Kind::Country(_)
                    | Kind::Place
                    | Kind::Org
                    | Kind::Honorific
                    | Kind::Rank
                    | Kind::Person
                    | Kind::Office { .. }
                    | Kind::Event
            )
        }) {
            // In a title a nationality reads before a name that starts with
            // it (`وزير الخارجية المصري اليوم`: not the paper).
            let (h, k) = match z.hit_kind(lex, j, |k| matches!(k, Kind::Nationality(_))) {
                Some((n, nk))
                    if matches!(mode, Mode::Title { .. }) && *k == Kind::Org && n.s == h.s =>
                {
                    (n, nk)
                }
                _ => (h, k),
            };
            let prefix = &z.norm.text[z.toks[j].s..h.s];
            match k {
                Kind::Nationality(_) if !w.starts_with("ال") => break,
                Kind::Nationality(_)
                    if prefix.is_empty()
                        && j > start
                        && ["شوون", "وشوون"].contains(&z.word(j - 1)) =>
                {
                    // `شؤون المصريين`: a people after a construct noun.
                    j = h.end;
                    c.end = j;
                    c.words += 1;
                    continue;
                }
                // `الجمعية المغربية لحقوق الإنسان`, `الهيئة المغربية لسوق
                // الرساميل`: an institution's own nationality before what
                // it is for.
                Kind::Nationality(_)
                    if prefix.is_empty()
                        && matches!(mode, Mode::Org { party: false })
                        && c.words == 0
                        && h.end < z.toks.len()
                        && z.toks[h.end].kind == TokKind::Arabic
                        && z.word(h.end).starts_with('ل')
                        && !z.word(h.end).starts_with("لدي")
                        && z.word(h.end).chars().count() >= 4 =>
                {
                    c.nationality = true;
                    j = h.end;
                    c.end = j;
                    c.words += 1;
                    last_adjective = true;
                    continue;
                }
                Kind::Nationality(_) if prefix.is_empty() => {
                    c.nationality = true;
                    j = h.end;
                    c.end = j;
                    c.words += 1;
                    // A nationality adjective closes the phrase; only the
                    // post of an envoy may follow (`السفير الفرنسي بالرباط`).
                    if let Mode::Title { located: true, .. } = mode {
                        if let Some(end) = z.seat_at(lex, j) {
                            j = end;
                            c.end = j;
                            c.named = true;
                        } else if j < z.toks.len() && (z.word(j) == "لدي" || z.word(j) == "في")
                        {
                            let after = complement(lex, z, j, mode);
                            if after.named && after.end > j + 1 {
                                j = after.end;
                                c.end = j;
                                c.named = true;
                            }
                        }
                    }
                    break;
                }
                Kind::Country(_) | Kind::Place | Kind::Org | Kind::Event => {
                    let ok = match prefix {
                        "" | "ل" => true,
                        "ب" => matches!(mode, Mode::Title { located: true, .. }),
                        _ => false,
                    };
                    if ok {
                        // Only as the head's own complement: a party's
                        // name goes on (`لحراك تونس الإرادة`).
                        // … or after a place's head noun (`أمانة منطقة
                        // المدينة المنورة للعروض`).
                        after_place = matches!(k, Kind::Country(_) | Kind::Place)
                            && (c.words == 0
                                || prefix == "ب"
                                || (c.words == 1 && j > 0 && AREA_NOUNS.contains(&z.word(j - 1))));
                        c.named = true;
                        j = h.end;
                        c.end = j;
                        c.words += 1;
                        continue;
                    }
                    break;
                }
                Kind::Honorific | Kind::Rank | Kind::Person => break,
                Kind::Office { .. } if prefix.starts_with('و') || prefix.is_empty() => break,
                _ => {}
            }
        }
        // `الناطق الرسمي باسم الحكومة`: a spokesman of the government.
        if matches!(mode, Mode::Title { .. })
            && c.words == 0
            && start > 0
            && z.word(start - 1) == "باسم"
            && ["الحكومه", "الرياسه", "الوزاره"].contains(&w)
        {
            j += 1;
            c.end = j;
            c.words += 1;
            c.named = true;
            continue;
        }
        // `سفير المملكة لدى الأردن`: the sending state as a description.
        if matches!(mode, Mode::Title { located: true, .. })
            && c.words == 0
            && ["المملكه", "الدوله", "الجمهوريه", "البلاد"].contains(&w)
        {
            j += 1;
            c.end = j;
            c.words += 1;
            continue;
        }
        if z.is_stop(j) || z.is_date(j) {
            break;
        }
        // After coordinated portfolios, how the office is held ends its
        // name (`وزير المالية الأسبق والخبير`, `… والحوكمة المقال`).
        // `الوزير المنتدب المكلف بالميزانية` names an office.
        let charged_with = ["المكلف", "المكلفه"].contains(&w)
            && j + 1 < z.toks.len()
            && z.word(j + 1).starts_with('ب');
        if matches!(mode, Mode::Title { .. }) && c.words > 0 && charged_with {
            j += 2;
            c.end = j;
            c.words += 2;
            last_adjective = false;
            continue;
        }
        if matches!(mode, Mode::Title { .. })
            && c.words > 0
            && z.word(j - 1).starts_with("وال")
            && (HOLDER_STATUS.contains(&w)
                || ["المقال", "المقاله", "المستقيل", "المستقيله"].contains(&w))
        {
            break;
        }
        // `والجماعات المحلية`, `وشؤون المغتربين`: a coordinated portfolio
        // stays in the office or institution name.
        if c.words > 0 {
            if let Some(r) = w.strip_prefix('و') {
                let next_def = j + 1 < z.toks.len()
                    && z.toks[j + 1].kind == TokKind::Arabic
                    && z.word(j + 1).starts_with("ال");
                let construct = ["شوون", "حقوق", "اصلاح", "تحديث"].contains(&r) && next_def;
                if (r.starts_with("ال") && PORTFOLIOS.contains(&r)) || construct {
                    j += 1;
                    c.end = j;
                    c.words += 1;
                    last_adjective = false;
                    continue;
                }
            }
        }
        let sp = split_word(w);
        if sp.definite && z.hamza_start(j) {
            break;
        }
        // After a place only an adjective goes on with a title; a noun is
        // the object of the verb (`استقبل أمير منطقة الرياض الوفد`).
        if after_place
            && matches!(mode, Mode::Title { .. })
            && !(sp.definite
                && sp.prefix.is_empty()
                && (is_adjective(&sp.base) || PRESIDENT_QUALIFIERS.contains(&sp.base.as_ref())))
        {
            break;
        }
        // In an institution's name a bare definite noun after its place is
        // the verb's object (`أعلنت شرطة دبي القبض`), and a ل-phrase its
        // complement (`دعم حكومة مصر للتحالف`).
        if after_place
            && matches!(mode, Mode::Org { party: false })
            && sp.definite
            && (sp.prefix.is_empty() || (sp.prefix == "ل" && !event_head_before(z, start)))
            && !is_adjective(&sp.base)
            && !PRESIDENT_QUALIFIERS.contains(&sp.base.as_ref())
        {
            break;
        }
        if sp.definite {
            // `الحزب الشيوعي الحاكم`: ruling or opposition describes a
            // party, it does not name it.
            if matches!(mode, Mode::Org { party: true })
                && c.words > 0
                && sp.prefix.is_empty()
                && ["الحاكم", "الحاكمه", "المعارض", "المعارضه"].contains(&sp.base.as_ref())
            {
                break;
            }
            if lex.stopwords.contains(sp.base.as_ref())
                || is_date_word(lex, &sp.base)
                || (sp.prefix.is_empty() && lex.given_names.contains(sp.base.as_ref()))
            {
                break;
            }
            // A definite genitive closes the construct chain: a definite
            // noun after it is the verb's object (`التقى وزير الخارجية
            // الوفد`); only adjectives and participles go on (`الأمن
            // الوطني`, `الأمم المتحدة`, `الحزب الاشتراكي الموحد`).
            if sp.prefix.is_empty() && c.words > 0 && c.end > start {
                let prev = z.word(c.end - 1);
                // A coordinated genitive closes it too (`هيئة الحقيقة
                // والكرامة الجلسة`, `وزير التكوين المهني والتشغيل المكلف`).
                let prev = prev
                    .strip_prefix('و')
                    .filter(|r| r.starts_with("ال"))
                    .unwrap_or(prev);
                let prev_def = prev.starts_with("ال") || prev.starts_with("لل");
                let base: &str = sp.base.as_ref();
                let participle =
                    base.starts_with("الم") && base.chars().count() >= 5 && !is_sound_plural(base);
                // `والمغاربة المقيمين بالخارج`.
                let residents = base == "المقيمين";
                let qualifier = is_adjective(base)
                    || PRESIDENT_QUALIFIERS.contains(&base)
                    || ORDINALS.contains(&w)
                    || participle
                    || residents;
                if prev_def && !qualifier {
                    break;
                }
            }
            // Coordinated genitives after a prepositional one
            // (`للتربية والعلم والثقافة`), in institution names, and a
            // minister's coordinated portfolios (`وزير التجهيز والنقل
            // واللوجيستيك`).
            let coordinates = match mode {
                Mode::Org { party } => last_lam || party || paired_genitive(z, start, j),
                Mode::Title { .. } => minister_before(z, start) && portfolio_pair(z, start, j),
            };
            // `الجزائي الاقتصادي والمالي`: coordinated adjectives.
            // … also in a minister's title (`وزير الشؤون البلدية والقروية`).
            let adj_coord = sp.prefix == "و"
                && (matches!(mode, Mode::Org { .. }) || minister_before(z, start))
                && c.words > 0
                && last_adjective
                && is_adjective(&sp.base)
                && !lex.given_names.contains(sp.base.as_ref())
                && !lex.is_form(&sp.base, |k| matches!(k, Kind::Nationality(_)));
            if sp.prefix == "و" && (coordinates || adj_coord) {
                last_adjective = adj_coord;
                j += 1;
                c.end = j;
                c.words += 1;
                continue;
            }
            last_lam = sp.prefix == "ل";
            seen_lam |= last_lam;
            if let Mode::Title { full: true, .. } = mode {
                // A title complete in itself takes no further genitive
                // (`رئيس الحكومة للتدخل`).
                break;
            }
            // A ل-genitive follows the head or an adjective
            // (`الهيئة الوطنية لمكافحة`), not a genitive noun (`وزارة
            // التربية للتصدي`).
            if sp.prefix == "ل" && c.words > 0 && !last_adjective {
                break;
            }
            let ok = match sp.prefix {
                "" | "ل" => true,
                "و" | "ول" => matches!(mode, Mode::Title { .. }) && sp.prefix == "ول",
                _ => false,
            };
            if !ok {
                break;
            }
            // A participle qualifies too (`اللجنة الدولية المشتركة لمعايير`).
            let base: &str = sp.base.as_ref();
            last_adjective = is_adjective(base)
                || (c.words > 0
                    && base.starts_with("الم")
                    && base.chars().count() >= 6
                    && !is_sound_plural(base));
            j += 1;
            c.end = j;
            c.words += 1;
            continue;
        }
        // An indefinite noun in construct with a following definite word
        // or a place name (`مجلس قضاء وهران`).
        let next_def = j + 1 < z.toks.len()
            && z.toks[j + 1].kind == TokKind::Arabic
            && (z.word(j + 1).starts_with("ال")
                || z.hit_kind(lex, j + 1, |k| matches!(k, Kind::Place | Kind::Country(_)))
                    .is_some_and(|(h, _)| h.clitic == 0)
                // `مجلس شورى حركة X`, `كتلة حزب X`: an institution's head.
                || (CONSTRUCT_NOUNS.contains(&w)
                    && z.hit_kind(lex, j + 1, |k| matches!(k, Kind::OrgHead { national: false }))
                        .is_some_and(|(h, _)| h.clitic == 0)));
        let (pre, bare) = if let Some(r) = w.strip_prefix("ول") {
            ("ول", r)
        } else if let Some(r) = w.strip_prefix('ل') {
            ("ل", r)
        } else {
            ("", w)
        };
        // The first word of an institution's complement may be a verbal
        // noun in construct (`خلية معالجة الاستعلام المالي`).
        let masdar = matches!(mode, Mode::Org { .. })
            && c.words == 0
            && pre.is_empty()
            // A place head noun may be one (`شرطة منطقة مكة المكرمة`).
            && z.hits(j)
                .iter()
                .all(|h| matches!(lex.entries[h.entry].kind, Kind::PlaceHead { .. }))
            && bare.chars().count() >= 4
            && z.ends_with_source(j, 'ة')
            && !is_imperfect_verb(lex, bare);
        // A party or movement named by a word and its country (`حزب آفاق
        // تونس`, `حركة مشروع تونس`).
        let party_first = matches!(mode, Mode::Org { party: true })
            && c.words == 0
            && pre.is_empty()
            // Not a preposition (dialectal `ف` "in": `حركة فاتجاه أوروبا`).
            && !bare.starts_with('ف')
            && !lex.stopwords.contains(bare)
            && z.hit_kind(lex, j + 1, |k| matches!(k, Kind::Place | Kind::Country(_)))
                .is_some_and(|(h, _)| h.clitic == 0);
        // `مجلس الإدارة لتخفيف الأعباء`: after a genitive noun an
        // indefinite ل-phrase is a purpose, as a definite one is.
        // `لشؤون الأمن الدولي` names a portfolio wherever it stands.
        let lam_construct = pre == "ل"
            && bare.chars().count() >= 3
            && !lex.given_names.contains(bare)
            && (["شوون", "شيون"].contains(&bare)
                || (!seen_lam && (c.words == 0 || last_adjective)));
        let construct = CONSTRUCT_NOUNS.contains(&bare) || masdar || party_first || lam_construct;
        let pre_ok = match pre {
            "" | "ل" => true,
            _ => matches!(mode, Mode::Title { .. }),
        };
        if construct && next_def && pre_ok && !z.is_given(j) {
            seen_lam |= pre == "ل";
            j += 1;
            c.end = j;
            c.words += 1;
            continue;
        }
        break;
    }
    // `والي جهة العيون – بوجدور`: a region named by two places.
    if c.end >= start + 2 && z.word(c.end - 2).ends_with("جهه") {
        if let Some(end) = region_pair_end(lex, z, c.end) {
            c.end = end;
        }
    }
    c
}

/// Nouns that make a deputy, assistant or adviser of an office and belong to
/// its title (`نائب وزير الخارجية`, `مساعد وزير الداخلية`, `مستشار الرئيس
/// اليمني`), normalized.
const DEPUTY_NOUNS: &[&str] = &[
    "نايب",
    "نايبه",
    "مساعد",
    "مساعده",
    "وكيل",
    "مستشار",
    "مستشاره",
];

/// The start of a title whose office hit starts at byte `s` in token `i`,
/// moved back over a deputy noun before it (`نائب وزير الخارجية`, also after
/// the conjunction `و`) or over `النائب الأول` / `النائب الثاني` before an
/// office in `ل` (`النائب الثاني لرئيس مجلس الوزراء`).
fn deputy_start(z: &ZoneText, i: usize, s: usize) -> usize {
    let arabic = |k: usize| z.toks[k].kind == TokKind::Arabic;
    if s == z.toks[i].s {
        // A chain of deputies (`نائب مساعد وزير الدفاع`) and an acting
        // holder (`القائمة بأعمال مساعد وزير الدفاع`).
        let mut start = s;
        let mut k = i;
        let mut nouns = 0;
        let known = |r: &str| DEPUTY_NOUNS.contains(&r) || r == "باعمال";
        while k >= 1 && arabic(k - 1) && nouns < 3 {
            let w = z.word(k - 1);
            let bare = match w.strip_prefix('و') {
                Some(r) if !known(w) && known(r) => r,
                _ => w,
            };
            let cut = w.len() - bare.len();
            if DEPUTY_NOUNS.contains(&bare) {
                k -= 1;
            } else if bare == "باعمال"
                && k >= 2
                && arabic(k - 2)
                && ["القايم", "القايمه", "والقايم", "والقايمه"].contains(&z.word(k - 2))
            {
                k -= 2;
                let acting = z.word(k);
                start = z.toks[k].s + acting.len() - acting.trim_start_matches('و').len();
                break;
            } else {
                break;
            }
            start = z.toks[k].s + cut;
            nouns += 1;
        }
        return start;
    } else if z.norm.text[z.toks[i].s..s] == *"ل" && i >= 2 && arabic(i - 2) && arabic(i - 1) {
        let head = z.word(i - 2);
        let head = head.strip_prefix('و').unwrap_or(head);
        if ["النايب", "النايبه"].contains(&head)
            && ["الاول", "الاولي", "الثاني", "الثانيه", "الثالث"].contains(&z.word(i - 1))
        {
            return z.toks[i - 2].e - head.len();
        }
    }
    s
}

fn pattern_cands(lex: &Lexicon, z: &ZoneText, out: &mut Vec<Cand>) {
    for i in 0..z.toks.len() {
        for h in z.hits(i) {
            let entry = &lex.entries[h.entry];
            let head_norm = &z.norm.text[h.s..z.toks[h.end - 1].e];
            match entry.kind {
                Kind::Office { full } => {
                    // `وإلى` ("and to") folds to `والي` (a governor): the
                    // source's hamza or final alef maqsura tells them apart.
                    if head_norm.starts_with("والي")
                        && (z.source_starts_with(i, "وإ") || z.alef_maqsura_final(i))
                    {
                        continue;
                    }
                    let located = [
                        "سفير",
                        "قنصل",
                        "ملحق",
                        "ممثل",
                        "مندوب",
                        "والي",
                        "عامل",
                        "المتحدث",
                        "الناطق",
                    ]
                    .iter()
                    .any(|w| contains_bytes(head_norm, w));
                    // `رئيس الوفد`, `رئيس الجلسة`: who leads a delegation or
                    // chairs a sitting holds no office.
                    if !full && h.end < z.toks.len() && ["الوفد", "الجلسه"].contains(&z.word(h.end))
                    {
                        continue;
                    }
                    // `المحافظ الرقمية`: wallets, not governors.
                    if head_norm.ends_with("المحافظ")
                        && h.end < z.toks.len()
                        && ["الرقميه", "الالكترونيه", "الاستثماريه", "الماليه"]
                            .contains(&z.word(h.end))
                    {
                        continue;
                    }
                    let mut c = complement(lex, z, h.end, Mode::Title { located, full });
                    // A spokesman of an office (`الناطق باسم القائد العام
                    // للقوات المسلحة`): the office and its complement join.
                    if head_norm.ends_with("باسم") && c.words == 0 {
                        if let Some((oh, _)) =
                            z.hit_kind(lex, h.end, |k| matches!(k, Kind::Office { .. }))
                        {
                            if oh.clitic == 0 {
                                let inner = complement(
                                    lex,
                                    z,
                                    oh.end,
                                    Mode::Title {
                                        located: false,
                                        full: false,
                                    },
                                );
                                c.end = inner.end.max(oh.end);
                                c.words = inner.words + 1;
                            }
                        }
                    }
                    // `وكيل الجمهورية بالمحكمة الابتدائية بتونس`: a judicial
                    // office is named with its court and the court's seat.
                    let at = c.end.max(h.end);
                    let judicial = JUDICIAL_OFFICES.iter().any(|o| head_norm.ends_with(o));
                    // `الوكيل العام للملك بمراكش`: or with its seat alone.
                    if let Some(e) = z.seat_at(lex, at).filter(|_| judicial) {
                        c.end = e;
                        c.words += 1;
                        c.named = true;
                    }
                    if judicial && at < z.toks.len() {
                        if let Some((oh, _)) =
                            z.hit_kind(lex, at, |k| matches!(k, Kind::OrgHead { national: false }))
                        {
                            let court = &z.norm.text[oh.s..z.toks[oh.end - 1].e];
                            if &z.norm.text[z.toks[at].s..oh.s] == "ب" && court.contains("محكمه")
                            {
                                let inner = complement(lex, z, oh.end, Mode::Org { party: false });
                                let mut end = inner.end.max(oh.end);
                                if let Some(e) = z.seat_at(lex, end) {
                                    end = e;
                                }
                                c.end = end;
                                c.words += 1;
                                c.named = true;
                            }
                        }
                    }
                    // `مدير الدفاع المدني بمنطقة مكة المكرمة`: a regional
                    // post's area after ب and a place head noun (not a
                    // minister's: `وزير الداخلية بمحافظة جدة` is where he met).
                    let at = c.end.max(h.end);
                    if c.words > 0 && !head_norm.contains("وزير") {
                        if let Some(e) = region_seat_end(lex, z, at) {
                            c.end = e;
                            c.named = true;
                        }
                    }
                    // `الرئيس السابق للائتلاف السوري`, `الأمين العام السابق
                    // للحزب`: a status word before a ل-complement stays in
                    // the title (alone it stays out: `وزير الخارجية السابق`).
                    let at = c.end.max(h.end);
                    if at + 1 < z.toks.len()
                        && ["السابق", "السابقه", "الاسبق", "الاسبقه", "الجديد", "الجديده"]
                            .contains(&z.word(at))
                        && z.toks[at + 1].kind == TokKind::Arabic
                        && z.word(at + 1).starts_with('ل')
                    {
                        let inner = complement(
                            lex,
                            z,
                            at + 1,
                            Mode::Title {
                                located,
                                full: false,
                            },
                        );
                        if inner.named && inner.end > at + 1 {
                            c.end = inner.end;
                            c.words += inner.words;
                            c.named = true;
                        }
                    }
                    // `قائد` heads a title only before a force or a command
                    // (`قائد الدرك الوطني`), not inside a name
                    // (`الباجي قائد السبسي`).
                    if head_norm.ends_with("قايد") || head_norm.ends_with("قايده") {
                        let next = z.toks.get(h.end).map(|t| &z.norm.text[t.s..t.e]);
                        let next = next.map(|w| w.strip_prefix('ل').unwrap_or(w)).unwrap_or("");
                        let force = [
                            "الدرك",
                            "الجيش",
                            "قوات",
                            "القوات",
                            "الحرس",
                            "فيلق",
                            "الفيلق",
                            "الشرطه",
                            "المنطقه",
                            "الاركان",
                            "سلاح",
                            "الامن",
                            "شرطه",
                            "جهاز",
                            "القياده",
                            "الفرقه",
                            "الكتيبه",
                            "العمليات",
                            "البحريه",
                            "القوه",
                            "حرس",
                            "الدفاع",
                            "المنطقة",
                        ]
                        .iter()
                        .any(|f| next == *f || next.strip_prefix('ل') == Some(f));
                        if !force {
                            continue;
                        }
                    }
                    let sovereign = [
                        "ملك",
                        "الملك",
                        "العاهل",
                        "الامير",
                        "امير",
                        "السلطان",
                        "سلطان",
                        // Normalized forms (`ئ` folds to `ي`): `الرئيس`, `الرئيسة`.
                        "الرييس",
                        "الرييسه",
                    ]
                    .contains(&head_norm);
                    // `أمير البلاد`, `أمير البلاد المفدى`: the epithet after
                    // `البلاد` stays out.
                    let of_country = sovereign
                        && h.end < z.toks.len()
                        && ["البلاد", "الدوله", "المومنين"].contains(&z.word(h.end))
                        && (c.end == h.end + 1
                            || (h.end + 1 < z.toks.len() && z.word(h.end + 1) == "المفدي"));
                    let c = if of_country {
                        Comp {
                            end: h.end + 1,
                            ..c
                        }
                    } else {
                        c
                    };
                    // `الوزير الأمريكي`: the bare role noun with a nationality
                    // is no office (ANNOTATION.md: `الوزير` is a role noun).
                    let bare_minister =
                        ["الوزير", "الوزيره"].contains(&head_norm) && c.nationality && c.words == 1;
                    let ok = if sovereign {
                        c.nationality || c.named || of_country
                    } else {
                        (full || c.words > 0) && !bare_minister
                    };
                    if ok {
                        out.push(Cand {
                            s: deputy_start(z, i, h.s),
                            e: z.toks[c.end.max(h.end) - 1].e,
                            ty: EntityType::Title,
                            canonical: String::new(),
                            origin: Origin::TitlePattern,
                            ministry: false,
                            has_country: c.nationality || c.named,
                        });
                    }
                }
                Kind::PlaceHead { facility, open } => {
                    let found = if facility {
                        facility_name(lex, z, h.end).map(|(s0, e0)| (s0, e0, String::new()))
                    } else {
                        place_name(lex, z, h.end, open)
                    };
                    // `جهة بني ملال- خنيفرة`, `جهة درعة-تافيلالت`: a region
                    // named by two places joined by a hyphen.
                    let found = found.map(|(s0, e0, canonical)| {
                        let pair = (head_norm == "جهه")
                            .then(|| z.tok_at(e0 - 1))
                            .flatten()
                            .and_then(|t| region_pair_end(lex, z, t + 1));
                        match pair {
                            Some(end) => (s0, z.toks[end - 1].e, String::new()),
                            None => (s0, e0, canonical),
                        }
                    });
                    if let Some((s0, e0, canonical)) = found {
                        out.push(Cand {
                            s: if facility { h.s } else { s0 },
                            e: e0,
                            ty: EntityType::Loc,
                            canonical,
                            origin: Origin::OrgPattern,
                            ministry: false,
                            has_country: false,
                        });
                    }
                }
                Kind::OrgHead { national } => {
                    if national {
                        // `القوات الجوية الملكية السعودية`: `الملكية` may
                        // stand between the head and the nationality.
                        let j = if h.end < z.toks.len()
                            && [
                                "الملكيه",
                                "الملكي",
                                "الشرعيه",
                                "الانتقاليه",
                                "الموقته",
                                "المركزيه",
                            ]
                            .contains(&z.word(h.end))
                        {
                            h.end + 1
                        } else {
                            h.end
                        };
                        if let Some((nh, Kind::Nationality(_))) =
                            z.hit_kind(lex, j, |k| matches!(k, Kind::Nationality(_)))
                        {
                            if nh.clitic == 0 {
                                out.push(Cand {
                                    s: h.s,
                                    e: z.toks[nh.end - 1].e,
                                    ty: EntityType::Org,
                                    canonical: String::new(),
                                    origin: Origin::OrgPattern,
                                    ministry: false,
                                    has_country: true,
                                });
                            }
                        }
                    } else {
                        // Party names coordinate (`حزب العدالة والتنمية`).
                        let party = ["حزب", "الحزب", "جبهه", "حركه"].contains(&head_norm);
                        let mut c = complement(lex, z, h.end, Mode::Org { party });
                        // A court is named with its seat (`محكمة الاستئناف
                        // بمراكش`).
                        let typed_court = head_norm.contains(' ');
                        let seat_at = if c.words > 0 { c.end } else { h.end };
                        // A national court has no seat in its name
                        // (`المحكمة العليا بالجزائر العاصمة`: where it sits).
                        let national_court = ["العليا", "الدستوريه", "النقض"]
                            .iter()
                            .any(|w| head_norm.contains(w))
                            || (h.end..c.end.max(h.end))
                                .any(|x| ["العليا", "الدستوريه", "النقض"].contains(&z.word(x)));
                        let court = head_norm.contains("محكمه")
                            && !national_court
                            && (c.words > 0 || typed_court);
                        // A local institution is named with its seat too
                        // (`كلية الحقوق بتونس`, `الغرفة التجارية الصناعية
                        // بجدة`), a national body is not (`وزارة الخارجية
                        // بجدة`: where it met).
                        let local = c.words > 0
                            && head_norm
                                .split(' ')
                                .next()
                                .is_some_and(|w| LOCAL_SEAT_HEADS.contains(&w));
                        if court || local {
                            if let Some(end) = z.seat_at(lex, seat_at) {
                                c.end = end;
                                c.words = c.words.max(1);
                                c.named = true;
                            }
                        }
                        let only_nationality = c.nationality && c.words == 1;
                        // `لحزب النهضة`, `حزب حركة نداء تونس`: the known name
                        // alone is the mention.
                        let known_party = ["حزب", "الحزب"].contains(&head_norm)
                            && party_named_at(lex, z, h.end).is_some_and(|end| end >= c.end);
                        c.end = known_org_end(lex, z, i, h, c.end);
                        if c.words > 0
                            && !known_party
                            && named_head_ok(z, head_norm, h.end, c)
                            && !only_nationality
                            && movement_ok(lex, z, head_norm, h.end, c)
                        {
                            out.push(Cand {
                                s: h.s,
                                e: z.toks[c.end - 1].e,
                                ty: EntityType::Org,
                                canonical: String::new(),
                                origin: Origin::OrgPattern,
                                ministry: head_norm.ends_with("وزاره"),
                                has_country: c.nationality || c.named,
                            });
                        }
                    }
                }
                _ => {}
            }
        }
    }
}

/// Heads that name a body only with some complements: with the article a
/// party is named by a nisba (`الحزب الاشتراكي`; `الحزب الحاكم` names
/// none), and a municipality by its place (`أمانة منطقة الرياض`, `أمانة
/// جدة`; `أمانة الكلمة` is honesty).
///
/// A college or association before a ل-phrase is no name either (`كلية
/// للبنات`, `جمعية لحقوق الطفل`). A head after a contracted `لل` starts at
/// its second ل (`لحزب`).
fn named_head_ok(z: &ZoneText, head: &str, start: usize, c: Comp) -> bool {
    let next = if start < z.toks.len() {
        z.word(start)
    } else {
        ""
    };
    match head {
        "الحزب" | "لحزب" => next.ends_with('ي'),
        "امانه" | "لامانه" => c.named,
        // `كتلة حركة نداء تونس`: a parliamentary bloc of a named party.
        "كتله" | "لكتله" => c.named,
        "كليه" | "جمعيه" => !next.starts_with('ل'),
        _ => true,
    }
}

/// Where an institution's name from head hit `h` (at token `i`) ends, given
/// that its complement ends at `end`: a known name from the head on (`حزب
/// العمال الكردستاني`, `صندوق النقد الدولي`) ends the mention (`… المعتقل`,
/// `… اليابان`, `حزب الاستقلال والعمدة`), unless a nisba adjective, a
/// nationality or a definite ل-genitive names another body (`مجلس الأمن
/// القومي`, `منظمة الأمم المتحدة للتربية والعلوم والثقافة`).
fn known_org_end(lex: &Lexicon, z: &ZoneText, i: usize, h: &Hit, end: usize) -> usize {
    let known = || {
        z.hits(i)
            .iter()
            .filter(|k| k.clitic == h.clitic && lex.entries[k.entry].kind == Kind::Org)
            .map(|k| k.end)
    };
    // A known name longer than the pattern is taken whole (`لمجلس التعاون
    // لدول الخليج العربية` inside a title).
    if let Some(e) = known().filter(|&e| e > end).max() {
        return e;
    }
    // The longest known name inside the pattern; the pattern itself may be
    // one (`مجلس التعاون لدول الخليج العربية`, not its alias `مجلس التعاون`).
    let Some(k_end) = known().filter(|&e| e > h.end && e <= end).max() else {
        return end;
    };
    if k_end == end {
        return end;
    }
    let next = z.word(k_end);
    // `المنتمي`: a participle, not a nisba.
    let nisba = next.starts_with("ال")
        && !next.starts_with("الم")
        && !z.alef_maqsura_final(k_end)
        && (next.ends_with('ي') || next.ends_with("يه"));
    let goes_on = next.starts_with("لل")
        || nisba
        || z.hit_kind(lex, k_end, |x| matches!(x, Kind::Nationality(_)))
            .is_some_and(|(n, _)| n.clitic == 0);
    if goes_on { end } else { k_end }
}

/// One past the last token of a post's area at token `j`: ب, an indefinite
/// place head noun and a place (`بمنطقة مكة المكرمة`, `بمحافظة جدة`).
fn region_seat_end(lex: &Lexicon, z: &ZoneText, j: usize) -> Option<usize> {
    if j + 1 >= z.toks.len() || z.toks[j].kind != TokKind::Arabic {
        return None;
    }
    let w = z.word(j).strip_prefix('ب')?;
    if !AREA_NOUNS.contains(&w) && w != "جهه" {
        return None;
    }
    if let Some((h, _)) = z.hit_kind(lex, j + 1, |k| matches!(k, Kind::Place | Kind::Country(_))) {
        return (h.clitic == 0).then_some(h.end);
    }
    // A place named by a common word after its head (`بمنطقة الباحة`).
    (1..=3).rev().find_map(|n| {
        let k = j + 1 + n;
        (k <= z.toks.len()
            && z.toks[j + 1..k].iter().all(|t| t.kind == TokKind::Arabic)
            && lex
                .headed
                .contains_key(&z.norm.text[z.toks[j + 1].s..z.toks[k - 1].e]))
        .then_some(k)
    })
}

/// Indefinite head nouns of administrative areas before their place's name
/// (`منطقة الرياض`, `محافظة جدة`, `ولاية مدنين`), normalized.
const AREA_NOUNS: &[&str] = &["منطقه", "محافظه", "مدينه", "اقليم", "ولايه", "عماله"];

/// Judicial offices named with their court (`وكيل الجمهورية بالمحكمة
/// الابتدائية بتونس`), normalized.
const JUDICIAL_OFFICES: &[&str] = &[
    "الوكيل العام للملك",
    "وكيل الملك",
    "وكيل الجمهوريه",
    "وكيله الجمهوريه",
    "قاضي التحقيق",
    "المدعي العام",
    "النايب العام",
    "ممثل الادعاء",
];

/// Heads of local institutions, whose seat after `ب` is part of their name
/// (normalized).
const LOCAL_SEAT_HEADS: &[&str] = &[
    "كليه",
    "الكليه",
    "غرفه",
    "الغرفه",
    "جامعه",
    "معهد",
    "المعهد",
];

/// Where `حركة` starts in the token before token `i` (after its proclitics:
/// `لحركة`, `وحركة`), if that token is the movement head noun.
fn movement_head_before(z: &ZoneText, i: usize) -> Option<usize> {
    let j = i.checked_sub(1)?;
    let w = z.word(j);
    let pre = w.strip_suffix("حركه")?;
    ["", "و", "ف", "ل", "ب", "ول", "وب", "فل"]
        .contains(&pre)
        .then(|| z.toks[j].e - "حركه".len())
}

/// One past the last token of a known organization named at token `i`
/// without the head noun `حزب` (`النهضة`, `حركة نداء تونس`): after `حزب` such
/// a name stands alone (`لحزب النهضة` → `النهضة`). Names whose official form
/// holds `حزب` are lexicon hits from `حزب` on and never reach here.
fn party_named_at(lex: &Lexicon, z: &ZoneText, i: usize) -> Option<usize> {
    let known = |k: usize| {
        z.hits(k).iter().find(|h| {
            h.clitic == 0
                && lex.entries[h.entry].kind == Kind::Org
                && !lex.entries[h.entry].canonical.starts_with("حزب")
                && !lex.entries[h.entry].canonical.starts_with("الحزب")
        })
    };
    if let Some(h) = known(i) {
        return Some(h.end);
    }
    let h = known(i + 1)?;
    (z.word(i) == "حركه" && lex.entries[h.entry].canonical.starts_with("حركة ")).then_some(h.end)
}

/// `حركة` is also a common noun ("movement, traffic": `حركة السير`): it
/// heads a named movement only when its complement names a place or an
/// organization (`حركة مشروع تونس`, `حركة أمل الجزائر`). A known
/// organization right after it (`حركة حماس`) stands alone, as `تنظيم`
/// before `داعش` does.
fn movement_ok(lex: &Lexicon, z: &ZoneText, head: &str, start: usize, c: Comp) -> bool {
    if head != "حركه" {
        return true;
    }
    let known_next = z
        .hit_kind(lex, start, |k| *k == Kind::Org)
        .is_some_and(|(h, _)| h.clitic == 0);
    c.named && !known_next
}

/// Ordinal words (feminine and masculine, with the article), for session
/// numbers written in words.
const ORDINALS: &[&str] = &[
    "الاول",
    "الاولي",
    "الثاني",
    "الثانيه",
    "الثالث",
    "الثالثه",
    "الرابع",
    "الرابعه",
    "الخامس",
    "الخامسه",
    "السادس",
    "السادسه",
    "السابع",
    "السابعه",
    "الثامن",
    "الثامنه",
    "التاسع",
    "التاسعه",
    "العاشر",
    "العاشره",
    "الحادي",
    "الحاديه",
    "عشر",
    "عشره",
];

/// Tens in words (`والأربعين`), without the conjunction and article.
const TENS: &[&str] = &[
    "عشرين",
    "عشرون",
    "ثلاثين",
    "ثلاثون",
    "اربعين",
    "اربعون",
    "خمسين",
    "خمسون",
    "ستين",
    "ستون",
    "سبعين",
    "سبعون",
    "ثمانين",
    "ثمانون",
    "تسعين",
    "تسعون",
    "ماه",
    "ماييه",
];

/// True when the normalized word is an ordinal with the article
/// (`الثاني`, `الاولي`).
pub(crate) fn is_ordinal(w: &str) -> bool {
    w.starts_with("ال") && ORDINALS.contains(&w)
}

/// The end of an ordinal written in words starting at `j`, if any.
fn ordinal_words(z: &ZoneText, j: usize) -> Option<usize> {
    let mut k = j;
    while k < z.toks.len() && z.toks[k].kind == TokKind::Arabic {
        let w = z.word(k);
        let bare = w.strip_prefix('و').unwrap_or(w);
        let bare_def = bare.strip_prefix("ال").unwrap_or(bare);
        let ok = if k == j {
            ORDINALS.contains(&w)
        } else {
            ORDINALS.contains(&w) || (bare != w && TENS.contains(&bare_def))
        };
        if !ok {
            break;
        }
        k += 1;
    }
    (k > j).then_some(k)
}

/// Event canonical: ASCII digits, tens of an ordinal in the nominative.
fn event_canonical(text: &str) -> String {
    let clean = crate::link::clean_name(text, false);
    let digits: String = clean
        .chars()
        .map(|c| match c {
            '\u{0660}'..='\u{0669}' => char::from(b'0' + (c as u32 - 0x0660) as u8),
            '\u{06F0}'..='\u{06F9}' => char::from(b'0' + (c as u32 - 0x06F0) as u8),
            c => c,
        })
        .collect();
    // `الـ41` → `41`.
    let words: Vec<&str> = digits.split(' ').collect();
    let mut kept: Vec<&str> = Vec::with_capacity(words.len());
    for (i, w) in words.iter().enumerate() {
        let next_digit = words
            .get(i + 1)
            .is_some_and(|n| n.starts_with(|c: char| c.is_ascii_digit()));
        if *w == "ال" && next_digit {
            continue;
        }
        // `أحداث يوم 26 جانفي 1978` is `أحداث 26 جانفي 1978`.
        if *w == "يوم" && i == 1 && next_digit {
            continue;
        }
        match w.strip_prefix("ال") {
            Some(r) if !r.is_empty() && r.chars().all(|c| c.is_ascii_digit()) => kept.push(r),
            _ => kept.push(w),
        }
    }
    kept.into_iter()
        .map(|w| {
            let tens = [
                "والعشرين",
                "والثلاثين",
                "والأربعين",
                "والاربعين",
                "والخمسين",
                "والستين",
                "والسبعين",
                "والثمانين",
                "والتسعين",
            ];
            if tens.contains(&w) {
                format!("{}ون", &w[..w.len() - "ين".len()])
            } else {
                w.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// The end of the body after a session number, from the ل-genitive at `k`:
/// construct nouns up to a definite noun, then its adjectives and
/// coordinated definite nouns (`لقادة الشرطة والأمن العرب`), up to the next
/// ل-genitive (`للجمعية العامة` | `للأمم المتحدة`).
fn session_body(lex: &Lexicon, z: &ZoneText, k: usize) -> usize {
    let n = z.toks.len();
    let mut e = k;
    let mut definite = z.word(k).starts_with("لل");
    e += 1;
    while !definite && e < n && e < k + 4 && z.toks[e].kind == TokKind::Arabic {
        let w = z.word(e);
        if z.is_stop(e) || w.starts_with("وال") || w.starts_with('ل') {
            break;
        }
        definite = w.starts_with("ال");
        e += 1;
    }
    if !definite {
        return k + 1;
    }
    while e < n && z.toks[e].kind == TokKind::Arabic {
        let w = z.word(e);
        let bare = w.strip_prefix('و').unwrap_or(w);
        let adjective = w.starts_with("ال")
            && (is_adjective(w)
                || ["العرب", "الافارقه", "الاوروبيين"].contains(&w)
                || lex.is_form(w, |k| matches!(k, Kind::Nationality(_))));
        let coordinated = bare != w
            && bare.starts_with("ال")
            && !lex.stopwords.contains(bare)
            && z.hits(e).is_empty()
            && !["القمه", "الدوره", "الاجتماع", "الموتمر", "المنتدي"].contains(&bare);
        if !(adjective || coordinated) || z.is_stop(e) || z.is_date(e) {
            break;
        }
        e += 1;
    }
    e
}

/// Named events by pattern: numbered sessions, meetings and summits
/// (`الدورة 79 للجمعية العامة`, `القمة العربية الثالثة والثلاثين`), forums
/// with a place or a field (`منتدى الرياض للأمن`), fairs with a year
/// (`معرض ميليبول قطر 2024` → `ميليبول قطر 2024`).
fn event_cands(lex: &Lexicon, z: &ZoneText, src: &str, out: &mut Vec<Cand>) {
    let n = z.toks.len();
    let push = |s: usize, e: usize, out: &mut Vec<Cand>| {
        let canonical = {
            let span = z.to_doc(src, s, e);
            event_canonical(&src[span.range()])
        };
        out.push(Cand {
            s,
            e,
            ty: EntityType::Event,
            canonical,
            origin: Origin::OrgPattern,
            ministry: false,
            has_country: false,
        });
    };
    // Arabic words ending as a head does (see `ZoneText::event_heads`).
    for &i in &z.event_heads {
        let w = z.word(i);
        const HEADS: [&str; 13] = [
            "دوره",
            "اجتماع",
            "اجتماعات",
            "قمه",
            "موتمر",
            "منتدي",
            "ملتقي",
            "معرض",
            "احداث",
            "هجمات",
            "تفجيرات",
            "ثوره",
            "انتفاضه",
        ];
        if !HEADS.iter().any(|h| w.ends_with(h)) {
            continue;
        }
        let sp = split_word(w);
        let (clitic, base) = if sp.definite {
            (sp.clitic, sp.base.as_ref())
        } else {
            let b = ["و", "ب", "ل", "وب", "ول", "ف"]
                .iter()
                .find_map(|p| w.strip_prefix(p).map(|r| (p.len(), r)))
                .filter(|(_, r)| {
                    ["منتدي", "ملتقي", "معرض", "موتمر"].contains(r) || DATED_EVENT_HEADS.contains(r)
                });
            b.unwrap_or((0, w))
        };
        let s = z.toks[i].s + clitic;
        // Events named by their date (`أحداث 26 جانفي 1978`, `هجمات 11
        // سبتمبر`, `ثورة 25 يناير`, `ثورة يوليو`): the head and the date.
        if DATED_EVENT_HEADS.contains(&base) {
            if let Some(e) = dated_event_end(z, i + 1, ["ثوره", "انتفاضه"].contains(&base))
            {
                push(s, z.toks[e - 1].e, out);
            }
            continue;
        }
        match base {
            "الدوره" | "الاجتماع" | "الاجتماعات" | "القمه" | "الموتمر" | "المنتدي" | "الملتقي" =>
            {
                let mut j = i + 1;
                // An adjective before the number (`القمة العربية`,
                // `الدورة العادية`).
                while j < n
                    && j < i + 3
                    && z.toks[j].kind == TokKind::Arabic
                    && z.word(j).starts_with("ال")
                    && is_adjective(z.word(j))
                    && !ORDINALS.contains(&z.word(j))
                {
                    j += 1;
                }
                let num_end = if j < n && z.toks[j].kind == TokKind::Digit {
                    Some(j + 1)
                } else {
                    ordinal_words(z, j)
                };
                // `الدورة الـ41`: the article alone before the digits.
                let j = if j + 1 < n && z.word(j) == "ال" && z.toks[j + 1].kind == TokKind::Digit
                {
                    j + 1
                } else {
                    j
                };
                // A yearly or seasonal meeting of a body is named by its
                // period as a session by its number (`الاجتماعات السنوية
                // للبنك الدولي`).
                let periodic = (i + 1..j).any(|x| PERIODIC.contains(&z.word(x)));
                let num_end = num_end
                    .or_else(|| (j < n && z.toks[j].kind == TokKind::Digit).then_some(j + 1))
                    .or_else(|| periodic.then_some(j));
                let Some(mut k) = num_end else {
                    continue;
                };
                // A summit with its adjective (`القمة العربية الثالثة`)
                // names itself; a session or meeting needs its body.
                let named = base == "القمه" && j > i + 1;
                let before_body = k;
                if k < n && ["العاديه", "الاستثنائيه"].contains(&z.word(k)) {
                    k += 1;
                }
                // The body whose session it is: `للجمعية العامة`,
                // `لمجلس الجامعة`, a known organization whole.
                if k < n && z.toks[k].kind == TokKind::Arabic {
                    let wk = z.word(k);
                    if let Some((h, _)) = z.hit_kind(lex, k, |k| matches!(k, Kind::Org)) {
                        if h.clitic > 0 && &z.norm.text[z.toks[k].s..h.s] == "ل" {
                            // An organization of its own inside stays out
                            // (`للجمعية العامة` + `للأمم المتحدة`).
                            let inner = (k + 1..h.end).find(|&x| {
                                z.word(x).starts_with('ل')
                                    && z.hit_kind(lex, x, |k| matches!(k, Kind::Org)).is_some()
                            });
                            if let Some(x) = inner {
                                // The session's body is no ORG of its own.
                                let (bs, be) = (h.s, z.toks[h.end - 1].e);
                                out.retain(|c| {
                                    !(matches!(c.ty, EntityType::Org | EntityType::Event)
                                        && c.s == bs
                                        && c.e == be)
                                });
                                k = x;
                            } else {
                                k = h.end;
                                // Two bodies meeting together (`للبنك الدولي
                                // وصندوق النقد الدولي`).
                                if periodic
                                    && let Some((h2, _)) =
                                        z.hit_kind(lex, k, |k| matches!(k, Kind::Org))
                                    && h2.clitic > 0
                                    && &z.norm.text[z.toks[k].s..h2.s] == "و"
                                {
                                    k = h2.end;
                                }
                            }
                        }
                    } else if wk.starts_with('ل') && !wk.starts_with("ال") {
                        k = session_body(lex, z, k);
                    }
                }
                // `الدورة الثالثة لـ"منتدى …"`: a bare `لـ` before a quoted
                // name is no body; the quoted event is found on its own.
                let body = k > before_body
                    && (k > before_body + 1 || !["العاديه", "الاستثنائيه"].contains(&z.word(k - 1)))
                    && z.word(k - 1) != "ل";
                if named || body {
                    push(s, z.toks[k - 1].e, out);
                }
            }
            "منتدي" | "ملتقي" | "موتمر" => {
                let c = complement(lex, z, i + 1, Mode::Org { party: false });
                let mut e = c.end;
                let year = e < n && z.toks[e].kind == TokKind::Digit && z.word(e).len() == 4;
                if year {
                    e += 1;
                }
                if c.words > 0 && (c.named || year) {
                    push(s, z.toks[e - 1].e, out);
                }
            }
            "معرض" => {
                // Up to three name words then a year; `معرض` stays out, and
                // so does a coordinated head (`معرض ومؤتمر ميليبول 2024`).
                let mut i = i;
                if i + 1 < n && ["وموتمر", "وملتقي", "ومنتدي"].contains(&z.word(i + 1))
                {
                    i += 1;
                }
                let mut k = i + 1;
                while k < n && k < i + 4 {
                    let t = z.toks[k];
                    let ok = match t.kind {
                        TokKind::Latin => z.capitalized(src, k),
                        TokKind::Arabic => {
                            let wk = z.word(k);
                            !z.is_stop(k) && !z.is_date(k) && !wk.starts_with("ال")
                        }
                        _ => false,
                    };
                    if !ok {
                        break;
                    }
                    k += 1;
                }
                if k > i + 1 && k < n && z.toks[k].kind == TokKind::Digit && z.word(k).len() == 4 {
                    push(z.toks[i + 1].s, z.toks[k].e, out);
                }
            }
            _ => {}
        }
    }
    // Capitalized Latin words then a year (`GITEX Global 2024`).
    for &i in &z.latin {
        if (i > 0 && z.toks[i - 1].kind == TokKind::Latin) || !z.capitalized(src, i) {
            continue;
        }
        let mut k = i;
        while k < n && k < i + 4 && z.toks[k].kind == TokKind::Latin && z.capitalized(src, k) {
            k += 1;
        }
        if k < n && z.toks[k].kind == TokKind::Digit && z.word(k).len() == 4 {
            let wy = z.word(k);
            if wy.starts_with("19") || wy.starts_with("20") {
                push(z.toks[i].s, z.toks[k].e, out);
            }
        }
    }
}

/// Adjectives that name a meeting by its period (`الاجتماعات السنوية`,
/// `الاجتماعات الربيعية`).
const PERIODIC: &[&str] = &["السنوي", "السنويه", "الربيعيه", "الخريفيه"];

/// Heads of events named by their date (normalized, without proclitics).
const DATED_EVENT_HEADS: &[&str] = &["احداث", "هجمات", "تفجيرات", "ثوره", "انتفاضه"];

/// One past the last token of the date that names an event from token `j`:
/// `يوم`, then a day and a month (`26 جانفي`, `11 سبتمبر`), or a month alone
/// after a revolution (`ثورة يوليو`), and a year if one follows.
fn dated_event_end(z: &ZoneText, j: usize, month_alone: bool) -> Option<usize> {
    let n = z.toks.len();
    let j = if j < n && z.word(j) == "يوم" {
        j + 1
    } else {
        j
    };
    let month_at = |k: usize| {
        k < n
            && z.toks[k].kind == TokKind::Arabic
            && akhbar_core::calendar::month_number(z.word(k)).is_some()
    };
    let mut e =
        if j + 1 < n && z.toks[j].kind == TokKind::Digit && z.word(j).len() <= 2 && month_at(j + 1)
        {
            j + 2
        } else if month_alone && month_at(j) {
            j + 1
        } else {
            return None;
        };
    if e < n && z.toks[e].kind == TokKind::Digit && z.word(e).len() == 4 {
        e += 1;
    }
    // `أحداث سبتمبر الماضي`: a relative date, no name.
    let relative = e < n && crate::dates::is_tense_adjective(z.word(e));
    (!relative).then_some(e)
}

/// The last two letters of the event heads of [`event_cands`] (`دوره`,
/// `اجتماع`, `اجتماعات`, `قمه`, `موتمر`, `منتدي`, `ملتقي`, `معرض`, and
/// `احداث`, `هجمات`, `تفجيرات`, `ثوره`, `انتفاضه` before a date), as little-endian
/// numbers of their four bytes.
const HEAD_TAILS: [u32; 10] = [
    tail("اث"),
    tail("ضه"),
    tail("ره"),
    tail("اع"),
    tail("ات"),
    tail("مه"),
    tail("مر"),
    tail("دي"),
    tail("قي"),
    tail("رض"),
];

/// The four bytes of two two-byte letters as a little-endian number.
const fn tail(s: &str) -> u32 {
    let b = s.as_bytes();
    u32::from_le_bytes([b[0], b[1], b[2], b[3]])
}

/// Words that start a two-word place name (`بني ملال`, `سيدي بوزيد`).
const PLACE_JOINERS: &[&str] = &[
    "بني",
    "سيدي",
    "عين",
    "اولاد",
    "راس",
    "بير",
    "تل",
    "دار",
    "بن",
    "ام",
    "ابو",
    "وادي",
    "جبل",
    "خميس",
    "سوق",
];

/// The name after a place head noun: a listed place, or (after an `open`
/// head) one word, or two when the first is a joiner; normalized byte range
/// and the canonical of a place listed as `headed` (else empty).
fn place_name(lex: &Lexicon, z: &ZoneText, j: usize, open: bool) -> Option<(usize, usize, String)> {
    if j >= z.toks.len() || z.toks[j].kind != TokKind::Arabic {
        return None;
    }
    // A known place right after the head is found by the lexicon already.
    if let Some((h, _)) = z.hit_kind(lex, j, |k| matches!(k, Kind::Place | Kind::Country(_))) {
        return (h.clitic == 0).then(|| (h.s, z.toks[h.end - 1].e, String::new()));
    }
    // A place named by a common word (`مدينة العين`) only here, longest
    // form first.
    for n in (1..=3).rev() {
        let k = j + n;
        if k > z.toks.len() || z.toks[j..k].iter().any(|t| t.kind != TokKind::Arabic) {
            continue;
        }
        let (s0, e0) = (z.toks[j].s, z.toks[k - 1].e);
        if let Some(canonical) = lex.headed.get(&z.norm.text[s0..e0]) {
            return Some((s0, e0, canonical.clone()));
        }
    }
    if !open {
        return None;
    }
    let w = z.word(j);
    let sp = split_word(w);
    // A definite name in ية is a place (`قرية التويمية`, `محافظة
    // الإسماعيلية`); an indefinite one an adjective (`مدينة ساحلية`).
    let nisba_name =
        w.ends_with("يه") && z.ends_with_source(j, 'ة') && sp.definite && w.chars().count() >= 6;
    if !sp.prefix.is_empty()
        || z.is_stop(j)
        || z.is_date(j)
        // `بلدة قرب مدينة بيزا`, `بلدة شمال البلاد`: where, not which.
        || DIRECTION_WORDS.contains(&w)
        // `مدينة جميلة`, `مدينة آمنة`: an adjective, not a name.
        || PLACE_ADJECTIVES.contains(&w)
        || (w.ends_with("يه") && !nisba_name)
        || w.ends_with("ات")
        || w.chars().count() < 3
        || !z.hits(j).is_empty()
        // `قرية يسيطر عليها`: a verb, not a name.
        || is_imperfect_verb(lex, w)
    {
        return None;
    }
    let mut k = j + 1;
    if PLACE_JOINERS.contains(&w)
        && k < z.toks.len()
        && z.toks[k].kind == TokKind::Arabic
        && !z.is_stop(k)
    {
        k += 1;
    }
    // A definite adjective after the name belongs to it (`طنجة المتوسط`) only
    // for facilities; here the name is the word(s) alone.
    Some((z.toks[j].s, z.toks[k - 1].e, String::new()))
}

/// One past the last token of a region named by two places and a hyphen
/// after `جهة` (`بني ملال- خنيفرة`, `درعة-تافيلالت`), when the first place
/// ends before token `k`: the second is a known place or one name word.
fn region_pair_end(lex: &Lexicon, z: &ZoneText, k: usize) -> Option<usize> {
    if !z.is_punct(k, &["-", "–", "ـ"]) || k + 1 >= z.toks.len() {
        return None;
    }
    let j = k + 1;
    if z.toks[j].kind != TokKind::Arabic || z.is_stop(j) || z.is_date(j) {
        return None;
    }
    if let Some((h, _)) = z.hit_kind(lex, j, |k| matches!(k, Kind::Place | Kind::Country(_))) {
        return (h.clitic == 0).then_some(h.end);
    }
    if !z.hits(j).is_empty() {
        return None;
    }
    // `كلميم-واد نون`, `الداخلة-وادي الذهب`: a two-word place name.
    let joined = (PLACE_JOINERS.contains(&z.word(j)) || ["واد", "وادي"].contains(&z.word(j)))
        && j + 1 < z.toks.len()
        && z.toks[j + 1].kind == TokKind::Arabic
        && !z.is_stop(j + 1);
    Some(if joined { j + 2 } else { j + 1 })
}

/// Feminine adjectives that follow `مدينة` or `بلدة` as descriptions
/// (`مدينة جميلة`, `مدينة آمنة`), normalized.
const PLACE_ADJECTIVES: &[&str] = &[
    "جميله",
    "امنه",
    "كبيره",
    "صغيره",
    "هاديه",
    "جديده",
    "قديمه",
    "عريقه",
    "مهمه",
    "واحده",
    "كامله",
    "فاضله",
    "نظيفه",
    "مزدحمه",
    "منكوبه",
    "محاصره",
    "محتله",
    "مجاوره",
];

/// Words of direction and nearness after a place head noun (`بلدة قرب`,
/// `قرية شمال`), normalized: they locate a place, they do not name it.
const DIRECTION_WORDS: &[&str] = &[
    "قرب",
    "بالقرب",
    "شمال",
    "جنوب",
    "شرق",
    "غرب",
    "وسط",
    "شمالي",
    "جنوبي",
    "شرقي",
    "غربي",
];

/// Head nouns of places before a name in quotes (`بحي “الخير”`, `بدوار
/// “كفيفات”`, `جماعة “المكرن”`, `منطقة «البياع»`), normalized.
const QUOTED_PLACE_HEADS: &[&str] = &[
    "حي",
    "دوار",
    "حومه",
    "مدشر",
    "دشره",
    "جماعه",
    "منطقه",
    "بلده",
    "قريه",
    "مدينه",
    "اقليم",
    "عماله",
    "ولايه",
    "محافظه",
    "دايره",
    "بلديه",
    "معتمديه",
    "قضاء",
    "ناحيه",
];

/// Opening quotes (a reversed `”` opens too, as some sites write it).
const OPEN_QUOTES: &[&str] = &["“", "«", "\"", "”"];

/// Closing quotes.
const CLOSE_QUOTES: &[&str] = &["”", "»", "\"", "“"];

/// A normalized word without a leading `و` and then a `ب` or `ل` (each only
/// when more than one letter is left): `وبصحيفه` → `صحيفه`.
fn without_wa_bi_li(w: &str) -> &str {
    let w = w.strip_prefix('و').filter(|r| r.len() > 2).unwrap_or(w);
    w.strip_prefix(['ب', 'ل'])
        .filter(|r| r.len() > 2)
        .unwrap_or(w)
}

/// A name in quotes after a place head noun is a place (`بحي “الخير”`):
/// one to four words between an opening and a closing quote.
fn quoted_places(z: &ZoneText, out: &mut Vec<Cand>) {
    for i in 0..z.toks.len().saturating_sub(2) {
        if z.toks[i].kind != TokKind::Arabic || !z.is_punct(i + 1, OPEN_QUOTES) {
            continue;
        }
        // The head, or the head and one adjective (`بالجماعة القروية “…”`).
        let head_at = |k: usize| {
            let w = without_wa_bi_li(z.word(k));
            let w = w.strip_prefix("ال").filter(|r| r.len() > 2).unwrap_or(w);
            z.toks[k].kind == TokKind::Arabic && QUOTED_PLACE_HEADS.contains(&w)
        };
        let adjective = ["القرويه", "الحضريه", "الترابيه", "السكنيه"].contains(&z.word(i));
        if !(head_at(i) || (adjective && i > 0 && head_at(i - 1))) {
            continue;
        }
        let first = i + 2;
        let mut k = first;
        while k < z.toks.len()
            && k < first + 4
            && matches!(z.toks[k].kind, TokKind::Arabic | TokKind::Latin)
        {
            k += 1;
        }
        if k > first && z.is_punct(k, CLOSE_QUOTES) {
            out.push(Cand::found(
                z.toks[first].s,
                z.toks[k - 1].e,
                EntityType::Loc,
            ));
        }
    }
}

/// A place named by a common word (`headed` in `places.tsv`: `البيضاء`
/// "the white one") coordinated right after a place (`الرباط والبيضاء
/// وسلا`): a list of places, so a LOC without its head noun.
fn coordinated_places(lex: &Lexicon, z: &ZoneText, out: &mut Vec<Cand>) {
    for i in 1..z.toks.len() {
        if z.toks[i].kind != TokKind::Arabic {
            continue;
        }
        let Some(rest) = z.word(i).strip_prefix('و') else {
            continue;
        };
        let Some(canonical) = lex.headed.get(rest) else {
            continue;
        };
        // The list goes on or ends there (`وصور الفيديو` is "and
        // pictures").
        let ends = i + 1 >= z.toks.len()
            || z.toks[i + 1].kind != TokKind::Arabic
            || z.word(i + 1).starts_with('و')
            || z.is_stop(i + 1);
        if !ends {
            continue;
        }
        let prev_end = z.toks[i - 1].e;
        let after_place = out
            .iter()
            .any(|c| c.ty == EntityType::Loc && c.e == prev_end);
        if after_place {
            out.push(Cand {
                canonical: canonical.clone(),
                ..Cand::found(z.toks[i].s + 'و'.len_utf8(), z.toks[i].e, EntityType::Loc)
            });
        }
    }
}

/// Head nouns of news outlets (normalized, without proclitics): the name
/// after them, quoted or not, is the outlet's.
const OUTLET_HEADS: &[&str] = &[
    "صحيفه",
    "جريده",
    "يوميه",
    "اسبوعيه",
    "مجله",
    // Also "site": not before an adjective (`موقع “نطنز” النووي`).
    "موقع",
    "قناه",
    "اذاعه",
    "تلفزيون",
];

/// Words right before a quoted outlet that say it was the channel of a
/// statement or the one who saw or learned something (`مصادر “…”`,
/// `ما نشرته «…»`, `عاينت “…”`), normalized.
const OUTLET_CUES: &[&str] = &[
    "مصادر",
    "مصدر",
    "نشرته",
    "نقلته",
    "اوردته",
    "ذكرته",
    "علمته",
    "اكده",
    "اكدته",
    "علمت",
    "عاينت",
    "كشفت",
    "حسب",
    "وفق",
];

/// Nouns of a statement or contact before `مع` or `ل` + a quoted outlet
/// (`في اتصال مع “…”`, `في تصريح لـ«…»`), normalized.
const CONTACT_NOUNS: &[&str] = &[
    "اتصال",
    "تصريح",
    "تصريحات",
    "حديث",
    "حديثه",
    "حوار",
    "لقاء",
    "مقابله",
];

/// News outlets named as the channel of a statement: a quoted name of one
/// to three words after a statement (`قال لـ«عكاظ»`, `في اتصال مع “كود”`,
/// `حسب مصادر “كود”`), or after an outlet's head noun, quoted or not
/// (`إذاعة "شمس أف أم"`, `بصحيفة الوئام`). The head noun stays outside.
fn outlet_names(lex: &Lexicon, z: &ZoneText, out: &mut Vec<Cand>) {
    let n = z.toks.len();
    let bare = |k: usize| without_wa_bi_li(z.word(k));
    let head_at = |k: usize| z.toks[k].kind == TokKind::Arabic && OUTLET_HEADS.contains(&bare(k));
    for i in 0..n.saturating_sub(2) {
        if z.toks[i].kind != TokKind::Arabic {
            continue;
        }
        if z.is_punct(i + 1, OPEN_QUOTES) {
            let w = z.word(i);
            let cue = head_at(i)
                || OUTLET_CUES.contains(&w)
                // `قال لـ«عكاظ»`, `في تصريح لـ«عكاظ»`, `في اتصال مع “كود”`.
                || ((w == "ل" || w == "مع")
                    && (i.saturating_sub(4)..i).any(|k| {
                        z.toks[k].kind == TokKind::Arabic
                            && (z.flags[k] & SPEECH != 0
                                || CONTACT_NOUNS.contains(&bare(k))
                                || OUTLET_CUES.contains(&z.word(k))
                                || SPEECH_VERBS.contains(&bare(k)))
                    }));
            if !cue {
                continue;
            }
            let first = i + 2;
            let mut k = first;
            while k < n
                && k < first + 3
                && matches!(z.toks[k].kind, TokKind::Arabic | TokKind::Latin)
            {
                k += 1;
            }
            let site = bare(i) == "موقع"
                && k + 1 < n
                && z.toks[k + 1].kind == TokKind::Arabic
                && z.word(k + 1).starts_with("ال")
                && is_adjective(z.word(k + 1))
                // `موقع “دايلي ستار” البريطاني`: an outlet's country.
                && lex.nationality(z.word(k + 1)).is_none();
            if k > first
                && z.is_punct(k, CLOSE_QUOTES)
                && !z.is_stop(first)
                && !z.is_given(first)
                && !site
            {
                // A known name inside keeps its own reading (`“داعش”`).
                let known = z.hits(first).iter().any(|h| {
                    h.end >= k
                        && matches!(
                            lex.entries[h.entry].kind,
                            Kind::Org | Kind::Person | Kind::Threat(_) | Kind::Event
                        )
                });
                if !known {
                    // `قال لـ«الرياض»`: the newspaper, not the city.
                    let (s0, e0) = (z.toks[first].s, z.toks[k - 1].e);
                    out.retain(|c| !(c.ty == EntityType::Loc && c.s >= s0 && c.e <= e0));
                    out.push(Cand::found(s0, e0, EntityType::Org));
                }
            }
            continue;
        }
        // `بصحيفة الوئام`: a newspaper's head and its one-word name with the
        // article, before a boundary.
        let w = z.word(i);
        if w.ends_with('ه') && ["صحيفه", "جريده", "يوميه", "مجله"].contains(&bare(i))
        {
            let j = i + 1;
            let name = z.toks[j].kind == TokKind::Arabic
                && z.word(j).starts_with("ال")
                && z.word(j).chars().count() >= 5
                && !z.is_stop(j)
                && z.hits(j).is_empty();
            let end = j + 1 >= n
                || z.toks[j + 1].kind == TokKind::Punct
                || z.toks[j + 1].kind == TokKind::Arabic && !z.word(j + 1).starts_with("ال");
            if name && end && !is_adjective(z.word(j)) {
                out.push(Cand::found(z.toks[j].s, z.toks[j].e, EntityType::Org));
            }
        }
    }
}

/// Words that mark a sports club's name (normalized).
const CLUB_WORDS: &[&str] = &[
    "الرياضي",
    "الرياضيه",
    "مولوديه",
    "المولوديه",
    "اولمبيك",
    "الاولمبيك",
    "الوداد",
    "وداد",
    "الرجاء",
    "رجاء",
    "حسنيه",
    "الكوكب",
    "الترجي",
    "الزمالك",
];

/// Words that open a sports club's name before its town (`شباب أطلس
/// خنيفرة`, `نهضة بركان`, `اتحاد طنجة`): a club only with a club word or a
/// place after them (normalized).
const CLUB_OPENERS: &[&str] = &[
    "شباب",
    "اتحاد",
    "نهضه",
    "نجم",
    "النجم",
    "هلال",
    "سريع",
    "اولمبيك",
    "مولوديه",
    "رجاء",
    "وداد",
    "حسنيه",
];

/// A sports club after `فريق` or `نادي` (`تغريم نادي أولمبيك آسفي`, `لاعب
/// فريق المغرب الرياضي الفاسي`): the head noun stays out, and the name runs
/// to its last word that is a club word, a place, or a definite adjective
/// after one of them (`الكوكب المراكشي`). Without a club word or a place it
/// is no club (`فريق العمل`, `فريق الدفاع`); the institution found from
/// `نادي` as a head (`نادي الرجاء الرياضي`) gives way. A club of
/// `data/clubs.txt` after the head needs no club word (`فريق الدفاع الحسني
/// الجديدي`), and after `نادي` the first word of a listed name is enough
/// (`نادي الاتحاد`); see [`standalone_club`] for listed names without head.
fn club_names(lex: &Lexicon, z: &ZoneText, out: &mut Vec<Cand>) {
    const HEADS: &[&str] = &[
        "فريق",
        "لفريق",
        "بفريق",
        "وفريق",
        "نادي",
        "لنادي",
        "بنادي",
        "ونادي",
    ];
    let n = z.toks.len();
    // The longest listed club of up to four words from token `j` (the first
    // word with the proclitics of `pre` stripped); one past its last token.
    let listed = |j: usize, first: &str| -> Option<usize> {
        if !lex.opens_club(first) {
            return None;
        }
        let mut name = String::from(first);
        let mut best = lex.clubs.contains(&name).then_some(j + 1);
        for k in j + 1..(j + 4).min(n) {
            if z.toks[k].kind != TokKind::Arabic {
                break;
            }
            name.push(' ');
            name.push_str(z.word(k));
            if lex.clubs.contains(&name) {
                best = Some(k + 1);
            }
        }
        best
    };
    for i in 0..n.saturating_sub(1) {
        if z.toks[i].kind != TokKind::Arabic {
            continue;
        }
        if !HEADS.contains(&z.word(i)) {
            standalone_club(lex, z, i, &listed, out);
            continue;
        }
        // The head noun's own start, after its proclitic (`بنادي`).
        let head_s = z.toks[i].e
            - if z.word(i).ends_with("نادي") {
                "نادي".len()
            } else {
                "فريق".len()
            };
        let first = z.word(i + 1);
        // A listed club (`فريق الدفاع الحسني الجديدي`), or after `نادي` a
        // word that opens a listed club's name (`نادي الاتحاد`, of
        // `الاتحاد السعودي`) before a word that is no adjective of it.
        let listed_end = if z.toks[i + 1].kind == TokKind::Arabic {
            listed(i + 1, first).or_else(|| {
                let next_adj = i + 2 < n
                    && z.toks[i + 2].kind == TokKind::Arabic
                    && z.word(i + 2).starts_with("ال");
                (z.word(i).ends_with("نادي")
                    && first.starts_with("ال")
                    && lex.opens_club(first)
                    && !next_adj)
                    .then_some(i + 2)
            })
        } else {
            None
        };
        let end = if let Some(e) = listed_end {
            Some(e)
        } else {
            // The name opens with a club word, an opener or a place
            // (`نادي قضاة المغرب` is an association, not a club).
            let opener = CLUB_OPENERS.contains(&first);
            let mut k = i + 1;
            let mut end = None;
            let mut marked = false;
            let mut place = false;
            while k < n && k < i + 5 && z.toks[k].kind == TokKind::Arabic && !z.is_stop(k) {
                let w = z.word(k);
                if let Some((ph, _)) =
                    z.hit_kind(lex, k, |k| matches!(k, Kind::Place | Kind::Country(_)))
                {
                    if ph.clitic > 0 {
                        break;
                    }
                    k = ph.end;
                    end = Some(k);
                    place = true;
                    continue;
                }
                if CLUB_WORDS.contains(&w) {
                    marked = true;
                    end = Some(k + 1);
                } else if end == Some(k) && w.starts_with("ال") && is_adjective(w) {
                    end = Some(k + 1);
                } else if !(opener && k <= i + 2) {
                    break;
                }
                k += 1;
            }
            // A town alone after the head stays as it was (`نادي
            // برشلونة`); an opener needs its town or a club word.
            if marked || opener && place { end } else { None }
        };
        let Some(e) = end else {
            continue;
        };
        let (s0, e0) = (z.toks[i + 1].s, z.toks[e - 1].e);
        out.retain(|c| !(c.ty == EntityType::Org && c.s <= head_s && c.e >= e0));
        out.push(Cand::found(s0, e0, EntityType::Org));
    }
}

/// A listed club of two words or more on its own (`جمعته بالرجاء
/// الرياضي`), when the name holds a club word or ends in a town's adjective
/// (`الدفاع الحسني الجديدي`), not a nationality (`الاتحاد السعودي` is also
/// the federation) or `الملكي` (`الجيش الملكي` is also the army).
fn standalone_club(
    lex: &Lexicon,
    z: &ZoneText,
    i: usize,
    listed: &dyn Fn(usize, &str) -> Option<usize>,
    out: &mut Vec<Cand>,
) {
    let w = z.word(i);
    let (pre, first): (&str, std::borrow::Cow<'_, str>) = match w.strip_prefix("لل") {
        Some(r) => ("ل", format!("ال{r}").into()),
        None => {
            let pre = ["وب", "ول", "و", "ب", "ل"]
                .into_iter()
                .find(|p| w.strip_prefix(p).is_some_and(|r| r.starts_with("ال")))
                .unwrap_or("");
            (pre, w[pre.len()..].into())
        }
    };
    // Most words open no listed name of two words: two look-ups, no more.
    if i + 1 >= z.toks.len()
        || z.toks[i + 1].kind != TokKind::Arabic
        || !lex
            .club_second
            .get(first.as_ref())
            .is_some_and(|second| second.contains(z.word(i + 1)))
    {
        return;
    }
    let Some(e) = listed(i, &first) else {
        return;
    };
    if e < i + 2 {
        return;
    }
    let last = z.word(e - 1);
    let marked =
        CLUB_WORDS.contains(&first.as_ref()) || (i..e).any(|k| CLUB_WORDS.contains(&z.word(k)));
    const GENERIC: &[&str] = &[
        "الملكي",
        "العربي",
        "الافريقي",
        "الاسلامي",
        "الدولي",
        "الوطني",
        "الاوروبي",
        "الاسيوي",
        "الخليجي",
    ];
    let town = last.ends_with('ي') && !GENERIC.contains(&last) && lex.nationality(last).is_none();
    // Inside a longer phrase it is no club (`مجلس الشباب العربي الإفريقي`).
    let inside = (e < z.toks.len()
        && z.toks[e].kind == TokKind::Arabic
        && z.word(e).starts_with("ال")
        && is_adjective(z.word(e)))
        || (pre.is_empty()
            && i > 0
            && z.hit_kind(lex, i - 1, |k| matches!(k, Kind::OrgHead { .. }))
                .is_some());
    if (marked || town) && !inside {
        let s0 = z.toks[i].s + pre.len();
        out.push(Cand::found(s0, z.toks[e - 1].e, EntityType::Org));
    }
}

/// News-outlet credits closing the items of a news roundup (`… /هسبريس –
/// …`, `… / شوف تيفي⏎`): after a slash, one to three words that end at a
/// dash or at the end of the line. The first word is a letter word, no given
/// name (a byline `/ سعود الحمد`) and no stopword; digits may close the name
/// (`اليوم24`). The caller keeps them only when a document has two credits
/// or more: a roundup, not a lone slash (`الرباط / خاص`).
pub(crate) fn digest_credits(z: &ZoneText) -> Vec<Cand> {
    const DASHES: &[&str] = &["–", "-", "—"];
    let mut out = Vec::new();
    let n = z.toks.len();
    for i in 0..n.saturating_sub(1) {
        if !z.is_punct(i, &["/"]) || i == 0 || z.toks[i - 1].kind == TokKind::Digit {
            continue;
        }
        let first = i + 1;
        if z.toks[first].kind != TokKind::Arabic || z.is_given(first) || z.is_stop(first) {
            continue;
        }
        let line_break =
            |k: usize| k >= n || z.norm.text[z.toks[k - 1].e..z.toks[k].s].contains('\n');
        let mut k = first;
        let mut words = 0;
        loop {
            match z.toks[k].kind {
                TokKind::Arabic | TokKind::Latin => words += 1,
                TokKind::Digit if k > first => {}
                _ => break,
            }
            k += 1;
            if words > 3 || line_break(k) {
                break;
            }
        }
        if words > 3 {
            continue;
        }
        if line_break(k) || z.is_punct(k, DASHES) {
            out.push(Cand::found(
                z.toks[first].s,
                z.toks[k - 1].e,
                EntityType::Org,
            ));
        }
    }
    out
}

/// The name of a facility after its head (`مطار الملك خالد الدولي`): up to
/// five words without proclitics, stopwords or dates.
fn facility_name(lex: &Lexicon, z: &ZoneText, j: usize) -> Option<(usize, usize)> {
    let mut k = j;
    while k < z.toks.len() && k < j + 5 && z.toks[k].kind == TokKind::Arabic {
        let w = z.word(k);
        let sp = split_word(w);
        let blocked = z.hits(k).iter().any(|h| {
            matches!(
                lex.entries[h.entry].kind,
                Kind::Org
                    | Kind::Threat(_)
                    | Kind::Event
                    | Kind::OrgHead { .. }
                    | Kind::PlaceHead { .. }
            )
        }) || ["سموه", "معاليه", "جلالته", "فخامته", "سعادته"].contains(&w);
        let office = z
            .hits(k)
            .iter()
            .any(|h| matches!(lex.entries[h.entry].kind, Kind::Office { .. }));
        // An office word ends the name (`بقصر الاتحادية رئيس الوزراء`), except
        // a sovereign's in a name (`مطار الملك خالد`, `ملعب الأمير مولاي عبد
        // الله`).
        let sovereign = ["الملك", "الامير", "الشيخ", "السلطان", "الامام", "الملكه"].contains(&w);
        if k > j && office && !sovereign {
            break;
        }
        if !sp.prefix.is_empty() || (z.is_stop(k) && !office) || z.is_date(k) || blocked {
            break;
        }
        // Past the first word: words with the article, given names, joiners
        // and known names only (`مطار الرياض احتفل` stops before the verb);
        // a place joiner takes the next word (`معبر رأس جدير`).
        // `معبر طريبيل الحدودي`: "of the border" describes the crossing.
        if k > j && ["الحدودي", "الحدوديه"].contains(&w) {
            break;
        }
        let nameish = sp.definite
            || !z.hits(k).is_empty()
            || z.is_given(k)
            || NAME_JOINERS.contains(&w)
            || (k > j && PLACE_JOINERS.contains(&z.word(k - 1)));
        if k > j && !nameish {
            break;
        }
        k += 1;
        // `الدولي` closes the name (`مطار عدن الدولي اللقاء`).
        if k > j + 1 && ["الدولي", "الدوليه"].contains(&w) {
            break;
        }
    }
    (k > j).then(|| (z.toks[j].s, z.toks[k - 1].e))
}

/// Imperfect verbs in ت- that are frequent in news (the ت- prefix is
/// also the start of many names, so only these are taken as verbs).
const TA_VERBS: &[&str] = &[
    "تستقبل",
    "تلتقي",
    "تجتمع",
    "تبحث",
    "توقع",
    "توكد",
    "تشيد",
    "تدعو",
    "تزور",
    "تعقد",
    "تشارك",
    "تترا س",
    "تتراس",
    "تناقش",
    "تستعرض",
    "تهني",
    "تعزي",
    "تتفقد",
    "تفتتح",
    "تطلع",
    "تتباحث",
    "تعلن",
    "تكشف",
    "تطالب",
    "تحذر",
    "تدين",
    "ترحب",
    "تبحثان",
    "تستضيف",
    "تتسلم",
    "تتلقي",
    "تجري",
    "تمنح",
    "تقلد",
    "توشح",
];

/// True when `w` (normalized) reads as a verb in the imperfect: a word in
/// ي- of four letters or more that no given name explains, or a frequent
/// verb in ت-; with or without the conjunction و.
pub(crate) fn is_imperfect_verb(lex: &Lexicon, w: &str) -> bool {
    let w = match w.strip_prefix('و') {
        Some(r) if r.starts_with(['ي', 'ت']) => r,
        _ => w,
    };
    let n = w.chars().count();
    // The future prefix `سي-` (`سيكون`, `سيعودون`).
    if w.starts_with("سي") && n >= 5 {
        let verb = w.ends_with("ون")
            || w.ends_with("ان")
            || [
                "سيكون",
                "سيتم",
                "سيعقد",
                "سيزور",
                "سيلتقي",
                "سيقوم",
                "سيشارك",
                "سيصبح",
            ]
            .contains(&w);
        return verb && !lex.given_names.contains(w) && !lex.is_form(w, |k| *k == Kind::Person);
    }
    if !w.starts_with(['ي', 'ت']) {
        return false;
    }
    let shape = (n >= 5 && (w.starts_with('ي') || w.starts_with("تت") || w.starts_with("تست")))
        || YA_VERBS.contains(&w)
        || TA_VERBS.contains(&w);
    shape && !lex.given_names.contains(w) && !lex.is_form(w, |k| *k == Kind::Person)
}

/// Four-letter imperfect verbs in ي- (longer words in ي- are taken as
/// verbs by shape; four-letter ones may be family names: `يتيم`).
const YA_VERBS: &[&str] = &[
    "يبحث", "يوكد", "يدعو", "يزور", "يشيد", "يوقع", "يعقد", "يقود", "يرحب", "يدين", "يحذر", "يعلن",
    "يكشف", "يمنح", "يقدم", "يطلب", "يشهد", "يضم", "يهني", "يعزي", "يجري", "يجب", "يمكن", "يتم",
    "يعد", "يكون", "يبدو", "يظل", "يبقي",
];

/// True when `w` (normalized) reads as an accusative verbal noun of a
/// hamzat al-wasl form (افتعال, استفعال, انفعال: `اجتماعا`, `استقبالا`).
fn is_wasl_masdar_accusative(w: &str) -> bool {
    w.strip_suffix('ا').is_some_and(is_wasl_masdar)
}

/// True when `w` (normalized) has the shape of a hamzat al-wasl verbal noun
/// (افتعال, استفعال, انفعال: `اجتماع`, `افتتاح`, `استقبال`): `ا` first and
/// before the last letter, five letters or more.
fn is_wasl_masdar(w: &str) -> bool {
    w.starts_with('ا') && w.chars().rev().nth(1) == Some('ا') && w.chars().count() >= 5
}

/// True when `w` (normalized) is a verbal noun of the form تفعيل (`تأمين`,
/// `تطبيق`), alone or after one proclitic (`بتأمين`).
fn is_tafil(w: &str) -> bool {
    let stem = match w.chars().count() {
        5 => w,
        6 => match w.strip_prefix(['ب', 'ل', 'ك', 'و', 'ف']) {
            Some(r) => r,
            None => return false,
        },
        _ => return false,
    };
    stem.starts_with('ت') && stem.chars().nth(3) == Some('ي')
}

/// True when token `i` can be part of a person's name.
fn nameish(lex: &Lexicon, z: &ZoneText, i: usize, first: bool, allow_def: bool) -> bool {
    if i >= z.toks.len() || z.toks[i].kind != TokKind::Arabic {
        return false;
    }
    let w = z.word(i);
    if w == "علي" {
        // The name `علي` and the preposition `على` fold together: the
        // source spelling decides.
        return !z.alef_maqsura_final(i);
    }
    if w.chars().count() < 2 || z.is_stop(i) || z.is_date(i) {
        return false;
    }
    // Tanween marks an indefinite common noun (`اجتماعًا ثنائيًا`).
    if z.has_tanween(i) {
        return false;
    }
    // Moroccan Darija function words and present-tense verbs in كي-…-و
    // (`ديما كيكون`, `كيقولو`) are no name words.
    // `هادي` ("this") is also a family name (`عبدربه منصور هادي`).
    let darija = crate::tagged::dialect(w) && w != "هادي";
    if darija || (!first && w.starts_with("كي") && w.ends_with('و')) {
        return false;
    }
    let mut sp = split_word(w);
    if sp.definite && z.hamza_start(i) {
        sp.definite = false;
    }
    // `سمير بالطيب`, `بالقاسم`: a Maghreb family name in بال- on a given
    // name.
    let bel_family = !first
        && !["بالكامل", "بالتمام", "بالضبط", "بالفعل"].contains(&w)
        && w.strip_prefix("بال").is_some_and(|r| {
            lex.given_names.contains(r)
                || lex.given_names.contains(w.strip_prefix('ب').unwrap_or(w))
        });
    if sp.definite && (sp.clitic > 0 || !sp.prefix.is_empty()) && !bel_family {
        return false;
    }
    if sp.definite && first && !allow_def && !z.is_given(i) {
        return false;
    }
    // The future of an imperfect verb (`سيتم تنفيذها`) is no name.
    if first
        && !z.is_given(i)
        && !w.ends_with('و')
        && w.strip_prefix('س')
            .is_some_and(|r| is_imperfect_verb(lex, r))
    {
        return false;
    }
    // Without an honorific, a first word in ي- or ت- that no given name
    // explains is a verb in the imperfect (`ونظيره الجزائري يبحثان`).
    if first && !allow_def && w.starts_with(['ي', 'ت']) && !z.is_given(i) {
        return false;
    }
    // A preposition before a hamzat al-wasl verbal noun (`بافتتاح`,
    // `لاستقبال`) is no name word.
    if !z.is_given(i) && w.strip_prefix(['ب', 'ل']).is_some_and(is_wasl_masdar) {
        return false;
    }
    // A preposition before a hamza noun (`بإنجاز`, `لأجل`) starts no name.
    if first
        && !z.is_given(i)
        && ["بإ", "بأ", "لإ", "لأ"]
            .iter()
            .any(|p| z.source_starts_with(i, p))
    {
        return false;
    }
    // A verbal noun of the تفعيل pattern, bare or after a preposition
    // (`بتأمين طائرات`, `لتطبيق ملائم`), starts no name unless a given
    // name explains it (`توفيق`).
    if first && is_tafil(w) && !z.is_given(i) {
        return false;
    }
    // A later word in the imperfect ends the name (`X يلتقي Y`).
    if !first && is_imperfect_verb(lex, w) {
        return false;
    }
    // Outside an honorific's context, a first word in ة (normalized ه) or a
    // plural in ات is a common noun unless it is a known given name.
    if first
        && !allow_def
        && !z.is_given(i)
        && ((w.ends_with('ه') && z.ends_with_source(i, 'ة'))
            || w.ends_with("ات")
            || (w.starts_with('م') && w.ends_with('ا') && w.chars().count() >= 5))
    {
        return false;
    }
    // A later word with a proclitic is a prepositional phrase (`بمنطقة`,
    // `لمراسلة`), except family names in بو-, بن-, بل-, با-.
    if !first && !z.is_given(i) {
        // `بمنطقة`, `بمقر`, `لمراسلة`: ب or ل before a noun in م- or -ة;
        // foreign names in ب stay (`بيكيراس`).
        let noun = z.ends_with_source(i, 'ة') || w.chars().nth(1) == Some('م');
        // A Hadrami family name in با- (`باسلمة`, `باعشن`) is no ب + noun:
        // `بإدارة` folds to the same letters, but its source has the hamza.
        let ba_family = w.starts_with("با")
            && !w.starts_with("بال")
            && !["بإ", "بأ", "بآ"]
                .iter()
                .any(|p| z.source_starts_with(i, p));
        if (w.starts_with('ب') || w.starts_with('ل')) && noun && !w.starts_with("بن") && !ba_family
        {
            return false;
        }
    }
    // `مكالمة هاتفية`: a word in ية after a name is an adjective (a family
    // name with the article may end so: `الفراية`).
    if !first
        && w.ends_with("يه")
        && !(w.starts_with("ال") && w.ends_with("ايه"))
        && z.ends_with_source(i, 'ة')
        && !z.is_given(i)
    {
        return false;
    }
    if (!first || !allow_def) && w.starts_with('و') && !z.is_given(i) && !NAME_JOINERS.contains(&w)
    {
        return false;
    }
    let hs = z.hits(i);
    if hs.iter().any(|h| lex.entries[h.entry].kind == Kind::Person) {
        return true;
    }
    // An accusative verbal noun in hamzat al-wasl without its tanween
    // (`اجتماعا`, `استقبالا`, `اتصالا`) is no name word.
    if is_wasl_masdar_accusative(w) && !z.hamza_start(i) && !z.is_given(i) {
        return false;
    }
    // After `بن`, a given name is a name whatever else it may be
    // (`عبدالله بن سلطان`).
    if !first && i > 0 && ["بن", "بنت", "ابن"].contains(&z.word(i - 1)) && z.is_given(i) {
        return true;
    }
    // Two words after `بن`, a given name with the article is the family
    // name (`عبدالله بن سلطان السلطان`).
    if !first
        && i > 1
        && ["بن", "بنت", "ابن"].contains(&z.word(i - 2))
        && w.strip_prefix("ال")
            .is_some_and(|b| lex.given_names.contains(b))
    {
        return true;
    }
    // `قائد` is also a family name (`الباجي قائد السبسي`).
    let qaid = hs.iter().all(|h| {
        let e = &lex.entries[h.entry];
        matches!(e.kind, Kind::Office { .. }) && e.canonical.starts_with("قائد")
    });
    // Any other lexicon entry (place, organization, office, …).
    !((first || !qaid) && !hs.is_empty())
}

/// The end token of a name starting at `i`, if any.
fn name_from(lex: &Lexicon, z: &ZoneText, i: usize, allow_def: bool) -> Option<usize> {
    // A known person starting here is taken as the lexicon has it, with
    // a longer nasab chain or a regnal ordinal after it.
    if let Some((h, _)) = z.hit_kind(lex, i, |k| *k == Kind::Person) {
        if h.clitic == 0 {
            let chain = h.end < z.toks.len() && ["بن", "بنت", "ابن", "ال"].contains(&z.word(h.end));
            if !chain {
                return Some(regnal(z, h.end));
            }
        }
    }
    let mut k = i;
    let mut words = 0;
    while k < z.toks.len() && words < 5 {
        // After `عبد` any word is the second half (`عبد الأمير`).
        let after_abd =
            k > i && z.word(k - 1) == "عبد" && z.toks[k].kind == TokKind::Arabic && !z.is_stop(k);
        if !after_abd && !nameish(lex, z, k, k == i, allow_def) {
            break;
        }
        let w = z.word(k);
        let after_joiner = k > i && NAME_JOINERS.contains(&z.word(k - 1));
        if w == "ال" && k > i {
            // `آل` of a family (`آل خليفة`) joins the next word.
            k += 1;
            continue;
        }
        // A blessing after a name (`نايف رحمه الله`) is no part of it.
        if w == "الله" && k > i && ["رحمه", "حفظه", "رعاه", "يرحمه"].contains(&z.word(k - 1))
        {
            k -= 1;
            break;
        }
        // `زاده` ends Persian compound names (`محسن فخري زاده`), `الدين`
        // and `الله` compound ones, also as the third word (`عبد العالي
        // حامي الدين`).
        let compound = w == "الدين" || w == "الله" || (w == "زاده" && k > i);
        if k > i
            && w.starts_with("ال")
            && !z.hamza_start(k)
            && !after_joiner
            && (words >= 3 || !compound)
        {
            if words >= 2 {
                // A third word with the article only where the clause ends
                // (`الباجي قائد السبسي،`), or after given names only
                // (`فهد يوسف سعود الصباح`).
                let given_so_far = (i..k)
                    .filter(|&x| !NAME_JOINERS.contains(&z.word(x)))
                    .all(|x| z.is_given(x));
                let next_def = k + 1 < z.toks.len()
                    && z.toks[k + 1].kind == TokKind::Arabic
                    && z.word(k + 1).starts_with("ال");
                let no_joiner = (i..k).all(|x| !NAME_JOINERS.contains(&z.word(x)));
                // A given name, a plain word and a family name with the
                // article before a word without it (`الباجي قائد السبسي
                // بهذا`): an adjective would take the article too.
                let family = words == 2
                    && no_joiner
                    && z.is_given(i)
                    && !z.is_given(i + 1)
                    && !z.word(i + 1).starts_with("ال")
                    && !next_def
                    && k + 1 < z.toks.len()
                    && z.toks[k + 1].kind == TokKind::Arabic
                    && !z.ends_with_source(k, 'ة')
                    && !w.ends_with("يه")
                    && !w.ends_with("ين")
                    && !w.ends_with("ون")
                    && !w.ends_with("ات")
                    // A participle (`المكلف`, `المولود في`) or an adjective
                    // with its complement (`البالغ من`) is no family name.
                    && (!w.starts_with("الم") || w.ends_with('ي'))
                    && !["من", "في", "عن", "علي", "الي", "مع", "منذ"].contains(&z.word(k + 1));
                // A nisba family name (`البوسعيدي`, `الزياني`) after a
                // nasab chain (`بدر بن حمد البوسعيدي`) or after two given
                // names (`جاسم محمد البديوي`): no lexicon word, before a
                // word without the article.
                let nasab = (i..k).any(|x| ["بن", "ابن", "بنت"].contains(&z.word(x)));
                // After a nasab also a given name with the article
                // (`عبدالله بن سلطان السلطان`).
                // … or the article and one of the name's own words
                // (`عواد بن صالح العواد`, `فهد بن عبدالله الفهد`).
                let own = (i..k).any(|x| z.word(x) == &w["ال".len()..]);
                let al_given = nasab && (lex.given_names.contains(&w["ال".len()..]) || own);
                let office_only = z.hits(k).iter().all(|h| {
                    matches!(
                        lex.entries[h.entry].kind,
                        Kind::Office { .. } | Kind::Honorific | Kind::Rank
                    )
                });
                // A title or honorific after the name starts a new phrase
                // (`رشاد محمد العليمي السفير السعودي`): no adjective of it.
                let next_title = k + 1 < z.toks.len()
                    && z.hits(k + 1).iter().any(|h| {
                        matches!(
                            lex.entries[h.entry].kind,
                            Kind::Office { .. } | Kind::Honorific | Kind::Rank
                        )
                    });
                let nisba = (w.ends_with('ي') || al_given)
                    && w.chars().count() >= 5
                    && (z.hits(k).is_empty() || (al_given && office_only))
                    && !z.is_stop(k)
                    && !z.is_date(k)
                    && (!next_def || next_title)
                    && (nasab || (words == 2 && given_so_far));
                // A definite plural before the comma is an object
                // (`علي خامنئي التصريحات،`).
                let plural = is_sound_plural(w);
                if (words == 2 && z.is_punct(k + 1, &["،", ","]) && !plural)
                    || family
                    || nisba
                    || (words == 3 && no_joiner && given_so_far && !next_def)
                {
                    k += 1;
                } else if words == 2 && allow_def && no_joiner && given_so_far && next_def {
                    // After an honorific, two given names and a Gulf chain
                    // of family names (`الشيخ سالم عبدالله الجابر الصباح`).
                    k = gulf_chain(lex, z, k);
                }
                break;
            }
            // A family name with the article ends the name, and is no
            // family name when an adjective follows (`الجار الشمالي`); a
            // time word is no adjective (`نور الدين الطبوبي اليوم`).
            let next_def = k + 1 < z.toks.len()
                && z.toks[k + 1].kind == TokKind::Arabic
                && split_word(z.word(k + 1)).definite
                && split_word(z.word(k + 1)).prefix.is_empty()
                && !is_date_word(lex, z.word(k + 1))
                && !["اليوم", "الليله", "الان", "البارحه", "الغد"].contains(&z.word(k + 1))
                && !z.is_date(k + 1)
                && z.hits(k + 1).iter().all(|h| {
                    !matches!(
                        lex.entries[h.entry].kind,
                        Kind::Office { .. } | Kind::Honorific | Kind::Rank | Kind::OrgHead { .. }
                    )
                });
            if !next_def && !w.ends_with("ات") {
                k += 1;
                // A Maghreb compound given name and a family name in `بن`
                // or `عبد` (`محمد الفاضل بن عمران`, `محمد الفاضل عبد
                // الكافي`).
                if words == 1
                    && z.is_given(i)
                    && k + 1 < z.toks.len()
                    && ["بن", "عبد"].contains(&z.word(k))
                    && (z.word(k) == "عبد" || !z.word(k + 1).starts_with("ال"))
                    && z.toks[k + 1].kind == TokKind::Arabic
                    && (z.word(k) == "عبد" || nameish(lex, z, k + 1, false, allow_def))
                    && !z.is_stop(k + 1)
                {
                    k += 2;
                }
            } else if next_def
                && allow_def
                && words == 1
                && z.is_given(i)
                && !AMBIGUOUS_GIVEN.contains(&z.word(i))
            {
                // After an honorific, a Gulf chain of family names with the
                // article (`الشيخ مشعل الأحمد الجابر الصباح`).
                let chain = gulf_chain(lex, z, k);
                // … or one family name before the object of the verb
                // (`رفع الدكتور عبدالله الربيعة الشكر`): an adjective of a
                // common noun would be a nisba (`الجار الشمالي`).
                let object = !is_adjective(z.word(k + 1))
                    && !w.ends_with("يه")
                    && !w.ends_with("ات")
                    && z.hits(k).is_empty()
                    && !z.is_date(k);
                k = if chain > k {
                    chain
                } else if object {
                    k + 1
                } else {
                    k
                };
            }
            break;
        }
        // A third plain word only after two given names or before a
        // boundary (`محمد فيصل شلوف`, `جان نويل بارو (`), not in `ناجي جلول
        // إيقاف المدير`.
        if words >= 2 && !NAME_JOINERS.contains(&w) && !compound && !after_joiner {
            let given_so_far = (i..k)
                .filter(|&x| !NAME_JOINERS.contains(&z.word(x)))
                .all(|x| z.is_given(x));
            // A boundary: punctuation, the end, or a coordinated word
            // (`فرناندو غراندي مارلاسكا ونظيره`).
            // An indefinite accusative verbal noun in hamzat al-wasl
            // (`اجتماعا`, `اتصالا`, `استقبالا`) is no name word; a foreign
            // name in ا is (`مارلاسكا`).
            if w.starts_with('ا')
                && w.ends_with('ا')
                && w.chars().count() >= 5
                && !z.hamza_start(k)
                && !z.is_given(k)
            {
                break;
            }
            let boundary = k + 1 >= z.toks.len()
                || z.toks[k + 1].kind == TokKind::Punct
                || (z.toks[k + 1].kind == TokKind::Arabic
                    && (z.word(k + 1).starts_with('و')
                        || (z.is_given(i)
                            && !NAME_JOINERS.contains(&z.word(i))
                            && (FUNCTION_WORDS.contains(&z.word(k + 1))
                                || is_imperfect_verb(lex, z.word(k + 1))))));
            if !given_so_far && !boundary {
                break;
            }
        }
        k += 1;
        if NAME_JOINERS.contains(&w) || compound {
            continue;
        }
        words += 1;
    }
    // A name does not end on a joiner.
    while k > i && NAME_JOINERS.contains(&z.word(k - 1)) {
        k -= 1;
    }
    // An unknown word then a definite plural reads as verb and object
    // (`يلتقي المحتجين`).
    if k == i + 2 {
        let b = z.word(i + 1);
        let plural = b.starts_with("ال")
            && (b.ends_with("ين") || b.ends_with("ون") || b.ends_with("ات"))
            && !z.is_given(i + 1);
        if plural && !z.is_given(i) {
            return None;
        }
    }
    (k > i).then_some(regnal(z, k))
}

/// The end of a Gulf chain of family names with the article starting at `k`
/// (`الأحمد الجابر الصباح`): words that no lexicon entry, stop word or date
/// explains, each a given name with the article (`الأحمد`, `الجابر`) but the
/// last, which may be the family's own name (`الصباح`); at most four, at
/// least two. `k` itself when there is no such chain.
fn gulf_chain(lex: &Lexicon, z: &ZoneText, k: usize) -> usize {
    let mut e = k;
    let mut family = false;
    while e < z.toks.len()
        && e < k + 4
        && z.toks[e].kind == TokKind::Arabic
        && z.word(e).starts_with("ال")
        && z.hits(e).is_empty()
        && !z.is_stop(e)
        && !z.word(e).ends_with("يه")
        && !z.ends_with_source(e, 'ة')
        && !z.is_date(e)
    {
        let base = &z.word(e)["ال".len()..];
        e += 1;
        if !lex.given_names.contains(base) {
            family = true;
            break;
        }
    }
    let after_ok = e >= z.toks.len() || !z.word(e).starts_with("ال") || !z.hits(e).is_empty();
    if e >= k + 2 && (family || after_ok) {
        e
    } else {
        k
    }
}

/// Extends a name over a regnal ordinal (`عبد الله الثاني`).
fn regnal(z: &ZoneText, k: usize) -> usize {
    const REGNAL: [&str; 8] = [
        "الاول",
        "الثاني",
        "الثالث",
        "الرابع",
        "الخامس",
        "السادس",
        "السابع",
        "الثامن",
    ];
    if k == 0
        || k >= z.toks.len()
        || z.toks[k].kind != TokKind::Arabic
        || !REGNAL.contains(&z.word(k))
    {
        return k;
    }
    // Only after a given name (`عبد الله الثاني`, `خوان كارلوس الأول`),
    // never after a month (`ربيع الأول`, `كانون الثاني`).
    let prev = z.word(k - 1);
    let month = ["ربيع", "كانون", "تشرين", "جمادي", "جماد"].contains(&prev)
        || !(prev.starts_with("عبد") || z.is_given(k - 1));
    // `الأول من نوفمبر` is a date.
    let date_follows = k + 1 < z.toks.len()
        && (z.toks[k + 1].kind == TokKind::Digit || z.word(k + 1) == "من" || z.is_date(k + 1));
    if month || date_follows { k } else { k + 1 }
}

fn skip_commas(z: &ZoneText, mut j: usize) -> usize {
    while z.is_punct(j, &["،", ","]) {
        j += 1;
    }
    j
}

/// Skips honorifics and ranks; the flag says whether an honorific (not
/// only a rank) was seen: after `السيد` a bare family name with the article
/// is a name, after `الفريق` (also "the team") it is not.
fn skip_honorifics(lex: &Lexicon, z: &ZoneText, mut j: usize) -> (usize, bool) {
    let mut honorific = false;
    while let Some((h, k)) = z.hit_kind(lex, j, |k| matches!(k, Kind::Honorific | Kind::Rank)) {
        if h.end <= j {
            break;
        }
        j = h.end;
        honorific |= *k == Kind::Honorific;
    }
    (j, honorific)
}

/// Words between an office and its holder that say how the office is held
/// (`الرئيس الأمريكي الجديد جو بايدن`, `وزير التربية بالنيابة، X`),
/// normalized; also the diplomatic rank `السفير` after a spokesman's title.
pub(crate) const HOLDER_STATUS: &[&str] = &[
    "الجديد",
    "الجديده",
    "السابق",
    "السابقه",
    "الاسبق",
    "الاسبقه",
    "المنتخب",
    "المنتخبه",
    "الحالي",
    "الحاليه",
    "المكلف",
    "المكلفه",
    "بالنيابه",
    "بالانابه",
    "بالوكاله",
    "السفير",
    "السفيره",
];

/// Skips the status words of [`HOLDER_STATUS`] (and commas between them).
fn skip_status(z: &ZoneText, mut j: usize) -> usize {
    loop {
        let k = skip_commas(z, j);
        if k < z.toks.len()
            && z.toks[k].kind == TokKind::Arabic
            && HOLDER_STATUS.contains(&z.word(k))
        {
            j = k + 1;
        } else {
            return j;
        }
    }
}

/// Words that qualify a president rather than name him (`الرئيس الراحل`).
const PRESIDENT_QUALIFIERS: &[&str] = &[
    "السابق",
    "الاسبق",
    "الراحل",
    "الجديد",
    "المنتخب",
    "الموقت",
    "المنتهيه",
    "المخلوع",
    "المعزول",
    "المقال",
    "المستقيل",
    "المستقيله",
    "الموسس",
    "المنتذب",
    "السباق",
    "المنتهي",
    "المكلف",
    "المقبل",
    "الفخري",
    "الشرفي",
    "التنفيذي",
    "المدير",
    "المنتدب",
    "الاول",
    "الثاني",
];

/// True when token `j`, right after a bare `الرئيس` or `الرئيسة` at `i`,
/// is a family name with the article (`الرئيس السادات`): one definite word
/// that no lexicon entry explains (no office complement, place,
/// organization or nationality), that is no adjective or qualifier, no
/// common noun in ة, and that ends the phrase (a definite word after it
/// makes a noun phrase: `الرئيس الوفد المرافق`).
fn president_family_name(lex: &Lexicon, z: &ZoneText, i: usize, j: usize) -> bool {
    if !["الرييس", "الرييسه"].contains(&z.word(i)) || j >= z.toks.len() {
        return false;
    }
    if z.toks[j].kind != TokKind::Arabic || z.hamza_start(j) || z.has_tanween(j) {
        return false;
    }
    let w = z.word(j);
    let sp = split_word(w);
    if !sp.definite || !sp.prefix.is_empty() || sp.clitic > 0 || sp.base.chars().count() < 5 {
        return false;
    }
    if !z.hits(j).is_empty()
        || z.is_stop(j)
        || z.is_date(j)
        || is_adjective(w)
        || PRESIDENT_QUALIFIERS.contains(&w)
        || z.ends_with_source(j, 'ة')
        || lex.is_form(w, |k| !matches!(k, Kind::Person))
    {
        return false;
    }
    match z.toks.get(j + 1) {
        Some(t) if t.kind == TokKind::Arabic => {
            let next = z.word(j + 1);
            // `الرئيس المؤسس للحزب`: a ل-genitive follows a qualifier.
            (!next.starts_with("ال") || z.is_stop(j + 1)) && !next.starts_with("لل")
        }
        _ => true,
    }
}

fn per(z: &ZoneText, i: usize, k: usize, origin: Origin) -> Cand {
    Cand {
        s: z.toks[i].s,
        e: z.toks[k - 1].e,
        ty: EntityType::Per,
        canonical: String::new(),
        origin,
        ministry: false,
        has_country: false,
    }
}

fn person_cands(lex: &Lexicon, z: &ZoneText, src: &str, out: &mut Vec<Cand>) {
    let titles: Vec<(usize, usize)> = out
        .iter()
        .filter(|c| c.ty == EntityType::Title)
        .filter_map(|c| Some((z.tok_at(c.s)?, z.tok_at(c.e.saturating_sub(1))? + 1)))
        .collect();
    let mut found = Vec::new();
    // After a title, and before "، " + title.
    for &(ts, te) in &titles {
        let j = skip_commas(z, skip_status(z, te));
        let (j, hon) = skip_honorifics(lex, z, j);
        let j = skip_commas(z, j);
        if let Some(k) = name_from(lex, z, j, hon).map(|k| nisba_surname(lex, z, (ts, te), j, k)) {
            // One word then a definite noun reads as verb and object
            // (`وزير الدفاع بنقل المساعدات`), not as a name.
            let single = k == j + 1 && !hon;
            let object_follows = single
                && k < z.toks.len()
                && z.toks[k].kind == TokKind::Arabic
                && z.word(k).starts_with("ال")
                && z.hits(k).is_empty();
            // A lone word in ا after a title is an accusative noun
            // (`عقد عامل الإقليم اجتماعا`), not a name.
            let accusative = single
                && z.word(j).ends_with('ا')
                && z.word(j).chars().count() >= 5
                && !z.is_given(j);
            // After a title, a first word with a proclitic or an imperfect
            // prefix that no given name explains reads as a verb or a
            // prepositional phrase (`قام رئيس الجمهورية بإيقاف البلاد`,
            // `رئيس الدولة يحمل مبادرة`).
            let w0 = z.word(j);
            // `لإيجاز سياسي`: a verbal noun after ل or بـ and an adjective.
            let masdar_adj = (w0.starts_with('ل') || w0.starts_with("با"))
                && k > j + 1
                && z.word(j + 1).ends_with('ي');
            let noun_second = masdar_adj
                || (k > j + 1
                    && (z.word(j + 1).starts_with("ال") || z.ends_with_source(j + 1, 'ة')));
            // `ستنطلق`: the future prefix before an imperfect.
            let future =
                ["سي", "ست", "سن"].iter().any(|p| w0.starts_with(p)) && w0.chars().count() >= 5;
            let verbal = !hon
                && !z.is_given(j)
                && !NAME_JOINERS.contains(&w0)
                && (w0.starts_with(['ي', 'ت'])
                    || future
                    || (w0.starts_with(['ب', 'ل', 'ك', 'ف']) && (k == j + 1 || noun_second)));
            // After a title and a comma, one word that no given name or
            // lexicon explains is the clause's verb (`الأمين العام الجديد
            // للحزب، هاجم`).
            let after_comma = j > skip_status(z, te)
                && single
                && !z.is_given(j)
                && !z
                    .hits(j)
                    .iter()
                    .any(|h| lex.entries[h.entry].kind == Kind::Person);
            let object_follows = object_follows || accusative || verbal || after_comma;
            if !object_follows {
                found.push(per(z, j, k, Origin::Context));
            }
        }
        if ts >= 2 && z.is_punct(ts - 1, &["،", ","]) {
            let mut b = ts - 1;
            let mut n = 0;
            while b > 0 && n < 4 && nameish(lex, z, b - 1, false, true) {
                b -= 1;
                n += 1;
            }
            // Start at the first given name or عبد when there is one.
            let starts = |k: usize| {
                let w = z.word(k);
                w == "عبد" || z.is_given(k)
            };
            if let Some(f) = (b..ts - 1).find(|&k| starts(k)) {
                b = f;
            } else if ts - 1 - b > 2 {
                b = ts - 1 - 2;
            }
            let n = ts - 1 - b;
            let w0 = z.word(b.min(ts - 2));
            // Without a given name: exactly two plain words, none a verb in
            // the imperfect, a noun in ة or a word with a proclitic.
            let plain = |k: usize| {
                let w = z.word(k);
                let verb_or_clitic = w.starts_with(['ي', 'ت', 'ب', 'ل', 'ك', 'ف', 'و']);
                !(z.ends_with_source(k, 'ة') || verb_or_clitic || w.starts_with("ال"))
            };
            let plausible = b < ts - 1
                && !w0.starts_with("ال")
                && !SPEECH_VERBS.contains(&w0)
                && (starts(b) || (n == 2 && plain(b) && plain(b + 1)));
            if plausible {
                found.push(per(z, b, ts - 1, Origin::Context));
            }
        }
    }
    for i in 0..z.toks.len() {
        // Most tokens start no rule below: no hit, not Latin, no trigger
        // class, no given name, not `مع`, `ومع` or `عبد`.
        if z.hits(i).is_empty() {
            let t = z.toks[i];
            let idle = match t.kind {
                TokKind::Latin => false,
                TokKind::Arabic => {
                    z.flags[i] & (FIGHT | ROLE | SPEECH | GIVEN_NAME) == 0
                        && !(matches!(t.e - t.s, 4 | 6)
                            && ["مع", "ومع", "عبد"].contains(&z.word(i)))
                }
                TokKind::Digit | TokKind::Punct => true,
            };
            if idle {
                continue;
            }
        }
        // After an honorific or a rank.
        if z.hit_kind(lex, i, |k| matches!(k, Kind::Honorific | Kind::Rank))
            .is_some()
        {
            let (j, hon) = skip_honorifics(lex, z, i);
            if let Some(k) = name_from(lex, z, j, hon) {
                // After a rank only (`الفريق` is also "the team"), a word with
                // a pronoun suffix or a ل proclitic is no name (`الفريق
                // مبارياته`, `الفريق لأنني`).
                let w0 = z.word(j);
                let suffixed =
                    ["ه", "ها", "هم"].iter().any(|p| w0.ends_with(p)) && w0.chars().count() >= 5;
                // `ل` before a verbal noun, a suffixed or plural noun, a
                // function word (`لتلوين`, `لخدماته`, `لأنني`); foreign names
                // in ل stay (`ليوطي`, `لوريمر`).
                let lam = w0.strip_prefix('ل').is_some_and(|r| {
                    r.starts_with('ت')
                        || r.starts_with("ان")
                        || ["ه", "ها", "هم", "ات", "ين"].iter().any(|p| r.ends_with(p))
                        || lex.stopwords.contains(r)
                }) && !z.is_given(j);
                if !hon && !z.is_given(j) && (suffixed || lam) {
                    continue;
                }
                found.push(per(z, j, k, Origin::Context));
            } else if j == i + 1 && president_family_name(lex, z, i, j) {
                found.push(per(z, j, j + 1, Origin::Context));
            }
            continue;
        }
        if z.toks[i].kind == TokKind::Latin {
            latin_name(z, src, i, &mut found);
            continue;
        }
        if z.toks[i].kind != TokKind::Arabic {
            continue;
        }
        let w = z.word(i);
        let class = z.flags[i] & (FIGHT | ROLE | SPEECH);
        // A category named after a fight against it (`مكافحة المخدرات`).
        if class & FIGHT != 0 {
            let j = i + 1;
            if j < z.toks.len() {
                let sp = split_word(z.word(j));
                if sp.base == "المخدرات" && matches!(sp.prefix, "" | "ل") {
                    let t = z.toks[j];
                    found.push(Cand {
                        s: t.s + sp.clitic,
                        e: t.e,
                        ty: EntityType::Threat,
                        canonical: "drug_trafficking".to_string(),
                        origin: Origin::Context,
                        ministry: false,
                        has_country: false,
                    });
                }
            }
        }
        // The other party of talks (`أجرى مباحثات مع X`).
        if (w == "مع" || w == "ومع")
            && (i.saturating_sub(8)..i).any(|k| {
                let b = z.word(k);
                let b = b.strip_prefix('و').unwrap_or(b);
                MEETING_NOUNS.iter().any(|m| b.starts_with(m)) || MEETING_VERBS_EXACT.contains(&b)
            })
        {
            let j = i + 1;
            if let Some(k) = name_from(lex, z, j, false) {
                // One unknown word after `مع` is too weak (`مع فيورنتينا`).
                let lone = k == j + 1 && !z.is_given(j);
                let boundary = (!lone
                    && (k >= z.toks.len() || z.toks[k].kind == TokKind::Punct || z.is_stop(k)))
                    || (k < z.toks.len()
                        && (split_word(z.word(k)).prefix == "ب"
                            || z.hit_kind(lex, k, |h| {
                                matches!(h, Kind::Place | Kind::Country(_))
                            })
                            .is_some()));
                if boundary {
                    found.push(per(z, j, k, Origin::Context));
                }
            }
            continue;
        }
        // After a counterpart noun (`نظيره الفرنسي السيد X`).
        if class & ROLE != 0 {
            let mut j = i + 1;
            while let Some((h, _)) = z.hit_kind(lex, j, |k| matches!(k, Kind::Nationality(_))) {
                if h.clitic > 0 || h.end <= j {
                    break;
                }
                j = h.end;
            }
            let j = skip_commas(z, j);
            let (j, hon) = skip_honorifics(lex, z, j);
            if let Some(k) = name_from(lex, z, j, hon) {
                found.push(per(z, j, k, Origin::Context));
            }
            continue;
        }
        // After a verb of speech or meeting: a given name starts a name.
        if class & SPEECH != 0 {
            let j = i + 1;
            let starter =
                |k: usize| z.is_given(k) || ["عبد", "بو", "ابو", "ولد"].contains(&z.word(k));
            if j < z.toks.len() && starter(j) {
                if let Some(k) = name_from(lex, z, j, false) {
                    if k > j + 1 {
                        found.push(per(z, j, k, Origin::Context));
                    }
                }
            }
            continue;
        }
        // Name shape: عبد + word, or an unambiguous given name + word.
        let known = z
            .hits(i)
            .iter()
            .any(|h| lex.entries[h.entry].kind == Kind::Person);
        let starts = !known && (w == "عبد" || (z.is_given(i) && !AMBIGUOUS_GIVEN.contains(&w)));
        // Not inside a name that started before (`كريم سليمان`).
        let inside = || {
            i > 0
                && z.toks[i - 1].kind == TokKind::Arabic
                && (z.word(i - 1).starts_with("عبد") || z.is_given(i - 1))
        };
        if starts && !inside() {
            if let Some(k) = name_from(lex, z, i, false) {
                let joined = w == "عبد" || k > i + 1;
                if joined && (w != "عبد" || k > i + 1) {
                    found.push(per(z, i, k, Origin::Weak));
                }
            }
        }
    }
    // A name right after an institution's or a facility's head noun names
    // that institution or place (`مستشفى محمد الخامس`, `صندوق محمد السادس
    // للاستثمار`, `مركز الملك سلمان للإغاثة`), not a person mentioned there.
    found.retain(|c| z.tok_at(c.s).is_none_or(|t| !named_after(lex, z, t)));
    out.extend(found);
}

/// The country index of a nationality or country hit starting at token `i`.
fn country_at(lex: &Lexicon, z: &ZoneText, i: usize) -> Option<usize> {
    z.hits(i)
        .iter()
        .find_map(|h| match lex.entries[h.entry].kind {
            Kind::Nationality(c) | Kind::Country(c) => Some(c),
            _ => None,
        })
}

/// The end of a name `j..k` after the title over tokens `title`, moved over
/// a nationality adjective that is the family name (`رئيس مجلس الوزراء
/// العراقي محمد شياع السوداني`): a name of two words or more, a masculine
/// nisba of another country than the one the title names.
fn nisba_surname(lex: &Lexicon, z: &ZoneText, title: (usize, usize), j: usize, k: usize) -> usize {
    if k < j + 2 || k >= z.toks.len() || z.toks[k].kind != TokKind::Arabic {
        return k;
    }
    let w = z.word(k);
    if !w.starts_with("ال") || !w.ends_with('ي') {
        return k;
    }
    let Some(c) = z
        .hits(k)
        .iter()
        .find(|h| h.clitic == 0 && h.end == k + 1)
        .and_then(|h| match lex.entries[h.entry].kind {
            Kind::Nationality(c) => Some(c),
            _ => None,
        })
    else {
        return k;
    };
    let title_countries: Vec<usize> = (title.0..title.1)
        .filter_map(|t| country_at(lex, z, t))
        .collect();
    if !title_countries.is_empty() && !title_countries.contains(&c) {
        k + 1
    } else {
        k
    }
}

/// True when the name starting at token `t` follows, over honorifics and
/// sovereign words (`الملك`, `الأمير`), a head noun of an institution or a
/// facility that is named after a person.
pub(crate) fn named_after(lex: &Lexicon, z: &ZoneText, t: usize) -> bool {
    let mut b = t;
    while b > 0
        && (z
            .hit_kind(lex, b - 1, |k| matches!(k, Kind::Honorific | Kind::Rank))
            .is_some()
            || ["الملك", "الامير", "الشيخ", "السلطان", "الامام", "الرييس"].contains(&z.word(b - 1)))
    {
        b -= 1;
    }
    if b == 0 || z.toks[b - 1].kind != TokKind::Arabic {
        return false;
    }
    let head = z.word(b - 1);
    let head = head.strip_prefix(['ب', 'ل', 'و']).unwrap_or(head);
    // The heads of [`named_after_person`] (`مستشفى`, `مركز`, `جامعة` …),
    // and those of places and funds.
    named_after_person(z, b)
        || [
            "صندوق",
            "مطار",
            "مطارات",
            "شارع",
            "ساحه",
            "ملعب",
            "قاعه",
            "مستوصف",
            "مجمع",
            "سد",
            "جسر",
            "ميناء",
            "كاس",
            "مدينه",
            "منطقه",
            "حي",
            "بلده",
            "قريه",
        ]
        .contains(&head)
}

fn latin_name(z: &ZoneText, src: &str, i: usize, found: &mut Vec<Cand>) {
    if i > 0 && z.toks[i - 1].kind == TokKind::Latin {
        return;
    }
    if i > 1 && z.is_punct(i - 1, &["-"]) && z.toks[i - 2].kind == TokKind::Latin {
        return;
    }
    let raw_of = |k: usize| {
        let t = z.toks[k];
        let b = z.to_doc(src, t.s, t.e);
        &src[b.range()]
    };
    // An acronym (`BKA`, `OIM`) names an institution.
    let first = raw_of(i);
    let n = first.chars().count();
    if (2..=8).contains(&n)
        && first.chars().all(|c| c.is_uppercase())
        && z.hits(i).is_empty()
        && (i + 1 >= z.toks.len() || z.toks[i + 1].kind != TokKind::Latin)
    {
        let mut c = per(z, i, i + 1, Origin::Weak);
        c.ty = EntityType::Org;
        found.push(c);
        return;
    }
    let mut k = i;
    let mut words = 0;
    let mut org = false;
    while k < z.toks.len() && z.toks[k].kind == TokKind::Latin && z.capitalized(src, k) {
        let raw = raw_of(k);
        if raw.chars().count() > 1 && raw.chars().all(|c| c.is_uppercase()) {
            break;
        }
        org |= LATIN_ORG_WORDS.contains(&raw.to_lowercase().as_str());
        k += 1;
        words += 1;
        if z.is_punct(k, &["-"]) && k + 1 < z.toks.len() && z.toks[k + 1].kind == TokKind::Latin {
            k += 1;
        }
    }
    if words >= 2 {
        let mut c = per(z, i, k, Origin::Weak);
        if org {
            c.ty = EntityType::Org;
        }
        found.push(c);
    }
}

/// Words that make a capitalized Latin phrase an institution, not a person.
const LATIN_ORG_WORDS: &[&str] = &[
    "policía",
    "policia",
    "police",
    "polizei",
    "nacional",
    "national",
    "nationale",
    "guardia",
    "gendarmerie",
    "ministry",
    "ministerio",
    "ministère",
    "ministere",
    "ministerium",
    "agency",
    "agencia",
    "agence",
    "office",
    "oficina",
    "bureau",
    "council",
    "consejo",
    "conseil",
    "court",
    "tribunal",
    "corte",
    "federal",
    "bundeskriminalamt",
    "bundespolizei",
    "service",
    "servicio",
    "direction",
    "dirección",
    "direccion",
    "directorate",
    "department",
    "departamento",
    "union",
    "unión",
    "organization",
    "organisation",
    "organización",
    "bank",
    "banco",
    "university",
    "universidad",
    "université",
    "association",
    "federation",
    "federación",
    "commission",
    "comisión",
    "committee",
    "army",
    "ejército",
    "forces",
    "guard",
    "interior",
    "security",
    "seguridad",
    "sécurité",
    "group",
    "company",
    "corporation",
    "institute",
    "instituto",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_class_agrees_with_the_lists() {
        for w in FIGHT_WORDS {
            assert!(word_class(w) & FIGHT != 0, "{w}");
        }
        for w in ROLE_NOUNS {
            assert!(word_class(w) & ROLE != 0, "{w}");
        }
        for w in SPEECH_VERBS {
            assert!(word_class(w) & SPEECH != 0, "{w}");
        }
        assert_eq!(word_class("باريس"), 0);
    }
}

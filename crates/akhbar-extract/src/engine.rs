//! Candidate mentions of one zone: lexicon look-up, institution and office
//! patterns, and person names from context.

use crate::lexicon::{Kind, Lexicon};
use crate::tokens::{PROCLITICS, Tok, TokKind, split_definite, tokenize, valid_prefix};
use aho_corasick::automaton::OverlappingState;
use aho_corasick::{Anchored, Input};
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

/// One content zone, normalized and tokenized.
pub(crate) struct ZoneText {
    /// Byte offset of the zone in the document.
    pub base: usize,
    /// The zone's source text length in bytes.
    pub src_len: usize,
    /// The zone's source text.
    pub src_slice: String,
    /// Normalized text and alignment.
    pub norm: Normalized,
    /// Tokens of the normalized text.
    pub toks: Vec<Tok>,
    /// Lexicon hits by first token.
    pub hits: Vec<Vec<Hit>>,
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

const FIGHT: u8 = 1;
const ROLE: u8 = 2;
const SPEECH: u8 = 4;

/// The classes of a trigger word (bit set of `FIGHT`, `ROLE`, `SPEECH`),
/// from `FIGHT_WORDS`, `ROLE_NOUNS` and `SPEECH_VERBS` (a `match` compiles
/// to length and byte comparisons, faster than hashing every token).
fn word_class(w: &str) -> u8 {
    match w {
        "ابرز" => SPEECH,
        "ابرزت" => SPEECH,
        "اجرت" => SPEECH,
        "اجري" => SPEECH,
        "استقبل" => SPEECH,
        "استقبلت" => SPEECH,
        "اشار" => SPEECH,
        "اشارت" => SPEECH,
        "اضاف" => SPEECH,
        "اضافت" => SPEECH,
        "اعتبر" => SPEECH,
        "اعتبرت" => SPEECH,
        "اعلن" => SPEECH,
        "اعلنت" => SPEECH,
        "افاد" => SPEECH,
        "اكد" => SPEECH,
        "اكدت" => SPEECH,
        "التصدي" => FIGHT,
        "التقت" => SPEECH,
        "التقي" => SPEECH,
        "اوضح" => SPEECH,
        "اوضحت" => SPEECH,
        "بحث" => SPEECH,
        "تباحث" => SPEECH,
        "ترا س" => SPEECH,
        "تراس" => SPEECH,
        "تراست" => SPEECH,
        "دعا" => SPEECH,
        "دعت" => SPEECH,
        "ذكر" => SPEECH,
        "زار" => SPEECH,
        "زارت" => SPEECH,
        "شدد" => SPEECH,
        "شددت" => SPEECH,
        "صرح" => SPEECH,
        "صرحت" => SPEECH,
        "قال" => SPEECH,
        "قالت" => SPEECH,
        "كشف" => SPEECH,
        "كشفت" => SPEECH,
        "للتصدي" => FIGHT,
        "لمحاربه" => FIGHT,
        "لمكافحه" => FIGHT,
        "محاربه" => FIGHT,
        "مكافحه" => FIGHT,
        "ناقش" => SPEECH,
        "نظراءه" => ROLE,
        "نظيرته" => ROLE,
        "نظيرتها" => ROLE,
        "نظيره" => ROLE,
        "نظيرها" => ROLE,
        "نظيري" => ROLE,
        "وقع" => SPEECH,
        "وقعت" => SPEECH,
        "يرافقه" => SPEECH,
        _ => 0,
    }
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

/// Nouns of fighting a crime category.
#[cfg(test)]
const FIGHT_WORDS: &[&str] = &["مكافحه", "محاربه", "التصدي", "لمكافحه", "لمحاربه", "للتصدي"];

/// Nouns of a counterpart, followed by a name.
#[cfg(test)]
const ROLE_NOUNS: &[&str] = &["نظيره", "نظيرته", "نظيرها", "نظيرتها", "نظيري", "نظراءه"];

/// Words that continue a name (`عبد الله`, `بن`, `ولد`).
const NAME_JOINERS: &[&str] = &["عبد", "ابو", "ابي", "بن", "ابن", "بنت", "ولد", "ال"];

/// Construct-state nouns allowed inside a title or institution complement.
const CONSTRUCT_NOUNS: &[&str] = &[
    "جمهوريه",
    "مملكه",
    "دوله",
    "شوون",
    "قطاع",
    "مصالح",
    "اداره",
    "مجلس",
    "هيئه",
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

impl ZoneText {
    /// Normalizes, tokenizes and looks up `src` (one zone of a document
    /// starting at byte `base`).
    pub(crate) fn new(lex: &Lexicon, src: &str, base: usize) -> Self {
        let norm = Normalizer::preset(Preset::Search).normalize_aligned(src);
        let toks = tokenize(&norm.text);
        let mut z = ZoneText {
            base,
            src_len: src.len(),
            src_slice: src.to_string(),
            norm,
            toks,
            hits: Vec::new(),
        };
        z.hits = z.lookup(lex, src);
        z
    }

    fn tok_at(&self, byte: usize) -> Option<usize> {
        let i = self.toks.partition_point(|t| t.e <= byte);
        (i < self.toks.len() && self.toks[i].s <= byte).then_some(i)
    }

    fn has_upper(&self, src_zone: &str, s: usize, e: usize) -> bool {
        let b = self.norm.alignment.to_source(ByteSpan::new(s, e));
        src_zone
            .get(b.range())
            .is_some_and(|t| t.chars().any(char::is_uppercase))
    }

    fn lookup(&self, lex: &Lexicon, src_zone: &str) -> Vec<Vec<Hit>> {
        let mut hits: Vec<Vec<Hit>> = vec![Vec::new(); self.toks.len()];
        let text = &self.norm.text;
        // Matches start at a word start or after its proclitics: anchored
        // searches there instead of a scan of every position.
        let mut starts = Vec::new();
        for t in &self.toks {
            if t.kind == TokKind::Punct {
                continue;
            }
            let w = &text[t.s..t.e];
            for p in PROCLITICS {
                if w.len() > p.len() && w.starts_with(p) {
                    starts.push(t.s + p.len());
                }
            }
        }
        let mut matches = Vec::new();
        for &at in &starts {
            let input = Input::new(text.as_str())
                .range(at..)
                .anchored(Anchored::Yes);
            let mut state = OverlappingState::start();
            loop {
                if lex
                    .automaton
                    .try_find_overlapping(input.clone(), &mut state)
                    .is_err()
                {
                    break;
                }
                match state.get_match() {
                    Some(m) => matches.push(m),
                    None => break,
                }
            }
        }
        for m in matches {
            let pat = &lex.patterns[m.pattern().as_usize()];
            let Some(ti) = self.tok_at(m.start()) else {
                continue;
            };
            let t = self.toks[ti];
            if t.kind == TokKind::Punct {
                continue;
            }
            let prefix = &text[t.s..m.start()];
            let matched = &text[m.start()..m.end()];
            if t.kind != TokKind::Arabic && !prefix.is_empty() {
                continue;
            }
            if t.kind == TokKind::Latin && !self.has_upper(src_zone, m.start(), m.end()) {
                continue;
            }
            if !valid_prefix(prefix, pat.contracted, matched.starts_with("ال")) {
                continue;
            }
            let Some(te) = self.tok_at(m.end().saturating_sub(1)) else {
                continue;
            };
            if self.toks[te].e != m.end() {
                continue;
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
                    && !self.source_ends_with(m.start(), m.end(), 'ة')
                {
                    continue;
                }
                hits[ti].push(Hit {
                    end: te + 1,
                    s: m.start(),
                    clitic: m.start() - t.s,
                    entry,
                });
            }
        }
        for h in &mut hits {
            h.sort_by_key(|h| (std::cmp::Reverse(h.end), h.clitic, h.entry));
        }
        hits
    }

    /// The normalized text of token `i`.
    pub(crate) fn word(&self, i: usize) -> &str {
        let t = self.toks[i];
        &self.norm.text[t.s..t.e]
    }

    fn is_punct(&self, i: usize, set: &[&str]) -> bool {
        i < self.toks.len() && self.toks[i].kind == TokKind::Punct && set.contains(&self.word(i))
    }

    fn hit_kind<'a>(
        &self,
        lex: &'a Lexicon,
        i: usize,
        f: impl Fn(&Kind) -> bool,
    ) -> Option<(Hit, &'a Kind)> {
        self.hits.get(i)?.iter().find_map(|h| {
            let k = &lex.entries[h.entry].kind;
            f(k).then_some((*h, k))
        })
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

    fn source_ends_with(&self, s: usize, e: usize, c: char) -> bool {
        let b = self.norm.alignment.to_source(ByteSpan::new(s, e));
        self.src_slice
            .get(b.range())
            .is_some_and(|s| s.trim_end_matches(is_mark).ends_with(c))
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

fn is_mark(c: char) -> bool {
    matches!(c, '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{0640}')
}

/// Finds the candidates of one zone.
pub(crate) fn candidates(lex: &Lexicon, z: &ZoneText, src: &str) -> Vec<Cand> {
    let mut out = Vec::new();
    lexicon_cands(lex, z, &mut out);
    pattern_cands(lex, z, &mut out);
    person_cands(lex, z, src, &mut out);
    out
}

fn lexicon_cands(lex: &Lexicon, z: &ZoneText, out: &mut Vec<Cand>) {
    for hs in &z.hits {
        for h in hs {
            let entry = &lex.entries[h.entry];
            let e = z.toks[h.end - 1].e;
            let ty = match entry.kind {
                Kind::Country(_) | Kind::Place => EntityType::Loc,
                Kind::Org => EntityType::Org,
                Kind::Person => EntityType::Per,
                Kind::Event => EntityType::Event,
                Kind::Threat(_) => EntityType::Threat,
                _ => continue,
            };
            let mut cand = Cand {
                s: h.s,
                e,
                ty,
                canonical: entry.canonical.clone(),
                origin: Origin::Lexicon,
                ministry: false,
                has_country: true,
            };
            if ty == EntityType::Event {
                // A host city after an informal name joins it (`أولمبياد باريس`).
                let mut j = h.end;
                if let Some((lh, _)) =
                    z.hit_kind(lex, j, |k| matches!(k, Kind::Place | Kind::Country(_)))
                {
                    let informal = ["اولمبياد", "الاولمبياد", "مونديال", "المونديال"]
                        .contains(&&z.norm.text[h.s..e]);
                    if lh.clitic == 0 && informal {
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
                    cand.canonical = format!("{} {}", entry.canonical, z.word(j));
                }
            }
            out.push(cand);
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
        let head = head.strip_prefix("ال").unwrap_or(head);
        [
            "جامعه",
            "مستشفي",
            "مؤسسه",
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
        .any(|h| head.ends_with(h))
    }
}

/// A definite adjective that a ل-genitive may follow: nisba adjectives
/// (`الوطني`, `الوطنية`) and a few others (`العام`, `العليا`).
fn is_adjective(base: &str) -> bool {
    base.ends_with('ي')
        || base.ends_with("يه")
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
    let mut last_adjective = true;
    let limit = (start + 10).min(z.toks.len());
    while j < limit {
        if z.toks[j].kind != TokKind::Arabic {
            break;
        }
        let w = z.word(j);
        // `سفير إيطاليا لدى الجزائر`: an envoy's post after لدى.
        if w == "لدي" && matches!(mode, Mode::Title { located: true, .. }) {
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
            break;
        }
        // An institution inside a title (`الأمين العام لحزب الوحدة والتقدم`)
        // is taken whole, with its own complement.
        if let Mode::Title { .. } = mode {
            if let Some((h, _)) =
                z.hit_kind(lex, j, |k| matches!(k, Kind::OrgHead { national: false }))
            {
                let prefix = &z.norm.text[z.toks[j].s..h.s];
                if prefix.is_empty() || prefix == "ل" {
                    let head = &z.norm.text[h.s..z.toks[h.end - 1].e];
                    let party = ["حزب", "الحزب", "جبهه", "حركه"].contains(&head);
                    let inner = complement(lex, z, h.end, Mode::Org { party });
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
        // `جامعة محمد الخامس`: an institution named after a person.
        if matches!(mode, Mode::Org { .. })
            && c.words == 0
            && named_after_person(z, start)
            && (w == "عبد" || lex.given_names.contains(w) || lex.is_form(w, |k| *k == Kind::Person))
        {
            if let Some(k) = name_from(lex, z, j, false) {
                j = k;
                c.end = j;
                c.words += 1;
                c.named = true;
                continue;
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
            let prefix = &z.norm.text[z.toks[j].s..h.s];
            match k {
                Kind::Nationality(_) if !w.starts_with("ال") => break,
                Kind::Nationality(_) if prefix.is_empty() => {
                    c.nationality = true;
                    j = h.end;
                    c.end = j;
                    c.words += 1;
                    // A nationality adjective closes the phrase; only the
                    // post of an envoy may follow (`السفير الفرنسي بالرباط`).
                    if let Mode::Title { located: true, .. } = mode {
                        if let Some((lh, _)) =
                            z.hit_kind(lex, j, |k| matches!(k, Kind::Country(_) | Kind::Place))
                        {
                            if &z.norm.text[z.toks[j].s..lh.s] == "ب" {
                                j = lh.end;
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
        if lex.stopwords.contains(w) || is_date_word(lex, w) {
            break;
        }
        let sp = split_definite(w);
        if sp.definite {
            if lex.stopwords.contains(&sp.base)
                || is_date_word(lex, &sp.base)
                || (sp.prefix.is_empty() && lex.given_names.contains(&sp.base))
            {
                break;
            }
            // Coordinated genitives after a prepositional one
            // (`للتربية والعلم والثقافة`), in institution names only.
            let coordinates = match mode {
                Mode::Org { party } => last_lam || party,
                Mode::Title { .. } => false,
            };
            if sp.prefix == "و" && coordinates {
                j += 1;
                c.end = j;
                c.words += 1;
                continue;
            }
            last_lam = sp.prefix == "ل";
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
            let ok = match sp.prefix.as_str() {
                "" | "ل" => true,
                "و" | "ول" => matches!(mode, Mode::Title { .. }) && sp.prefix == "ول",
                _ => false,
            };
            if !ok {
                break;
            }
            last_adjective = is_adjective(&sp.base);
            j += 1;
            c.end = j;
            c.words += 1;
            continue;
        }
        // An indefinite noun in construct with a following definite word.
        let next_def = j + 1 < z.toks.len()
            && z.toks[j + 1].kind == TokKind::Arabic
            && z.word(j + 1).starts_with("ال");
        let (pre, bare) = if let Some(r) = w.strip_prefix("ول") {
            ("ول", r)
        } else if let Some(r) = w.strip_prefix('ل') {
            ("ل", r)
        } else {
            ("", w)
        };
        let construct = CONSTRUCT_NOUNS.contains(&bare)
            || (pre == "ل" && bare.chars().count() >= 3 && !lex.given_names.contains(bare));
        let pre_ok = match pre {
            "" | "ل" => true,
            _ => matches!(mode, Mode::Title { .. }),
        };
        if construct && next_def && pre_ok && !lex.given_names.contains(w) {
            j += 1;
            c.end = j;
            c.words += 1;
            continue;
        }
        break;
    }
    c
}

fn pattern_cands(lex: &Lexicon, z: &ZoneText, out: &mut Vec<Cand>) {
    for i in 0..z.toks.len() {
        for h in &z.hits[i] {
            let entry = &lex.entries[h.entry];
            let head_norm = &z.norm.text[h.s..z.toks[h.end - 1].e];
            match entry.kind {
                Kind::Office { full } => {
                    let located = ["سفير", "قنصل", "ممثل", "مندوب", "والي", "عامل"]
                        .iter()
                        .any(|w| head_norm.contains(w));
                    let c = complement(lex, z, h.end, Mode::Title { located, full });
                    let sovereign = [
                        "ملك",
                        "الملك",
                        "العاهل",
                        "الامير",
                        "امير",
                        "السلطان",
                        "سلطان",
                        "الرئيس",
                        "الرئيسه",
                    ]
                    .contains(&head_norm);
                    let ok = if sovereign {
                        c.nationality || c.named
                    } else {
                        full || c.words > 0
                    };
                    if ok {
                        out.push(Cand {
                            s: h.s,
                            e: z.toks[c.end.max(h.end) - 1].e,
                            ty: EntityType::Title,
                            canonical: String::new(),
                            origin: Origin::TitlePattern,
                            ministry: false,
                            has_country: c.nationality || c.named,
                        });
                    }
                }
                Kind::PlaceHead { facility } => {
                    let found = if facility {
                        facility_name(lex, z, h.end)
                    } else {
                        place_name(lex, z, h.end)
                    };
                    if let Some((s0, e0)) = found {
                        out.push(Cand {
                            s: if facility { h.s } else { s0 },
                            e: e0,
                            ty: EntityType::Loc,
                            canonical: String::new(),
                            origin: Origin::OrgPattern,
                            ministry: false,
                            has_country: false,
                        });
                    }
                }
                Kind::OrgHead { national } => {
                    if national {
                        let j = h.end;
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
                        let c = complement(lex, z, h.end, Mode::Org { party });
                        let only_nationality = c.nationality && c.words == 1;
                        if c.words > 0 && !only_nationality {
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

/// The name after a place head noun: one word, or two when the first is a
/// joiner; normalized byte range.
fn place_name(lex: &Lexicon, z: &ZoneText, j: usize) -> Option<(usize, usize)> {
    if j >= z.toks.len() || z.toks[j].kind != TokKind::Arabic {
        return None;
    }
    // A known place right after the head is found by the lexicon already.
    if let Some((h, _)) = z.hit_kind(lex, j, |k| matches!(k, Kind::Place | Kind::Country(_))) {
        return (h.clitic == 0).then(|| (h.s, z.toks[h.end - 1].e));
    }
    let w = z.word(j);
    let sp = split_definite(w);
    if !sp.prefix.is_empty()
        || lex.stopwords.contains(w)
        || is_date_word(lex, w)
        || w.ends_with("يه")
        || w.ends_with("ات")
        || w.chars().count() < 3
        || !z.hits[j].is_empty()
    {
        return None;
    }
    let mut k = j + 1;
    if PLACE_JOINERS.contains(&w)
        && k < z.toks.len()
        && z.toks[k].kind == TokKind::Arabic
        && !lex.stopwords.contains(z.word(k))
    {
        k += 1;
    }
    // A definite adjective after the name belongs to it (`طنجة المتوسط`) only
    // for facilities; here the name is the word(s) alone.
    Some((z.toks[j].s, z.toks[k - 1].e))
}

/// The name of a facility after its head (`مطار الملك خالد الدولي`): up to
/// five words without proclitics, stopwords or dates.
fn facility_name(lex: &Lexicon, z: &ZoneText, j: usize) -> Option<(usize, usize)> {
    let mut k = j;
    while k < z.toks.len() && k < j + 5 && z.toks[k].kind == TokKind::Arabic {
        let w = z.word(k);
        let sp = split_definite(w);
        let blocked = z.hits[k].iter().any(|h| {
            matches!(
                lex.entries[h.entry].kind,
                Kind::Org
                    | Kind::Threat(_)
                    | Kind::Event
                    | Kind::OrgHead { .. }
                    | Kind::PlaceHead { .. }
            )
        });
        let office = z.hits[k]
            .iter()
            .any(|h| matches!(lex.entries[h.entry].kind, Kind::Office { .. }));
        if !sp.prefix.is_empty()
            || (lex.stopwords.contains(w) && !office)
            || is_date_word(lex, w)
            || blocked
        {
            break;
        }
        // Past the first word: words with the article, given names, joiners
        // and known names only (`مطار الرياض احتفل` stops before the verb).
        let nameish = sp.definite
            || !z.hits[k].is_empty()
            || lex.given_names.contains(w)
            || NAME_JOINERS.contains(&w);
        if k > j && !nameish {
            break;
        }
        k += 1;
    }
    (k > j).then(|| (z.toks[j].s, z.toks[k - 1].e))
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
    if w.chars().count() < 2 || lex.stopwords.contains(w) || is_date_word(lex, w) {
        return false;
    }
    let sp = split_definite(w);
    if sp.definite && (sp.clitic > 0 || !sp.prefix.is_empty()) {
        return false;
    }
    if sp.definite && first && !allow_def && !lex.given_names.contains(w) {
        return false;
    }
    // Without an honorific, a first word in ي- or ت- that no given name
    // explains is a verb in the imperfect (`ونظيره الجزائري يبحثان`).
    if first && !allow_def && w.starts_with(['ي', 'ت']) && !lex.given_names.contains(w) {
        return false;
    }
    // Outside an honorific's context, a first word in ة (normalized ه) or a
    // plural in ات is a common noun unless it is a known given name.
    if first
        && !allow_def
        && !lex.given_names.contains(w)
        && ((w.ends_with('ه') && z.ends_with_source(i, 'ة'))
            || w.ends_with("ات")
            || (w.starts_with('م') && w.ends_with('ا') && w.chars().count() >= 5))
    {
        return false;
    }
    // A later word with a proclitic is a prepositional phrase (`بمنطقة`,
    // `لمراسلة`), except family names in بو-, بن-, بل-, با-.
    if !first && !lex.given_names.contains(w) {
        // `بمنطقة`, `بمقر`, `لمراسلة`: ب or ل before a noun in م- or -ة;
        // foreign names in ب stay (`بيكيراس`).
        let noun = z.ends_with_source(i, 'ة') || w.chars().nth(1) == Some('م');
        if (w.starts_with('ب') || w.starts_with('ل')) && noun && !w.starts_with("بن") {
            return false;
        }
    }
    // `مكالمة هاتفية`: a word in ية after a name is an adjective.
    if !first && w.ends_with("يه") && z.ends_with_source(i, 'ة') && !lex.given_names.contains(w)
    {
        return false;
    }
    if (!first || !allow_def)
        && w.starts_with('و')
        && !lex.given_names.contains(w)
        && !NAME_JOINERS.contains(&w)
    {
        return false;
    }
    if let Some(hs) = z.hits.get(i) {
        if hs.iter().any(|h| lex.entries[h.entry].kind == Kind::Person) {
            return true;
        }
        if !hs.is_empty() {
            // Any other lexicon entry (place, organization, office, …).
            return false;
        }
    }
    true
}

/// The end token of a name starting at `i`, if any.
fn name_from(lex: &Lexicon, z: &ZoneText, i: usize, allow_def: bool) -> Option<usize> {
    // A known person starting here is taken as the lexicon has it.
    if let Some((h, _)) = z.hit_kind(lex, i, |k| *k == Kind::Person) {
        if h.clitic == 0 {
            return Some(h.end);
        }
    }
    let mut k = i;
    let mut words = 0;
    while k < z.toks.len() && words < 4 {
        if !nameish(lex, z, k, k == i, allow_def) {
            break;
        }
        let w = z.word(k);
        let after_joiner = k > i && NAME_JOINERS.contains(&z.word(k - 1));
        if w == "ال" && k > i {
            // `آل` of a family (`آل خليفة`) joins the next word.
            k += 1;
            continue;
        }
        let compound = w == "الدين" || w == "الله";
        if k > i && w.starts_with("ال") && !after_joiner && (words >= 2 || !compound) {
            if words >= 2 {
                // A third word with the article only where the clause ends
                // (`الباجي قائد السبسي،`).
                if words == 2 && z.is_punct(k + 1, &["،", ","]) {
                    k += 1;
                }
                break;
            }
            // A family name with the article ends the name, and is no
            // family name when an adjective follows (`الجار الشمالي`).
            let next_def = k + 1 < z.toks.len()
                && z.toks[k + 1].kind == TokKind::Arabic
                && split_definite(z.word(k + 1)).definite
                && split_definite(z.word(k + 1)).prefix.is_empty();
            if !next_def && !w.ends_with("ات") {
                k += 1;
            }
            break;
        }
        // A third plain word only after two given names or before a
        // boundary (`محمد فيصل شلوف`, `جان نويل بارو (`), not in `ناجي جلول
        // إيقاف المدير`.
        if words >= 2 && !NAME_JOINERS.contains(&w) && !compound {
            let given_so_far = (i..k)
                .filter(|&x| !NAME_JOINERS.contains(&z.word(x)))
                .all(|x| lex.given_names.contains(z.word(x)));
            // A boundary: punctuation, the end, or a coordinated word
            // (`فرناندو غراندي مارلاسكا ونظيره`).
            let boundary = k + 1 >= z.toks.len()
                || z.toks[k + 1].kind == TokKind::Punct
                || (z.toks[k + 1].kind == TokKind::Arabic && z.word(k + 1).starts_with('و'));
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
        let (a, b) = (z.word(i), z.word(i + 1));
        let plural = b.starts_with("ال")
            && (b.ends_with("ين") || b.ends_with("ون") || b.ends_with("ات"))
            && !lex.given_names.contains(b);
        if plural && !lex.given_names.contains(a) {
            return None;
        }
    }
    (k > i).then_some(k)
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
        let j = skip_commas(z, te);
        let (j, hon) = skip_honorifics(lex, z, j);
        if let Some(k) = name_from(lex, z, j, hon) {
            // One word then a definite noun reads as verb and object
            // (`وزير الدفاع بنقل المساعدات`), not as a name.
            let single = k == j + 1 && !hon;
            let object_follows = single
                && k < z.toks.len()
                && z.toks[k].kind == TokKind::Arabic
                && z.word(k).starts_with("ال")
                && z.hits[k].is_empty();
            // A lone word in ا after a title is an accusative noun
            // (`عقد عامل الإقليم اجتماعا`), not a name.
            let accusative = single
                && z.word(j).ends_with('ا')
                && z.word(j).chars().count() >= 5
                && !lex.given_names.contains(z.word(j));
            // After a title, a first word with a proclitic or an imperfect
            // prefix that no given name explains reads as a verb or a
            // prepositional phrase (`قام رئيس الجمهورية بإيقاف البلاد`,
            // `رئيس الدولة يحمل مبادرة`).
            let w0 = z.word(j);
            let noun_second =
                k > j + 1 && (z.word(j + 1).starts_with("ال") || z.ends_with_source(j + 1, 'ة'));
            let verbal = !hon
                && !lex.given_names.contains(w0)
                && !NAME_JOINERS.contains(&w0)
                && (w0.starts_with(['ي', 'ت'])
                    || (w0.starts_with(['ب', 'ل', 'ك', 'ف']) && (k == j + 1 || noun_second)));
            let object_follows = object_follows || accusative || verbal;
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
                w == "عبد" || lex.given_names.contains(w)
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
        // After an honorific or a rank.
        if z.hit_kind(lex, i, |k| matches!(k, Kind::Honorific | Kind::Rank))
            .is_some()
        {
            let (j, hon) = skip_honorifics(lex, z, i);
            if let Some(k) = name_from(lex, z, j, hon) {
                found.push(per(z, j, k, Origin::Context));
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
        let bare = ["وب", "ول", "و", "ف", "ب", "ل"]
            .iter()
            .find_map(|p| w.strip_prefix(p).filter(|r| r.chars().count() >= 4))
            .unwrap_or(w);
        let class = word_class(w) | word_class(bare);
        // A category named after a fight against it (`مكافحة المخدرات`).
        if class & FIGHT != 0 {
            let j = i + 1;
            if j < z.toks.len() {
                let sp = split_definite(z.word(j));
                if sp.base == "المخدرات" && matches!(sp.prefix.as_str(), "" | "ل") {
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
                MEETING_NOUNS.iter().any(|m| b.starts_with(m))
            })
        {
            let j = i + 1;
            if let Some(k) = name_from(lex, z, j, false) {
                let boundary = k >= z.toks.len()
                    || z.toks[k].kind == TokKind::Punct
                    || split_definite(z.word(k)).prefix == "ب"
                    || z.hit_kind(lex, k, |h| matches!(h, Kind::Place | Kind::Country(_)))
                        .is_some();
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
            if j < z.toks.len() && (lex.given_names.contains(z.word(j)) || z.word(j) == "عبد") {
                if let Some(k) = name_from(lex, z, j, false) {
                    if k > j + 1 {
                        found.push(per(z, j, k, Origin::Context));
                    }
                }
            }
            continue;
        }
        // Name shape: عبد + word, or an unambiguous given name + word.
        let known = z.hits[i]
            .iter()
            .any(|h| lex.entries[h.entry].kind == Kind::Person);
        let starts = !known
            && (w == "عبد" || (lex.given_names.contains(w) && !AMBIGUOUS_GIVEN.contains(&w)));
        if starts && (i == 0 || !z.word(i - 1).starts_with("عبد")) {
            if let Some(k) = name_from(lex, z, i, false) {
                let joined = w == "عبد" || k > i + 1;
                if joined && (w != "عبد" || k > i + 1) {
                    found.push(per(z, i, k, Origin::Weak));
                }
            }
        }
    }
    out.extend(found);
}

fn latin_name(z: &ZoneText, src: &str, i: usize, found: &mut Vec<Cand>) {
    if i > 0 && z.toks[i - 1].kind == TokKind::Latin {
        return;
    }
    if i > 1 && z.is_punct(i - 1, &["-"]) && z.toks[i - 2].kind == TokKind::Latin {
        return;
    }
    let mut k = i;
    let mut words = 0;
    while k < z.toks.len() && z.toks[k].kind == TokKind::Latin && z.capitalized(src, k) {
        let t = z.toks[k];
        let b = z.to_doc(src, t.s, t.e);
        let raw = &src[b.range()];
        if raw.chars().count() > 1 && raw.chars().all(|c| c.is_uppercase()) {
            break;
        }
        k += 1;
        words += 1;
        if z.is_punct(k, &["-"]) && k + 1 < z.toks.len() && z.toks[k + 1].kind == TokKind::Latin {
            k += 1;
        }
    }
    if words >= 2 {
        found.push(per(z, i, k, Origin::Weak));
    }
}

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

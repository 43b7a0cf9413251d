//! The date grammar: from tokens to groups of spans with an unresolved value.
//!
//! The parser walks the tokens left to right and, at each position, takes
//! the longest expression that starts there. An expression is a head
//! (`يوم`, a weekday, a part-of-period word, a relative day word) and a core
//! (a numeric date, day + month [+ year], month + year, `سنة 2015`, a unit
//! with a relative adjective, a season). A first word may carry proclitics
//! (`وفي`, `بالأمس`, `للسنة`), which stay outside the span.

use super::lexicon::{self, Tense, Unit};
use super::text::{Folded, Kind, Tok};
use std::borrow::Cow;

/// A year as the text gives it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum YearSpec {
    /// An explicit year.
    Abs(i64),
    /// Relative to the publication year (`العام الماضي` → −1).
    Rel(i64),
}

/// The unresolved value of a group.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Val {
    /// A calendar date with what the text fixes (year, month, day) and the
    /// relative adjective that picks the year when it is missing.
    Cal {
        /// The year.
        y: Option<YearSpec>,
        /// The month.
        m: Option<u8>,
        /// The day of the month.
        d: Option<u8>,
        /// `الماضي`, `المقبل` … after the name.
        tense: Tense,
    },
    /// A day relative to publication (`أمس` → −1).
    Day(i64),
    /// A weekday without a date (`الأحد الماضي`, `يوم الخميس`).
    Weekday {
        /// Its relative adjective.
        tense: Tense,
        /// A future verb (`سيعقد`) precedes it.
        future: bool,
    },
    /// A day of a month relative to publication (`24 من الشهر الجاري`).
    DayOfMonth {
        /// The day.
        d: u8,
        /// The month offset.
        k: i64,
    },
    /// An ISO week relative to publication.
    Week(i64),
    /// A month relative to publication.
    Month(i64),
    /// A year.
    Year(YearSpec),
    /// A season of a year, or relative to publication.
    Season {
        /// `SP`, `SU`, `FA`, `WI`.
        code: &'static str,
        /// The year the text gives.
        y: Option<YearSpec>,
        /// Or its relative adjective.
        tense: Tense,
    },
    /// A Hijri date.
    Hijri {
        /// Hijri year.
        y: Option<i64>,
        /// Hijri month.
        m: u8,
        /// Day.
        d: Option<u8>,
    },
}

/// One date expression: one span, or two for a month named twice
/// (`حزيران/يونيو`), sharing one value.
#[derive(Debug, Clone)]
pub(super) struct Group {
    /// Folded byte spans.
    pub spans: Vec<(usize, usize)>,
    /// The value.
    pub val: Val,
    /// The weekday the text states, if any.
    pub wd: Option<u8>,
    /// First token.
    pub first: usize,
    /// One past the last token.
    pub last: usize,
}

/// What licenses a bare month or year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Cue {
    /// Nothing.
    None,
    /// A framing preposition before it (`في`, `منذ`, `خلال`).
    Prep,
    /// `شهر`, a part-of-period word, or a previous item of a list.
    Strong,
}

/// A parsed core before heads are added.
#[derive(Debug, Clone)]
struct Core {
    spans: Vec<(usize, usize)>,
    val: Val,
    wd: Option<u8>,
    next: usize,
}

/// A month name found at a token.
#[derive(Debug, Clone, Copy)]
struct MonthHit {
    m: u8,
    next: usize,
    weak: bool,
    hijri: bool,
    latin: bool,
}

/// The word variants of a token with its proclitics stripped: (byte offset
/// where the span starts, matching key). `للسنة` gives (2, `السنة`): the
/// span starts at the second ل, as `ANNOTATION.md` wants.
///
/// At most three, in this order: the word, without `و`/`ف`, without the
/// next proclitic; an array, not a `Vec`, as this runs for every candidate.
fn variants(w: &str) -> [Option<(usize, Cow<'_, str>)>; 3] {
    let mut out = [Some((0, Cow::Borrowed(w))), None, None];
    let mut p = 0;
    if (w.starts_with('و') || w.starts_with('ف')) && w.len() > 4 {
        p = 2;
        out[1] = Some((p, Cow::Borrowed(&w[p..])));
    }
    let rest = &w[p..];
    if rest.starts_with("لل") && rest.len() > 6 {
        out[2] = Some((p + 2, Cow::Owned(format!("ا{}", &rest[2..]))));
    } else if (rest.starts_with('ب') || rest.starts_with('ل') || rest.starts_with('ك'))
        && rest.len() > 4
    {
        out[2] = Some((p + 2, Cow::Borrowed(&rest[2..])));
    }
    out
}

/// True when some proclitic variant of `w` is `key`-like by `pred`.
fn any_variant(w: &str, pred: impl Fn(&str) -> bool) -> bool {
    variants(w).iter().flatten().any(|(_, k)| pred(k))
}

/// The parser at one head position.
#[derive(Clone, Copy)]
struct P<'a> {
    src: &'a str,
    fold: &'a Folded,
    t: &'a [Tok],
    line: u32,
    head: usize,
    head_key: &'a str,
    head_off: usize,
}

impl<'a> P<'a> {
    fn tok(&self, j: usize) -> Option<&'a Tok> {
        self.t.get(j).filter(|t| t.line == self.line)
    }

    fn raw(&self, j: usize) -> &'a str {
        let t = &self.t[j];
        &self.fold.text[t.start..t.end]
    }

    /// The word at `j` (the stripped key at the head).
    fn w(&self, j: usize) -> Option<&'a str> {
        let t = self.tok(j)?;
        if t.kind != Kind::Word {
            return None;
        }
        Some(if j == self.head {
            self.head_key
        } else {
            self.raw(j)
        })
    }

    fn is(&self, j: usize, word: &str) -> bool {
        self.w(j) == Some(word)
    }

    /// The number at `j`: value and digit count.
    fn num(&self, j: usize) -> Option<(u32, usize)> {
        let t = self.tok(j)?;
        if t.kind != Kind::Num {
            return None;
        }
        let s = self.raw(j);
        if s.len() > 4 {
            return None;
        }
        Some((s.parse().ok()?, s.len()))
    }

    fn punct(&self, j: usize) -> Option<char> {
        let t = self.tok(j)?;
        if t.kind != Kind::Punct {
            return None;
        }
        self.raw(j).chars().next()
    }

    /// True when token `j` touches the previous one.
    fn adjacent(&self, j: usize) -> bool {
        j > 0 && j < self.t.len() && self.t[j].start == self.t[j - 1].end
    }

    fn start_of(&self, j: usize) -> usize {
        self.t[j].start + if j == self.head { self.head_off } else { 0 }
    }

    fn end_of(&self, j: usize) -> usize {
        self.t[j].end
    }

    /// A 4-digit year in `lo..=hi` at `j`, with an optional era mark
    /// (`2025م`, `1446 هـ`): (year, next, hijri mark).
    fn year_at(&self, j: usize, lo: i64, hi: i64) -> Option<(i64, usize, bool)> {
        let (v, n) = self.num(j)?;
        let y = i64::from(v);
        if n != 4 || y < lo || y > hi {
            return None;
        }
        let mut next = j + 1;
        let mut hijri = false;
        if let Some(m) = self.w(next)
            && (m == "م" || m == "ه")
        {
            hijri = m == "ه";
            next += 1;
        }
        Some((y, next, hijri))
    }

    /// A month name (any system, one or two words) at `j`.
    fn month_at(&self, j: usize) -> Option<MonthHit> {
        let first = self.w(j)?;
        for (table, hijri) in [(&*lexicon::MONTHS, false), (&*lexicon::HIJRI_MONTHS, true)] {
            let Some(list) = table.get(first) else {
                continue;
            };
            for e in list {
                let ok = e
                    .rest
                    .iter()
                    .enumerate()
                    .all(|(k, r)| self.w(j + 1 + k) == Some(r.as_str()));
                if !ok {
                    continue;
                }
                if first == "اب" {
                    // `أب` is "father"; the month is written `آب`.
                    let s = self.fold.source_start(self.start_of(j));
                    if !self.src[s..].starts_with('آ') && !self.src[s..].starts_with('ا') {
                        return None;
                    }
                }
                return Some(MonthHit {
                    m: e.value,
                    next: j + 1 + e.rest.len(),
                    weak: lexicon::is_weak_month(first),
                    hijri,
                    latin: first.is_ascii(),
                });
            }
        }
        None
    }

    /// A day number at `j`: digits 1–31 (`24`, `الـ24`, `15th`) or an
    /// ordinal word (`الأول`, `الحادي والعشرين`, `فاتح`): (day, next,
    /// needs `من` before the month).
    fn day_at(&self, j: usize) -> Option<(u8, usize, bool)> {
        let mut j0 = j;
        if self.is(j, "ال") && self.num(j + 1).is_some() {
            // `الـ24`, `الـ 24`.
            j0 = j + 1;
        }
        if let Some((v, n)) = self.num(j0) {
            if n > 2 || !(1..=31).contains(&v) {
                return None;
            }
            let mut next = j0 + 1;
            if let Some(s) = self.w(next)
                && self.adjacent(next)
                && matches!(s, "st" | "nd" | "rd" | "th" | "er" | "eme")
            {
                next += 1;
            }
            return Some((v as u8, next, false));
        }
        let w = self.w(j)?;
        if matches!(w, "فاتح" | "غره") {
            return Some((1, j + 1, false));
        }
        let mut d = lexicon::ordinal_unit(w).or_else(|| lexicon::ordinal_tens(w))?;
        let mut next = j + 1;
        if d < 10 || w == "الحادي" {
            if self.is(next, "عشر") {
                d += 10;
                next += 1;
            } else if let Some(tens) = self
                .w(next)
                .and_then(|n| n.strip_prefix('و'))
                .and_then(lexicon::ordinal_tens)
            {
                d += tens;
                next += 1;
            }
        }
        if w == "الفاتح" {
            return Some((1, next, false));
        }
        // `الأسبوع الأول من يوليوز`, `النصف الثاني من مارس`: the ordinal
        // qualifies the noun before it.
        if j.checked_sub(1)
            .and_then(|p| self.w(p))
            .is_some_and(|p| any_variant(p, |k| k.starts_with("ال") && k != "الي"))
        {
            return None;
        }
        (d <= 31).then_some((d, next, true))
    }

    /// `DD/MM/YYYY`, `DD-MM-YYYY`, `YYYY/MM/DD`, `YYYY-MM-DD` (adjacent).
    fn numeric(&self, j: usize) -> Option<Core> {
        let (a, na) = self.num(j)?;
        let sep = self.punct(j + 1)?;
        // `7 / 10 / 1436 هـ`: only a slash may have spaces around it.
        let tight = |k: usize| sep == '/' || self.adjacent(k);
        if !matches!(sep, '/' | '-' | '.') || !tight(j + 1) || !tight(j + 2) {
            return None;
        }
        let (b, _) = self.num(j + 2)?;
        if self.punct(j + 3) != Some(sep) || !tight(j + 3) || !tight(j + 4) {
            return None;
        }
        let (c, nc) = self.num(j + 4)?;
        let (y, mut m, mut d) = if na == 4 {
            (a, b, c)
        } else if nc == 4 && na <= 2 {
            (c, b, a)
        } else {
            return None;
        };
        if m > 12 && d <= 12 {
            std::mem::swap(&mut m, &mut d);
        }
        let y = i64::from(y);
        if !(1000..=2999).contains(&y) || !(1..=12).contains(&m) || d == 0 {
            return None;
        }
        // An era mark after it: `هـ` (Hijri) or `م`.
        let mut next = j + 5;
        let mark = self.w(next).filter(|w| matches!(*w, "ه" | "م"));
        if mark.is_some() {
            next += 1;
        }
        // `1446/09/12هـ`: years 1300–1600 in numeric form are Hijri.
        let hijri = mark == Some("ه") || (1300..=1600).contains(&y);
        let val = if hijri {
            if d > 30 {
                return None;
            }
            Val::Hijri {
                y: Some(y),
                m: m as u8,
                d: Some(d as u8),
            }
        } else {
            if d > u32::from(akhbar_core::calendar::days_in_month(y, m as u8)) {
                return None;
            }
            Val::Cal {
                y: Some(YearSpec::Abs(y)),
                m: Some(m as u8),
                d: Some(d as u8),
                tense: Tense::None,
            }
        };
        Some(Core {
            spans: vec![(self.start_of(j), self.end_of(next - 1))],
            val,
            wd: None,
            next,
        })
    }

    /// A year expression: `سنة 2015`, `العام الماضي`, `السنة القادمة 2025`,
    /// `هذا العام`, or (when `bare`) a bare year.
    fn year_expr(&self, j: usize, bare: bool) -> Option<(YearSpec, usize)> {
        if self.has_shadda(j) || (self.is(j, "هذه") && self.has_shadda(j + 1)) {
            // `السنّة` is the Sunnah, not the year.
            return None;
        }
        let w = self.w(j);
        if matches!(
            w,
            Some("سنه" | "عام" | "السنه" | "العام" | "عامي" | "سنتي" | "سنوات" | "اعوام")
        ) && let Some((y, next, h)) = self.year_at(j + 1, 1000, 2999)
        {
            // `عام 1437هـ`: the Gregorian year that holds most of it.
            let y = if h { hijri_year_value(y) } else { y };
            return Some((YearSpec::Abs(y), next));
        }
        if matches!(w, Some("السنه" | "العام"))
            && let Some((k, after)) = self.rel_after(j + 1)
        {
            if w == Some("العام") && self.general_head(j) {
                return None;
            }
            if let Some((y, next, false)) = self.year_at(after, 1000, 2999) {
                return Some((YearSpec::Abs(y), next));
            }
            return Some((YearSpec::Rel(k), after));
        }
        if (self.is(j, "هذا") && self.is(j + 1, "العام"))
            || (self.is(j, "هذه") && self.is(j + 1, "السنه"))
        {
            return Some((YearSpec::Rel(0), j + 2));
        }
        if bare && let Some((y, next, false)) = self.year_at(j, 1000, 2999) {
            return Some((YearSpec::Abs(y), next));
        }
        None
    }

    /// The unit word at `j` (`الأسبوع`, `الشهر`, `السنة`, `العام`), not the
    /// Sunnah (`السنّة`).
    fn unit_at(&self, j: usize) -> Option<Unit> {
        let u = lexicon::unit(self.w(j)?)?;
        (!self.has_shadda(j)).then_some(u)
    }

    /// True when the source of word `j` carries a shadda (`السنّة`, `أمسّ`).
    fn has_shadda(&self, j: usize) -> bool {
        self.tok(j).is_some_and(|t| {
            t.kind == Kind::Word
                && self.src[self.fold.source_start(t.start)..self.fold.source_start(t.end)]
                    .contains('\u{0651}')
        })
    }

    /// A relative adjective at `j` as an offset: `الماضي` −1, `المقبل` +1,
    /// `الجاري` 0, `قبل الماضي` −2, `بعد المقبل` +2; and the next token.
    fn rel_after(&self, j: usize) -> Option<(i64, usize)> {
        let w = self.w(j)?;
        if let Some(t) = lexicon::tense_adjective(w) {
            return Some((rel(t), j + 1));
        }
        let t = self.w(j + 1).and_then(lexicon::tense_adjective)?;
        match (w, t) {
            ("قبل", Tense::Past) => Some((-2, j + 2)),
            ("بعد", Tense::Future) => Some((2, j + 2)),
            _ => None,
        }
    }

    /// True when the word before `j` makes `العام` the adjective "general".
    fn general_head(&self, j: usize) -> bool {
        j > 0
            && self.tok(j - 1).is_some_and(|t| t.kind == Kind::Word)
            && any_variant(self.raw(j - 1), lexicon::is_general_head)
    }

    /// What follows a month name: a second name of the same month, a year,
    /// a relative adjective, or `من` + a year expression. `bare` tells that
    /// none of these came.
    fn month_tail(&self, start: usize, mh: MonthHit, d: Option<u8>) -> Option<(Core, bool)> {
        let mut k = mh.next;
        let mut first_end = self.end_of(mh.next - 1);
        let mut second: Option<usize> = None;
        let mut closed = false;
        if let Some(c) = self.punct(k)
            && matches!(c, '/' | '(' | '-' | '–' | '\\')
            && let Some(m2) = self.month_at(k + 1)
            && m2.m == mh.m
            && m2.hijri == mh.hijri
        {
            if c == '(' {
                if self.punct(m2.next) == Some(')') {
                    second = Some(k + 1);
                    k = m2.next + 1;
                    closed = true;
                }
            } else {
                second = Some(k + 1);
                k = m2.next;
            }
        }
        let second_end_tok = k;
        let (ylo, yhi) = if mh.hijri { (1300, 1600) } else { (1000, 2999) };
        let mut y = None;
        let mut tense = Tense::None;
        let mut bare = false;
        // `الأول من محرم عام 1437هـ`: `عام` or `سنة` may stand before the
        // year of a Hijri date.
        let k_year = if mh.hijri
            && matches!(self.w(k), Some("عام" | "سنه"))
            && self.year_at(k + 1, ylo, yhi).is_some()
        {
            k + 1
        } else {
            k
        };
        if let Some((yv, next, _)) = self.year_at(k_year, ylo, yhi) {
            y = Some(YearSpec::Abs(yv));
            k = next;
        } else if let Some(t) = self.w(k).and_then(lexicon::tense_adjective) {
            // A Hijri date's year is found from publication anyway
            // (`8 ذو القعدة المقبل`): the adjective only joins the span.
            if !mh.hijri {
                tense = t;
            }
            k += 1;
        } else if self.is(k, "من")
            && !mh.hijri
            && let Some((ys, next)) = self.year_expr(k + 1, true)
        {
            y = Some(ys);
            k = next;
        } else if d.is_none() && !mh.hijri {
            // `يونيو 24, 2025`, `December 15, 2023`.
            if let Some((dv, n)) = self.num(k) {
                let mut kk = k + 1;
                let comma = matches!(self.punct(kk), Some(',' | '،'));
                if comma {
                    kk += 1;
                }
                if n <= 2
                    && (1..=31).contains(&dv)
                    && (comma || mh.latin)
                    && let Some((yv, next, false)) = self.year_at(kk, 1000, 2999)
                {
                    return Some((
                        Core {
                            spans: vec![(start, self.end_of(next - 1))],
                            val: Val::Cal {
                                y: Some(YearSpec::Abs(yv)),
                                m: Some(mh.m),
                                d: Some(dv as u8),
                                tense: Tense::None,
                            },
                            wd: None,
                            next,
                        },
                        false,
                    ));
                }
            }
            bare = true;
        } else {
            bare = d.is_none();
        }
        if k > second_end_tok && second.is_none() {
            first_end = self.end_of(k - 1);
        }
        let mut spans = vec![(start, first_end)];
        if let Some(s2) = second {
            let end_tok = if closed { second_end_tok - 1 } else { k };
            spans.push((self.t[s2].start, self.end_of(end_tok - 1)));
        }
        let val = if mh.hijri {
            match y {
                Some(YearSpec::Abs(yv)) => Val::Hijri {
                    y: Some(yv),
                    m: mh.m,
                    d,
                },
                _ => Val::Hijri {
                    y: None,
                    m: mh.m,
                    d,
                },
            }
        } else {
            Val::Cal {
                y,
                m: Some(mh.m),
                d,
                tense,
            }
        };
        Some((
            Core {
                spans,
                val,
                wd: None,
                next: k,
            },
            bare,
        ))
    }

    /// Day + month (+ year …): `24 يونيو 2025`, `الأول من شهر مارس`.
    fn day_month(&self, j: usize) -> Option<Core> {
        let (d, mut k, needs_min) = self.day_at(j)?;
        if matches!(self.punct(k), Some(',')) && self.month_at(k + 1).is_some() {
            k += 1;
        }
        let has_min = self.is(k, "من");
        if has_min {
            k += 1;
        }
        if needs_min && !has_min {
            return None;
        }
        if (has_min || !needs_min)
            && let Some(c) = self.unit_rel(k)
            && let Val::Month(mk) = c.val
        {
            // `24 من الشهر الجاري`, `الـ5 من هذا الشهر`, `27 الشهر الجاري`.
            return Some(Core {
                spans: vec![(self.start_of(j), self.end_of(c.next - 1))],
                val: Val::DayOfMonth { d, k: mk },
                wd: None,
                next: c.next,
            });
        }
        if self.is(k, "شهر") {
            k += 1;
        }
        let mh = self.month_at(k)?;
        if mh.hijri && mh.m == 2 && self.year_at(mh.next, 1300, 1600).is_none() {
            // `3 صفر` is also a score.
            return None;
        }
        let (core, _) = self.month_tail(self.start_of(j), mh, Some(d))?;
        if let Val::Cal { y, m: Some(m), .. } = core.val {
            let year = match y {
                Some(YearSpec::Abs(y)) => y,
                _ => 2024, // a leap year: `29 فبراير` stays possible
            };
            if d > akhbar_core::calendar::days_in_month(year, m) {
                return None;
            }
        }
        if matches!(core.val, Val::Hijri { .. }) && d > 30 {
            return None;
        }
        Some(core)
    }

    /// A lone day number that opens a period or a list ending in a full
    /// date: `27` in `من 27 إلى 29 أبريل`, `21` in `21 و22 ماي`.
    fn bare_day(&self, j: usize) -> Option<Core> {
        let (v, n) = self.num(j)?;
        if n > 2 || !(1..=31).contains(&v) {
            return None;
        }
        let mut k = j + 1;
        loop {
            let before = k;
            while self.w(k).is_some_and(lexicon::is_range_word)
                || matches!(self.punct(k), Some('-' | '–' | '—'))
            {
                k += 1;
            }
            if k == before || k - before > 2 {
                return None;
            }
            if self.day_month(k).is_some() || self.numeric(k).is_some() {
                break;
            }
            match self.num(k) {
                Some((v2, n2)) if n2 <= 2 && (1..=31).contains(&v2) => k += 1,
                _ => return None,
            }
        }
        Some(Core {
            spans: vec![(self.start_of(j), self.end_of(j))],
            val: Val::Cal {
                y: None,
                m: None,
                d: Some(v as u8),
                tense: Tense::None,
            },
            wd: None,
            next: j + 1,
        })
    }

    /// `[شهر] MONTH …` without a day.
    fn month_expr(&self, j: usize, cue: Cue) -> Option<Core> {
        let mut k = j;
        let mut cue = cue;
        if self.is(j, "شهر") {
            k += 1;
            cue = Cue::Strong;
        }
        let mh = self.month_at(k)?;
        let (core, bare) = self.month_tail(self.start_of(j), mh, None)?;
        if mh.hijri {
            // A Hijri month needs its year.
            return (!bare && matches!(core.val, Val::Hijri { y: Some(_), .. })).then_some(core);
        }
        if bare {
            let ok = match cue {
                Cue::Strong => true,
                Cue::Prep => !mh.weak && !mh.latin,
                Cue::None => false,
            };
            if !ok {
                return None;
            }
        }
        Some(core)
    }

    /// `سنة 2015`, `العام الماضي`, `2030` after a framing word.
    fn year_core(&self, j: usize, cue: Cue) -> Option<Core> {
        if let Some((ys, mut next)) = self.year_expr(j, false) {
            // `سنة 2015 الماضية` keeps its adjective.
            if matches!(ys, YearSpec::Abs(_))
                && self.w(next).and_then(lexicon::tense_adjective).is_some()
            {
                next += 1;
            }
            return Some(Core {
                spans: vec![(self.start_of(j), self.end_of(next - 1))],
                val: Val::Year(ys),
                wd: None,
                next,
            });
        }
        // `١٤٣٦ ــ ١٤٣٧هـ`, `1437هـ`: a Hijri year with its era mark (or a
        // year of 1300–1600 right before one that has it) is a year.
        if let Some((y, next, mark)) = self.year_at(j, 1300, 1600) {
            let paired = !mark
                && (self.year_at(next, 1300, 1600).is_some_and(|(_, _, m)| m)
                    || self.tok(next).is_some_and(|t| t.kind == Kind::Punct)
                        && self
                            .year_at(next + 1, 1300, 1600)
                            .is_some_and(|(y2, _, m)| m && y2 == y + 1));
            if mark || paired {
                return Some(Core {
                    spans: vec![(self.start_of(j), self.end_of(next - 1))],
                    val: Val::Year(YearSpec::Abs(hijri_year_value(y))),
                    wd: None,
                    next,
                });
            }
        }
        if let Some((y, next, false)) = self.year_at(j, 1900, 2100) {
            let ok = match cue {
                Cue::Strong => true,
                Cue::Prep => self.bare_year_framed(j),
                Cue::None => false,
            };
            if ok {
                return Some(Core {
                    spans: vec![(self.start_of(j), self.end_of(next - 1))],
                    val: Val::Year(YearSpec::Abs(y)),
                    wd: None,
                    next,
                });
            }
        }
        None
    }

    /// A bare year after a preposition: `في 2020`, `منذ 2015`, `في أفق
    /// 2030`; after `من`/`بين` only when a second year closes the period.
    fn bare_year_framed(&self, j: usize) -> bool {
        let Some(prev) = j.checked_sub(1).and_then(|p| self.w(p)) else {
            return false;
        };
        // `انتخابات 2014`, `اتفاق 1992 للهجرة`: a noun in construct with
        // its year, whatever follows.
        if any_variant(prev, |k| !k.starts_with("ال") && lexicon::is_year_noun(k)) {
            return true;
        }
        // `في 1992 قارورة`: a count before its noun, not a year.
        if self.w(j + 1).is_some_and(lexicon::is_counted_noun) {
            return false;
        }
        if any_variant(prev, lexicon::is_cue_word) {
            return true;
        }
        if any_variant(prev, |k| matches!(k, "من" | "بين")) {
            let mut k = j + 1;
            while self.w(k).is_some_and(lexicon::is_range_word)
                || matches!(self.punct(k), Some('-' | '–'))
            {
                k += 1;
            }
            return k > j + 1 && self.year_at(k, 1900, 2100).is_some();
        }
        false
    }

    /// `الأسبوع الماضي`, `الشهر المقبل`, `هذا الأسبوع`.
    fn unit_rel(&self, j: usize) -> Option<Core> {
        let (u, next, k) = if matches!(self.w(j), Some("هذا" | "هذه")) {
            let u = self.unit_at(j + 1)?;
            (u, j + 2, 0)
        } else {
            let u = self.unit_at(j)?;
            let (k, after) = self.rel_after(j + 1)?;
            if u == Unit::Year {
                return None; // handled by year_expr
            }
            (u, after, k)
        };
        let val = match u {
            Unit::Week => Val::Week(k),
            Unit::Month => Val::Month(k),
            Unit::Year => Val::Year(YearSpec::Rel(k)),
        };
        Some(Core {
            spans: vec![(self.start_of(j), self.end_of(next - 1))],
            val,
            wd: None,
            next,
        })
    }

    /// `صيف 2024`, `صيف العام الماضي`, `الصيف المقبل`, `هذا الصيف`,
    /// `فصل الشتاء الماضي`.
    fn season_expr(&self, j: usize) -> Option<Core> {
        let mut k = j;
        let this = matches!(self.w(j), Some("هذا" | "هذه"));
        if this || self.is(j, "فصل") {
            k += 1;
        }
        let (code, article) = lexicon::season(self.w(k)?)?;
        let (val, next) = if article {
            if this {
                (
                    Val::Season {
                        code,
                        y: Some(YearSpec::Rel(0)),
                        tense: Tense::Current,
                    },
                    k + 1,
                )
            } else {
                let t = self.w(k + 1).and_then(lexicon::tense_adjective)?;
                (
                    Val::Season {
                        code,
                        y: None,
                        tense: t,
                    },
                    k + 2,
                )
            }
        } else {
            if this {
                return None;
            }
            let (ys, next) = self.year_expr(k + 1, true)?;
            (
                Val::Season {
                    code,
                    y: Some(ys),
                    tense: Tense::None,
                },
                next,
            )
        };
        Some(Core {
            spans: vec![(self.start_of(j), self.end_of(next - 1))],
            val,
            wd: None,
            next,
        })
    }

    /// A weekday, then a date, a relative adjective, or nothing.
    fn weekday_expr(&self, j: usize) -> Option<Core> {
        let wd = *lexicon::WEEKDAYS.get(self.w(j)?)?;
        let start = self.start_of(j);
        let mut k = j + 1;
        if matches!(self.punct(k), Some('،' | ',')) {
            k += 1;
        }
        if let Some(c) = self.numeric(k).or_else(|| self.day_month(k)).or_else(|| {
            let mh = self.month_at(k)?;
            if !mh.latin {
                return None;
            }
            let (c, bare) = self.month_tail(self.start_of(k), mh, None)?;
            (!bare).then_some(c)
        }) {
            let mut c = c;
            c.spans[0].0 = start;
            c.wd = Some(wd);
            return Some(c);
        }
        if let Some(t) = self.w(j + 1).and_then(lexicon::tense_adjective) {
            return Some(Core {
                spans: vec![(start, self.end_of(j + 1))],
                val: Val::Weekday {
                    tense: t,
                    future: false,
                },
                wd: Some(wd),
                next: j + 2,
            });
        }
        if self.w(j).is_some_and(|w| w.is_ascii()) {
            return None;
        }
        if j > 0
            && self
                .w(j - 1)
                .is_some_and(|p| any_variant(p, lexicon::blocks_weekday))
        {
            return None;
        }
        if self.w(j) == Some("الاحد") && self.is(j + 1, "عشر") {
            return None;
        }
        if self.w(j) == Some("الاثنين") && matches!(self.w(j + 1), Some("معا" | "منهما"))
        {
            // `الاثنين معا`: "both".
            return None;
        }
        Some(Core {
            spans: vec![(start, self.end_of(j))],
            val: Val::Weekday {
                tense: Tense::None,
                future: self.future_before(j),
            },
            wd: Some(wd),
            next: j + 1,
        })
    }

    /// True when a future verb (`سوف`, `سيعقد`, `ستنظم`) stands among the
    /// four words before `j` on its line.
    fn future_before(&self, j: usize) -> bool {
        (j.saturating_sub(4)..j).any(|p| {
            self.tok(p).is_some_and(|t| t.kind == Kind::Word) && {
                let w = self.raw(p);
                let w = w.strip_prefix('و').unwrap_or(w);
                w == "سوف"
                    || (w.chars().count() >= 5
                        && (w.starts_with("سي") || w.starts_with("ست") || w.starts_with("سن"))
                        && !lexicon::is_future_stop(w))
            }
        })
    }

    /// A relative day (`اليوم`, `أمس`, `أول أمس`, `غدا`, `بعد غد`) and an
    /// optional weekday after it.
    fn day_rel(&self, j: usize) -> Option<Core> {
        let w = self.w(j)?;
        if j == self.head && self.raw(j)[..self.head_off].contains(['ل', 'ك']) {
            // `لامس` is the verb "touched", not `ل` + `أمس`.
            return None;
        }
        if w == "امس" && (self.has_shadda(j) || self.is(j + 1, "الحاجه")) {
            // `أمسّ الحاجة` is "most in need".
            return None;
        }
        let (off, mut next) = if w == "امس" && self.is(j + 1, "الاول") {
            // Gulf and Levantine `أمس الأول`: the day before yesterday.
            (-2, j + 2)
        } else if let Some(off) = lexicon::day_word(w) {
            (off, j + 1)
        } else if w == "اول" && self.is(j + 1, "امس") {
            (-2, j + 2)
        } else if w == "اول" && self.is(j + 1, "من") && self.is(j + 2, "امس") {
            (-2, j + 3)
        } else if w == "بعد" && matches!(self.w(j + 1), Some("غد" | "الغد")) {
            (2, j + 2)
        } else if w == "غد"
            && (self
                .w(j + 1)
                .is_some_and(|n| lexicon::WEEKDAYS.contains_key(n))
                || j.checked_sub(1)
                    .and_then(|p| self.w(p))
                    .is_some_and(lexicon::is_time_of_day))
        {
            // `مساء غد`, `غد الثلاثاء`; a bare `غد` is often "the future".
            (1, j + 1)
        } else {
            return None;
        };
        let mut wd = None;
        if let Some(d) = self.weekday_alone(next) {
            wd = Some(d);
            next += 1;
        } else if w == "الامس" && self.w(next).is_some_and(|n| n.starts_with("ال")) {
            // `الأمس القريب` is "the recent past".
            return None;
        } else if w == "اليوم" {
            // `اليوم الوطني`, `اليوم الأول`, `في نفس اليوم` are not today;
            // `أكد اليوم الوزير` is.
            if self.w(next).is_some_and(lexicon::is_day_adjective) {
                return None;
            }
            let prev = j.checked_sub(1).and_then(|p| self.w(p));
            if prev.is_some_and(|p| {
                any_variant(p, |k| {
                    matches!(
                        k,
                        "هذا"
                            | "ذلك"
                            | "نفس"
                            | "ذات"
                            | "ذاك"
                            | "طيله"
                            | "طوال"
                            | "كامل"
                            | "اخبار"
                            | "جريده"
                            | "صحيفه"
                            | "يوميه"
                    )
                })
            }) {
                return None;
            }
            // `اليوم 24` is a site's name; `اليوم 24 يونيو` is today.
            if self.num(next).is_some() && self.day_month(next).is_none() {
                return None;
            }
        }
        Some(Core {
            spans: vec![(self.start_of(j), self.end_of(next - 1))],
            val: Val::Day(off),
            wd,
            next,
        })
    }

    /// A weekday at `j` that does not open a dated expression: in `اليوم
    /// الخميس 25 يوليو 2024` the weekday belongs to the date.
    fn weekday_alone(&self, j: usize) -> Option<u8> {
        let d = *lexicon::WEEKDAYS.get(self.w(j)?)?;
        let mut k = j + 1;
        if matches!(self.punct(k), Some('،' | ',')) {
            k += 1;
        }
        if self.numeric(k).is_some() || self.day_month(k).is_some() {
            return None;
        }
        Some(d)
    }

    /// What can follow `يوم`: `أمس`, `الغد`, a weekday, a date.
    fn after_yawm(&self, j: usize) -> Option<Core> {
        match self.w(j) {
            Some("امس") | Some("الغد") | Some("غد") => {
                let off = if self.is(j, "امس") { -1 } else { 1 };
                let mut next = j + 1;
                let mut wd = None;
                if let Some(d) = self.weekday_alone(next) {
                    wd = Some(d);
                    next += 1;
                }
                Some(Core {
                    spans: vec![(self.start_of(j), self.end_of(next - 1))],
                    val: Val::Day(off),
                    wd,
                    next,
                })
            }
            _ => self
                .weekday_expr(j)
                .or_else(|| self.numeric(j))
                .or_else(|| self.day_month(j)),
        }
    }

    /// The core at `j`: numeric, day-month, lone day of a list, month,
    /// year, relative unit, season.
    fn core(&self, j: usize, cue: Cue) -> Option<Core> {
        self.numeric(j)
            .or_else(|| self.day_month(j))
            .or_else(|| self.bare_day(j))
            .or_else(|| self.month_expr(j, cue))
            .or_else(|| self.year_core(j, cue))
            .or_else(|| self.unit_rel(j))
            .or_else(|| self.season_expr(j))
    }

    /// The whole expression at the head.
    fn expr(&self, i: usize, cue: Cue) -> Option<Core> {
        let w = self.w(i);
        let head_start = self.start_of(i);
        let extend = |mut c: Core| {
            c.spans[0].0 = head_start;
            c
        };
        match w {
            // `يومه الثلاثاء 21 نونبر 2017`: Moroccan "this day", as `يوم`.
            Some("يوم" | "يومه") => return self.after_yawm(i + 1).map(extend),
            // `يومي 12 و13 جوان`, `أيام 7 و8 جوان`: the dual or plural
            // counts days, each a date of its own; it stays outside.
            Some("يومي" | "ايام") => {
                return self
                    .numeric(i + 1)
                    .or_else(|| self.day_month(i + 1))
                    .or_else(|| self.bare_day(i + 1));
            }
            // `بداية من` is "starting from", a framing word: no `من` here.
            Some(p) if lexicon::is_part_word(p) => return self.period(i + 1).map(extend),
            _ => {}
        }
        self.day_rel(i)
            .or_else(|| self.weekday_expr(i))
            .or_else(|| self.core(i, cue))
    }

    /// The period after a part word: its value is the period's.
    fn period(&self, j: usize) -> Option<Core> {
        if let Some(c) = self.core(j, Cue::Strong) {
            if matches!(
                c.val,
                Val::Cal { .. } | Val::Year(_) | Val::Month(_) | Val::Week(_)
            ) {
                return Some(c);
            }
            if matches!(c.val, Val::Season { .. } | Val::Hijri { .. }) {
                return Some(c);
            }
            return None;
        }
        let (u, next) = if matches!(self.w(j), Some("هذا" | "هذه")) {
            (self.unit_at(j + 1)?, j + 2)
        } else {
            (self.unit_at(j)?, j + 1)
        };
        let val = match u {
            Unit::Week => return None, // `نهاية الأسبوع` is a weekend
            Unit::Month => Val::Month(0),
            Unit::Year => Val::Year(YearSpec::Rel(0)),
        };
        Some(Core {
            spans: vec![(self.t[j].start, self.end_of(next - 1))],
            val,
            wd: None,
            next,
        })
    }
}

/// The year offset of a relative adjective.
fn rel(t: Tense) -> i64 {
    match t {
        Tense::Past => -1,
        Tense::Future => 1,
        Tense::Current | Tense::None => 0,
    }
}

/// True when the tokens strictly between `a` (exclusive end of a group)
/// and `b` (first token of the next) only join the items of a period or a
/// list (`إلى`, `و`, `-`, `إلى غاية`); `و` glued to the next item counts.
pub(super) fn joined(fold: &Folded, t: &[Tok], a: usize, b: usize) -> bool {
    if b < a || b - a > 2 {
        return false;
    }
    if b == a {
        // Only a glued `و` (`و18 يناير` is a word `و` then a number, so this
        // is `ويناير`).
        return fold.text[t[b].start..].starts_with('و');
    }
    (a..b).all(|k| {
        let s = &fold.text[t[k].start..t[k].end];
        match t[k].kind {
            Kind::Word => lexicon::is_range_word(s),
            Kind::Punct => matches!(s, "-" | "–" | "—"),
            Kind::Num => false,
        }
    })
}

/// Finds every group in the folded zone, left to right, longest first.
pub(super) fn parse(src: &str, fold: &Folded, t: &[Tok]) -> Vec<Group> {
    let mut groups: Vec<Group> = Vec::new();
    let starters = lexicon::Starters::get();
    let mut i = 0;
    while i < t.len() {
        // Most tokens open nothing: punctuation, and words that the filter
        // of the starter forms turns away (`parse_at` asks again in full).
        let skip = match t[i].kind {
            Kind::Punct => true,
            Kind::Word => !starters.may_start(&fold.text.as_bytes()[t[i].start..t[i].end]),
            Kind::Num => false,
        };
        if skip {
            i += 1;
            continue;
        }
        match parse_at(src, fold, t, i, groups.last(), starters) {
            Some(g) => {
                i = g.last.max(i + 1);
                if !names_a_place(fold, t, &g) {
                    groups.push(g);
                }
            }
            None => i += 1,
        }
    }
    groups
}

/// True when a day-and-month date is the name of a street, square,
/// stadium or movement (`شارع 9 أفريل`, `ساحة 14 جانفي`, `ملعب 5 جويلية`,
/// `حركة 20 فبراير`): skipped whole.
fn names_a_place(fold: &Folded, t: &[Tok], g: &Group) -> bool {
    if !matches!(g.val, Val::Cal { d: Some(_), .. }) || g.first == 0 {
        return false;
    }
    let p = &t[g.first - 1];
    if p.kind != Kind::Word || p.line != t[g.first].line {
        return false;
    }
    any_variant(&fold.text[p.start..p.end], lexicon::is_name_head)
}

fn parse_at(
    src: &str,
    fold: &Folded,
    t: &[Tok],
    i: usize,
    prev: Option<&Group>,
    starters: &lexicon::Starters,
) -> Option<Group> {
    let raw = &fold.text[t[i].start..t[i].end];
    if t[i].kind == Kind::Punct || (t[i].kind == Kind::Word && !starters.could_start(raw)) {
        return None;
    }
    // A number glued to a letter that is not a proclitic (`ب12`) is fine, but
    // never inside a longer number or code.
    // The second of two Hijri years (`1436/1437هـ`) is one, though.
    let hijri_pair = || {
        let year = |k: usize| {
            t.get(k).is_some_and(|x| {
                x.kind == Kind::Num
                    && fold.text[x.start..x.end]
                        .parse::<u32>()
                        .is_ok_and(|y| (1300..=1600).contains(&y) && x.end - x.start == 4)
            })
        };
        year(i)
            && i >= 2
            && year(i - 2)
            && &fold.text[t[i - 1].start..t[i - 1].end] == "/"
            && t.get(i + 1)
                .is_some_and(|x| x.kind == Kind::Word && &fold.text[x.start..x.end] == "ه")
    };
    if t[i].kind == Kind::Num
        && i > 0
        && t[i - 1].end == t[i].start
        && t[i - 1].kind == Kind::Punct
        && matches!(
            &fold.text[t[i - 1].start..t[i - 1].end],
            "." | "," | "/" | ":"
        )
        && !hijri_pair()
    {
        return None;
    }
    let cont = prev.is_some_and(|g| {
        joined(fold, t, g.last, i)
            && matches!(
                g.val,
                Val::Year(YearSpec::Abs(_))
                    | Val::Cal {
                        d: None,
                        m: Some(_),
                        ..
                    }
            )
    });
    let prev_word = i
        .checked_sub(1)
        .filter(|&p| t[p].kind == Kind::Word && t[p].line == t[i].line)
        .map(|p| &fold.text[t[p].start..t[p].end]);
    let vs = if t[i].kind == Kind::Word {
        variants(raw)
    } else {
        [Some((0, Cow::Borrowed(raw))), None, None]
    };
    for (off, key) in vs.iter().flatten() {
        let cue = if cont {
            Cue::Strong
        } else if prev_word.is_some_and(|p| {
            any_variant(p, |k| {
                lexicon::is_cue_word(k)
                    // Only before a number: `ثورة يوليو` is a name.
                    || (t[i].kind != Kind::Word && !k.starts_with("ال") && lexicon::is_year_noun(k))
                    || matches!(k, "من" | "بين" | "الي")
            })
        }) || (*off > 0 && raw[*off - 2..].starts_with('ب'))
        {
            Cue::Prep
        } else {
            Cue::None
        };
        let p = P {
            src,
            fold,
            t,
            line: t[i].line,
            head: i,
            head_key: key,
            head_off: *off,
        };
        if let Some(c) = p.expr(i, cue) {
            return Some(Group {
                spans: c.spans,
                val: c.val,
                wd: c.wd,
                first: i,
                last: c.next,
            });
        }
    }
    None
}

/// True when the tokens between two groups pair a Hijri date with its
/// Gregorian equivalent (`الموافق`, `الموافق لـ`, or a bracket).
fn paired(fold: &Folded, t: &[Tok], a: usize, b: usize) -> bool {
    if b <= a || b - a > 4 {
        return false;
    }
    let mut link = false;
    for tok in &t[a..b] {
        let s = &fold.text[tok.start..tok.end];
        match tok.kind {
            Kind::Word => {
                let s = s.strip_prefix('و').filter(|r| r.len() > 4).unwrap_or(s);
                if matches!(s, "الموافق" | "الموافقه" | "موافق" | "الموافقين")
                {
                    link = true;
                } else if !matches!(s, "ل" | "م" | "ه") {
                    return false;
                }
            }
            Kind::Punct => {
                if s == "(" {
                    link = true;
                } else if !matches!(s, "،" | "," | ")" | "-" | ":" | "/") {
                    return false;
                }
            }
            Kind::Num => return false,
        }
    }
    link
}

/// Completes groups from their neighbours: the first end of a period takes
/// the month and year of the second (`من 27 إلى 29 أبريل`), and a Hijri date
/// paired with a Gregorian one takes its value.
pub(super) fn link(fold: &Folded, t: &[Tok], groups: &mut [Group]) {
    for idx in (0..groups.len().saturating_sub(1)).rev() {
        let (left, right) = groups.split_at_mut(idx + 1);
        let (a, b) = (&mut left[idx], &right[0]);
        if !joined(fold, t, a.last, b.first) {
            continue;
        }
        match (&mut a.val, &b.val) {
            (
                Val::Cal {
                    y: ya,
                    m: ma,
                    d: Some(_),
                    tense: ta,
                },
                Val::Cal {
                    y: yb,
                    m: mb,
                    tense: tb,
                    ..
                },
            ) if ma.is_none() => {
                *ma = *mb;
                *ya = *yb;
                *ta = *tb;
            }
            (
                Val::Cal {
                    y: ya @ None,
                    m: Some(ma),
                    tense: Tense::None,
                    ..
                },
                Val::Cal {
                    y: Some(yb),
                    m: Some(mb),
                    ..
                },
            ) => {
                *ya = Some(match *yb {
                    YearSpec::Abs(y) if *ma > *mb => YearSpec::Abs(y - 1),
                    other => other,
                });
            }
            (
                Val::Cal {
                    y: None,
                    m: None,
                    d: Some(da),
                    ..
                },
                Val::DayOfMonth { k, .. },
            ) => {
                a.val = Val::DayOfMonth { d: *da, k: *k };
            }
            (
                Val::Cal {
                    y: None,
                    m: None,
                    d: Some(da),
                    ..
                },
                Val::Hijri { y, m, .. },
            ) => {
                let d = *da;
                a.val = Val::Hijri {
                    y: *y,
                    m: *m,
                    d: Some(d),
                };
            }
            _ => {}
        }
    }
    // Right to left, so that in `يوم الأحد الموافق 8 ذي القعدة، الموافق 23
    // أغسطس 2015` the Hijri date takes the Gregorian value first and the
    // weekday then takes it from the Hijri date.
    for idx in (0..groups.len().saturating_sub(1)).rev() {
        if !paired(fold, t, groups[idx].last, groups[idx + 1].first) {
            continue;
        }
        let (left, right) = groups.split_at_mut(idx + 1);
        let (a, b) = (&mut left[idx], &mut right[0]);
        let gregorian = |v: &Val| matches!(v, Val::Cal { m: Some(_), .. } | Val::DayOfMonth { .. });
        let dated = |v: &Val| {
            matches!(
                v,
                Val::Cal {
                    d: Some(_),
                    m: Some(_),
                    ..
                } | Val::DayOfMonth { .. }
                    | Val::Hijri { d: Some(_), .. }
            )
        };
        match (&a.val, &b.val) {
            (Val::Hijri { .. }, v) if gregorian(v) => {
                a.val = b.val.clone();
                a.wd = a.wd.or(b.wd);
            }
            (v, Val::Hijri { .. }) if gregorian(v) => {
                b.val = a.val.clone();
                b.wd = b.wd.or(a.wd);
            }
            (Val::Weekday { .. }, v) if dated(v) => {
                // `يوم الأحد الموافق 17 / 10 / 1436 هـ`: the same day.
                a.val = b.val.clone();
                b.wd = b.wd.or(a.wd);
            }
            _ => {}
        }
    }
}

/// The Gregorian year that holds most of Hijri year `y` (the year of its
/// middle day: 1437 AH, 2015-10-15 to 2016-10-02, gives 2016).
fn hijri_year_value(y: i64) -> i64 {
    let start = akhbar_core::calendar::days_from_hijri(y, 1, 1);
    let end = akhbar_core::calendar::days_from_hijri(y + 1, 1, 1);
    akhbar_core::calendar::civil_from_days(start + (end - start) / 2).0
}

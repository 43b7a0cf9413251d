//! DATE mentions with ISO-like values.
//!
//! [`find_dates`] finds calendar expressions in one title or body zone and
//! gives each the value of `ANNOTATION.md` (`2025-06-24`, `2023-12`, `2015`,
//! `2024-W41`, `2024-SU`, `X` for what the text does not fix).
//!
//! # How it works
//! The zone is folded for matching (tatweel, diacritics and invisible marks
//! removed; `أ إ آ ٱ` → `ا`, `ى` → `ي`, `ة` → `ه`; `٠-٩` and `۰-۹` → ASCII;
//! Latin lowercased), each folded byte remembering its source bytes, then
//! split into words, numbers and punctuation. A small hand-written grammar
//! takes, at each token, the longest date expression that starts there, so
//! mentions never overlap. Vocabulary (month names of every regional system,
//! Hijri months, weekdays, seasons) comes from `akhbar_core::calendar`;
//! spellings it lacks are added in `dates/lexicon.rs` (`كانون ثاني`,
//! `تشرين اول` without the article, `اغشت`, Latin-script English and French
//! months and weekdays). Every span is an exact slice of the original text.
//!
//! # Decisions
//! - **Span.** `يوم`, `شهر`, `سنة`, `عام`, `فصل` (and `عامي`, `سنتي`,
//!   `سنوات` before years) before a date are inside; the dual and plural
//!   `يومي`, `أيام` before coordinated days are outside (`يومي 12 و13 جوان`
//!   → `12`, `13 جوان`); prepositions and framing words (`في`, `خلال`, `منذ`,
//!   `ابتداء من`, `في أفق`, `حتى`, `قبل`, `بعد`, `بتاريخ`) and time-of-day
//!   words (`صباح`, `مساء`, `زوال`, `ظهر`, `ليلة`) are outside. Attached
//!   proclitics are outside (`وسنة 2015` → `سنة 2015`; `للسنة الجارية` →
//!   `لسنة الجارية`, the contract's لل rule). Part-of-period words (`مطلع`,
//!   `مستهل`, `بداية`, `نهاية`, `أواخر`, `أوائل`, `منتصف`, `أواسط`, `متم`,
//!   `آخر`, Tunisian `موفى`) are inside and the value is the period's (`نهاية 2014` → `2014`,
//!   `مطلع العام` → the publication year). A relative adjective after the
//!   date is inside (`24 يونيو الماضي`). `بعد غد`, `أول أمس` are one word.
//! - **Bare numbers.** A 4-digit number is a year only with a temporal cue:
//!   `سنة`/`عام`/`العام` before it, a part-of-period word, a framing
//!   preposition (`في 2020`, `منذ 2015`, `في أفق 2030`), `من`/`بين` when a
//!   second year closes the period, or a previous year of the same list.
//!   `رؤية 2030`, `كأس العالم 2030`, `2000 شخص` are not dates, nor is a
//!   framed number before an indefinite noun in `ة`/`ا` (`في 1992 قارورة`). A day number
//!   alone is a date only as the first end of a period or list whose last
//!   item is a full date (`27` in `من 27 إلى 29 أبريل`, in `27 و28 يونيو`);
//!   it takes that item's month and year (one year back when its month is
//!   later: `من 28 دجنبر إلى 3 يناير 2026` → `2025-12-28`).
//! - **Bare months.** A month name without day or year needs `شهر`, a
//!   relative adjective, a part-of-period word or a previous month of the
//!   same list; a framing preposition (`في يونيو`) is enough except for the
//!   names that are also common words (`مارس` "practised", `آب`/`أب`
//!   "father", `جوان`, `نيسان`, `تموز`, `ماي`, `أيار`, `شباط`, `أوت`) and
//!   Latin-script months. `أب` with a hamza is never the month.
//! - **Numeric dates.** `DD/MM/YYYY`, `DD-MM-YYYY`, `DD.MM.YYYY`,
//!   `YYYY/MM/DD`, `YYYY-MM-DD`, written without spaces (a slash may have
//!   spaces: `7 / 10 / 1436 هـ`); day first unless the middle number cannot
//!   be a month (`12/24/2025` → `2025-12-24`). A following `م` or `هـ` is
//!   inside; a year of 1300–1600, or `هـ`, makes it a Hijri date. Two-digit
//!   years are not read.
//! - **Names made of dates.** A day-and-month date right after a street,
//!   square, stadium or movement noun (`شارع 9 أفريل`, `ساحة 7 نوفمبر`,
//!   `ملعب 5 جويلية`, `حركة 20 فبراير`, `ثورة 25 يناير`) is part of a name
//!   and not emitted. An ordinal that qualifies a noun (`الأسبوع الأول من
//!   يوليوز`, `النصف الثاني من مارس`) is not a day of the month.
//! - **Year of a date without one.** Against `published` (`py`, `pm`, `pd`):
//!   a past adjective (`الماضي`, `المنصرم`, `الفارط`, `المنقضي`, `الفائت`,
//!   `السابق`, Darija `الفايت`) gives the latest such month (day) strictly
//!   before publication; a future one (`المقبل`, `القادم`, `الموالي`,
//!   Darija `الجاي`) the first strictly after; `الجاري`/`الحالي` gives `py`.
//!   With no adjective the year is `py`, except that a month 6 or more
//!   months after `pm` is last year's (`دجنبر` in a January article) and one 10 or more months before
//!   is next year's (`يناير` in a November article). When a weekday is
//!   stated with a day and month, the nearest year where it matches wins.
//!   Without `published` the year is `XXXX`.
//! - **Relative days and weeks.** `اليوم` 0, `أمس`/`الأمس`/`البارحة` (and
//!   Darija `البارح`) −1, `أول أمس`/`أمس الأول` −2, `غدا`/`يوم الغد` +1
//!   (`غد` alone only after a time-of-day word or before a weekday: `مساء
//!   غد`), `بعد غد` +2. Not today: `اليوم` before a nisba or ordinal
//!   adjective (`اليوم الوطني`, `اليوم الثاني`) or `نفسه`, after
//!   `نفس`/`ذلك`/`هذا`, in a paper's name (`أخبار اليوم`, `اليوم 24`); not
//!   yesterday: `أمسّ الحاجة` (shadda), `الأمس القريب`, `لامس` (a verb:
//!   `ل`/`ك` never prefix a relative day). When a weekday after `اليوم`
//!   opens a full date (`اليوم الخميس 25 يوليو 2024`), the weekday goes with
//!   the date: two mentions, `اليوم` and `الخميس 25 يوليو 2024`.
//!   `الأسبوع الماضي` is the ISO week of `published` − 7 days (`2024-W41`
//!   for 2024-10-16), `الشهر المقبل` the next calendar month, `العام
//!   الماضي` `py − 1`; `هذا الأسبوع`/`الشهر`/`العام` are current; `قبل
//!   الماضي` is −2, `بعد المقبل` +2. `24 من الشهر الجاري` is that day of
//!   the month (`XXXX-XX-24` without `published`).
//!   `العام السابق/الحالي` after `المدير`, `الأمين`, `النائب`, … is the
//!   adjective "general", not a year.
//! - **Weekdays.** Weekday + relative word is one mention with the day's
//!   value: `أمس الخميس` is the Thursday nearest to `published − 1` (the
//!   stated weekday wins within three days, with a diagnostic when it
//!   disagrees); `الأحد الماضي` the latest Sunday strictly before
//!   publication, `الخميس المقبل` the first strictly after. A bare weekday
//!   (`الخميس`, `يوم الخميس`) is the latest such day on or before
//!   publication (news narrate the past), or the first on or after it when
//!   a future verb (`سوف`, `سيعقد`, `ستنظم`) is among the four words before.
//!   Not after `صلاة`/`خطبة`/`بين`/`كلا` (`بين الاثنين` "between the two"),
//!   not `الاثنين معا` ("both"), not `الأحد عشر` ("eleven").
//! - **Weekday consistency.** When a weekday and a full date are both given
//!   and disagree, the explicit date keeps its value and
//!   [`find_dates_checked`] reports a [`DateIssue`].
//! - **Seasons.** `SP` March–May, `SU` June–August, `FA`
//!   September–November, `WI` December–February, a winter named by the
//!   year of its December. `صيف 2024` → `2024-SU`; `صيف العام الماضي` →
//!   `py−1`; `الصيف المقبل` → the next summer after the publication's season
//!   (`XXXX-SU` without `published`); `هذا الصيف` → `py`. A bare `الصيف` is
//!   not a date.
//! - **Two names of one month.** `حزيران/يونيو`, `يونيو - حزيران`,
//!   `سبتمبر (أيلول)` are two mentions with one value; with a day and year
//!   (`24 حزيران/يونيو 2025`) the first mention is `24 حزيران`, the second
//!   `يونيو 2025`. A year after a closing bracket counts for the value but
//!   stays outside both spans.
//! - **Hijri.** A Hijri date paired with a Gregorian one (`الموافق`,
//!   `الموافق لـ`, or a bracket) takes the Gregorian value, both mentions.
//!   Alone it is converted with the tabular Islamic calendar (civil epoch,
//!   the 30-year cycle of leap years 2, 5, 7, 10, 13, 16, 18, 21, 24, 26,
//!   29), which can differ from Umm al-Qura or a sighted month by a day or
//!   two; a stated weekday moves it by up to two days to match. A Hijri
//!   month with a year and no day gives the Gregorian month of its 15th.
//!   Without a year, the Hijri year nearest to `published` is used
//!   (`XXXX-XX-XX` without `published`). Hijri month names never stand
//!   alone (`صفر` "zero", `رجب`, `شعبان` are names) and `صفر` needs a year.
//!   A Hijri year with its era mark (`عام 1437هـ`, and both years of
//!   `1436/1437هـ` or `١٤٣٦ ــ ١٤٣٧هـ`) takes the Gregorian year that holds
//!   most of it (1437 AH → 2016); without the mark a number of 1300–1600 is
//!   no year. A relative adjective after a Hijri date joins its span
//!   (`8 ذو القعدة المقبل`) without changing the value.
//! - **Not dates.** Vague times (`في المستقبل القريب`, `يوما بعد يوم`,
//!   `مستقبلا`, `في ذلك الوقت`), durations (`خلال ثلاث سنوات`, `أقل من
//!   أسبوع`), plurals (`الأشهر الماضية`), `نهاية الأسبوع` (a weekend) without
//!   an adjective, clock times, ages, counts, and ordinals that are not
//!   followed by `من` + a month.
//! - **Partial `published`.** Only the parts it fixes are used: with
//!   `2025-06`, `اليوم` is `2025-06-XX` and `الشهر الماضي` is `2025-05`;
//!   anything that needs the day keeps `X`.

mod grammar;
mod lexicon;
mod resolve;
mod text;

use akhbar_core::{ByteSpan, EntityType, Mention};

/// True when the normalized word `w` is a relative adjective of a date
/// (`الماضي`, `المقبل`, `الجاري`, `المنصرم` …), as the date grammar reads
/// them.
pub(crate) fn is_tense_adjective(w: &str) -> bool {
    lexicon::tense_adjective(w).is_some()
}

/// A date whose parts disagree (a weekday that does not match its date).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct DateIssue {
    /// The mention, in bytes of the original text.
    pub span: ByteSpan,
    /// What is wrong, lowercase, no final period.
    pub message: String,
}

/// Relative days, as written, that a full date with its weekday may follow.
const RELATIVE_DAYS: [&str; 5] = ["اليوم", "أمس", "امس", "غدا", "غداً"];

/// Weekday names (with the article, as datelines write them).
const WEEKDAY_OPENERS: [&str; 8] = [
    "الأحد",
    "الاثنين",
    "الإثنين",
    "الثلاثاء",
    "الأربعاء",
    "الخميس",
    "الجمعة",
    "السبت",
];

/// Finds DATE mentions in `text[range]` (a title or body zone of the
/// document), resolving relative expressions against `published`
/// (`YYYY-MM-DD`, possibly partial) when given. Spans are bytes of `text`.
pub(crate) fn find_dates(text: &str, range: ByteSpan, published: Option<&str>) -> Vec<Mention> {
    find_dates_checked(text, range, published).0
}

/// [`find_dates`], plus an issue for every weekday that contradicts its
/// date.
pub(crate) fn find_dates_checked(
    text: &str,
    range: ByteSpan,
    published: Option<&str>,
) -> (Vec<Mention>, Vec<DateIssue>) {
    let mut mentions = Vec::new();
    let mut issues = Vec::new();
    if range.start >= range.end
        || range.end > text.len()
        || !text.is_char_boundary(range.start)
        || !text.is_char_boundary(range.end)
    {
        return (mentions, issues);
    }
    let folded = text::Folded::new(text, range);
    let toks = &folded.toks;
    let mut groups = grammar::parse(text, &folded, toks);
    grammar::link(&folded, toks, &mut groups);
    if groups.is_empty() {
        return (mentions, issues);
    }
    let published = resolve::Published::parse(published);
    for g in &groups {
        let r = resolve::resolve(&g.val, g.wd, &published);
        for (k, &(s, e)) in g.spans.iter().enumerate() {
            if s >= e {
                continue;
            }
            let span = folded.to_source(s, e);
            if mentions
                .last()
                .is_some_and(|m: &Mention| m.span.end > span.start)
            {
                continue;
            }
            if k == 0
                && let Some(msg) = &r.issue
            {
                issues.push(DateIssue {
                    span,
                    message: msg.clone(),
                });
            }
            // `اليوم الأربعاء 11 جمادى الأولى 1446هـ`: a relative day
            // before a full date that opens with its weekday is one mention
            // with the full date's value.
            if let Some(last) = mentions.last_mut()
                && RELATIVE_DAYS.contains(&last.text.as_str())
                && text[last.span.end..span.start]
                    .chars()
                    .all(char::is_whitespace)
                && WEEKDAY_OPENERS
                    .iter()
                    .any(|w| text[span.range()].starts_with(w))
                && text[span.range()].chars().any(|c| c.is_numeric())
            {
                last.span = ByteSpan::new(last.span.start, span.end);
                last.text = text[last.span.range()].to_owned();
                last.value = r.value.clone();
                continue;
            }
            mentions.push(Mention {
                span,
                entity_type: EntityType::Date,
                text: text[span.range()].to_owned(),
                canonical: String::new(),
                value: r.value.clone(),
            });
        }
    }
    (mentions, issues)
}

#[cfg(test)]
mod tests;

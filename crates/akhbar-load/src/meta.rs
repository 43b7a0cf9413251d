//! Metadata read from the text: publication date, source, title.

use akhbar_core::calendar::{self, GREGORIAN_MONTHS, HIJRI_MONTHS, LATIN_MONTHS};
use akhbar_core::{Document, Zone};
use regex::Regex;
use std::sync::LazyLock;

/// Arabic-Indic (U+0660…) and Extended Arabic-Indic (U+06F0…) digits to
/// ASCII; other characters unchanged.
pub(crate) fn ascii_digits(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '\u{0660}'..='\u{0669}' => char::from(b'0' + (c as u32 - 0x0660) as u8),
            '\u{06F0}'..='\u{06F9}' => char::from(b'0' + (c as u32 - 0x06F0) as u8),
            c => c,
        })
        .collect()
}

fn alternation(names: impl Iterator<Item = String>) -> String {
    let mut v: Vec<String> = names.collect();
    v.sort_by(|a, b| b.chars().count().cmp(&a.chars().count()).then(a.cmp(b)));
    v.dedup();
    v.iter()
        .map(|n| regex::escape(n).replace(' ', r"\s+"))
        .collect::<Vec<_>>()
        .join("|")
}

/// `24 يونيو 2025`, `3 من شهر ماي سنة 2024`: day, month name, year, in
/// folded text, with the month names of `table`.
fn day_month_year(table: &[(&str, u8)]) -> Regex {
    let months = alternation(table.iter().map(|(n, _)| calendar::fold(n)));
    Regex::new(&format!(
        r"(?:^|[^0-9])([0-9]{{1,2}})\s*(?:من\s+)?(?:شهر\s+)?({months})\s*[,،/\-]?\s*(?:سنه\s+|عام\s+)?([0-9]{{4}})(?:[^0-9]|$)"
    ))
    .expect("valid regex")
}

static AR_DATE: LazyLock<Regex> = LazyLock::new(|| day_month_year(GREGORIAN_MONTHS));

/// `15 رمضان 1445` (with or without `هـ` after it): a Hijri date.
static HIJRI_DATE: LazyLock<Regex> = LazyLock::new(|| day_month_year(HIJRI_MONTHS));

static LATIN_DATE: LazyLock<Regex> = LazyLock::new(|| {
    let months = alternation(LATIN_MONTHS.iter().map(|(n, _)| (*n).to_owned()));
    Regex::new(&format!(
        r"(?i)(?:^|[^0-9])(?:([0-9]{{1,2}})(?:st|nd|rd|th|er)?\s*,?\s*({months})\.?|({months})\.?\s+([0-9]{{1,2}})(?:st|nd|rd|th)?)\s*,?\s*([0-9]{{4}})(?:[^0-9]|$)"
    ))
    .expect("valid regex")
});

static YMD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|[^0-9])([0-9]{4})[-/.]([0-9]{1,2})[-/.]([0-9]{1,2})(?:[^0-9]|$)")
        .expect("valid regex")
});

static DMY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|[^0-9])([0-9]{1,2})[-/.]([0-9]{1,2})[-/.]([0-9]{4})(?:[^0-9]|$)")
        .expect("valid regex")
});

/// False when [`LATIN_DATE`] cannot match `s`, which then is not searched
/// (nor the large regex built): every Latin month name holds two letters
/// in a row that match only ASCII letters, case aside (`k` and `s` also
/// match `K` and `ſ`, but `ao` of `août` and `ep` of `sep` do not).
fn may_name_latin_month(s: &str) -> bool {
    s.as_bytes()
        .windows(2)
        .any(|w| w.iter().all(u8::is_ascii_alphabetic))
}

fn iso(y: &str, m: u8, d: &str) -> Option<(usize, String)> {
    let y: i64 = y.parse().ok()?;
    let d: u8 = d.parse().ok()?;
    if !(1900..=2100).contains(&y)
        || !(1..=12).contains(&m)
        || d == 0
        || d > calendar::days_in_month(y, m)
    {
        return None;
    }
    Some((0, format!("{y:04}-{m:02}-{d:02}")))
}

/// Every full Gregorian date in `folded` (a line folded by `calendar::fold`,
/// digits made ASCII) with its position, first
/// first.
fn dates_in(folded: &str) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    for c in YMD.captures_iter(folded) {
        let m = c[2].parse::<u8>().unwrap_or(0);
        if let Some((_, v)) = iso(&c[1], m, &c[3]) {
            out.push((c.get(1).map_or(0, |g| g.start()), v));
        }
    }
    for c in DMY.captures_iter(folded) {
        let m = c[2].parse::<u8>().unwrap_or(0);
        if let Some((_, v)) = iso(&c[3], m, &c[1]) {
            out.push((c.get(1).map_or(0, |g| g.start()), v));
        }
    }
    for c in AR_DATE.captures_iter(folded) {
        let m = calendar::month_number(&c[2]).unwrap_or(0);
        if let Some((_, v)) = iso(&c[3], m, &c[1]) {
            out.push((c.get(1).map_or(0, |g| g.start()), v));
        }
    }
    let latin = may_name_latin_month(folded).then(|| LATIN_DATE.captures_iter(folded));
    for c in latin.into_iter().flatten() {
        let (day, month) = match (c.get(1), c.get(2), c.get(3), c.get(4)) {
            (Some(d), Some(m), _, _) => (d.as_str(), m.as_str()),
            (_, _, Some(m), Some(d)) => (d.as_str(), m.as_str()),
            _ => continue,
        };
        let m = calendar::latin_month_number(month).unwrap_or(0);
        if let Some((_, v)) = iso(&c[5], m, day) {
            out.push((c.get(0).map_or(0, |g| g.start()), v));
        }
    }
    out.sort();
    out
}

/// The first full calendar date in `s`, as ISO `YYYY-MM-DD`: ISO and
/// `YYYY/MM/DD` forms, day-first `DD/MM/YYYY`, `24 يونيو 2025` with the
/// month names of every regional system (`akhbar_core::calendar`), English
/// and French month names (`15th, December 2023`), in ASCII or
/// Arabic-Indic digits; where only a Hijri date is given (`15 رمضان 1445`),
/// its Gregorian date in the tabular Islamic calendar. `None` when there is
/// no valid date.
///
/// ```
/// use akhbar_load::parse_date;
/// assert_eq!(parse_date("نشر في : 24 يونيو 2025").as_deref(), Some("2025-06-24"));
/// assert_eq!(parse_date("2025/06/24 - 10:31").as_deref(), Some("2025-06-24"));
/// assert_eq!(parse_date("تاريخ النشر: 15th, December 2023 GMT").as_deref(), Some("2023-12-15"));
/// assert_eq!(parse_date("٣ جويلية ٢٠١٦").as_deref(), Some("2016-07-03"));
/// assert_eq!(parse_date("12 كانون الثاني 2024").as_deref(), Some("2024-01-12"));
/// assert_eq!(parse_date("2015-07-23 19:28:17").as_deref(), Some("2015-07-23"));
/// ```
pub fn parse_date(s: &str) -> Option<String> {
    // Every form holds a four-digit year: no digit, no date.
    if !s.chars().any(|c| {
        c.is_ascii_digit() || matches!(c, '\u{0660}'..='\u{0669}' | '\u{06F0}'..='\u{06F9}')
    }) {
        return None;
    }
    let folded = calendar::fold(&ascii_digits(s));
    dates_in(&folded)
        .into_iter()
        .next()
        .map(|(_, v)| v)
        .or_else(|| hijri_date(&folded))
}

/// The first Hijri date of `folded` (`15 رمضان 1445 هـ`) as the Gregorian ISO
/// date of the tabular Islamic calendar: a stamp that gives only the Hijri
/// date still dates the article (possibly a day or two off the calendar a
/// Gulf publisher follows). Years 1300–1500 only.
fn hijri_date(folded: &str) -> Option<String> {
    HIJRI_DATE.captures_iter(folded).find_map(|c| {
        let m = calendar::hijri_month_number(&c[2])?;
        let y: i64 = c[3].parse().ok()?;
        let d: u8 = c[1].parse().ok()?;
        if !(1300..=1500).contains(&y) || !(1..=30).contains(&d) {
            return None;
        }
        let (gy, gm, gd) = calendar::civil_from_days(calendar::days_from_hijri(y, m, d));
        Some(format!("{gy:04}-{gm:02}-{gd:02}"))
    })
}

static SOURCE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:مصدر الخبر|المصدر الاصلي|المصدر|نقلا عن|source)\s*[:：]\s*([^\n|،,؛;]+)")
        .expect("valid regex")
});

/// The publisher named after `المصدر:` (or `مصدر الخبر:`, `نقلا عن:`,
/// `Source:`) in `line`, at most six words, trailing punctuation dropped.
pub(crate) fn source_in(line: &str) -> Option<String> {
    // The label ends with a colon: without one there is no source.
    if !line.contains([':', '：']) {
        return None;
    }
    // Match on the original text (not folded) so the name keeps its spelling.
    let fl = calendar::fold(line);
    if !SOURCE.is_match(&fl) {
        return None;
    }
    let idx = [
        "مصدر الخبر",
        "المصدر الأصلي",
        "المصدر الاصلي",
        "المصدر",
        "نقلا عن",
        "نقلاً عن",
        "Source",
        "source",
    ]
    .iter()
    .filter_map(|k| line.find(k).map(|i| i + k.len()))
    .min()?;
    let rest = line[idx..].trim_start();
    let rest = rest
        .strip_prefix(':')
        .or_else(|| rest.strip_prefix('：'))?
        .trim();
    let end = rest
        .find(['|', '،', ',', '؛', ';', '\n'])
        .unwrap_or(rest.len());
    let words: Vec<&str> = rest[..end].split_whitespace().take(6).collect();
    let s = words.join(" ");
    let s = s.trim_matches(|c: char| c.is_ascii_punctuation() || c == '.' || c == '«' || c == '»');
    (!s.is_empty()).then(|| s.to_owned())
}

/// The headline of a page title `headline | site` or `headline - site`
/// (a tail of at most three words), or `None` without such a tail.
fn site_tail_removed(line: &str) -> Option<&str> {
    let (i, len) = [" | ", " - ", " – ", " — "]
        .iter()
        .filter_map(|sep| line.rfind(sep).map(|i| (i, sep.len())))
        .max()?;
    let tail_words = line[i + len..].split_whitespace().count();
    (i > 0 && (1..=3).contains(&tail_words)).then(|| line[..i].trim())
}

/// The agency credited in brackets, between slashes or after a dash in the
/// first words of a paragraph: `عمان 16 تشرين الأول (بترا) - أدانت …` →
/// `بترا`, `الرياض (واس) – …` → `واس`, `أبوظبي في 16 أكتوبر / وام / …`,
/// `الرياض - واس: …`.
fn opening_agency(line: &str) -> Option<String> {
    let head: String = line.split_inclusive(char::is_whitespace).take(8).collect();
    // Each pattern needs its punctuation: `(`, `/`, a dash. Skip the ones
    // that cannot match.
    if head.contains('(') {
        if let Some(c) = OPENING_PARENS.captures(&head) {
            let inner = c.get(1)?.as_str();
            return crate::zone::credit_agency(&format!("({inner})"));
        }
    }
    if head.contains('/') {
        if let Some(c) = OPENING_SLASHES.captures(&head) {
            return crate::zone::credit_agency(&format!("({})", c.get(1)?.as_str()));
        }
    }
    if !head.contains(['-', '–', '—']) {
        return None;
    }
    let c = OPENING_DASH.captures(&head)?;
    crate::zone::credit_agency(&format!("({})", c.get(1)?.as_str()))
}

/// `أبوظبي في 16 أكتوبر / وام /`: the agency between slashes after a
/// place and a date.
static OPENING_SLASHES: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*\p{L}+(?:\s+\p{L}+)?(?:\s+في)?(?:\s+[0-9٠-٩]{1,2}\s+\p{L}+(?:\s+\p{L}+)?(?:\s+[0-9٠-٩]{4})?)?\s*/\s*([\p{L} ]{2,25}?)\s*/")
        .expect("valid regex")
});

/// A place, maybe a date, the agency in brackets, then a dash or colon:
/// `عمان 16 تشرين الأول (بترا) -`, `تونس 11 ديسمبر 2016 (وات) -`.
static OPENING_PARENS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*\p{L}+(?:\s+\p{L}+)?(?:\s+[0-9٠-٩]{1,2}\s+\p{L}+(?:\s+\p{L}+)?(?:\s+[0-9٠-٩]{4})?)?\s*\(([^()]{1,25})\)\s*[–—\-:]")
        .expect("valid regex")
});

static OPENING_DASH: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\p{L}+(?:\s+\p{L}+)?\s*[–—\-]\s*([\p{L} ]{2,25}?)\s*[:：]").expect("valid regex")
});

/// Fills missing metadata of a zoned document from its text: `title` from
/// the first title line, `published` from the first date in a meta line
/// (else in a short dateline opening the body), `source` from a meta line.
pub(crate) fn fill(doc: &mut Document) {
    let lines: Vec<(Zone, &str)> = doc
        .zones
        .iter()
        .filter_map(|z| doc.text.get(z.span.range()).map(|t| (z.zone, t)))
        .flat_map(|(z, t)| crate::zone::split_newlines(t).map(move |l| (z, l.trim())))
        .filter(|(_, l)| !l.is_empty())
        .collect();
    if doc.meta.title.is_none() {
        // The first title line; but where it is a page title
        // `headline - site` and the headline also stands alone, the bare
        // headline.
        let titles: Vec<&str> = lines
            .iter()
            .filter(|(z, _)| *z == Zone::Title)
            .map(|(_, l)| *l)
            .collect();
        doc.meta.title = titles.first().map(|&first| {
            let bare = site_tail_removed(first).and_then(|head| {
                titles
                    .iter()
                    .find(|t| calendar::fold(t) == calendar::fold(head))
            });
            bare.copied().unwrap_or(first).to_owned()
        });
    }
    if doc.meta.published.is_none() {
        // A stamp that says it is the publication date wins over a bare
        // date, which wins over an update stamp.
        let rank = |l: &str| {
            let k = calendar::fold(l).to_lowercase();
            if ["نشر", "تاريخ النشر", "published", "posted"]
                .iter()
                .any(|m| k.contains(m))
            {
                0
            } else if [
                "اخر تحديث",
                "تم التحديث",
                "تاريخ التحديث",
                "updated",
                "محدث",
            ]
            .iter()
            .any(|m| k.contains(m))
            {
                2
            } else {
                1
            }
        };
        let from_meta = lines
            .iter()
            .filter(|(z, _)| *z == Zone::Meta)
            .filter_map(|(_, l)| parse_date(l).map(|d| (rank(l), d)))
            .min_by_key(|(r, _)| *r)
            .map(|(_, d)| d);
        let from_dateline = || {
            lines
                .iter()
                .find(|(z, _)| *z == Zone::Body)
                .filter(|(_, l)| l.split_whitespace().nth(12).is_none())
                .and_then(|(_, l)| parse_date(l))
        };
        doc.meta.published = from_meta.or_else(from_dateline);
    }
    if doc.meta.source.is_none() {
        // `المصدر: …` first; else a wire credit (`الرياض - واس`, `(قنا)`)
        // in a meta line; else the agency in the opening of the first
        // paragraph (`عمان 16 تشرين الأول (بترا) - أدانت …`). A
        // correspondent's own name (`أبوظبي: فاطمة المرزوقي`) is a byline,
        // not a source.
        let labelled = lines
            .iter()
            .filter(|(z, _)| *z == Zone::Meta)
            .find_map(|(_, l)| source_in(l));
        let credit = || {
            lines
                .iter()
                .filter(|(z, _)| *z == Zone::Meta)
                .find_map(|(_, l)| crate::zone::credit_agency(l))
        };
        let opening = || {
            lines
                .iter()
                .find(|(z, l)| *z == Zone::Body && l.split_whitespace().nth(12).is_some())
                .and_then(|(_, l)| opening_agency(l))
        };
        doc.meta.source = labelled.or_else(credit).or_else(opening);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_stamps_of_many_sites() {
        for (s, want) in [
            ("نشر في : 24 يونيو 2025", "2025-06-24"),
            ("الثلاثاء 24 يونيو 2025", "2025-06-24"),
            ("هيئة التحرير24 يونيو 2025آخر تحديث :", "2025-06-24"),
            ("24 يونيو 2025آخر تحديث", "2025-06-24"),
            ("الأحد 3 دجنبر 2023 - 12:40", "2023-12-03"),
            ("السبت 14 أيلول 2024", "2024-09-14"),
            ("15 جوان 2019", "2019-06-15"),
            ("2024-10-16T08:00:00+01:00", "2024-10-16"),
            ("29/07/2016", "2016-07-29"),
            ("December 15, 2023", "2023-12-15"),
            ("١٥ مارس ٢٠٢٥", "2025-03-15"),
        ] {
            assert_eq!(parse_date(s).as_deref(), Some(want), "{s}");
        }
        assert_eq!(parse_date("31 فبراير 2024"), None);
        // Hijri only: the tabular calendar's Gregorian date; with both, the
        // Gregorian date the stamp gives.
        assert_eq!(
            parse_date("الأحد 1 محرم 1447 هـ").as_deref(),
            Some("2025-06-27")
        );
        assert_eq!(
            parse_date("الأحد 1 محرم 1447 هـ الموافق 26 يونيو 2025").as_deref(),
            Some("2025-06-26")
        );
        assert_eq!(parse_date("١٥ رمضان ١٤٤٥").as_deref(), Some("2024-03-25"));
        assert_eq!(parse_date("15 رمضان 2024"), None);
        assert_eq!(parse_date("منذ 3 ساعات"), None);
    }

    #[test]
    fn every_latin_month_name_passes_the_regex_guard() {
        for (name, _) in LATIN_MONTHS {
            for form in [
                name.to_string(),
                name.to_uppercase(),
                name.replace('s', "ſ"),
                name.to_uppercase().replace('S', "ſ"),
            ] {
                assert!(may_name_latin_month(&form), "{form}");
            }
        }
        assert!(!may_name_latin_month("2024-10-16T08:00:00"));
        assert_eq!(parse_date("SEPT 3, 2024").as_deref(), Some("2024-09-03"));
    }

    #[test]
    fn publication_stamp_wins_over_update_stamp() {
        let mut doc = Document::new(
            "d",
            "عنوان الخبر هنا اليوم\nآخر تحديث: 25 يونيو 2025\nنشر في: 24 يونيو 2025\nنص الخبر الطويل الذي يتحدث عن موضوع مهم جدا في هذا اليوم من أيام الأسبوع الجاري.\n",
        );
        crate::prepare(&mut doc);
        assert_eq!(doc.meta.published.as_deref(), Some("2025-06-24"));
    }

    #[test]
    fn a_bare_headline_wins_over_a_page_title_with_the_site() {
        let mut doc = Document::new(
            "d",
            "وزير الري يشهد توقيع عقد دراسة للخزانات الجوفية - اليوم السابع\nوزير الري يشهد توقيع عقد دراسة للخزانات الجوفية\nشهد وزير الموارد المائية والري اليوم توقيع عقد دراسة لتحديد السحب الآمن من الخزانات الجوفية مع جامعة القاهرة.\n",
        );
        crate::prepare(&mut doc);
        assert_eq!(
            doc.meta.title.as_deref(),
            Some("وزير الري يشهد توقيع عقد دراسة للخزانات الجوفية")
        );
    }

    #[test]
    fn reads_source_after_its_label() {
        assert_eq!(
            source_in("كلمات دلالية المغرب فرنسا مسؤول أمنيالمصدر: اليوم 24").as_deref(),
            Some("اليوم 24")
        );
        assert_eq!(
            source_in("المصدر : وكالة المغرب العربي للأنباء").as_deref(),
            Some("وكالة المغرب العربي للأنباء")
        );
        assert_eq!(source_in("قال المصدر إن"), None);
    }
}

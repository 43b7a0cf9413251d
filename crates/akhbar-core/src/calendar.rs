//! Calendar vocabulary shared by metadata parsing (akhbar-load) and date
//! extraction (akhbar-extract): month names of every regional system,
//! Hijri months, weekdays and seasons.
//!
//! This is general knowledge of written Arabic, not data of any gold set.
//! Look-ups go through [`fold`], a light spelling fold (alef variants, ta
//! marbuta, alef maqsura, tatweel and diacritics), so `أغسطس`, `اغسطس` and
//! `أغُسطس` all match.
//!
//! ```
//! use akhbar_core::calendar::{month_number, weekday_number};
//! assert_eq!(month_number("غشت"), Some(8));
//! assert_eq!(month_number("جويلية"), Some(7));
//! assert_eq!(month_number("تشرين الثاني"), Some(11));
//! assert_eq!(weekday_number("الثلاثاء"), Some(2));
//! ```

/// Gregorian month names, with the month number, in every regional system:
/// Maghrebi (Morocco), Mashriqi (Egypt, Gulf), Levantine/Iraqi (Syriac
/// names), Algerian/Tunisian (French-derived), and common variant spellings.
pub const GREGORIAN_MONTHS: &[(&str, u8)] = &[
    // Mashriqi (Egypt, Gulf, most of the press).
    ("يناير", 1),
    ("فبراير", 2),
    ("مارس", 3),
    ("ابريل", 4),
    ("إبريل", 4),
    ("أبريل", 4),
    ("مايو", 5),
    ("يونيو", 6),
    ("يونيه", 6),
    ("يوليو", 7),
    ("يوليه", 7),
    ("أغسطس", 8),
    ("اغسطس", 8),
    ("آب", 8),
    ("سبتمبر", 9),
    ("أكتوبر", 10),
    ("اكتوبر", 10),
    ("نوفمبر", 11),
    ("ديسمبر", 12),
    // Maghrebi (Morocco).
    ("ماي", 5),
    ("يوليوز", 7),
    ("غشت", 8),
    ("شتنبر", 9),
    ("نونبر", 11),
    ("دجنبر", 12),
    // Algerian / Tunisian.
    ("جانفي", 1),
    ("فيفري", 2),
    ("أفريل", 4),
    ("افريل", 4),
    ("ماي", 5),
    ("جوان", 6),
    ("جويلية", 7),
    ("جويليه", 7),
    ("أوت", 8),
    ("اوت", 8),
    ("سبتمبر", 9),
    ("أكتوبر", 10),
    ("نوفمبر", 11),
    ("ديسمبر", 12),
    // Levantine / Iraqi (Syriac names).
    ("كانون الثاني", 1),
    ("شباط", 2),
    ("آذار", 3),
    ("اذار", 3),
    ("نيسان", 4),
    ("أيار", 5),
    ("ايار", 5),
    ("حزيران", 6),
    ("تموز", 7),
    ("أيلول", 9),
    ("ايلول", 9),
    ("تشرين الأول", 10),
    ("تشرين الاول", 10),
    ("تشرين الثاني", 11),
    ("كانون الأول", 12),
    ("كانون الاول", 12),
    // Common variants: Levantine names without the article, Persian-letter
    // and phonetic spellings seen in scraped text.
    ("كانون ثاني", 1),
    ("فبرایر", 2),
    ("اغشت", 8),
    ("سپتمبر", 9),
    ("تشرين اول", 10),
    ("اوكتوبر", 10),
    ("تشرين ثاني", 11),
    ("كانون اول", 12),
    ("ديسيمبر", 12),
];

/// Latin-script month names (English and French, with abbreviations), in
/// lower case, as Arabic sites print them in stamps (`15th, December 2023`).
pub const LATIN_MONTHS: &[(&str, u8)] = &[
    ("january", 1),
    ("jan", 1),
    ("janvier", 1),
    ("february", 2),
    ("feb", 2),
    ("février", 2),
    ("fevrier", 2),
    ("march", 3),
    ("mar", 3),
    ("mars", 3),
    ("april", 4),
    ("apr", 4),
    ("avril", 4),
    ("may", 5),
    ("mai", 5),
    ("june", 6),
    ("jun", 6),
    ("juin", 6),
    ("july", 7),
    ("jul", 7),
    ("juillet", 7),
    ("august", 8),
    ("aug", 8),
    ("août", 8),
    ("aout", 8),
    ("september", 9),
    ("sep", 9),
    ("sept", 9),
    ("septembre", 9),
    ("october", 10),
    ("oct", 10),
    ("octobre", 10),
    ("november", 11),
    ("nov", 11),
    ("novembre", 11),
    ("december", 12),
    ("dec", 12),
    ("décembre", 12),
    ("decembre", 12),
];

/// Latin-script weekdays (English and French), in lower case, ISO numbered.
pub const LATIN_WEEKDAYS: &[(&str, u8)] = &[
    ("monday", 1),
    ("lundi", 1),
    ("tuesday", 2),
    ("mardi", 2),
    ("wednesday", 3),
    ("mercredi", 3),
    ("thursday", 4),
    ("jeudi", 4),
    ("friday", 5),
    ("vendredi", 5),
    ("saturday", 6),
    ("samedi", 6),
    ("sunday", 7),
    ("dimanche", 7),
];

/// The month number of a Latin-script month name, any case.
pub fn latin_month_number(word: &str) -> Option<u8> {
    let w = word.to_lowercase();
    LATIN_MONTHS.iter().find(|(n, _)| *n == w).map(|&(_, v)| v)
}

/// Hijri month names with their number in the Hijri year.
pub const HIJRI_MONTHS: &[(&str, u8)] = &[
    ("محرم", 1),
    ("صفر", 2),
    ("ربيع الأول", 3),
    ("ربيع الاول", 3),
    ("ربيع الثاني", 4),
    ("ربيع الآخر", 4),
    ("جمادى الأولى", 5),
    ("جمادى الاولى", 5),
    ("جمادى الآخرة", 6),
    ("جمادى الثانية", 6),
    ("جمادى الاخرة", 6),
    ("رجب", 7),
    ("شعبان", 8),
    ("رمضان", 9),
    ("شوال", 10),
    ("ذو القعدة", 11),
    ("ذي القعدة", 11),
    ("ذو الحجة", 12),
    ("ذي الحجة", 12),
];

/// Weekday names, numbered as ISO 8601 does (Monday = 1 … Sunday = 7).
pub const WEEKDAYS: &[(&str, u8)] = &[
    ("الاثنين", 1),
    ("الإثنين", 1),
    ("الأثنين", 1),
    ("الثلاثاء", 2),
    ("الأربعاء", 3),
    ("الاربعاء", 3),
    ("الخميس", 4),
    ("الجمعة", 5),
    ("السبت", 6),
    ("الأحد", 7),
    ("الاحد", 7),
];

/// Season words with the ISO-like season code of `ANNOTATION.md`.
pub const SEASONS: &[(&str, &str)] = &[
    ("الربيع", "SP"),
    ("الصيف", "SU"),
    ("الخريف", "FA"),
    ("الشتاء", "WI"),
];

/// The light spelling fold used for calendar look-ups: drops tatweel and
/// Arabic diacritics, folds `أ إ آ ٱ` to `ا`, `ى` to `ي`, `ة` to `ه`, and
/// runs of whitespace to one space.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.chars() {
        let c = match c {
            'أ' | 'إ' | 'آ' | 'ٱ' => 'ا',
            'ى' => 'ي',
            'ة' => 'ه',
            'ـ' | '\u{064B}'..='\u{0652}' | '\u{0670}' => continue,
            c if c.is_whitespace() => {
                if !space && !out.is_empty() {
                    out.push(' ');
                }
                space = true;
                continue;
            }
            c => c,
        };
        space = false;
        out.push(c);
    }
    if out.ends_with(' ') {
        out.pop();
    }
    out
}

fn lookup<T: Copy>(table: &[(&str, T)], word: &str) -> Option<T> {
    let w = fold(word);
    table
        .iter()
        .find(|(name, _)| fold(name) == w)
        .map(|&(_, v)| v)
}

/// The Gregorian month number of a month name of any regional system.
pub fn month_number(word: &str) -> Option<u8> {
    lookup(GREGORIAN_MONTHS, word)
}

/// The Hijri month number of a Hijri month name.
pub fn hijri_month_number(word: &str) -> Option<u8> {
    lookup(HIJRI_MONTHS, word)
}

/// Days since 1970-01-01 of a date of the tabular Islamic calendar (civil
/// epoch, leap years 2, 5, 7, 10, 13, 16, 18, 21, 24, 26, 29 of each
/// 30-year cycle). The tabular calendar may differ by a day or two from a
/// sighting-based one (Umm al-Qura): 1 Muharram 1447 is 27 June 2025 here,
/// 26 June there.
///
/// ```
/// use akhbar_core::calendar::{civil_from_days, days_from_hijri};
/// assert_eq!(civil_from_days(days_from_hijri(1447, 1, 1)), (2025, 6, 27));
/// ```
pub fn days_from_hijri(year: i64, month: u8, day: u8) -> i64 {
    let m = i64::from(month);
    i64::from(day) + (59 * (m - 1) + 1) / 2 + (year - 1) * 354 + (3 + 11 * year).div_euclid(30)
        - 492_149
}

/// The ISO weekday number (Monday = 1) of a weekday name, with or without
/// the article (`الخميس`, `خميس`).
pub fn weekday_number(word: &str) -> Option<u8> {
    lookup(WEEKDAYS, word).or_else(|| lookup(WEEKDAYS, &format!("ال{word}")))
}

/// The season code (`SP`, `SU`, `FA`, `WI`) of a season word.
pub fn season_code(word: &str) -> Option<&'static str> {
    lookup(SEASONS, word)
}

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's
/// algorithm), for weekday checks and relative dates.
pub fn days_from_civil(year: i64, month: u8, day: u8) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = if y >= 0 { y } else { y - 399 } / 400;
    let yoe = y - era * 400;
    let m = i64::from(month);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The proleptic Gregorian date of a day count since 1970-01-01.
pub fn civil_from_days(z: i64) -> (i64, u8, u8) {
    let z = z + 719_468;
    let era = if z >= 0 { z } else { z - 146_096 } / 146_097;
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u8;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
    (if m <= 2 { y + 1 } else { y }, m, d)
}

/// ISO weekday (Monday = 1 … Sunday = 7) of a Gregorian date.
pub fn weekday_of(year: i64, month: u8, day: u8) -> u8 {
    // 1970-01-01 was a Thursday (4).
    ((days_from_civil(year, month, day) + 3).rem_euclid(7) + 1) as u8
}

/// ISO 8601 week (year, week) of a Gregorian date.
pub fn iso_week(year: i64, month: u8, day: u8) -> (i64, u8) {
    let days = days_from_civil(year, month, day);
    let wd = i64::from(weekday_of(year, month, day));
    // The Thursday of this week decides the ISO year.
    let thursday = days - wd + 4;
    let (ty, _, _) = civil_from_days(thursday);
    let jan1 = days_from_civil(ty, 1, 1);
    (ty, ((thursday - jan1) / 7 + 1) as u8)
}

/// Number of days in a Gregorian month.
pub fn days_in_month(year: i64, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_regional_month_system_resolves() {
        for (w, n) in [
            ("يونيو", 6),
            ("جوان", 6),
            ("حزيران", 6),
            ("دجنبر", 12),
            ("كانون الأول", 12),
            ("كانون  الاول", 12),
            ("اغسطس", 8),
            ("آب", 8),
            ("فيفري", 2),
        ] {
            assert_eq!(month_number(w), Some(n), "{w}");
        }
        assert_eq!(month_number("الخميس"), None);
        assert_eq!(month_number("كانون ثاني"), Some(1));
        assert_eq!(latin_month_number("December"), Some(12));
        assert_eq!(latin_month_number("juillet"), Some(7));
        assert_eq!(hijri_month_number("رمضان"), Some(9));
    }

    #[test]
    fn weekdays_and_weeks_follow_iso() {
        assert_eq!(weekday_of(2025, 6, 24), 2); // a Tuesday
        assert_eq!(weekday_of(2023, 12, 15), 5); // a Friday
        assert_eq!(iso_week(2024, 10, 16), (2024, 42));
        assert_eq!(iso_week(2021, 1, 3), (2020, 53));
        assert_eq!(civil_from_days(days_from_civil(2024, 2, 29)), (2024, 2, 29));
        assert_eq!(weekday_number("خميس"), Some(4));
    }
}

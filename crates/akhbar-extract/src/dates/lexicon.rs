//! Calendar words in their folded form, built once.
//!
//! Month, Hijri month, weekday and season names come from
//! `akhbar_core::calendar` (Arabic and Latin script, with common
//! variant spellings). Everything else here is the closed vocabulary of
//! Arabic temporal expressions: relative words, units, parts of periods,
//! ordinal day numbers.

use crate::fxhash::FilteredSet;
use akhbar_core::calendar;
use std::collections::{BTreeMap, BTreeSet};
use std::sync::LazyLock;

/// Month names that are also common words or names (`مارس` "he
/// practised", `آب`/`أب` "father", `جوان`, `نيسان`, `تموز`, `ماي`): alone,
/// they need a strong cue (`شهر`, a relative word, a day or a year).
const WEAK_MONTHS: &[&str] = &[
    "مارس",
    "اب",
    "جوان",
    "نيسان",
    "تموز",
    "ماي",
    "ايار",
    "شباط",
    "اوت",
    "mar",
    "may",
    "mai",
    "mars",
    "jan",
    "dec",
    "jun",
    "jul",
    "oct",
    "nov",
    "sep",
    "apr",
    "aug",
    "feb",
];

/// A multi-word name: its folded words and a value.
#[derive(Debug, Clone)]
pub(super) struct Entry<T> {
    /// Folded words after the first.
    pub rest: Vec<String>,
    /// The value.
    pub value: T,
}

/// Names keyed by their first folded word, longer names first.
pub(super) type Table<T> = Lookup<Vec<Entry<T>>>;

/// A word-keyed map for the grammar's look-ups: Fx-hashed (a look-up per
/// candidate token), with its keys kept in order for the one walk over them
/// ([`Lookup::keys`]).
#[derive(Debug)]
pub(super) struct Lookup<V> {
    map: crate::fxhash::FxHashMap<String, V>,
    keys: Vec<String>,
}

impl<V> Lookup<V> {
    /// The value of `key`.
    pub(super) fn get(&self, key: &str) -> Option<&V> {
        self.map.get(key)
    }

    /// True when `key` is in the map.
    pub(super) fn contains_key(&self, key: &str) -> bool {
        self.map.contains_key(key)
    }

    /// The keys, in order.
    pub(super) fn keys(&self) -> impl Iterator<Item = &String> {
        self.keys.iter()
    }
}

impl<V> From<BTreeMap<String, V>> for Lookup<V> {
    fn from(m: BTreeMap<String, V>) -> Self {
        let keys = m.keys().cloned().collect();
        Self {
            map: m.into_iter().collect(),
            keys,
        }
    }
}

impl<V> std::ops::Index<&str> for Lookup<V> {
    type Output = V;

    fn index(&self, key: &str) -> &V {
        self.map.get(key).expect("the key is in the map")
    }
}

fn build<T: Copy>(items: impl Iterator<Item = (String, T)>) -> Table<T> {
    let mut t: BTreeMap<String, Vec<Entry<T>>> = BTreeMap::new();
    for (name, value) in items {
        let mut words = name.split(' ').map(str::to_owned);
        let Some(first) = words.next() else { continue };
        let rest: Vec<String> = words.collect();
        let list = t.entry(first).or_default();
        if !list.iter().any(|e| e.rest == rest) {
            list.push(Entry { rest, value });
        }
    }
    for list in t.values_mut() {
        list.sort_by_key(|e| std::cmp::Reverse(e.rest.len()));
    }
    t.into()
}

/// Gregorian months of every regional system, Arabic and Latin script.
pub(super) static MONTHS: LazyLock<Table<u8>> = LazyLock::new(|| {
    build(
        calendar::GREGORIAN_MONTHS
            .iter()
            .map(|&(n, v)| (calendar::fold(n), v))
            .chain(
                calendar::LATIN_MONTHS
                    .iter()
                    .map(|&(n, v)| (n.to_owned(), v)),
            ),
    )
});

/// Hijri months.
pub(super) static HIJRI_MONTHS: LazyLock<Table<u8>> = LazyLock::new(|| {
    build(
        calendar::HIJRI_MONTHS
            .iter()
            .chain(&[("ذو القعده", 11), ("ذي القعده", 11), ("ربيع ثاني", 4)])
            .map(|&(n, v)| (calendar::fold(n), v)),
    )
});

/// Weekdays, Arabic (with the article) and Latin script.
pub(super) static WEEKDAYS: LazyLock<Lookup<u8>> = LazyLock::new(|| {
    calendar::WEEKDAYS
        .iter()
        .map(|&(n, v)| (calendar::fold(n), v))
        .chain(
            calendar::LATIN_WEEKDAYS
                .iter()
                .map(|&(n, v)| (n.to_owned(), v)),
        )
        .collect::<BTreeMap<String, u8>>()
        .into()
});

/// True for a weak month name (see [`WEAK_MONTHS`]).
pub(super) fn is_weak_month(first_word: &str) -> bool {
    WEAK_MONTHS.contains(&first_word)
}

/// Season words, with and without the article, and their codes.
pub(super) fn season(word: &str) -> Option<(&'static str, bool)> {
    let (bare, article) = match word.strip_prefix("ال") {
        Some(b) => (b, true),
        None => (word, false),
    };
    let code = match bare {
        "ربيع" => "SP",
        "صيف" => "SU",
        "خريف" => "FA",
        "شتاء" => "WI",
        _ => return None,
    };
    Some((code, article))
}

/// The direction a relative adjective points to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Tense {
    /// No relative word.
    None,
    /// `الماضي`, `المنصرم`, `الفارط` …
    Past,
    /// `المقبل`, `القادم` …
    Future,
    /// `الجاري`, `الحالي`, `هذا` …
    Current,
}

/// A relative adjective after a unit or a name (`الماضي`, `المقبلة` …).
pub(super) fn tense_adjective(word: &str) -> Option<Tense> {
    let w = word.strip_suffix('ه').unwrap_or(word);
    Some(match w {
        // `الفايت`, `الجاي`: Moroccan Darija.
        "الماضي" | "المنصرم" | "الفارط" | "المنقضي" | "الفائت" | "الفايت" | "السابق" => {
            Tense::Past
        }
        "المقبل" | "القادم" | "الموالي" | "الاتي" | "الجاي" => {
            Tense::Future
        }
        "الجاري" | "الحالي" => Tense::Current,
        _ => return None,
    })
}

/// A unit of relative time: week, month or year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Unit {
    /// `الأسبوع`
    Week,
    /// `الشهر`
    Month,
    /// `السنة`, `العام`
    Year,
}

/// A definite unit word (`الأسبوع`, `الشهر`, `السنة`, `العام`).
pub(super) fn unit(word: &str) -> Option<Unit> {
    Some(match word {
        "الاسبوع" => Unit::Week,
        "الشهر" => Unit::Month,
        "السنه" | "العام" => Unit::Year,
        _ => return None,
    })
}

/// Words that pick a part of a period and stay inside the mention with the
/// period's value (`مطلع العام`, `نهاية 2014`, `منتصف يونيو`).
const PART_WORDS: &[&str] = &[
    "مطلع",
    "مستهل",
    "بدايه",
    "بدايات",
    "نهايه",
    "نهايات",
    "اواخر",
    "اوائل",
    "منتصف",
    "اواسط",
    "متم",
    // Tunisian `موفى سبتمبر`: the end of September.
    "موفي",
    "اخر",
];

/// True for a part-of-period word (see [`PART_WORDS`]).
pub(super) fn is_part_word(word: &str) -> bool {
    PART_WORDS.contains(&word)
}

/// Other words that can open a date expression.
const OPENERS: &[&str] = &[
    "يوم",
    "يومه",
    "يومي",
    "ايام",
    "اول",
    "بعد",
    "غد",
    "فصل",
    "هذا",
    "هذه",
    "شهر",
    "ال",
    "اليوم",
    "امس",
    "الامس",
    "البارحه",
    "البارح",
    "لبارح",
    "غدا",
    "سنه",
    "عام",
    "السنه",
    "العام",
    "عامي",
    "سنوات",
    "اعوام",
    "سنتي",
    "الاسبوع",
    "الشهر",
    "ربيع",
    "صيف",
    "خريف",
    "شتاء",
    "الربيع",
    "الصيف",
    "الخريف",
    "الشتاء",
    "الاول",
    "الثاني",
    "الثالث",
    "الرابع",
    "الخامس",
    "السادس",
    "السابع",
    "الثامن",
    "التاسع",
    "العاشر",
    "الحادي",
    "العشرين",
    "الثلاثين",
    "فاتح",
    "الفاتح",
    "غره",
];

/// Every word that can open a date expression.
fn starters() -> BTreeSet<String> {
    let mut all: BTreeSet<String> = OPENERS
        .iter()
        .chain(PART_WORDS)
        .map(|w| (*w).to_owned())
        .collect();
    all.extend(MONTHS.keys().cloned());
    all.extend(HIJRI_MONTHS.keys().cloned());
    all.extend(WEEKDAYS.keys().cloned());
    all
}

/// Every written form of a word that can open a date expression: the word
/// itself, after `و`/`ف`, after `ب`/`ل`/`ك`, and with its article after `ل`
/// contracted to `لل`, both proclitics optional. One look-up per token,
/// behind a filter that turns most other words away first.
static STARTERS: LazyLock<Starters> = LazyLock::new(|| {
    let all = starters();
    // At most 15 forms a word (`format!` is slow for thousands of them).
    let mut forms = FilteredSet::with_capacity(15 * all.len());
    let mut add = |parts: [&str; 3]| forms.insert(parts.concat());
    for w in &all {
        for conj in ["", "و", "ف"] {
            add([conj, "", w]);
            for prep in ["ب", "ل", "ك"] {
                add([conj, prep, w]);
            }
            if let Some(bare) = w.strip_prefix("ال") {
                add([conj, "لل", bare]);
            }
        }
    }
    Starters(forms)
});

/// The forms of [`STARTERS`], behind their filter.
pub(super) struct Starters(FilteredSet);

impl Starters {
    /// The forms, built on first use.
    pub(super) fn get() -> &'static Starters {
        &STARTERS
    }

    /// A fast test: can a token (a word with its proclitics, or a number)
    /// open a date expression? Most words cannot, and skip the grammar.
    pub(super) fn could_start(&self, word: &str) -> bool {
        self.0.contains(word)
    }

    /// The filter alone: false when the word (its bytes) is surely no
    /// starter form.
    #[inline]
    pub(super) fn may_start(&self, word: &[u8]) -> bool {
        self.0.may_contain(word)
    }
}

/// [`Starters::could_start`] on the shared forms.
#[cfg(test)]
pub(super) fn could_start(word: &str) -> bool {
    STARTERS.could_start(word)
}

/// Framing words after which a bare year or a bare month is a date
/// (`في`, `منذ`, `خلال`, `حتى`, `في أفق` …); they stay outside the mention.
pub(super) fn is_cue_word(word: &str) -> bool {
    matches!(
        word,
        "في" | "منذ"
            | "خلال"
            | "حتي"
            | "قبل"
            | "بعد"
            | "بحلول"
            | "حلول"
            | "افق"
            | "غايه"
            | "مند"
            | "طيله"
            | "طوال"
    )
}

/// Nouns whose year follows them in construct (`انتخابات 2014`, `دستور
/// 2011`, `اتفاق 1992`, `من مواليد 1997`): a bare year after one is a date.
pub(super) fn is_year_noun(word: &str) -> bool {
    matches!(
        word,
        "انتخابات"
            | "اتفاق"
            | "اتفاقيه"
            | "اتفاقات"
            | "دستور"
            | "مواليد"
            | "ثوره"
            | "حرب"
            | "احداث"
            | "ازمه"
            | "موسم"
            | "ميزانيه"
            | "هجمات"
            | "تفجيرات"
            | "زلزال"
            | "فيضانات"
            | "انتفاضه"
            | "اعتداءات"
    )
}

/// Words heading `العام` as the adjective "general": `المدير العام السابق`
/// is a former director general, not last year.
pub(super) fn is_general_head(word: &str) -> bool {
    matches!(
        word,
        "المدير"
            | "الامين"
            | "المدعي"
            | "النائب"
            | "الوكيل"
            | "المفتش"
            | "الكاتب"
            | "القائد"
            | "المراقب"
            | "الراي"
            | "الامن"
            | "النظام"
            | "القطاع"
            | "الشان"
            | "المال"
            | "الصالح"
            | "الاضراب"
            | "المؤتمر"
            | "الممثل"
            | "المقرر"
            | "المنسق"
            | "المستشار"
            | "المندوب"
            | "المحامي"
            | "الحق"
            | "المرفق"
            | "الملك"
            | "الاتجاه"
            | "الوضع"
            | "الاطار"
            | "المناخ"
            | "التعليم"
            | "الرئيس"
            | "المفوض"
            | "الموظف"
            | "الادعاء"
            | "القائم"
    )
}

/// Connectors between the two ends of a period or the items of a list
/// (`إلى`, `حتى`, `و`, `-`, `إلى غاية`, `أو`).
pub(super) fn is_range_word(word: &str) -> bool {
    // `ل` is `لـ` before a number (`حتى لـ25 نونبر`); `حتال` is Darija.
    matches!(
        word,
        "الي" | "حتي" | "لغايه" | "غايه" | "و" | "او" | "ل" | "حتال"
    )
}

/// A relative day word alone: `اليوم` 0, `أمس` −1, `غدا` +1 …
pub(super) fn day_word(word: &str) -> Option<i64> {
    Some(match word {
        "اليوم" => 0,
        "امس" | "الامس" | "البارحه" | "البارح" | "لبارح" => -1,
        "غدا" => 1,
        _ => return None,
    })
}

/// Ordinal day numbers written as words (`الأول` … `العاشر`, `الحادي`).
pub(super) fn ordinal_unit(word: &str) -> Option<u8> {
    Some(match word {
        "الاول" | "فاتح" | "الفاتح" => 1,
        "الحادي" => 1,
        "الثاني" => 2,
        "الثالث" => 3,
        "الرابع" => 4,
        "الخامس" => 5,
        "السادس" => 6,
        "السابع" => 7,
        "الثامن" => 8,
        "التاسع" => 9,
        "العاشر" => 10,
        _ => return None,
    })
}

/// Ordinal tens (`العشرين`, `الثلاثين`).
pub(super) fn ordinal_tens(word: &str) -> Option<u8> {
    Some(match word {
        "العشرين" => 20,
        "الثلاثين" => 30,
        _ => return None,
    })
}

/// Words that make the weekday after them a prayer or a count, not a day
/// (`صلاة الجمعة`, `بين الاثنين` "between the two").
pub(super) fn blocks_weekday(prev: &str) -> bool {
    matches!(prev, "صلاه" | "خطبه" | "بين" | "كلا" | "هذين" | "لصلاه")
}

/// An adjective after `اليوم` that makes it "the … day", not today:
/// nisba and ordinal adjectives (`الوطني`, `العالمي`, `الثاني`), and a
/// few others (`الأول`, `الأخير`, `الواحد`, `المفتوح`). Nouns in -ي that
/// often follow `اليوم` as a subject (`القاضي`, `الوالي`) are kept.
pub(super) fn is_day_adjective(word: &str) -> bool {
    if matches!(word, "نفسه" | "ذاته") {
        return true;
    }
    if !word.starts_with("ال") || WEEKDAYS.contains_key(word) {
        return false;
    }
    if matches!(word, "القاضي" | "المحامي" | "الوالي" | "المدعي" | "الساعي")
    {
        return false;
    }
    word.ends_with('ي')
        || matches!(
            word,
            "الاول"
                | "الاخير"
                | "الواحد"
                | "المفتوح"
                | "الموعود"
                | "المشهود"
                | "الثالث"
                | "الرابع"
                | "الخامس"
                | "السادس"
                | "السابع"
                | "الثامن"
                | "التاسع"
                | "العاشر"
                | "الاخر"
        )
}

/// True for a word that looks like a counted noun after a number: an
/// indefinite word in `ة` or accusative `ا` (`قارورة`, `شخصا`, `حالة`),
/// except adverbs that often follow a year (`تقريبا`, `أيضا`).
pub(super) fn is_counted_noun(word: &str) -> bool {
    !word.starts_with("ال")
        && !word.starts_with('و')
        && (word.ends_with('ه') || word.ends_with('ا'))
        && !matches!(
            word,
            "تقريبا"
                | "ايضا"
                | "تحديدا"
                | "خصوصا"
                | "خاصه"
                | "حيث"
                | "هذا"
                | "حتي"
                | "بعدما"
                | "عندما"
        )
}

/// Time-of-day words, outside a date but a sign that one follows
/// (`مساء غد`).
pub(super) fn is_time_of_day(word: &str) -> bool {
    matches!(
        word,
        "مساء"
            | "صباح"
            | "ظهر"
            | "عشيه"
            | "ليله"
            | "زوال"
            | "صبيحه"
            | "ظهيره"
            | "فجر"
            | "عصر"
    )
}

/// Head nouns of places and movements named after a date (`شارع 9 أفريل`,
/// `ساحة 7 نوفمبر`, `ملعب 5 جويلية`, `حركة 20 فبراير`).
pub(super) fn is_name_head(word: &str) -> bool {
    matches!(
        word,
        "شارع"
            | "نهج"
            | "زنقه"
            | "ساحه"
            | "حي"
            | "جاده"
            | "طريق"
            | "ملعب"
            | "مدرسه"
            | "معهد"
            | "ثانويه"
            | "مستشفى"
            | "مستشفي"
            | "مطار"
            | "جسر"
            | "قنطره"
            | "ثوره"
            | "حركه"
            | "انتفاضه"
            | "مدينه"
            | "تجزئه"
            | "اقامه"
    )
}

/// Words starting with a future prefix that are not verbs.
pub(super) fn is_future_stop(word: &str) -> bool {
    matches!(
        word,
        "سياسه"
            | "سياسي"
            | "سياسيه"
            | "سياسات"
            | "سياره"
            | "سيارات"
            | "ستين"
            | "سنوات"
            | "سنتين"
            | "سنويا"
            | "سياحه"
            | "سياحي"
            | "سيدي"
            | "سيده"
            | "سيطره"
            | "سياق"
            | "سيناريو"
            | "سينما"
            | "ستار"
            | "سياده"
            | "سنوي"
            | "سنويه"
            | "ستوكهولم"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_hold_every_system() {
        for w in ["يونيو", "جوان", "حزيران", "دجنبر", "june", "juin", "اب"] {
            assert!(MONTHS.contains_key(w), "{w}");
        }
        assert!(MONTHS["كانون"].iter().any(|e| e.rest == ["الثاني"]));
        assert!(HIJRI_MONTHS["ذو"].iter().any(|e| e.value == 12));
        assert_eq!(WEEKDAYS.get("الاربعاء"), Some(&3));
        assert_eq!(season("الصيف"), Some(("SU", true)));
        assert!(is_weak_month("مارس"));
    }

    /// The proclitic rule that [`could_start`]'s precomputed forms encode.
    fn by_rule(all: &BTreeSet<String>, word: &str) -> bool {
        if all.contains(word) {
            return true;
        }
        let mut rest = word;
        if let Some(r) = rest.strip_prefix(['و', 'ف']) {
            if all.contains(r) {
                return true;
            }
            rest = r;
        }
        if let Some(r) = rest.strip_prefix("لل")
            && all.iter().any(|w| w.strip_prefix("ال") == Some(r))
        {
            return true;
        }
        rest.strip_prefix(['ب', 'ل', 'ك'])
            .is_some_and(|r| all.contains(r))
    }

    #[test]
    fn could_start_agrees_with_the_proclitic_rule() {
        let all = starters();
        let mut words: Vec<String> = Vec::new();
        for w in &all {
            for p in [
                "", "و", "ف", "ب", "ل", "ك", "لل", "ول", "فب", "ولل", "وو", "بو", "ال",
            ] {
                words.push(format!("{p}{w}"));
                if let Some(b) = w.strip_prefix("ال") {
                    words.push(format!("{p}{b}"));
                }
                let mut cut = format!("{p}{w}");
                cut.pop();
                words.push(cut);
            }
        }
        words.extend(["قال", "و", "لل", "ب", ""].map(String::from));
        for w in &words {
            assert_eq!(could_start(w), by_rule(&all, w), "{w}");
        }
    }
}

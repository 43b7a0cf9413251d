//! Zoning: the role of every line of a scraped page (ZONING.md explains it).

use aho_corasick::{AhoCorasick, AhoCorasickKind};
use akhbar_core::calendar::fold;
use akhbar_core::{ByteSpan, Zone, ZoneRange};
use regex::Regex;
use std::cell::OnceCell;
use std::collections::{BTreeMap, BTreeSet};
use std::sync::LazyLock;

/// One non-blank line of the text.
#[derive(Debug)]
struct Line<'a> {
    span: ByteSpan,
    /// Folded (calendar::fold), lowercased, trimmed.
    key: String,
    /// Raw trimmed text.
    raw: &'a str,
    words: usize,
    /// The lists of [`CONTAINED`] found in `key` (`HIT_*` bits); see
    /// [`line_hits`].
    hits: u16,
}

/// The matching form of a line: folded (`calendar::fold`), ASCII
/// lowercased. One pass over the bytes doing both: characters that stay as
/// they are are copied a run at a time, the Arabic letters (`U+0600`–
/// `U+067F`, two bytes led by `D8` or `D9`) are folded without decoding
/// them; tests hold it to `fold` then `make_ascii_lowercase`.
fn key_of(s: &str) -> String {
    /// What becomes of one character.
    enum Fold {
        Keep,
        Space,
        Drop,
        Into(&'static str),
    }
    let b = s.as_bytes();
    let mut out = String::with_capacity(s.len());
    // Whether the last character kept was a space.
    let mut space = false;
    // Start of the run of characters kept as they are.
    let mut run = 0;
    let mut i = 0;
    while i < b.len() {
        let x = b[i];
        // Fast path: an Arabic letter or an ASCII character that stays.
        if x == 0xD8 || x == 0xD9 {
            let special = if x == 0xD8 { D8_FOLDS } else { D9_FOLDS };
            let y = b.get(i + 1).copied().unwrap_or(0);
            if (special >> (y & 0x3F)) & 1 == 0 {
                i += 2;
                space = false;
                continue;
            }
        } else if matches!(x, b'!'..=b'@' | b'['..=b'~') {
            i += 1;
            space = false;
            continue;
        } else if x == b' ' && !space && (run < i || !out.is_empty()) {
            // A single space after a kept character stays as it is: the
            // run goes on (a trailing one is dropped at the end).
            i += 1;
            space = true;
            continue;
        }
        let (len, f) = match x {
            b'\t'..=b'\r' | b' ' => (1, Fold::Space),
            b'A'..=b'Z' => (1, Fold::Into(ASCII_LOWER[usize::from(x - b'A')])),
            0..=0x7F => (1, Fold::Keep),
            0xD8 | 0xD9 => (
                2,
                match (x, b.get(i + 1).copied().unwrap_or(0)) {
                    // أ آ إ ٱ → ا
                    (0xD8, 0xA2 | 0xA3 | 0xA5) | (0xD9, 0xB1) => Fold::Into("ا"),
                    // ى → ي
                    (0xD9, 0x89) => Fold::Into("ي"),
                    // ة → ه
                    (0xD8, 0xA9) => Fold::Into("ه"),
                    // Tatweel, harakat, dagger alif.
                    (0xD9, 0x80 | 0x8B..=0x92 | 0xB0) => Fold::Drop,
                    _ => Fold::Keep,
                },
            ),
            _ => match s.get(i..).and_then(|r| r.chars().next()) {
                Some(c) if c.is_whitespace() => (c.len_utf8(), Fold::Space),
                Some(c) => (c.len_utf8(), Fold::Keep),
                None => (1, Fold::Keep),
            },
        };
        if let Fold::Keep = f {
            space = false;
        } else {
            out.push_str(s.get(run..i).unwrap_or(""));
            match f {
                Fold::Space => {
                    if !space && !out.is_empty() {
                        out.push(' ');
                    }
                    space = true;
                }
                Fold::Into(r) => {
                    out.push_str(r);
                    space = false;
                }
                Fold::Keep | Fold::Drop => {}
            }
            run = i + len;
        }
        i += len;
    }
    out.push_str(s.get(run..).unwrap_or(""));
    if out.ends_with(' ') {
        out.pop();
    }
    out
}

/// Second bytes (less `0x80`) of the letters led by `D8` that [`key_of`]
/// folds: `آ أ إ ة`.
const D8_FOLDS: u64 = 1 << 0x22 | 1 << 0x23 | 1 << 0x25 | 1 << 0x29;

/// Second bytes (less `0x80`) of the characters led by `D9` that
/// [`key_of`] folds or drops: tatweel, `ى`, harakat, dagger alif, `ٱ`.
const D9_FOLDS: u64 = 1 << 0x00 | 1 << 0x09 | 0xFF << 0x0B | 1 << 0x30 | 1 << 0x31;

/// `a` to `z`, for [`key_of`].
const ASCII_LOWER: [&str; 26] = [
    "a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l", "m", "n", "o", "p", "q", "r", "s",
    "t", "u", "v", "w", "x", "y", "z",
];

/// Lines of `text` that are not blank, with their byte spans (newline and
/// CR excluded).
fn lines(text: &str) -> Vec<Line<'_>> {
    let mut out = Vec::new();
    let mut off = 0;
    for piece in split_newlines(text) {
        let line = piece.strip_suffix('\r').unwrap_or(piece);
        if !line.trim().is_empty() {
            // Bullets and rules before a line do not change what it says.
            let mut key = key_of(line);
            let lead = key.len()
                - key
                    .trim_start_matches([
                        '-', '–', '—', '•', '*', '·', '●', '■', '►', '▪', '|', ' ',
                    ])
                    .len();
            key.drain(..lead);
            // A key's only whitespace is single spaces between words.
            let words = if key.is_empty() {
                0
            } else {
                count_spaces(key.as_bytes()) + 1
            };
            out.push(Line {
                span: ByteSpan::new(off, off + line.len()),
                words,
                hits: line_hits(&key, words),
                key,
                raw: line.trim(),
            });
        }
        off += piece.len() + 1;
    }
    out
}

/// The number of `b' '` bytes in `b`, counted in byte-sized sums of at
/// most 255 bytes, which the compiler turns into vector code.
fn count_spaces(b: &[u8]) -> usize {
    b.chunks(255)
        .map(|c| usize::from(c.iter().fold(0u8, |n, &x| n + u8::from(x == b' '))))
        .sum()
}

/// `text.split('\n')`, found by the memchr crate's vector search.
pub(crate) fn split_newlines(text: &str) -> impl Iterator<Item = &str> {
    let mut start = 0;
    memchr::memchr_iter(b'\n', text.as_bytes())
        .map(Some)
        .chain(std::iter::once(None))
        .map(move |nl| {
            let end = nl.unwrap_or(text.len());
            let piece = text.get(start..end).unwrap_or_default();
            start = end + 1;
            piece
        })
}

/// Folds each phrase the way lines are folded.
fn folded(list: &[&str]) -> Vec<String> {
    list.iter().map(|p| key_of(p)).collect()
}

/// Markers after which the page holds no more of the article: "read also"
/// and related-article lists, comment sections. A line starting with one is
/// boilerplate, and once the body has begun every later line is too.
static TERMINAL: LazyLock<Phrases> = LazyLock::new(|| {
    Phrases::new(&[
        "اقرأ أيضا",
        "اقرأ أيضاً",
        "إقرأ أيضا",
        "اقرا ايضا",
        "اقرأ كذلك",
        "اقرأ المزيد",
        "إقرأ المزيد",
        "اقرأ أيضًا",
        "طالع أيضا",
        "شاهد أيضا",
        "شاهد أيضاً",
        "انظر أيضا",
        "اقرأ ايضا",
        "يهمك أيضا",
        "مقالات ذات صلة",
        "مقالات مشابهة",
        "مقالات متعلقة",
        "أخبار ذات صلة",
        "أخبار متعلقة",
        "أخبار مشابهة",
        "مواضيع ذات صلة",
        "موضوعات ذات صلة",
        "مواضيع متعلقة",
        "مواد ذات صلة",
        "ذات صلة",
        "قد يهمك أيضا",
        "قد يهمك",
        "قد يعجبك أيضا",
        "قد يعجبك",
        "ننصحك بقراءة",
        "المزيد من الأخبار",
        "المزيد من المقالات",
        "اترك تعليقا",
        "إضافة تعليق",
        "اضافة تعليق",
        "أضف تعليقاً",
        "مواضيع ذات علاقة",
        "مواضيع ساخنة",
        "يمكنك أيضا قراءة",
        "اختيارات القراء",
        "الأكثر قراءة",
        "الأكثر مشاهدة",
        "الأكثر تصفحا",
        "الأكثر تداولا",
        "الأكثر تعليقا",
        "أكثر قراءة",
        "أخبار أخرى",
        "مقالات أخرى",
        "المقالات ذات الصلة",
        "الأخبار ذات الصلة",
        "شاهد المزيد",
        "اترك تعليق",
        "اترك ردا",
        "اترك رد",
        "أضف تعليق",
        "أضف تعليقك",
        "أضف تعليقا",
        "اكتب تعليق",
        "اكتب تعليقك",
        "أرسل تعليق",
        "أرسل تعليقك",
        "التعليقات",
        "تعليقات الزوار",
        "لا توجد تعليقات",
        "لا يوجد تعليقات",
        "كن أول من يعلق",
        "تعليقات القراء",
        "شروط التعليق",
        "لن يتم نشر عنوان بريدك",
        "related articles",
        "related posts",
        "read also",
        "read more",
        "you may also like",
        "leave a reply",
        "leave a comment",
        "comments",
    ])
});

/// "Read also" markers, which may carry a linked headline on their line.
static READ_ALSO: LazyLock<Phrases> = LazyLock::new(|| {
    Phrases::new(&[
        "اقرأ أيضا",
        "اقرأ أيضاً",
        "اقرأ أيضًا",
        "إقرأ أيضا",
        "اقرا ايضا",
        "اقرأ كذلك",
        "طالع أيضا",
        "شاهد أيضا",
        "شاهد أيضاً",
        "انظر أيضا",
        "read also",
        "see also",
    ])
});

/// Wrapper strings of news sites: share bars, navigation, copyright, copy
/// protection, newsletters, widgets. A short line that starts with one (or
/// a line that contains a `CONTAINED` one) is boilerplate.
static BOILER_START: LazyLock<Phrases> = LazyLock::new(|| {
    Phrases::new(&[
        "شارك",
        "تجاوز إلى المحتوى",
        "انتقل إلى المحتوى",
        "toggle navigation",
        "من نحن",
        "اتصل بنا",
        "أعلن معنا",
        "اعلن معنا",
        "إعلانك على موقعنا",
        "سياسة الخصوصية",
        "شروط الاستخدام",
        "حماية الخصوصية",
        "الهيكل التنظيمي",
        "أرسل خبر",
        "ارسل خبر",
        "الهاتف",
        "هاتف",
        "فاكس",
        "تغريد",
        "شاركها",
        "مشاركة",
        "انشر",
        "طباعة",
        "اطبع",
        "أرسل لصديق",
        "ارسل لصديق",
        "البريد الإلكتروني",
        "فيسبوك",
        "فيس بوك",
        "تويتر",
        "واتساب",
        "واتس اب",
        "تيليجرام",
        "تلغرام",
        "لينكدإن",
        "انستغرام",
        "يوتيوب",
        "facebook",
        "twitter",
        "whatsapp",
        "telegram",
        "linkedin",
        "pinterest",
        "email",
        "print",
        "share",
        "tweet",
        "زر الذهاب إلى الأعلى",
        "العودة إلى الأعلى",
        "الذهاب إلى الأعلى",
        "إلى الأعلى",
        "المقال التالي",
        "المقال السابق",
        "الخبر التالي",
        "الخبر السابق",
        "التالي",
        "السابق",
        "الأخبار العاجلة",
        "الاخبار العاجلة",
        "عاجل",
        "الأكثر قراءة",
        "الأكثر مشاهدة",
        "الأكثر تداولا",
        "الأكثر تعليقا",
        "الأحدث",
        "آخر الأخبار",
        "أحدث الأخبار",
        "تابعونا",
        "تابعنا",
        "تابعوا",
        "حمل تطبيق",
        "حمّل تطبيق",
        "اشترك",
        "اشترك في النشرة",
        "استمع",
        "النشرة البريدية",
        "النشرة الإخبارية",
        "سجل الدخول",
        "تسجيل الدخول",
        "إعلان",
        "اعلان",
        "advertisement",
        "جميع الحقوق محفوظة",
        "كل الحقوق محفوظة",
        "حقوق النشر",
        "copyright",
        "all rights reserved",
        "©",
        "powered by",
        "تحميل المزيد",
        "المزيد",
        "...المزيد",
        "رابط الخبر",
        "رابط المقال",
        "رابط دائم",
        "اضغط هنا",
        "انقر هنا",
        "رابط مختصر",
        "الرابط المختصر",
        "نسخ الرابط",
        "تم نسخ الرابط",
        "skip to content",
        "menu",
        "القائمة",
        "بحث",
        "search",
    ])
});

/// Strings that make a line of at most 40 words boilerplate wherever they
/// occur.
static BOILER_CONTAINED: LazyLock<Vec<String>> = LazyLock::new(|| {
    folded(&[
        "content is protected",
        "©",
        "لا مانع من الاقتباس",
        "يحظر نشر",
        "يمنع نسخ",
        "جميع الحقوق",
        "لن يتم نشر عنوان بريدك",
        "الحقول الإلزامية مشار إليها",
        "الحقول المطلوبة مشار إليها",
        "جميع الحقوق محفوظة",
        "all rights reserved",
        "ملفات تعريف الارتباط",
        "cookies",
        "javascript",
        "اشترك في نشرتنا",
        "اشترك في النشرة",
        "للاشتراك في",
    ])
});

/// Tag lines, whatever their length.
static TAG_START: LazyLock<Phrases> = LazyLock::new(|| {
    Phrases::new(&[
        "كلمات دلالية",
        "الكلمات الدلالية",
        "الكلمات المفتاحية",
        "كلمات مفتاحية",
        "الكلمات الدالة",
        "كلمات دالة",
        "الوسوم",
        "وسوم",
        "الموسوم",
        "هاشتاغ",
        "هاشتاج",
        "tags",
        "مواضيع:",
        "مواضيع ذات علاقة:",
    ])
});

/// Meta lines recognised by how they start (lines of at most 12 words):
/// sources, stamps, counters.
static META_START: LazyLock<Phrases> = LazyLock::new(|| {
    Phrases::new(&[
        "المصدر",
        "مصدر الخبر",
        "نقلا عن",
        "source:",
        "بقلم",
        "حوار:",
        "حاوره",
        "حاورته",
        "أجرى الحوار",
        "تم نشره",
        "كتب:",
        "كتبت:",
        "كتب -",
        "كتب –",
        "هيئة التحرير",
        "إعداد:",
        "اعداد:",
        "تحرير:",
        "بواسطة",
        "من طرف",
        "by ",
        "نشر في",
        "نُشر في",
        "نشر بتاريخ",
        "نشر يوم",
        "نشر:",
        "تاريخ النشر",
        "تاريخ الإضافة",
        "تاريخ التحديث",
        "آخر تحديث",
        "اخر تحديث",
        "تم النشر",
        "تم التحديث",
        "محدث",
        "published",
        "updated",
        "posted",
        "عدد المشاهدات",
        "المشاهدات",
        "عدد القراءات",
        "القراءات",
        "حجم الخط",
        "وقت القراءة",
        "مدة القراءة",
        "التصنيف",
        "التصنيفات",
        "القسم:",
        "الرئيسية",
        "الصفحة الرئيسية",
        "home",
    ])
});

/// Byline openers (lines of at most 6 words): `كتب محمد …`, `مراسل …`.
static BYLINE_START: LazyLock<Phrases> = LazyLock::new(|| {
    Phrases::new(&[
        "كتب",
        "كتبت",
        "كتبه",
        "حرر",
        "حرره",
        "تحرير",
        "إعداد",
        "اعداد",
        "مراسل",
        "مراسلة",
        "المحرر",
        "محرر",
        "ترجمة",
        "تصوير",
        "متابعة",
    ])
});

/// Strings that make a short line meta wherever they occur.
static META_CONTAINED: LazyLock<Vec<String>> = LazyLock::new(|| {
    folded(&[
        "آخر تحديث",
        "اخر تحديث",
        "تاريخ النشر",
        "نشر في",
        "دقائق للقراءة",
        "دقيقة للقراءة",
        "دقيقتين للقراءة",
        "min read",
        "هيئة التحرير",
        "كلمات دلالية",
        "المصدر:",
        "(وكالات)",
        "- وكالات",
    ])
});

/// Words of section names and breadcrumbs (`أخبار وطنية، الرئيسية`,
/// `سياسة > دولي`), without the article `ال` or a leading `و`.
static SECTION_WORDS: LazyLock<BTreeSet<String>> = LazyLock::new(|| {
    [
        "أخبار",
        "خبر",
        "رئيسية",
        "صفحة",
        "وطنية",
        "وطني",
        "محلية",
        "محليات",
        "دولية",
        "دولي",
        "عربية",
        "عربي",
        "عالمية",
        "عالم",
        "سياسة",
        "سياسية",
        "اقتصاد",
        "اقتصادية",
        "مال",
        "أعمال",
        "رياضة",
        "رياضية",
        "مجتمع",
        "ثقافة",
        "ثقافية",
        "فن",
        "فنون",
        "منوعات",
        "جهات",
        "جهوية",
        "حوادث",
        "قضايا",
        "صحة",
        "تكنولوجيا",
        "علوم",
        "رأي",
        "مقالات",
        "مقال",
        "تقارير",
        "تحقيقات",
        "متابعات",
        "حوارات",
        "ملفات",
        "فيديو",
        "صور",
        "عاجل",
        "آخر",
        "مغاربية",
        "مغرب",
        "تونس",
        "جزائر",
        "مصر",
        "خليج",
        "شرق",
        "أوسط",
        "أمن",
        "أمنية",
        "قضاء",
        "برلمان",
        "حكومة",
        "تعليم",
        "دين",
        "رمضان",
        "بيئة",
        "طقس",
        "جالية",
        "شؤون",
        "ساعة",
        "news",
        "home",
        "politics",
        "world",
        "sport",
        "sports",
        "economy",
    ]
    .iter()
    .map(|w| fold(w))
    .collect()
});

/// A section label or breadcrumb: a few words, every one a section word.
fn is_section_label(l: &Line<'_>) -> bool {
    l.words <= 6 && section_words_only(&l.key)
}

/// True when every word of `key` (folded) is a section word.
fn section_words_only(key: &str) -> bool {
    let ws: Vec<&str> = words(key).collect();
    !ws.is_empty()
        && ws.iter().all(|w| {
            let bare = w.strip_prefix('و').filter(|r| r.chars().count() > 2);
            [Some(*w), bare].into_iter().flatten().any(|w| {
                let stem = w
                    .strip_prefix("ال")
                    .filter(|r| r.chars().count() > 1)
                    .unwrap_or(w);
                SECTION_WORDS.contains(stem)
            })
        })
}

static DATE_OR_TIME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"[0-9٠-٩]{1,4}\s*[/\-.]\s*[0-9٠-٩]{1,2}\s*[/\-.]\s*[0-9٠-٩]{2,4}|[0-9٠-٩]{1,2}\s*:\s*[0-9٠-٩]{2}|[0-9٠-٩]{1,2}\s*\p{Arabic}{3,8}\s*[0-9٠-٩]{4}|[0-9٠-٩]{4}\s*-\s*[0-9٠-٩]{2}").expect("valid regex")
});

static DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        // Arabic-Indic digits are Arabic script too: a time (`٠٢:٠٠`) is no
        // place.
        r"^[[\p{Arabic}\p{L}]--[٠-٩۰-۹]]+(?:\s+[[\p{Arabic}\p{L}]--[٠-٩۰-۹]]+){0,2}\s*(?:\([^)]{0,30}\))?\s*[–—\-:]\s*\S",
    )
    .expect("valid regex")
});

/// [`DATELINE`] in `raw`. A line without any of its separators (`–`, `—`,
/// `-`, `:`) cannot match: it is not searched (nor the regex built).
fn dateline_match(raw: &str) -> Option<regex::Match<'_>> {
    if !raw.contains(['–', '—', '-', ':']) {
        return None;
    }
    DATELINE.find(raw)
}

/// Whether `raw` holds `(` and `)`, without which [`CREDIT_PARENS`]
/// cannot match.
fn has_parens(raw: &str) -> bool {
    raw.contains('(') && raw.contains(')')
}

/// Whether `s` holds a digit of `[0-9٠-٩]`, which every branch of
/// [`DATE_OR_TIME`] and [`COUNTER`] needs: without one they are not
/// searched.
fn has_digit(s: &str) -> bool {
    let b = s.as_bytes();
    // `٠` to `٩` are D9 A0 to D9 A9.
    b.iter().enumerate().any(|(i, x)| {
        x.is_ascii_digit() || (*x == 0xD9 && matches!(b.get(i + 1), Some(0xA0..=0xA9)))
    })
}

/// The copy-protection notice, the one contained phrase searched on lines
/// of any length.
static PROTECTED: LazyLock<memchr::memmem::Finder<'static>> =
    LazyLock::new(|| memchr::memmem::Finder::new("content is protected"));

/// Counters and relative stamps: `منذ 3 ساعات`, `1234 مشاهدة`, `5 دقائق`.
static COUNTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^منذ\s+[0-9٠-٩]+\s*\p{Arabic}+$|[0-9٠-٩]+\s*(?:مشاهده|مشاهدات|قراءه|قراءات|زياره|views|تعليق|تعليقات)\b|^[0-9٠-٩]+\s*(?:دقائق|دقيقه|دقيقتين)\b").expect("valid regex")
});

/// Photo credits and captions' labels.
static PHOTO: LazyLock<Phrases> = LazyLock::new(|| {
    Phrases::new(&[
        "صدر الصورة",
        "مصدر الصورة",
        "حقوق الصورة",
        "التعليق على الصورة",
        "الصورة:",
        "صورة:",
        "صورة أرشيفية",
        "صورة تعبيرية",
        "صورة توضيحية",
        "(صورة",
        "ملاحظة : الصورة",
        "*ملاحظة : الصورة",
        "getty images",
    ])
});

/// A link to the article or elsewhere, with its text: `رابط الخبر: …`.
static LINK_START: LazyLock<Phrases> = LazyLock::new(|| {
    Phrases::new(&[
        "رابط الخبر",
        "رابط المقال",
        "رابط دائم",
        "الرابط المختصر",
        "رابط مختصر",
        "المصدر الأصلي للخبر",
    ])
});

static EMAIL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\S+@\S+\.\S+$").expect("valid regex"));

static URL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?:https?://|www\.)\S+$").expect("valid regex"));

/// Frequent Arabic function words.
const STOP_WORDS: &[&str] = &[
    "في",
    "من",
    "على",
    "الى",
    "إلى",
    "عن",
    "ان",
    "أن",
    "إن",
    "التي",
    "الذي",
    "الذين",
    "مع",
    "هذا",
    "هذه",
    "ذلك",
    "تلك",
    "كان",
    "كانت",
    "قد",
    "لا",
    "ما",
    "لم",
    "لن",
    "هو",
    "هي",
    "وقد",
    "كما",
    "بين",
    "حيث",
    "عند",
    "بعد",
    "قبل",
    "خلال",
    "او",
    "أو",
    "ثم",
    "كل",
    "بعض",
    "غير",
    "منذ",
    "حتى",
    "اذا",
    "إذا",
    "لكن",
    "وفي",
    "ومن",
    "وهو",
    "وهي",
    "الا",
    "إلا",
    "به",
    "بها",
    "له",
    "لها",
    "فيه",
    "فيها",
    "عليه",
    "عليها",
    "وان",
    "وأن",
    "انه",
    "أنه",
    "انها",
    "أنها",
    "يتم",
    "تم",
    "وكان",
    "لقد",
    "ضمن",
    "اي",
    "أي",
    "عبر",
];

/// [`STOP_WORDS`] folded: their share tells running prose from names,
/// labels and headlines.
static STOP: LazyLock<BTreeSet<String>> =
    LazyLock::new(|| STOP_WORDS.iter().map(|w| fold(w)).collect());

/// [`STOP_WORDS`] as written, for names: folding makes the name `علي`
/// the preposition `على`.
static STOP_RAW: LazyLock<BTreeSet<&'static str>> =
    LazyLock::new(|| STOP_WORDS.iter().copied().collect());

/// True when a raw line has no function word (names, labels).
fn no_function_word(raw: &str) -> bool {
    !words(raw).any(|w| STOP_RAW.contains(w))
}

/// The words of `s`: its non-empty runs of [`is_word_char`] characters,
/// what `s.split(|c| !is_word_char(c)).filter(|w| !w.is_empty())` gives,
/// read a byte at a time for ASCII and the first half of the Arabic block
/// (two bytes led by `D8` or `D9`).
fn words(s: &str) -> impl Iterator<Item = &str> {
    let b = s.as_bytes();
    let arabic = &*ARABIC_CLASS;
    let mut i = 0;
    std::iter::from_fn(move || {
        // The length of the character at `at` and whether it is a word
        // character.
        let char_at = |at: usize| {
            let (len, class) = char_class(s, at, arabic);
            (len, class & CLASS_WORD != 0)
        };
        // Skip to the next word, then to its end.
        while i < b.len() {
            let (len, word) = char_at(i);
            if word {
                break;
            }
            i += len;
        }
        let start = i;
        while i < b.len() {
            let (len, word) = char_at(i);
            if !word {
                break;
            }
            i += len;
        }
        (start < i).then(|| s.get(start..i)).flatten()
    })
}

/// Character class bits: [`is_word_char`], `char::is_numeric`,
/// `char::is_whitespace`.
const CLASS_WORD: u8 = 1;
const CLASS_NUMERIC: u8 = 1 << 1;
const CLASS_SPACE: u8 = 1 << 2;

/// The class bits of a character.
fn class_of(c: char) -> u8 {
    let mut class = 0;
    if is_word_char(c) {
        class |= CLASS_WORD;
    }
    if c.is_numeric() {
        class |= CLASS_NUMERIC;
    }
    if c.is_whitespace() {
        class |= CLASS_SPACE;
    }
    class
}

/// [`class_of`] the ASCII characters.
const ASCII_CLASS: [u8; 128] = {
    let mut t = [0; 128];
    let mut i = 0;
    while i < 128 {
        let x = i as u8;
        if x.is_ascii_alphanumeric() {
            t[i] |= CLASS_WORD;
        }
        if x.is_ascii_digit() {
            t[i] |= CLASS_NUMERIC;
        }
        if matches!(x, b'\t'..=b'\r' | b' ') {
            t[i] |= CLASS_SPACE;
        }
        i += 1;
    }
    t
};

/// [`class_of`] U+0600 to U+067F (two bytes led by `D8` or `D9`), taken
/// once, so that scans of Arabic text look a letter up instead of
/// decoding it.
static ARABIC_CLASS: LazyLock<[u8; 128]> = LazyLock::new(|| {
    let mut t = [0; 128];
    for (c, class) in ('\u{0600}'..='\u{067F}').zip(&mut t) {
        *class = class_of(c);
    }
    t
});

/// The length and [`class_of`] the character of `s` at byte `at` (a
/// character boundary before the end): a table look-up for ASCII and
/// U+0600 to U+067F, decoding only other characters.
/// `arabic` is [`ARABIC_CLASS`], looked up once by the caller's loop.
#[inline]
fn char_class(s: &str, at: usize, arabic: &[u8; 128]) -> (usize, u8) {
    let b = s.as_bytes();
    match (b.get(at).copied(), b.get(at + 1).copied()) {
        (Some(x @ 0..=0x7F), _) => (1, ASCII_CLASS[usize::from(x)]),
        (Some(x @ (0xD8 | 0xD9)), Some(y)) => {
            let i = usize::from(x & 1) << 6 | usize::from(y & 0x3F);
            (2, arabic[i])
        }
        _ => s
            .get(at..)
            .and_then(|r| r.chars().next())
            .map_or((1, 0), |c| (c.len_utf8(), class_of(c))),
    }
}

/// A letter or digit, with a fast path for ASCII and the Arabic block.
fn is_word_char(c: char) -> bool {
    match c {
        'a'..='z' | 'A'..='Z' | '0'..='9' => true,
        '\u{0621}'..='\u{063A}' | '\u{0641}'..='\u{064A}' | '\u{0660}'..='\u{0669}' => true,
        c if c.is_ascii() => false,
        c => c.is_alphanumeric(),
    }
}

/// A phrase list searched at the start of a line: the phrases, bucketed by
/// their first [`BUCKET`] bytes so a line is compared with the few that can
/// open it, not the whole list.
struct Phrases {
    /// Phrases shorter than a bucket key: tried on every line.
    short: Vec<String>,
    /// Longer phrases by their first [`BUCKET`] bytes (as one integer:
    /// a look-up is a few integer comparisons, no hashing).
    long: BTreeMap<u32, Vec<String>>,
}

/// Bytes of a [`Phrases`] bucket key: two Arabic letters.
const BUCKET: usize = 4;

impl Phrases {
    /// Folds each phrase the way lines are folded.
    fn new(list: &[&str]) -> Phrases {
        let mut short = Vec::new();
        let mut long: BTreeMap<u32, Vec<String>> = BTreeMap::new();
        for p in folded(list) {
            match bucket(&p) {
                Some(b) => long.entry(b).or_default().push(p),
                None => short.push(p),
            }
        }
        Phrases { short, long }
    }

    /// The phrases that may open `key`.
    fn candidates<'s>(&'s self, key: &str) -> impl Iterator<Item = &'s String> {
        let long = bucket(key).and_then(|b| self.long.get(&b));
        self.short.iter().chain(long.into_iter().flatten())
    }
}

/// The bucket key of a string: its first [`BUCKET`] bytes.
fn bucket(s: &str) -> Option<u32> {
    let first: [u8; BUCKET] = s.as_bytes().get(..BUCKET)?.try_into().ok()?;
    Some(u32::from_be_bytes(first))
}

/// True when `key` starts with phrase `p` ending at a word edge (or the
/// line end).
fn opens_with(key: &str, p: &str) -> bool {
    key.strip_prefix(p).is_some_and(|rest| {
        rest.is_empty()
            || p.ends_with([' ', ':', '-'])
            || !rest.starts_with(|c: char| c.is_alphanumeric())
    })
}

fn starts_with_any(key: &str, list: &Phrases) -> bool {
    list.candidates(key).any(|p| opens_with(key, p))
}

/// A line starting with a phrase of `list`, short enough for it: a
/// one-word phrase (`شارك`, `المصدر`) only on a line of at most `one`
/// words, where a longer line is likely a sentence (`شارك الوزير في …`); a
/// longer or labelled phrase (`آخر تحديث`, `المصدر:`) on at most `more`.
fn starts_with_limited(l: &Line<'_>, list: &Phrases, one: usize, more: usize) -> bool {
    l.words <= more
        && list.candidates(&l.key).any(|p| {
            let limit = if p.contains(' ') || p.ends_with(':') {
                more
            } else {
                one
            };
            l.words <= limit && opens_with(&l.key, p)
        })
}

/// Lists searched anywhere in a line, one bit each in [`Line::hits`].
const HIT_COMMENT: u16 = 1;
const HIT_DISCLAIMER: u16 = 1 << 1;
const HIT_BOILER: u16 = 1 << 2;
const HIT_CONSENT: u16 = 1 << 3;
const HIT_RIGHTS: u16 = 1 << 4;
const HIT_NEWSLETTER: u16 = 1 << 5;
const HIT_META: u16 = 1 << 6;

/// One automaton for every list searched anywhere in a line, built once:
/// each distinct phrase with the bits of the lists holding it.
static CONTAINED: LazyLock<(AhoCorasick, Vec<u16>)> = LazyLock::new(|| {
    let mut by_phrase: BTreeMap<String, u16> = BTreeMap::new();
    for (list, bit) in [
        (&*COMMENT_RULES, HIT_COMMENT),
        (&*DISCLAIMER, HIT_DISCLAIMER),
        (&*BOILER_CONTAINED, HIT_BOILER),
        (&*CONSENT, HIT_CONSENT),
        (&*RIGHTS, HIT_RIGHTS),
        (&*NEWSLETTER, HIT_NEWSLETTER),
        (&*META_CONTAINED, HIT_META),
    ] {
        for p in list.iter().filter(|p| !p.is_empty()) {
            *by_phrase.entry(p.clone()).or_default() |= bit;
        }
    }
    let ac = AhoCorasick::builder()
        .kind(Some(AhoCorasickKind::DFA))
        .build(by_phrase.keys())
        .expect("phrase lists are small");
    (ac, by_phrase.into_values().collect())
});

/// Longest line (in words) on which a contained phrase counts, but for
/// `content is protected`: every rule of [`cue`] reading [`Line::hits`]
/// asks for at most this many words, and a longer line can be no marker.
const HIT_WORDS: usize = 60;

/// [`contained_hits`] of a line of `words` words; a line longer than
/// [`HIT_WORDS`] is only searched for the copy-protection notice, the one
/// contained phrase that counts on a line of any length.
fn line_hits(key: &str, words: usize) -> u16 {
    if words <= HIT_WORDS {
        contained_hits(key)
    } else if PROTECTED.find(key.as_bytes()).is_some() {
        HIT_BOILER
    } else {
        0
    }
}

/// The lists of [`CONTAINED`] with a phrase somewhere in `key`.
fn contained_hits(key: &str) -> u16 {
    let (ac, bits) = &*CONTAINED;
    // Most lines hold no phrase: one plain search says so, faster than
    // the overlapping walk that collects every list.
    if !ac.is_match(key) {
        return 0;
    }
    let mut hits = 0;
    for m in ac.find_overlapping_iter(key) {
        hits |= bits[m.pattern().as_usize()];
    }
    hits
}

fn stop_share(key: &str) -> f64 {
    let words: Vec<&str> = key.split_whitespace().collect();
    if words.is_empty() {
        return 0.0;
    }
    let n = words.iter().filter(|w| STOP.contains(**w)).count();
    n as f64 / words.len() as f64
}

/// Share of digits among the non-space characters.
fn digit_share(key: &str) -> f64 {
    let (mut d, mut all) = (0usize, 0usize);
    let arabic = &*ARABIC_CLASS;
    let mut at = 0;
    while at < key.len() {
        let (len, class) = char_class(key, at, arabic);
        if class & CLASS_SPACE == 0 {
            all += 1;
            d += usize::from(class & CLASS_NUMERIC != 0);
        }
        at += len;
    }
    if all == 0 { 0.0 } else { d as f64 / all as f64 }
}

fn ends_sentence(raw: &str) -> bool {
    raw.trim_end_matches(|c: char| {
        c.is_whitespace() || matches!(c, '"' | '»' | '”' | ')' | '\'' | '’')
    })
    .ends_with(['.', '؟', '?', '!', '…', ':', '؛', '،', ','])
}

/// Running prose: long, or a full sentence of some length.
fn is_paragraph(l: &Line<'_>) -> bool {
    l.words >= 18 || (l.words >= 8 && ends_sentence(l.raw) && !l.raw.ends_with(':'))
}

/// Looks like a headline: a few words, not a long sentence, not ending in a
/// full stop.
fn is_headline(l: &Line<'_>) -> bool {
    let stopped = l.raw.ends_with('.') && !l.raw.ends_with("..");
    (3..=30).contains(&l.words)
        && (l.raw.len() <= 220 || l.raw.chars().count() <= 220)
        && !stopped
        && !l.raw.ends_with([':', '،', ','])
        && digit_share(&l.key) < 0.3
}

/// A word of a headline with a hash of its text ([`word_hash`]), for
/// [`similarity`]: sorted by the hash first, two lists are sorted and
/// merged comparing one integer for most pairs, and two entries are equal
/// exactly when their words are.
type HeadWord<'a> = (u64, &'a str);

/// FNV-1a over the bytes of a word.
fn word_hash(w: &str) -> u64 {
    w.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// The distinct words of the headline part of `key` ([`headline_part`]),
/// sorted: what [`similarity`] compares.
fn headline_words(key: &str) -> Vec<HeadWord<'_>> {
    let mut ws: Vec<HeadWord<'_>> = words(headline_part(key))
        .map(|w| (word_hash(w), w))
        .collect();
    ws.sort_unstable();
    ws.dedup();
    ws
}

/// Word counts close enough for a line to repeat a headline (the line may
/// carry a `| site` tail).
fn comparable(line_words: usize, title_words: usize) -> bool {
    line_words * 4 >= title_words * 3 && line_words <= title_words * 2 + 6
}

/// The headline of a page title `headline | site`: its longest part.
fn headline_part(key: &str) -> &str {
    let main = if memchr::memchr(b'|', key.as_bytes()).is_some() {
        key.split(" | ").max_by_key(|p| key_words(p)).unwrap_or(key)
    } else {
        // No `|`: one part.
        key
    };
    // `headline - site`: a dash tail of at most three words is the site.
    match last_dash(main) {
        Some((i, len)) if i > 0 && key_words(&main[i + len..]) <= 3 => &main[..i],
        _ => main,
    }
}

/// The number of words of a key or a piece of one: whitespace in a key is
/// single ASCII spaces ([`key_of`]), so this is
/// `s.split_whitespace().count()` without decoding characters.
fn key_words(s: &str) -> usize {
    let mut n = 0;
    let mut prev_space = true;
    for &b in s.as_bytes() {
        let space = b == b' ';
        n += usize::from(prev_space && !space);
        prev_space = space;
    }
    n
}

/// The start and length of the last ` - ` or ` – ` in a key (what
/// `rfind` of each, then the larger, gives).
fn last_dash(key: &str) -> Option<(usize, usize)> {
    let b = key.as_bytes();
    // Both separators are found by their dash: `-`, or `–` (E2 80 93),
    // whose lead byte E2 starts no other piece of a separator.
    memchr::memrchr2_iter(b'-', 0xE2, b).find_map(|at| {
        let before = at.checked_sub(1).map(|p| b[p]) == Some(b' ');
        let tail = &b[at..];
        if !before {
            None
        } else if tail.starts_with(b"- ") {
            Some((at - 1, 3))
        } else if tail.starts_with("– ".as_bytes()) {
            Some((at - 1, " – ".len()))
        } else {
            None
        }
    })
}

/// Shared words of two lines relative to the longer, from their
/// [`headline_words`]: 1.0 for a repeated headline, low when one line only
/// quotes the other.
fn similarity(wa: &[HeadWord<'_>], wb: &[HeadWord<'_>]) -> f64 {
    let (la, lb) = (wa.len(), wb.len());
    if la == 0 || lb == 0 {
        return 0.0;
    }
    // Both sorted and distinct: count the common words in one merge.
    let (mut i, mut j, mut inter) = (0, 0, 0usize);
    while i < la && j < lb {
        match wa[i].cmp(&wb[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                inter += 1;
                i += 1;
                j += 1;
            }
        }
    }
    inter as f64 / la.max(lb) as f64
}

/// A quick test that a line cannot repeat a headline, before its
/// [`headline_words`] are computed: each word the two share is a whole
/// word of the line's key, so at most the headline's words found anywhere
/// in the key are shared, and [`similarity`] is at most their share of the
/// headline's words.
struct Probe<'w> {
    /// One searcher a headline word.
    words: Vec<memchr::memmem::Finder<'w>>,
}

impl<'w> Probe<'w> {
    fn new(words: &[HeadWord<'w>]) -> Self {
        Probe {
            words: words
                .iter()
                .map(|&(_, w)| memchr::memmem::Finder::new(w))
                .collect(),
        }
    }

    /// False when [`similarity`] of the line `key` and the headline is
    /// surely below 0.75 (the threshold of every caller); true when it may
    /// reach it.
    fn may_repeat(&self, key: &str) -> bool {
        let n = self.words.len();
        // At most `n - missed` shared words, of `n` or more.
        let reachable = |missed: usize| (n - missed) as f64 / n as f64 >= 0.75;
        let mut missed = 0;
        for f in &self.words {
            if f.find(key.as_bytes()).is_none() {
                missed += 1;
                if !reachable(missed) {
                    return false;
                }
            }
        }
        // No headline words: similarity is 0.
        n > 0
    }
}

/// [`headline_words`] of every line, computed on first use.
struct HeadWords<'l> {
    ls: &'l [Line<'l>],
    cache: Vec<OnceCell<Vec<HeadWord<'l>>>>,
}

impl<'l> HeadWords<'l> {
    fn new(ls: &'l [Line<'l>]) -> Self {
        HeadWords {
            ls,
            cache: (0..ls.len()).map(|_| OnceCell::new()).collect(),
        }
    }

    fn get(&self, i: usize) -> &[HeadWord<'l>] {
        self.cache[i].get_or_init(|| headline_words(&self.ls[i].key))
    }
}

/// What the phrase lists say about a line alone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Cue {
    None,
    Terminal,
    Boiler,
    Meta,
    Dateline,
    /// A breadcrumb or a `|`-joined link row: meta in the header,
    /// navigation (boilerplate) once the article has begun.
    Crumb,
    /// `place – name` alone: a correspondent's byline (meta) before the
    /// first paragraph or after the last; inside the body a subheading.
    Credit,
}

/// News agencies, Arab and international, as their credits name them
/// (`الرياض - واس`, `(قنا)`, `القاهرة - أ ش أ`). Compared by their letters
/// alone, so `أ.ش.أ` and `أ ش أ` are one name.
static AGENCIES: LazyLock<BTreeSet<String>> = LazyLock::new(|| {
    [
        "واس",
        "قنا",
        "وام",
        "بنا",
        "كونا",
        "العمانية",
        "بترا",
        "وات",
        "واج",
        "أ ش أ",
        "و م ع",
        "لاماب",
        "ماب",
        "سبأ",
        "سانا",
        "واع",
        "وفا",
        "سونا",
        "وال",
        "ومأ",
        "رويترز",
        "أ ف ب",
        "ا ف ب",
        "فرانس برس",
        "فرانس بريس",
        "أ ب",
        "أسوشيتد برس",
        "أسوشييتد برس",
        "د ب أ",
        "الأناضول",
        "شينخوا",
        "سبوتنيك",
        "إرنا",
        "تاس",
        "إفي",
        "يو بي آي",
        "قدس برس",
        "وكالات",
        "afp",
        "ap",
        "reuters",
        "mena",
        "spa",
        "wam",
        "qna",
        "kuna",
        "bna",
        "aps",
        "tap",
        "map",
    ]
    .iter()
    .map(|a| letters(&key_of(a)))
    .collect()
});

/// The words of a folded string, dots and other marks turned to spaces:
/// `أ.ش.أ` and `أ ش أ` are one name, `آب` (August) is not `أ ب` (AP).
fn letters(s: &str) -> String {
    let spaced: String = s
        .chars()
        .map(|c| if is_word_char(c) { c } else { ' ' })
        .collect();
    spaced.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// True when `s` (raw) names a news agency: a known short name
/// (`واس`, `أ ش أ`, `رويترز`) or a `وكالة …`/`الوكالة …` name of at most
/// six words.
fn is_agency(s: &str) -> bool {
    let k = key_of(s.trim_matches(|c: char| !is_word_char(c)));
    if k.is_empty() {
        return false;
    }
    let n = k.split_whitespace().count();
    AGENCIES.contains(&letters(&k))
        || (n <= 6
            && (k.starts_with("وكاله ") || k.starts_with("الوكاله "))
            && !k.contains(|c: char| c.is_ascii_digit()))
}

/// The agency a credit line names, as written: `الرياض - واس` → `واس`,
/// `(قنا)` → `قنا`, `بيروت - الوكالة الوطنية للإعلام` → the agency.
/// `وكالات` ("agencies") is a credit but names no publisher.
pub(crate) fn credit_agency(line: &str) -> Option<String> {
    let raw = line.trim();
    let words = raw.split_whitespace().count();
    if words > 10 {
        return None;
    }
    let inner = raw
        .trim_matches(|c: char| c == '-' || c == '–' || c == '—' || c == '.' || c.is_whitespace());
    let cand = if let Some(p) = inner.strip_prefix('(').and_then(|r| r.strip_suffix(')')) {
        p
    } else if words <= 4 && is_agency(inner) {
        // The agency alone: `واس`, `- أ ف ب`.
        inner
    } else if let Some(m) = dateline_match(raw) {
        let at = m.end() - raw[..m.end()].chars().last().map_or(0, char::len_utf8);
        raw[at..].trim()
    } else if let Some(m) = has_parens(raw)
        .then(|| CREDIT_PARENS.captures(raw))
        .flatten()
    {
        m.get(1).map_or("", |g| g.as_str())
    } else {
        return None;
    };
    let cand = cand.trim_matches(|c: char| !is_word_char(c) && c != ')' && c != '(');
    let cand = cand.trim_matches(['(', ')']).trim();
    (is_agency(cand) && letters(&key_of(cand)) != "وكالات").then(|| cand.to_owned())
}

/// `الرياض (واس)` or `الرياض (واس) -` alone on its line.
static CREDIT_PARENS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\p{L}+(?:\s+\p{L}+)?\s*\(([^)]{1,30})\)\s*[–—\-:]?\s*$").expect("valid regex")
});

/// Weekday names: `الرباط – الثلاثاء` is a dateline.
static WEEKDAYS: LazyLock<Phrases> = LazyLock::new(|| {
    Phrases::new(&[
        "الأحد",
        "الاثنين",
        "الإثنين",
        "الثلاثاء",
        "الأربعاء",
        "الخميس",
        "الجمعة",
        "السبت",
    ])
});

/// What a short `place – …` line standing alone is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Dateline {
    /// The article's own dateline: a place and a date or weekday
    /// (`الرباط – الثلاثاء 24 يونيو 2025`): body.
    Date,
    /// A wire credit: a place and an agency (`الرياض - واس`): meta.
    Agency,
    /// A place and a name (`أبوظبي: فاطمة المرزوقي`, `هسبريس - محمد`):
    /// a correspondent's byline, meta in the header and the tail.
    Name,
}

/// Reads a line of the form `place – rest` standing alone (at most 12
/// words). A place, a colon and a sentence is a headline, not a dateline.
fn dateline_kind(l: &Line<'_>) -> Option<Dateline> {
    if l.words > 12 || is_breadcrumb(l) {
        return None;
    }
    if has_parens(l.raw) && CREDIT_PARENS.is_match(l.raw) && credit_agency(l.raw).is_some() {
        return Some(Dateline::Agency);
    }
    if l.words <= 4 && is_agency(l.raw) {
        // The agency alone on its line: `واس`, `- رويترز`, `(وكالات)`.
        return Some(Dateline::Agency);
    }
    let m = dateline_match(l.raw)?;
    // The match ends on the first character after the separator.
    let rest = l.raw[m.end() - l.raw[..m.end()].chars().last().map_or(0, char::len_utf8)..].trim();
    let rest_key = key_of(rest);
    let n = rest.split_whitespace().count();
    if has_digit(rest) && DATE_OR_TIME.is_match(rest) || starts_with_any(&rest_key, &WEEKDAYS) {
        return Some(Dateline::Date);
    }
    if is_agency(rest) {
        return Some(Dateline::Agency);
    }
    let place_words = l.raw[..m.start() + m.len()]
        .split([':', '-', '–', '—'])
        .next()
        .map_or(0, |p| p.split_whitespace().count());
    let name_like = n <= 3
        && place_words <= 3
        && !rest.chars().any(char::is_numeric)
        && no_function_word(rest)
        && !ends_sentence(rest);
    name_like.then_some(Dateline::Name)
}

/// The segments of a breadcrumb: parts joined by `/`, `>`, `»`, `|`, `›`
/// (`»` only where it does not close a `«` quote).
fn crumb_parts(key: &str) -> Vec<&str> {
    if key.contains('«') {
        key.split(['/', '>', '|', '›']).collect()
    } else {
        key.split(['/', '>', '»', '|', '›']).collect()
    }
}

/// A breadcrumb or section label: short segments joined by `/`, `>`, `»`,
/// `|` or `›` (`الرئيسية › أخبار › دولية`, `محاكم | الجزائر`,
/// `أخبار / عربي ودولي`), or by ` - ` when every segment is a section name
/// (`عربي ودولي - سياسة`). Two to four segments of at most three words
/// each, letters only (a stamp `2024/10/16` is no crumb), no sentence end;
/// longer rows of five or more short parts are link rows.
fn is_breadcrumb(l: &Line<'_>) -> bool {
    let k = l.key.as_str();
    // Whether `crumb_parts` finds two parts or more (`/ > | ›`, or `»`
    // without `«`), and whether the key holds ` - ` or ` – `: vector
    // searches, as most lines are neither.
    let (split, has_dash) = crumb_marks(k);
    if !split && !has_dash {
        // One part, whichever way it is split.
        return false;
    }
    // At most three words (without counting them all).
    let few = |p: &&str| key_words(p) <= 3;
    let short = |p: &&str| few(p) && !p.chars().any(char::is_numeric);
    let nonempty = |ps: &[&str]| ps.iter().all(|p| !p.trim().is_empty());
    if split {
        let parts = crumb_parts(k);
        if parts.len() >= 3 && l.words <= 12 && digit_share(k) < 0.3 && parts.iter().all(few) {
            return true;
        }
        // `الرئيسية » أخبار » <the headline>`: a trail that ends on the page
        // itself.
        if parts.len() >= 3
            && nonempty(&parts)
            && section_words_only(parts[0])
            && parts[..parts.len() - 1].iter().all(short)
        {
            return true;
        }
        if (2..=4).contains(&parts.len())
            && nonempty(&parts)
            && parts.iter().all(short)
            && !ends_sentence(l.raw)
        {
            return true;
        }
    }
    if !has_dash {
        return false;
    }
    let dashed: Vec<&str> = k.split(" - ").flat_map(|p| p.split(" – ")).collect();
    (2..=4).contains(&dashed.len())
        && nonempty(&dashed)
        && dashed.iter().all(short)
        && dashed.iter().all(|p| section_words_only(p))
}

/// What [`is_breadcrumb`] looks for before splitting a key: whether
/// [`crumb_parts`] finds two parts or more (`/ > | ›`, or `»` without `«`),
/// and whether the key holds ` - ` or ` – `. Vector searches for the bytes
/// that can start them, as most lines hold none.
fn crumb_marks(key: &str) -> (bool, bool) {
    let b = key.as_bytes();
    let mut split = memchr::memchr3(b'/', b'>', b'|', b).is_some();
    let (mut raquo, mut laquo, mut dash) = (false, false, false);
    // `»` is C2 BB, `«` C2 AB, `›` E2 80 BA, `–` E2 80 93: lead bytes
    // C2 and E2 start nothing else of them.
    for at in memchr::memchr3_iter(0xC2, 0xE2, b'-', b) {
        let tail = &b[at..];
        let spaced = |len: usize| {
            at.checked_sub(1).map(|p| b[p]) == Some(b' ') && b.get(at + len) == Some(&b' ')
        };
        match tail {
            [0xC2, 0xBB, ..] => raquo = true,
            [0xC2, 0xAB, ..] => laquo = true,
            [0xE2, 0x80, 0xBA, ..] => split = true,
            [0xE2, 0x80, 0x93, ..] => dash |= spaced(3),
            [b'-', ..] => dash |= spaced(1),
            _ => {}
        }
    }
    (split || (raquo && !laquo), dash)
}

fn cue(l: &Line<'_>) -> Cue {
    let k = l.key.as_str();
    if l.hits & HIT_COMMENT != 0 && l.words <= 40 {
        return Cue::Terminal;
    }
    if l.words <= 60 && l.hits & HIT_DISCLAIMER != 0 && (k.contains("تعليق") || k.contains("اراء"))
    {
        return Cue::Terminal;
    }
    if l.hits & HIT_BOILER != 0 && (l.words <= 15 || PROTECTED.find(k.as_bytes()).is_some()) {
        return Cue::Boiler;
    }
    if l.words <= 60 && (l.hits & HIT_CONSENT != 0 || (l.words <= 40 && l.hits & HIT_RIGHTS != 0)) {
        // Cookie banners and copyright footers, however long.
        return Cue::Boiler;
    }
    if l.words <= 25 && l.hits & HIT_NEWSLETTER != 0 {
        return Cue::Boiler;
    }
    if is_social_bar(l)
        || (l.words <= 3 && BUTTONS.contains(k.trim_matches(|c: char| !is_word_char(c))))
    {
        return Cue::Boiler;
    }
    if starts_with_limited(l, &TERMINAL, 4, 12) || (l.words <= 25 && starts_with_any(k, &READ_ALSO))
    {
        return Cue::Terminal;
    }
    if starts_with_any(k, &TAG_START) {
        return Cue::Meta;
    }
    // Whitespace in a key is a space: a line with one is no address.
    let one_word = !k.contains(' ');
    if (one_word && URL.is_match(k))
        || (l.words <= 12 && starts_with_any(k, &PHOTO))
        || (l.words <= 40 && starts_with_any(k, &LINK_START))
    {
        return Cue::Boiler;
    }
    if one_word && k.contains('@') && EMAIL.is_match(k) {
        // An author's address signs the article.
        return Cue::Meta;
    }
    let labelled = starts_with_limited(l, &META_START, 6, 12) || l.hits & HIT_META != 0;
    let byline = l.words <= 6 && starts_with_any(k, &BYLINE_START);
    if !labelled && !byline {
        match dateline_kind(l) {
            // `الرباط – الثلاثاء 24 يونيو 2025`: the article's own dateline.
            Some(Dateline::Date) => return Cue::Dateline,
            // `الرياض - واس`, `(قنا)`: a wire credit.
            Some(Dateline::Agency) => return Cue::Meta,
            // `أبوظبي: فاطمة المرزوقي`: a correspondent's byline.
            Some(Dateline::Name) => return Cue::Credit,
            None => {}
        }
    }
    if (l.words <= 12 && labelled) || byline {
        return Cue::Meta;
    }
    if is_breadcrumb(l) {
        return Cue::Crumb;
    }
    if is_section_label(l) {
        return Cue::Meta;
    }
    if starts_with_limited(l, &BOILER_START, 4, 10) {
        return Cue::Boiler;
    }
    if l.words <= 10 && (k.starts_with('#') || has_digit(k) && COUNTER.is_match(k)) {
        return Cue::Meta;
    }
    let bare =
        k.trim_matches(|c: char| c == '-' || c == '–' || c == '—' || c.is_whitespace() || c == '.');
    if l.words <= 3 && bare.starts_with('(') && bare.ends_with(')') {
        // `(واس)`, `(أ ف ب)`: a wire agency credit.
        return Cue::Meta;
    }
    if l.words <= 10
        && has_digit(k)
        && DATE_OR_TIME.is_match(k)
        && !is_paragraph(l)
        && stop_share(k) < 0.15
    {
        // A stamp: a short line carrying a date or a time.
        return Cue::Meta;
    }
    if l.words <= 8 && digit_share(k) >= 0.5 {
        return Cue::Meta;
    }
    Cue::None
}

/// Comment-form rules: they open the comment section.
static COMMENT_RULES: LazyLock<Vec<String>> = LazyLock::new(|| {
    folded(&[
        "لن يتم نشر عنوان بريدك",
        "الحقول الإلزامية مشار إليها",
        "الحقول المطلوبة مشار إليها",
        "بقواعد النشر",
        "بشروط النشر",
        "بآداب الحوار",
        "بأخلاقيات الحوار",
        "لا تنشر التعليقات",
        "لن تنشر التعليقات",
        "لا يتم نشر التعليقات",
        "لن يتم نشر التعليقات",
        "لا ننشر التعليقات",
        "التعليقات التي تتضمن",
        "التعليقات التي تحتوي",
        "التعليقات المسيئة",
        "سياسة التعليقات",
        "قواعد التعليق",
        "التعليقات لا تعبر",
        "التعليقات المنشورة لا تعبر",
        "التعليقات تعبر عن رأي",
        "تخضع التعليقات",
        "يحتفظ الموقع بحق حذف",
    ])
});

/// Cookie-consent banners: a line of at most 60 words with one of these
/// is boilerplate.
static CONSENT: LazyLock<Vec<String>> = LazyLock::new(|| {
    folded(&[
        "ملفات تعريف الارتباط",
        "ملفات الارتباط",
        "ملفات الكوكيز",
        "الكوكيز",
        "الكعكات",
        "بمواصلة التصفح",
        "بمتابعة التصفح",
        "باستمرارك في التصفح",
        "بمواصلتك التصفح",
        "بمواصلة استخدام الموقع",
        "باستمرارك في استخدام",
        "cookies",
        "cookie policy",
    ])
});

/// Copyright footers (lines of at most 40 words).
static RIGHTS: LazyLock<Vec<String>> = LazyLock::new(|| {
    folded(&[
        "©",
        "جميع الحقوق محفوظة",
        "كل الحقوق محفوظة",
        "الحقوق محفوظة",
        "حقوق النشر محفوظة",
        "جميع حقوق النشر",
        "all rights reserved",
    ])
});

/// Newsletter and app sign-up boxes (lines of at most 25 words).
static NEWSLETTER: LazyLock<Vec<String>> = LazyLock::new(|| {
    folded(&[
        "نشرتنا",
        "النشرة البريدية",
        "النشرة الإخبارية",
        "النشرة الاخبارية",
        "القائمة البريدية",
        "سجل بريدك",
        "أدخل بريدك",
        "ادخل بريدك",
        "اكتب بريدك",
        "بريدك الإلكتروني لتصلك",
        "لتصلك آخر الأخبار",
        "ليصلك كل جديد",
        "لتصلك أهم الأخبار",
        "اشترك الآن",
        "اشترك في قناتنا",
        "اشترك في خدمة",
        "حمل تطبيق",
        "حمّل تطبيق",
        "تطبيقنا على",
        "newsletter",
        "subscribe",
    ])
});

/// Buttons and field labels of banners and forms, alone on their line
/// (`موافق`, `قبول الكل`, `إرسال`, `الاسم`, `بريدك الإلكتروني`).
static BUTTONS: LazyLock<BTreeSet<String>> = LazyLock::new(|| {
    [
        "موافق",
        "أوافق",
        "قبول",
        "أقبل",
        "قبول الكل",
        "قبول الجميع",
        "رفض",
        "رفض الكل",
        "إغلاق",
        "حسنا",
        "فهمت",
        "إرسال",
        "ارسال",
        "أرسل",
        "تعليقك",
        "التعليق",
        "الاسم",
        "الاسم الكامل",
        "الاسم *",
        "البريد الإلكتروني",
        "بريدك الإلكتروني",
        "الموقع الإلكتروني",
        "اشترك",
        "تسجيل",
        "accept",
        "accept all",
        "got it",
        "ok",
        "close",
        "submit",
    ]
    .iter()
    .map(|w| key_of(w))
    .collect()
});

/// Social networks and messengers, folded, without `و`.
static SOCIAL: LazyLock<BTreeSet<String>> = LazyLock::new(|| {
    [
        "فيسبوك",
        "فيس",
        "بوك",
        "تويتر",
        "إكس",
        "اكس",
        "واتساب",
        "واتس",
        "اب",
        "آب",
        "تيليجرام",
        "تيلجرام",
        "تلغرام",
        "تليغرام",
        "تلجرام",
        "يوتيوب",
        "يوتوب",
        "إنستغرام",
        "انستغرام",
        "إنستجرام",
        "انستجرام",
        "انستقرام",
        "إنستقرام",
        "لينكدإن",
        "لينكد",
        "إن",
        "تيك",
        "توك",
        "تيكتوك",
        "سناب",
        "شات",
        "سنابشات",
        "بينترست",
        "ماسنجر",
        "مسنجر",
        "جوجل",
        "نيوز",
        "ريديت",
        "البريد",
        "الإلكتروني",
        "الالكتروني",
        "إيميل",
        "ايميل",
        "طباعة",
        "facebook",
        "twitter",
        "x",
        "whatsapp",
        "telegram",
        "youtube",
        "instagram",
        "linkedin",
        "tiktok",
        "snapchat",
        "pinterest",
        "messenger",
        "reddit",
        "email",
        "print",
    ]
    .iter()
    .map(|w| key_of(w))
    .collect()
});

/// Words that go with social names on share and follow bars.
static SOCIAL_FRAME: LazyLock<BTreeSet<String>> = LazyLock::new(|| {
    [
        "شارك",
        "شاركها",
        "شاركوا",
        "مشاركة",
        "انشر",
        "نشر",
        "تابعونا",
        "تابعنا",
        "تابعوا",
        "تابع",
        "على",
        "عبر",
        "في",
        "هذا",
        "الخبر",
        "المقال",
        "الموضوع",
        "حساباتنا",
        "صفحتنا",
        "قناتنا",
        "share",
        "on",
        "follow",
        "us",
    ]
    .iter()
    .map(|w| key_of(w))
    .collect()
});

/// A share or follow bar: a short line whose words are social networks
/// (`فيسبوك - تويتر - يوتيوب - تيليجرام`, `تابعونا على فيسبوك وتويتر`,
/// `شارك هذا الخبر على فيسبوك`): at least two network names, or one after
/// a share/follow word, and nothing but such words.
fn is_social_bar(l: &Line<'_>) -> bool {
    if l.words > 16 {
        return false;
    }
    let (mut social, mut frame, mut other) = (0usize, 0usize, 0usize);
    for w in l
        .key
        .split(|c: char| !is_word_char(c))
        .filter(|w| !w.is_empty())
    {
        let bare = w.strip_prefix('و').filter(|r| r.chars().count() > 1);
        if SOCIAL.contains(w) || bare.is_some_and(|b| SOCIAL.contains(b)) {
            social += 1;
        } else if SOCIAL_FRAME.contains(w) || bare.is_some_and(|b| SOCIAL_FRAME.contains(b)) {
            frame += 1;
        } else {
            other += 1;
            // One word of something else is enough: no bar.
            break;
        }
    }
    other == 0 && (social >= 2 || (social >= 1 && frame >= 1))
}

/// Disclaimers of comment sections; they count only on a line that speaks
/// of comments or opinions (`التعليقات`, `الآراء`), since a sentence of the
/// article may say that something "does not reflect the opinion of".
static DISCLAIMER: LazyLock<Vec<String>> = LazyLock::new(|| {
    folded(&[
        "لا تعبر عن رأي",
        "لا تعبر بالضرورة عن",
        "تعبر عن رأي أصحابها",
        "بالنقاش الحيوي",
    ])
});

/// Content words of a line: at least three letters, not a function word,
/// without the article or a leading conjunction (`والمغرب` → `مغرب`).
fn content_words(key: &str) -> impl Iterator<Item = String> + '_ {
    key.split(|c: char| !is_word_char(c))
        .filter(|w| w.chars().count() >= 3 && !STOP.contains(*w))
        .map(|w| {
            let w = w
                .strip_prefix("وال")
                .or_else(|| w.strip_prefix("بال"))
                .or_else(|| w.strip_prefix("فال"))
                .or_else(|| w.strip_prefix("لل"))
                .or_else(|| w.strip_prefix("ال"))
                .unwrap_or(w);
            // A leading conjunction or preposition on a long word
            // (`ومصادر`, `بتنظيم`), then a light stem: the first four
            // letters, so `تمويلها` meets `تمويل` and `الإرهابية` meets
            // `إرهابي`.
            let w = match w.chars().next() {
                Some('و' | 'ب' | 'ف' | 'ل') if w.chars().count() >= 5 => &w[2..],
                _ => w,
            };
            w.chars().take(4).collect::<String>()
        })
        .filter(|w| w.chars().count() >= 3)
}

/// Share of the content words of `lines` already used by the article
/// (`seen`): low for an unrelated article appended after a link.
fn relatedness(seen: &BTreeSet<String>, lines: &[&Line<'_>]) -> f64 {
    let (mut hit, mut all) = (0usize, 0usize);
    for l in lines {
        for w in content_words(&l.key) {
            all += 1;
            if seen.contains(&w) {
                hit += 1;
            }
        }
    }
    if all == 0 {
        0.0
    } else {
        hit as f64 / all as f64
    }
}

/// Headings of link widgets (`الأكثر قراءة`, `اقرأ أيضا`, `آخر الأخبار`),
/// alone on their line: a list of linked headlines follows.
fn is_list_heading(l: &Line<'_>, cue: Cue) -> bool {
    l.words <= 4
        && ((cue == Cue::Terminal && l.hits & HIT_COMMENT == 0 && !l.key.contains("تعليق"))
            || (cue == Cue::Boiler && starts_with_any(&l.key, &LIST_HEADINGS)))
}

/// Widget headings that are not end markers.
static LIST_HEADINGS: LazyLock<Phrases> = LazyLock::new(|| {
    Phrases::new(&[
        "آخر الأخبار",
        "أحدث الأخبار",
        "الأخبار العاجلة",
        "الاخبار العاجلة",
        "الأحدث",
        "عاجل",
        "أخبار متعلقة",
        "أهم الأخبار",
        "المزيد من الأخبار",
    ])
});

/// Openings of a paragraph that carries on from the one before: a verb or
/// noun with the conjunction `و` (`وأكد`, `وأضاف`, `وفي`), or a linking
/// phrase (`كما`, `من جهته`, `بدوره`, `إلى ذلك`).
fn opens_continuation(key: &str) -> bool {
    let first = key.split_whitespace().next().unwrap_or("");
    let verb = first.strip_prefix('و').is_some_and(|v| {
        let v = v
            .strip_suffix('ت')
            .filter(|_| !REPORTING.contains(v))
            .unwrap_or(v);
        REPORTING.contains(v)
    });
    verb || starts_with_any(key, &CONTINUATIONS)
}

/// Verbs that carry a report on (`وأكد`, `وأضافت`, `وقال`), folded,
/// without `و` and a feminine `ت`.
static REPORTING: LazyLock<BTreeSet<String>> = LazyLock::new(|| {
    [
        "أكد",
        "أضاف",
        "أوضح",
        "أشار",
        "قال",
        "تابع",
        "ذكر",
        "شدد",
        "لفت",
        "أفاد",
        "أعلن",
        "أبرز",
        "أعرب",
        "دعا",
        "اعتبر",
        "كشف",
        "بين",
        "نوه",
        "أردف",
        "استطرد",
        "اختتم",
        "جاء",
        "كان",
        "تأتي",
        "يأتي",
        "في",
        "من",
        "حسب",
        "بحسب",
        "وفق",
        "تم",
        "يذكر",
        "يشار",
        "تجدر",
        "أكدت",
        "دعت",
    ]
    .iter()
    .map(|w| key_of(w))
    .collect()
});

static CONTINUATIONS: LazyLock<Phrases> = LazyLock::new(|| {
    Phrases::new(&[
        "كما",
        "من جهته",
        "من جهتها",
        "من جانبه",
        "من جانبها",
        "بدوره",
        "بدورها",
        "إلى ذلك",
        "فيما",
        "يذكر أن",
        "يشار إلى",
        "وتجدر الإشارة",
        "في المقابل",
        "لكن",
        "غير أن",
        "إلا أن",
    ])
});

/// True when a terminal line is the marker alone (`إقرأ أيضاً:`), not a
/// marker followed by a linked headline.
fn bare_marker(l: &Line<'_>) -> bool {
    l.words <= 4
}

/// Second thoughts on the first headline-like line `f` of the header: a
/// later header line that the page repeats further down is the headline
/// (sites print it twice, kickers and labels once); and a short line (at
/// most three words) directly followed by a longer headline-like line that
/// a stamp, credit or byline follows is a kicker, the longer line the
/// headline.
fn better_headline(
    ls: &[Line<'_>],
    hw: &HeadWords<'_>,
    zones: &[Option<Zone>],
    cues: &[Cue],
    f: usize,
    end: usize,
) -> usize {
    let candidate = |i: usize| {
        zones[i].is_none()
            && cues[i] != Cue::Credit
            && is_headline(&ls[i])
            && !is_paragraph(&ls[i])
            && !ends_sentence(ls[i].raw)
    };
    let repeated = |i: usize| {
        let probe = Probe::new(hw.get(i));
        (i + 1..end).any(|j| {
            zones[j] != Some(Zone::Boilerplate)
                && comparable(ls[j].words, ls[i].words)
                && probe.may_repeat(&ls[j].key)
                && similarity(hw.get(j), hw.get(i)) >= 0.75
        })
    };
    if repeated(f) {
        return f;
    }
    // The header: up to the first paragraph.
    let header_end = (f + 1..end)
        .find(|&i| zones[i].is_none() && is_paragraph(&ls[i]))
        .unwrap_or(end);
    // A header of a dozen lines at most: past that it is a page dump's
    // menus, not a headline's neighbourhood.
    if let Some(k) = (f + 1..header_end.min(f + 12)).find(|&k| candidate(k) && repeated(k)) {
        return k;
    }
    let next = f + 1;
    if ls[f].words <= 3
        && next < end
        && candidate(next)
        && ls[next].words > ls[f].words
        && zones.get(next + 1).copied().flatten() == Some(Zone::Meta)
    {
        return next;
    }
    f
}

/// Zones every non-blank line of `text` (one [`ZoneRange`] a line, in text
/// order). `known_title` is a headline given by the container (a JSON
/// field): lines repeating it are the title, and no other line is.
pub fn zone_lines(text: &str, known_title: Option<&str>) -> Vec<ZoneRange> {
    let ls = lines(text);
    let n = ls.len();
    let cues: Vec<Cue> = ls.iter().map(cue).collect();
    let hw = HeadWords::new(&ls);
    let mut zones: Vec<Option<Zone>> = vec![None; n];

    // 1. The end of the article: the first terminal marker after the body
    //    began. A marker carrying a linked headline inside the article
    //    (`اقرأ أيضا: …`) ends it only when what follows is not about the
    //    article's subject.
    // Where the article's text has begun: its first paragraph, or, in a
    // text of short unpunctuated lines, the second open line of eight words
    // or more (the first may be the headline).
    let first_para = (0..n)
        .find(|&i| cues[i] == Cue::None && is_paragraph(&ls[i]))
        .or_else(|| {
            (0..n)
                .filter(|&i| cues[i] == Cue::None && ls[i].words >= 8)
                .nth(1)
        });
    // The words the article used so far, built only when an inline marker
    // needs them.
    // Markers come in text order, so the set only grows: each line's words
    // are added once, however many markers the text holds.
    let mut seen: Option<(usize, BTreeSet<String>)> = None;
    let seen_before = |seen: &mut Option<(usize, BTreeSet<String>)>, i: usize| {
        let (upto, set) = seen.get_or_insert_with(|| {
            let title = known_title
                .map(|t| content_words(&key_of(t)).collect())
                .unwrap_or_default();
            (0, title)
        });
        for j in *upto..i {
            if cues[j] == Cue::None {
                set.extend(content_words(&ls[j].key));
            }
        }
        *upto = (*upto).max(i);
    };
    let mut terminal = None;
    for i in 0..n {
        if cues[i] == Cue::Terminal && first_para.is_some_and(|p| p < i) {
            if bare_marker(&ls[i]) || ls[i].hits & HIT_COMMENT != 0 {
                terminal = Some(i);
                break;
            }
            let next_marker = (i + 1..n).find(|&j| cues[j] == Cue::Terminal).unwrap_or(n);
            let after: Vec<&Line<'_>> = ls[i + 1..next_marker]
                .iter()
                .filter(|l| is_paragraph(l))
                .take(3)
                .collect();
            // The line right after the link goes on with the article when
            // it is a paragraph that opens like a continuation (`وأكد`,
            // `كما`, `من جهته`); an appended article opens with its own
            // headline or lead.
            let continues = ls.get(i + 1).is_some_and(|l| {
                cues[i + 1] == Cue::None && is_paragraph(l) && opens_continuation(&l.key)
            });
            if !continues
                && (after.is_empty() || {
                    seen_before(&mut seen, i);
                    let set = seen.as_ref().map(|(_, s)| s);
                    relatedness(set.unwrap_or(&BTreeSet::new()), &after) < 0.4
                })
            {
                terminal = Some(i);
                break;
            }
        }
    }
    let end = terminal.unwrap_or(n);
    for z in zones.iter_mut().skip(end) {
        *z = Some(Zone::Boilerplate);
    }

    // 2. Line cues.
    let last_para = (0..end)
        .rev()
        .find(|&i| cues[i] == Cue::None && is_paragraph(&ls[i]));
    for i in 0..end {
        zones[i] = match cues[i] {
            Cue::Terminal | Cue::Boiler => Some(Zone::Boilerplate),
            Cue::Meta => Some(Zone::Meta),
            Cue::Dateline => Some(Zone::Body),
            Cue::Crumb if first_para.is_some_and(|p| p < i) => Some(Zone::Boilerplate),
            Cue::Crumb => Some(Zone::Meta),
            // Left open: a credit may still be a `place: …` headline
            // (step 3); step 3b settles it.
            Cue::Credit => None,
            Cue::None => None,
        };
    }

    // 2b. Navigation: a run of four or more short lines (at most three
    //     words, no sentence punctuation) that are open or section labels.
    let menu_item: Vec<bool> = (0..n)
        .map(|i| {
            let l = &ls[i];
            l.words <= 3
                && !ends_sentence(l.raw)
                && (matches!(cues[i], Cue::None | Cue::Boiler)
                    || (cues[i] == Cue::Meta && is_section_label(l)))
        })
        .collect();
    let mut i = 0;
    while i < end {
        let mut j = i;
        while j < end && menu_item[j] {
            j += 1;
        }
        if j - i >= 4 {
            for z in &mut zones[i..j] {
                *z = Some(Zone::Boilerplate);
            }
        }
        i = j.max(i + 1);
    }

    // 2b'. Tags one a line: after a bare tag label (`الوسوم:`,
    //      `كلمات مفتاحية`), the short lines that follow are its tags
    //      (meta), up to a wrapper line or a longer line.
    // A label inside the run of an earlier one would mark a part of the
    // same run again: skip it, so a page of labels stays linear.
    let mut run_end = 0;
    for i in 0..end {
        if i >= run_end
            && cues[i] == Cue::Meta
            && ls[i].words <= 3
            && starts_with_any(&ls[i].key, &TAG_START)
        {
            run_end = end;
            for j in i + 1..end {
                let l = &ls[j];
                let tag = l.words <= 4
                    && !ends_sentence(l.raw)
                    && !matches!(cues[j], Cue::Boiler | Cue::Terminal)
                    && !is_paragraph(l);
                if !tag {
                    run_end = j;
                    break;
                }
                zones[j] = Some(Zone::Meta);
                if l.key.contains([',', '،']) {
                    // All the tags on one line: what follows is not one.
                    run_end = j;
                    break;
                }
            }
        }
    }

    // 2c. A widget list above the article (`الأكثر قراءة`, `آخر الأخبار`
    //     and their linked headlines): from the list heading to the
    //     headline, open lines are the list's items. The headline is the
    //     last headline-like open line before the first paragraph.
    if let Some(fp) = first_para.filter(|&p| p <= end) {
        if let Some(m) = (0..fp).rev().find(|&i| is_list_heading(&ls[i], cues[i])) {
            let open: Vec<usize> = (m + 1..fp)
                .filter(|&i| zones[i].is_none() && cues[i] != Cue::Credit)
                .collect();
            let headline = open
                .iter()
                .rev()
                .find(|&&i| is_headline(&ls[i]) && !is_paragraph(&ls[i]));
            if let (true, Some(&h)) = (open.len() >= 2, headline) {
                for &i in open.iter().filter(|&&i| i < h) {
                    zones[i] = Some(Zone::Boilerplate);
                }
            }
        }
    }

    // 3. The headline: the container's, else the first headline-like line
    //    among the first open lines, at most one paragraph into the text.
    let title_key: Option<String> = match known_title.map(key_of) {
        Some(k) if !k.trim().is_empty() => Some(k),
        _ => {
            let mut paras = 0;
            let mut found = None;
            let first_open = (0..end)
                .find(|&i| zones[i].is_none() && cues[i] != Cue::Credit)
                .unwrap_or(end);
            // A `place – name` line is a byline unless nothing else in the
            // header can be the headline.
            let mut credit = None;
            for i in 0..end {
                if zones[i].is_some() {
                    continue;
                }
                if cues[i] == Cue::Credit {
                    if credit.is_none() && is_headline(&ls[i]) {
                        credit = Some(i);
                    }
                    continue;
                }
                // The first open line may be a long headline (up to 25
                // words) as long as it does not end like a sentence.
                let long_first = i == first_open && ls[i].words <= 25 && !ends_sentence(ls[i].raw);
                if is_headline(&ls[i]) && (!is_paragraph(&ls[i]) || long_first) {
                    found = Some(i);
                    break;
                }
                paras += 1;
                if paras > 1 {
                    break;
                }
            }
            // Nor is a breadcrumb-shaped line, unless nothing else can be:
            // `فيديو | سقوط طائرة مسيرة` (four words or more) is then
            // the headline.
            let crumb = || {
                (0..first_para.unwrap_or(end).min(end)).find(|&i| {
                    cues[i] == Cue::Crumb
                        && is_headline(&ls[i])
                        && crumb_parts(&ls[i].key)
                            .iter()
                            .map(|p| p.split_whitespace().count())
                            .sum::<usize>()
                            >= 4
                })
            };
            found
                .map(|f| better_headline(&ls, &hw, &zones, &cues, f, end))
                .or(credit)
                .or_else(crumb)
                .map(|i| ls[i].key.clone())
        }
    };
    let mut title_lines = Vec::new();
    if let Some(tk) = &title_key {
        let tk_words = key_words(headline_part(tk));
        let tk_head = headline_words(tk);
        let probe = Probe::new(&tk_head);
        for i in 0..end {
            if matches!(zones[i], None | Some(Zone::Meta | Zone::Body))
                && comparable(ls[i].words, tk_words)
                && probe.may_repeat(&ls[i].key)
                && similarity(hw.get(i), &tk_head) >= 0.75
            {
                // A line with a stamp glued to a repeated headline stays meta.
                if zones[i] == Some(Zone::Meta) && ls[i].words > tk.split_whitespace().count() + 1 {
                    continue;
                }
                zones[i] = Some(Zone::Title);
                title_lines.push(i);
            }
        }
    }
    let first_title = title_lines.first().copied();

    // 3b. Credits: a `place – name` line that is not the headline is a
    //     correspondent's byline before the first paragraph and after the
    //     last (meta); inside the article it is a subheading (body).
    for i in 0..end {
        if cues[i] == Cue::Credit && zones[i].is_none() {
            let inside = first_para.is_some_and(|p| p < i) && last_para.is_some_and(|p| i < p);
            if !inside {
                zones[i] = Some(Zone::Meta);
            }
        }
    }

    // 4. The header: open lines before the headline that are not prose are
    //    section labels or breadcrumbs (meta); right after the headline and
    //    before the first paragraph, a name-like line (at most four words,
    //    no function word, no final stop) is a byline.
    let first_body = (0..end).find(|&i| zones[i].is_none() && is_paragraph(&ls[i]));
    for i in 0..end {
        if first_title.is_some_and(|t| i < t) && cues[i] == Cue::Dateline {
            // Before the headline a `site - author` line is a byline, not
            // the article's dateline.
            zones[i] = Some(Zone::Meta);
        }
        if zones[i].is_some() {
            continue;
        }
        let l = &ls[i];
        let before_title = first_title.is_some_and(|t| i < t);
        let after_title = first_title.is_some_and(|t| i > t && i <= t + 3);
        let before_body = first_body.is_some_and(|b| i < b);
        let label = before_title && !is_paragraph(l) && l.words <= 8;

        let byline = after_title
            && before_body
            && l.words <= 4
            && no_function_word(l.raw)
            && !ends_sentence(l.raw);
        if label || byline {
            zones[i] = Some(Zone::Meta);
        }
    }

    // 5. The tail: after the last paragraph, a short run (at most three) of
    //    short lines that are not sentences: a signature (name-like: meta)
    //    or widget headings and links (boilerplate). A longer run is a list
    //    or a poem, and stays body.
    if let Some(last) = (0..end)
        .rev()
        .find(|&i| zones[i].is_none() && is_paragraph(&ls[i]))
    {
        let open: Vec<usize> = (last + 1..end).filter(|&i| zones[i].is_none()).collect();
        let short = |i: &usize| ls[*i].words <= 5 && !ends_sentence(ls[*i].raw);
        if open.len() <= 3 && open.iter().all(short) {
            for i in open {
                let l = &ls[i];
                let name_like =
                    l.words <= 4 && no_function_word(l.raw) && digit_share(&l.key) == 0.0;
                zones[i] = Some(if name_like {
                    Zone::Meta
                } else {
                    Zone::Boilerplate
                });
            }
        }
    }

    ls.iter()
        .zip(zones)
        .map(|(l, z)| ZoneRange {
            span: l.span,
            zone: z.unwrap_or(Zone::Body),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn key_of_is_fold_then_ascii_lowercase(
            s in "[ \t\r\u{0b}\u{0c}\u{a0}\u{2003}aZ9:|\\-–—•*.«»ءآأؤإئابةتجىيـًٌٍَُِّْٰٱ٣ۆ©]{0,40}"
        ) {
            let mut want = fold(&s);
            want.make_ascii_lowercase();
            prop_assert_eq!(key_of(&s), want);
        }

        #[test]
        fn key_of_matches_fold_on_any_text(s in any::<String>()) {
            let mut want = fold(&s);
            want.make_ascii_lowercase();
            prop_assert_eq!(key_of(&s), want);
        }
    }

    proptest! {
        #[test]
        fn regexes_needing_a_digit_are_skipped_only_without_one(s in "[a1٣ ۳منذ:/\\-]{0,12}") {
            if DATE_OR_TIME.is_match(&s) || COUNTER.is_match(&s) {
                prop_assert!(has_digit(&s));
            }
            prop_assert_eq!(has_digit(&s), s.contains(|c: char| c.is_ascii_digit() || ('٠'..='٩').contains(&c)));
        }

        #[test]
        fn split_newlines_is_split(s in "[a\n\rب]{0,12}") {
            prop_assert_eq!(split_newlines(&s).collect::<Vec<_>>(), s.split('\n').collect::<Vec<_>>());
        }

        #[test]
        fn byte_scans_of_keys_agree_with_the_str_searches(
            s in "[ \t\u{a0}اأبتعرب3|/>»«›\\-–—.:]{0,40}"
        ) {
            let k = key_of(&s);
            prop_assert_eq!(key_words(&k), k.split_whitespace().count());
            prop_assert_eq!(count_spaces(k.as_bytes()), k.matches(' ').count());
            for p in k.split(" | ") {
                prop_assert_eq!(key_words(p), p.split_whitespace().count());
            }
            let dash = [" - ", " – "]
                .iter()
                .filter_map(|sep| k.rfind(sep).map(|i| (i, sep.len())))
                .max();
            prop_assert_eq!(last_dash(&k), dash);
            let has = |needle: &str| k.contains(needle);
            let split = k.contains(['/', '>', '|', '›']) || (has("»") && !has("«"));
            prop_assert_eq!(crumb_marks(&k), (split, has(" - ") || has(" – ")));
        }
    }

    /// `digit_share` as it was before its table look-ups.
    fn digit_share_before(key: &str) -> f64 {
        let (mut d, mut all) = (0usize, 0usize);
        for c in key.chars().filter(|c| !c.is_whitespace()) {
            all += 1;
            if c.is_numeric() {
                d += 1;
            }
        }
        if all == 0 { 0.0 } else { d as f64 / all as f64 }
    }

    proptest! {
        #[test]
        fn table_scans_agree_with_the_char_functions(
            s in "[ \t\u{a0}\u{2003}aZ9٣۳ـًٰٱٮ٪ءاأبةىي،؛؟٫.:|\\-–«»©é😀]{0,40}"
        ) {
            let want: Vec<&str> = s.split(|c: char| !is_word_char(c)).filter(|w| !w.is_empty()).collect();
            prop_assert_eq!(words(&s).collect::<Vec<_>>(), want);
            prop_assert_eq!(digit_share(&s), digit_share_before(&s));
        }

        #[test]
        fn a_probe_never_turns_away_a_repeated_headline(
            a in "[ ابتثجح|\\-]{0,30}",
            b in "[ ابتثجح|\\-]{0,8}",
        ) {
            // `b` tails a copy of `a`, so that many pairs are repeats.
            let (ka, kb) = (key_of(&a), key_of(&format!("{a} {b}")));
            let (wa, wb) = (headline_words(&ka), headline_words(&kb));
            if similarity(&wb, &wa) >= 0.75 {
                prop_assert!(Probe::new(&wa).may_repeat(&kb));
            }
        }

        #[test]
        fn regex_guards_skip_only_lines_that_cannot_match(
            s in "[ ابت(\\)\\-–—:.0-9]{0,30}"
        ) {
            prop_assert_eq!(dateline_match(&s).map(|m| m.range()), DATELINE.find(&s).map(|m| m.range()));
            if CREDIT_PARENS.is_match(&s) {
                prop_assert!(has_parens(&s));
            }
        }
    }

    #[test]
    fn every_arabic_class_is_the_char_functions() {
        for c in '\u{0600}'..='\u{067F}' {
            let mut buf = [0; 4];
            let (len, class) = char_class(c.encode_utf8(&mut buf), 0, &ARABIC_CLASS);
            assert_eq!((len, class), (2, class_of(c)), "{c:?}");
        }
        for c in '\0'..='\u{7F}' {
            let mut buf = [0; 4];
            assert_eq!(
                char_class(c.encode_utf8(&mut buf), 0, &ARABIC_CLASS),
                (1, class_of(c))
            );
        }
    }

    /// `is_breadcrumb` as it was before its one-pass separator scan.
    fn is_breadcrumb_before(l: &Line<'_>) -> bool {
        let k = l.key.as_str();
        let parts = crumb_parts(k);
        let short = |p: &&str| {
            let n = p.split_whitespace().count();
            n <= 3 && !p.chars().any(char::is_numeric)
        };
        if parts.len() >= 3
            && l.words <= 12
            && digit_share(k) < 0.3
            && parts.iter().all(|p| p.split_whitespace().count() <= 3)
        {
            return true;
        }
        let nonempty = |ps: &[&str]| ps.iter().all(|p| !p.trim().is_empty());
        // `الرئيسية » أخبار » <the headline>`: a trail that ends on the page
        // itself.
        if parts.len() >= 3
            && nonempty(&parts)
            && section_words_only(parts[0])
            && parts[..parts.len() - 1].iter().all(short)
        {
            return true;
        }
        if (2..=4).contains(&parts.len())
            && nonempty(&parts)
            && parts.iter().all(short)
            && !ends_sentence(l.raw)
        {
            return true;
        }
        let dashed: Vec<&str> = k.split(" - ").flat_map(|p| p.split(" – ")).collect();
        (2..=4).contains(&dashed.len())
            && nonempty(&dashed)
            && dashed.iter().all(short)
            && dashed.iter().all(|p| section_words_only(p))
    }

    proptest! {
        #[test]
        fn breadcrumb_scan_agrees_with_the_plain_splits(
            s in "[ اأبتعربيودولي٣3/>|»«›\\-–—.:]{0,40}"
        ) {
            for l in lines(&s) {
                prop_assert_eq!(is_breadcrumb(&l), is_breadcrumb_before(&l), "{}", l.raw);
            }
        }
    }

    #[test]
    fn long_lines_are_searched_only_for_the_copy_notice() {
        let para =
            "وأكد الوزير في تصريح للصحافة أن الحكومة ماضية في تنفيذ برنامجها الإصلاحي رغم الصعوبات";
        let long = format!("{para} {para} {para} {para} {para}");
        let text = format!("{long} content is protected");
        let l = &lines(&text)[0];
        assert!(l.words > HIT_WORDS);
        assert_eq!(l.hits, HIT_BOILER);
        assert_eq!(cue(l), Cue::Boiler);
        let text = format!("{long} جميع الحقوق محفوظة ©");
        let l = &lines(&text)[0];
        assert_eq!((l.hits, cue(l)), (0, Cue::None));
        let l = &lines("جميع الحقوق محفوظة ©")[0];
        assert_eq!(l.hits, HIT_BOILER | HIT_RIGHTS);
        assert_eq!(cue(l), Cue::Boiler);
    }

    #[test]
    fn key_of_matches_fold_on_every_arabic_character() {
        let all: String = ('\u{0600}'..='\u{06FF}')
            .flat_map(|c| [c, 'A', ' '])
            .collect();
        let mut want = fold(&all);
        want.make_ascii_lowercase();
        assert_eq!(key_of(&all), want);
    }

    /// A page of 20,000 lines (about 3 MB) with markers, labels, repeated
    /// headlines and tag runs all through it zones line by line: nothing
    /// compares every line with every other (inline links reuse the words
    /// already seen, tag runs are walked once, headline checks are capped).
    #[test]
    fn a_long_page_zones_in_linear_time() {
        let head = "وزير الداخلية يستقبل نظيره الإيطالي لبحث التعاون الأمني";
        let para = "وأكد الوزيران خلال اللقاء أهمية تكثيف التنسيق الأمني بين البلدين لمواجهة شبكات تهريب المهاجرين عبر البحر المتوسط وتعزيز تبادل المعلومات.";
        let pieces = [
            para,
            "اقرأ أيضا: وزير الداخلية يبحث التعاون الأمني مع نظيره",
            head,
            "الوسوم:",
            "الأمن",
            "الهجرة",
            para,
            "الرئيسية › أخبار › دولية",
            "نشر في : 24 يونيو 2025",
        ];
        let mut text = format!("{head}\n");
        let mut i = 0;
        while text.len() < 3_000_000 {
            text.push_str(pieces[i % pieces.len()]);
            text.push('\n');
            i += 1;
        }
        let lines = text.lines().count();
        assert!(lines >= 20_000, "{lines} lines");
        let z = zone_lines(&text, None);
        assert_eq!(z.len(), lines);
        assert_eq!(z[0].zone, Zone::Title);
        assert!(z.windows(2).all(|w| w[0].span.end < w[1].span.start));
        // Every inline link is about the article (its words were seen
        // before it), so none ends the page: its paragraphs stay body to
        // the end.
        let body = z.iter().filter(|r| r.zone == Zone::Body).count();
        assert!(body >= lines / 5, "{body} body lines of {lines}");
        let mut doc = akhbar_core::Document::new("long", text.as_str());
        crate::prepare(&mut doc);
        assert_eq!(doc.zones, z);
        assert_eq!(doc.meta.published.as_deref(), Some("2025-06-24"));
    }

    fn zoned(text: &str) -> Vec<(Zone, &str)> {
        zone_lines(text, None)
            .into_iter()
            .map(|z| (z.zone, &text[z.span.range()]))
            .collect()
    }

    #[test]
    fn spans_exclude_cr_and_skip_blank_lines() {
        let text = "عنوان الخبر هنا اليوم\r\n\r\n  \r\nفقرة أولى من الخبر تتحدث عن موضوع مهم جدا في هذا اليوم من أيام الأسبوع الجاري.\r\n";
        let z = zone_lines(text, None);
        assert_eq!(z.len(), 2);
        assert!(
            z.iter()
                .all(|r| !text[r.span.range()].contains(['\r', '\n']))
        );
    }

    #[test]
    fn read_also_ends_the_article() {
        let para = "وأكد الوزير في تصريح للصحافة أن الحكومة ماضية في تنفيذ برنامجها الإصلاحي رغم الصعوبات التي تواجهها البلاد.";
        let text = format!(
            "الحكومة تعلن برنامجا جديدا للإصلاح\n{para}\nاقرأ أيضا:\nخبر آخر لا علاقة له\n{para}\n"
        );
        let z = zoned(&text);
        let got: Vec<Zone> = z.iter().map(|x| x.0).collect();
        assert_eq!(
            got,
            [
                Zone::Title,
                Zone::Body,
                Zone::Boilerplate,
                Zone::Boilerplate,
                Zone::Boilerplate
            ]
        );
    }

    #[test]
    fn repeated_headline_is_title_and_stamp_is_meta() {
        let h = "توقيع اتفاقية تعاون بين البلدين في مجال الطاقة";
        let para = "وقع وزيرا الطاقة في البلدين اليوم اتفاقية تعاون تهدف إلى تطوير مشاريع مشتركة في مجال الطاقات المتجددة.";
        let text = format!("{h}\nنشر في : 24 يونيو 2025\n{h}\n{para}\n");
        let got: Vec<Zone> = zoned(&text).iter().map(|x| x.0).collect();
        assert_eq!(got, [Zone::Title, Zone::Meta, Zone::Title, Zone::Body]);
    }

    /// Regression: a stamp opening with a time in Arabic-Indic digits read
    /// as a dateline (`٠٢` is Arabic script) and became body; a lone
    /// "listen" button was body too.
    #[test]
    fn stamp_in_arabic_indic_digits_and_listen_button_are_not_body() {
        let h = "توقيع اتفاقية تعاون بين البلدين في مجال الطاقة";
        let para = "وقع وزيرا الطاقة في البلدين اليوم اتفاقية تعاون تهدف إلى تطوير مشاريع مشتركة في مجال الطاقات المتجددة.";
        let text = format!("{h}\n٠٢:٠٠ الثلاثاء ١ / ١٢ / ٢٠٢٠\nاستمع\n{para}\n");
        let got: Vec<Zone> = zoned(&text).iter().map(|x| x.0).collect();
        assert_eq!(
            got,
            [Zone::Title, Zone::Meta, Zone::Boilerplate, Zone::Body]
        );
    }

    #[test]
    fn inline_read_also_link_inside_the_article_does_not_end_it() {
        let p1 = "أعلنت وزارة الصحة عن إطلاق حملة وطنية للتلقيح ضد الحصبة تستهدف الأطفال في جميع المدارس الابتدائية بالمملكة.";
        let p2 = "وأوضحت الوزارة أن حملة التلقيح ضد الحصبة ستشمل الأطفال في المدارس الابتدائية والمراكز الصحية طيلة شهر كامل.";
        let text = format!(
            "حملة وطنية للتلقيح ضد الحصبة\n{p1}\nاقرأ أيضا: ارتفاع أسعار المحروقات في الأسواق\n{p2}\n"
        );
        let got: Vec<Zone> = zoned(&text).iter().map(|x| x.0).collect();
        assert_eq!(
            got,
            [Zone::Title, Zone::Body, Zone::Boilerplate, Zone::Body]
        );
    }

    #[test]
    fn inline_read_also_ends_the_article_unless_the_next_paragraph_goes_on() {
        let p1 = "استقبل وزير الداخلية اليوم نظيره الإيطالي حيث تناول اللقاء سبل تعزيز التعاون المشترك في مجال مكافحة الهجرة غير الشرعية.";
        let goes_on = "وأكد الوزيران خلال اللقاء أهمية تكثيف التنسيق الأمني بين البلدين لمواجهة شبكات تهريب المهاجرين عبر البحر المتوسط.";
        let other = "وزارة التربية تعلن مواعيد امتحانات نهاية العام الدراسي وتدعو التلاميذ إلى الاستعداد الجيد لها منذ الآن في كل المؤسسات.";
        let link = "اقرأ أيضًا: الحكومة تعلن مواعيد امتحانات نهاية العام الدراسي";
        let h = "وزير الداخلية يستقبل نظيره الإيطالي";
        let got: Vec<Zone> = zoned(&format!("{h}\n{p1}\n{link}\n{goes_on}\n"))
            .iter()
            .map(|x| x.0)
            .collect();
        assert_eq!(
            got,
            [Zone::Title, Zone::Body, Zone::Boilerplate, Zone::Body]
        );
        let got: Vec<Zone> = zoned(&format!("{h}\n{p1}\n{link}\n{other}\n"))
            .iter()
            .map(|x| x.0)
            .collect();
        assert_eq!(
            got,
            [
                Zone::Title,
                Zone::Body,
                Zone::Boilerplate,
                Zone::Boilerplate
            ]
        );
    }

    #[test]
    fn navigation_runs_and_one_word_sentences_are_told_apart() {
        let para = "وقع وزيرا الطاقة في البلدين اليوم اتفاقية تعاون تهدف إلى تطوير مشاريع مشتركة في مجال الطاقات المتجددة.";
        let text = format!(
            "الرئيسية\nمحافظات\nتوك شو\nكاريكاتير\nإنفوجراف\nتوقيع اتفاقية تعاون في مجال الطاقة\n{para}\nشارك الوزيران في حفل التوقيع الذي أقيم بالمناسبة مساء اليوم بحضور عدد من المسؤولين.\n"
        );
        let got: Vec<Zone> = zoned(&text).iter().map(|x| x.0).collect();
        assert_eq!(got[..5], [Zone::Boilerplate; 5]);
        assert_eq!(got[5..], [Zone::Title, Zone::Body, Zone::Body]);
    }

    #[test]
    fn read_also_ends_an_article_of_short_lines_too() {
        let text = "وزير الصحة يفتتح مستشفى جديدا بمدينة طنجة اليوم\nافتتح وزير الصحة اليوم مستشفى جديدا بطاقة استيعابية كبيرة\nويضم المستشفى عدة أقسام متخصصة في طب الأطفال والنساء\nاقرأ أيضا\nالمنتخب الوطني يفوز على نظيره في مباراة ودية بملعب طنجة الكبير\n";
        let got: Vec<Zone> = zoned(text).iter().map(|x| x.0).collect();
        assert_eq!(
            got,
            [
                Zone::Title,
                Zone::Body,
                Zone::Body,
                Zone::Boilerplate,
                Zone::Boilerplate
            ]
        );
    }

    #[test]
    fn dateline_is_body() {
        let l = lines("الرباط – الثلاثاء 24 يونيو 2025");
        assert_eq!(cue(&l[0]), Cue::Dateline);
    }

    #[test]
    fn agency_credits_are_meta_and_name_the_agency() {
        for (line, agency) in [
            ("الرياض - واس", Some("واس")),
            ("الدوحة - قنا", Some("قنا")),
            ("تونس - وات", Some("وات")),
            ("الجزائر - واج", Some("واج")),
            ("القاهرة - أ ش أ", Some("أ ش أ")),
            ("الرباط - و م ع", Some("و م ع")),
            ("(واس)", Some("واس")),
            ("- (أ ف ب)", Some("أ ف ب")),
            ("بيروت - الوكالة الوطنية", Some("الوكالة الوطنية")),
            ("المنامة (بنا)", Some("بنا")),
            ("(وكالات)", None),
            ("- رويترز", Some("رويترز")),
            ("أ.ش.أ", Some("أ.ش.أ")),
        ] {
            let l = lines(line);
            assert_eq!(cue(&l[0]), Cue::Meta, "{line}");
            assert_eq!(credit_agency(line).as_deref(), agency, "{line}");
        }
        let l = lines("أبوظبي: فاطمة المرزوقي");
        assert_eq!(cue(&l[0]), Cue::Credit);
        assert_eq!(credit_agency("أبوظبي: فاطمة المرزوقي"), None);
        assert_eq!(credit_agency("الرياض - واس تعلن نتائج المسابقة"), None);
        // `آب` (August) is not `أ ب` (AP).
        assert_eq!(credit_agency("(آب)"), None);
    }

    #[test]
    fn breadcrumbs_of_two_to_four_segments_are_crumbs() {
        for line in [
            "محاكم | الجزائر",
            "إسبانيا | أمن وقضاء",
            "الرئيسية › أخبار › دولية",
            "أخبار / عربي ودولي",
            "رياضة > كرة القدم",
            "الرئيسية » تقارير",
            "عربي ودولي - سياسة",
        ] {
            let l = lines(line);
            assert!(matches!(cue(&l[0]), Cue::Crumb | Cue::Meta), "{line}");
        }
        let l = lines("الرئيسية » أخبار » الحكم بعشر سنوات سجنا على مهرب مخدرات");
        assert_eq!(cue(&l[0]), Cue::Crumb);
        let l = lines("أخبار » محاكم » الحكم بعشر سنوات سجنا على مهرب مخدرات");
        assert_eq!(cue(&l[0]), Cue::Crumb);
        for line in [
            "2024/10/16 - 09:30",
            "توقيع اتفاقية تعاون أمني بين المغرب وفرنسا | هسبريس",
            "الرئيس يستقبل وزير الخارجية - صور",
        ] {
            let l = lines(line);
            assert_ne!(cue(&l[0]), Cue::Crumb, "{line}");
        }
    }

    #[test]
    fn wrapper_boxes_are_boilerplate() {
        for line in [
            "يستخدم هذا الموقع ملفات تعريف الارتباط (الكوكيز) لتحسين تجربتك وتقديم محتوى يناسب اهتماماتك، وبمواصلة التصفح فإنك توافق على استخدامنا لها وفق سياسة الخصوصية.",
            "سجل بريدك الإلكتروني لتصلك نشرتنا",
            "اشترك في النشرة البريدية",
            "فيسبوك - تويتر - يوتيوب - تيليجرام",
            "تابعونا على فيسبوك وتويتر",
            "شارك:",
            "واتساب",
            "يرجى الالتزام بقواعد النشر",
            "التعليقات لا تعبر عن رأي الموقع",
            "لا تُنشر التعليقات التي تتضمن إساءة",
            "الأكثر قراءة",
            "الأكثر مشاهدة",
            "مواضيع ذات صلة",
            "جميع الحقوق محفوظة",
            "© 2024 صحيفة الأخبار. جميع الحقوق محفوظة ولا يجوز إعادة النشر أو الاقتباس دون إذن كتابي مسبق من إدارة التحرير",
        ] {
            let l = lines(line);
            assert!(
                matches!(cue(&l[0]), Cue::Boiler | Cue::Terminal),
                "{line}: {:?}",
                cue(&l[0])
            );
        }
        // A sentence that names a network is no share bar.
        let l = lines(
            "أعلنت شركة فيسبوك عن تحديث جديد لتطبيق واتساب يتيح للمستخدمين إرسال الملفات الكبيرة.",
        );
        assert_eq!(cue(&l[0]), Cue::None);
    }
}

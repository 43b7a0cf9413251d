//! HTML pages: the visible text as lines, and the metadata the page states.
//!
//! A saved news page is parsed with `scraper` (html5ever, the browsers'
//! parsing algorithm, so broken markup is repaired as a browser would).
//! Its text is what a reader sees, one block element a line and a blank line
//! between blocks, as in the plain-text articles the zoner was written for:
//! scripts, styles, templates, forms' inputs and the document head are
//! left out, runs of white space are folded. The zoner then separates the
//! article from the site's wrapper exactly as for a scraped `.txt`. The
//! document's text *is* this extracted text: every span the toolkit reports
//! points into it, not into the markup.
//!
//! Metadata comes from the page itself: `og:title` or `<title>`, the
//! publication time of `article:published_time`, `datePublished`,
//! `pubdate` or the first `<time datetime>`, `og:site_name` and the
//! canonical URL.

use akhbar_core::Metadata;
use scraper::{ElementRef, Html, Node, Selector};
use std::sync::LazyLock;

/// Elements whose content is never visible text.
const HIDDEN: &[&str] = &[
    "head", "script", "style", "noscript", "template", "svg", "math", "iframe", "object", "canvas",
    "select", "option", "textarea", "button", "input",
];

/// Elements that start a new line of text.
const BLOCKS: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "body",
    "br",
    "caption",
    "dd",
    "details",
    "div",
    "dl",
    "dt",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "li",
    "main",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "td",
    "th",
    "tr",
    "ul",
];

/// The text and metadata of an HTML page.
pub(crate) struct Page {
    /// The visible text, one block a line, blocks separated by a blank line.
    pub text: String,
    /// What the page says of itself.
    pub meta: Metadata,
}

/// True when the start of a file looks like HTML (a doctype or an `<html>`
/// element, after white space and a byte-order mark).
pub(crate) fn looks_like_html(head: &str) -> bool {
    let t = head.trim_start_matches('\u{feff}').trim_start();
    let lower: String = t.chars().take(15).collect::<String>().to_ascii_lowercase();
    lower.starts_with("<!doctype html") || lower.starts_with("<html")
}

/// Reads a page.
pub(crate) fn page(source: &str) -> Page {
    let doc = Html::parse_document(source);
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    walk(doc.root_element(), &mut line, &mut lines);
    flush(&mut line, &mut lines);
    Page {
        text: lines.join("\n\n"),
        meta: metadata(&doc),
    }
}

fn walk(el: ElementRef<'_>, line: &mut String, lines: &mut Vec<String>) {
    let name = el.value().name();
    if HIDDEN.contains(&name) {
        return;
    }
    let block = BLOCKS.contains(&name);
    if block {
        flush(line, lines);
    }
    for child in el.children() {
        match child.value() {
            Node::Text(t) => push_text(line, t),
            Node::Element(_) => {
                if let Some(e) = ElementRef::wrap(child) {
                    walk(e, line, lines);
                }
            }
            _ => {}
        }
    }
    if block {
        flush(line, lines);
    }
}

/// Appends text with white space folded to single spaces.
fn push_text(line: &mut String, t: &str) {
    for (i, word) in t.split(char::is_whitespace).enumerate() {
        if i > 0 && !line.ends_with(' ') && !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
}

fn flush(line: &mut String, lines: &mut Vec<String>) {
    let t = line.trim();
    if !t.is_empty() {
        lines.push(t.to_owned());
    }
    line.clear();
}

fn selector(s: &str) -> Option<Selector> {
    Selector::parse(s).ok()
}

/// The selectors that parse, in order.
fn selectors(list: &[&str]) -> Vec<Selector> {
    list.iter().filter_map(|s| selector(s)).collect()
}

static TITLE: LazyLock<Vec<Selector>> = LazyLock::new(|| {
    selectors(&[
        r#"meta[property="og:title"]"#,
        r#"meta[name="twitter:title"]"#,
    ])
});
static PUBLISHED: LazyLock<Vec<Selector>> = LazyLock::new(|| {
    selectors(&[
        r#"meta[property="article:published_time"]"#,
        r#"meta[itemprop="datePublished"]"#,
        r#"meta[name="pubdate"]"#,
        r#"meta[name="publishdate"]"#,
        r#"meta[name="date"]"#,
    ])
});
static SITE: LazyLock<Vec<Selector>> =
    LazyLock::new(|| selectors(&[r#"meta[property="og:site_name"]"#]));
static URL: LazyLock<Vec<Selector>> = LazyLock::new(|| selectors(&[r#"meta[property="og:url"]"#]));
static TITLE_TAG: LazyLock<Option<Selector>> = LazyLock::new(|| selector("title"));
static TIME_TAG: LazyLock<Option<Selector>> = LazyLock::new(|| selector("time[datetime]"));
static CANONICAL: LazyLock<Option<Selector>> =
    LazyLock::new(|| selector(r#"link[rel="canonical"]"#));

/// `s` with its white space runs folded to single spaces, trimmed.
fn fold_space(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The first non-empty `content` of the elements the selectors match.
fn content(doc: &Html, selectors: &[Selector]) -> Option<String> {
    selectors.iter().find_map(|s| {
        doc.select(s)
            .filter_map(|e| e.value().attr("content"))
            .map(fold_space)
            .find(|c| !c.is_empty())
    })
}

fn attr(doc: &Html, selector: Option<&Selector>, name: &str) -> Option<String> {
    doc.select(selector?)
        .filter_map(|e| e.value().attr(name))
        .map(str::trim)
        .find(|v| !v.is_empty())
        .map(str::to_owned)
}

fn metadata(doc: &Html) -> Metadata {
    let title = content(doc, &TITLE).or_else(|| {
        let el = doc.select(TITLE_TAG.as_ref()?).next()?;
        let t = fold_space(&el.text().collect::<Vec<_>>().join(" "));
        (!t.is_empty()).then_some(t)
    });
    let published = content(doc, &PUBLISHED)
        .or_else(|| attr(doc, TIME_TAG.as_ref(), "datetime"))
        .and_then(|d| iso_date(&d));
    Metadata {
        title,
        published,
        source: content(doc, &SITE),
        url: content(doc, &URL).or_else(|| attr(doc, CANONICAL.as_ref(), "href")),
    }
}

/// The `YYYY-MM-DD` at the start of a machine-readable date, if any.
fn iso_date(s: &str) -> Option<String> {
    let d = s.trim().get(..10)?;
    let b = d.as_bytes();
    let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
    (digits(0..4) && b[4] == b'-' && digits(5..7) && b[7] == b'-' && digits(8..10))
        .then(|| d.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = r#"<!DOCTYPE html>
<html lang="ar" dir="rtl"><head>
<meta charset="utf-8">
<title>وزير الداخلية يستقبل نظيره | موقع الأخبار</title>
<meta property="og:site_name" content="موقع الأخبار">
<meta property="article:published_time" content="2024-03-05T10:20:00+01:00">
<link rel="canonical" href="https://example.org/a/1">
<style>p { color: red }</style>
<script>var x = "<p>لا</p>";</script>
</head><body>
<nav><ul><li><a href="/">الرئيسية</a></li><li>سياسة</li></ul></nav>
<article><h1>وزير الداخلية   يستقبل نظيره</h1>
<p>استقبل وزير الداخلية، اليوم،<br>نظيره <b>الإسباني</b> بالرباط.</p>
<p>وتناول اللقاء &amp; التعاون الأمني.</p></article>
<form><textarea>اكتب تعليقك</textarea><button>إرسال</button></form>
</body></html>"#;

    #[test]
    fn the_visible_text_one_block_a_line() {
        let p = page(PAGE);
        assert_eq!(
            p.text,
            "الرئيسية\n\nسياسة\n\nوزير الداخلية يستقبل نظيره\n\nاستقبل وزير الداخلية، اليوم،\n\n\
             نظيره الإسباني بالرباط.\n\nوتناول اللقاء & التعاون الأمني."
        );
    }

    #[test]
    fn metadata_from_the_page() {
        let m = page(PAGE).meta;
        assert_eq!(
            m.title.as_deref(),
            Some("وزير الداخلية يستقبل نظيره | موقع الأخبار")
        );
        assert_eq!(m.published.as_deref(), Some("2024-03-05"));
        assert_eq!(m.source.as_deref(), Some("موقع الأخبار"));
        assert_eq!(m.url.as_deref(), Some("https://example.org/a/1"));
    }

    #[test]
    fn html_is_recognized_by_its_start() {
        assert!(looks_like_html("\u{feff}  <!DOCTYPE html>"));
        assert!(looks_like_html("<HTML lang=ar>"));
        assert!(!looks_like_html("<DOC><DOCNO>1</DOCNO>"));
        assert!(!looks_like_html("خبر"));
    }

    #[test]
    fn broken_markup_and_empty_pages_give_text_or_nothing() {
        assert_eq!(
            page("<html><body><p>خبر <b>عاجل</p></html>").text,
            "خبر عاجل"
        );
        assert_eq!(page("").text, "");
        assert_eq!(
            page("<html><head><title></title></head></html>").meta.title,
            None
        );
    }
}

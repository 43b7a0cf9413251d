//! Reads WikiFANE Gold (Alotaibi and Lee 2014, CC BY-SA 3.0) as auxiliary
//! training data for `cargo xtask train-ner --aux-wikifane`.
//!
//! The corpus is Arabic Wikipedia text, hand-annotated with 50 fine-grained
//! classes; its tokens are clitic-segmented (`و` `ها` apart). This reader
//! maps the classes to ANERcorp's four types and joins the clitics back, so
//! that the tokens look like ANERcorp's.

use akhbar_tagger::Sentence;

const PERS: &[&str] = &[
    "Politician",
    "Other_PER",
    "Artist",
    "Scientist",
    "Religious_PER",
    "Police",
    "Athlete",
    "Businessperson",
    "Engineer",
    "Lawyer",
];
const ORG: &[&str] = &[
    "Commercial",
    "Non-Governmental",
    "Government",
    "Sports",
    "Media",
    "Educational",
    "Religious_ORG",
    "Entertainment",
    "Medical-Science",
];
/// GPE, LOC and FAC classes (ANERcorp's LOC), except `Celestial`.
const LOC: &[&str] = &[
    "Population-Center",
    "Nation",
    "State-or-Province",
    "Continent",
    "GPE-Cluster",
    "County-or-District",
    "Water-Body",
    "Land-Region-Natural",
    "Building-Grounds",
    "Path",
    "Airport",
    "Subarea-Facility",
    "Plant",
];
/// Vehicles, weapons and products.
const MISC: &[&str] = &[
    "Air",
    "Water",
    "Land",
    "Software",
    "Hardware",
    "Book",
    "Movie",
    "Sound",
    "Food",
    "Drug",
    "Projectile",
    "Blunt",
    "Shooting",
    "Nuclear",
    "Exploding",
    "Sharp",
    "Chemical",
];
/// Segmented proclitics, joined to the next token.
const PROCLITICS: &[&str] = &["و", "ف", "ب", "ل", "ك", "س", "ال"];
/// Segmented pronoun suffixes, joined to the previous token.
const ENCLITICS: &[&str] = &["ه", "ها", "هم", "هما", "هن", "نا", "ي", "ني"];

/// Maps a WikiFANE tag (`B-Nation`) to an ANERcorp one (`B-LOC`); `Group`
/// (peoples, `المسلمين`), `Celestial` and unknown classes become `O`.
fn map_tag(tag: &str) -> String {
    let Some((bi, class)) = tag.split_at_checked(2) else {
        return "O".into();
    };
    if bi != "B-" && bi != "I-" {
        return "O".into();
    }
    let ty = if PERS.contains(&class) {
        "PERS"
    } else if ORG.contains(&class) {
        "ORG"
    } else if LOC.contains(&class) {
        "LOC"
    } else if MISC.contains(&class) {
        "MISC"
    } else {
        return "O".into();
    };
    format!("{bi}{ty}")
}

/// Joins segmented clitics back onto their words and repairs IOB2.
fn rejoin(sentence: Vec<(String, String)>) -> Sentence {
    let mut joined: Vec<(String, String)> = Vec::with_capacity(sentence.len());
    for (w, t) in sentence {
        let attach = ENCLITICS.contains(&w.as_str())
            && joined.last().is_some_and(|(prev, _)| {
                !PROCLITICS.contains(&prev.as_str())
                    && prev.chars().next_back().is_some_and(char::is_alphabetic)
            });
        match joined.last_mut() {
            Some((prev, _)) if attach => {
                if let Some(stem) = prev.strip_suffix('ة') {
                    *prev = format!("{stem}ت");
                }
                prev.push_str(&w);
            }
            _ => joined.push((w, t)),
        }
    }
    let mut out: Vec<(String, String)> = Vec::with_capacity(joined.len());
    let mut pending = String::new();
    let mut pending_tag: Option<String> = None;
    for (w, t) in joined {
        if PROCLITICS.contains(&w.as_str()) {
            if pending.is_empty() {
                pending_tag = Some(t);
            }
            pending.push_str(&w);
            continue;
        }
        let (mut w, mut t) = (w, t);
        if !pending.is_empty() {
            w = match w.strip_prefix('ا') {
                Some(rest) if pending.ends_with('ل') && w.starts_with("ال") && pending != "ال" =>
                {
                    format!("{pending}{rest}")
                }
                _ => format!("{pending}{w}"),
            };
            if let Some(pt) = pending_tag.as_deref()
                && pt.starts_with("I-")
                && t != "O"
            {
                t = pt.to_owned();
            }
            pending.clear();
        }
        out.push((w, t));
    }
    if !pending.is_empty() {
        out.push((pending, pending_tag.unwrap_or_else(|| "O".into())));
    }
    let mut prev = String::from("O");
    for (_, t) in &mut out {
        if let Some(ty) = t.strip_prefix("I-")
            && prev.get(2..) != Some(ty)
        {
            *t = format!("B-{ty}");
        }
        prev.clone_from(t);
    }
    out.retain(|(w, _)| !w.is_empty());
    Sentence {
        tokens: out.iter().map(|(w, _)| w.clone()).collect(),
        tags: out.into_iter().map(|(_, t)| t).collect(),
    }
}

/// Reads `WikiFANE_Gold_2014_500K.txt`: `TOKEN<TAB>TAG` per line (CRLF,
/// a BOM, left-to-right marks before the tokens), a blank line between
/// sentences.
pub(crate) fn parse(text: &str) -> Vec<Sentence> {
    let clean: String = text
        .chars()
        .filter(|c| !matches!(c, '\u{feff}' | '\r' | '\u{200e}' | '\u{200f}'))
        .collect();
    let mut out = Vec::new();
    let mut cur: Vec<(String, String)> = Vec::new();
    for line in clean.split('\n') {
        let mut cols = line.split('\t');
        let (Some(tok), Some(tag)) = (cols.next(), cols.next()) else {
            if !cur.is_empty() {
                out.push(rejoin(std::mem::take(&mut cur)));
            }
            continue;
        };
        if tok.trim().is_empty() {
            if !cur.is_empty() {
                out.push(rejoin(std::mem::take(&mut cur)));
            }
            continue;
        }
        cur.push((tok.trim().to_owned(), map_tag(tag.trim())));
    }
    if !cur.is_empty() {
        out.push(rejoin(cur));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maps_classes_and_rejoins_clitics() {
        let text = "\u{feff}\u{200e}جمهورية\tB-Nation\r\n\u{200e}مصر\tI-Nation\r\n\u{200e}و\tO\r\n\
                    \u{200e}ل\tO\r\n\u{200e}الكتاب\tO\r\n\u{200e}عاصمة\tO\r\n\u{200e}ها\tO\r\n\
                    \u{200e}القاهرة\tB-Population-Center\r\n\u{200e}المسلمين\tB-Group\r\n\t\r\n\
                    \u{200e}و\tO\r\n\u{200e}ماكرون\tI-Politician\r\n";
        let s = parse(text);
        assert_eq!(s.len(), 2);
        assert_eq!(
            s[0].tokens,
            [
                "جمهورية",
                "مصر",
                "وللكتاب",
                "عاصمتها",
                "القاهرة",
                "المسلمين"
            ]
        );
        assert_eq!(s[0].tags, ["B-LOC", "I-LOC", "O", "O", "B-LOC", "O"]);
        assert_eq!(s[1].tokens, ["وماكرون"]);
        assert_eq!(s[1].tags, ["B-PERS"]);
    }

    #[test]
    fn odd_lines_do_not_panic() {
        assert!(parse("").is_empty());
        assert!(parse("\t\n\n").is_empty());
        let s = parse("و\tX\nه\tB-\n");
        assert_eq!(s.len(), 1);
    }
}

//! From an unresolved value to the ISO-like string of `ANNOTATION.md`,
//! against the publication date.

use super::grammar::{Val, YearSpec};
use super::lexicon::Tense;
use akhbar_core::calendar::{
    civil_from_days, days_from_civil, days_in_month, iso_week, weekday_of,
};

/// A publication date, possibly partial (`2025-06-24`, `2025-06`, `2025`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(super) struct Published {
    y: Option<i64>,
    m: Option<u8>,
    d: Option<u8>,
}

impl Published {
    /// Reads `YYYY[-MM[-DD]]` (anything after the day, such as a time, is
    /// ignored); unreadable parts stay unknown.
    pub fn parse(s: Option<&str>) -> Self {
        let mut p = Self::default();
        let Some(s) = s else { return p };
        let head: String = s.trim().chars().take(10).collect();
        let mut parts = head.split(['-', '/']);
        let Some(y) = parts
            .next()
            .filter(|y| y.len() == 4)
            .and_then(|y| y.parse::<i64>().ok())
        else {
            return p;
        };
        p.y = Some(y);
        let Some(m) = parts
            .next()
            .and_then(|m| m.parse::<u8>().ok())
            .filter(|m| (1..=12).contains(m))
        else {
            return p;
        };
        p.m = Some(m);
        p.d = parts
            .next()
            .and_then(|d| d.parse::<u8>().ok())
            .filter(|&d| d >= 1 && d <= days_in_month(y, m));
        p
    }

    /// Day number of the full date, when the day is known.
    fn days(&self) -> Option<i64> {
        Some(days_from_civil(self.y?, self.m?, self.d?))
    }
}

/// A value and, when the text contradicts itself, why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Resolved {
    /// The ISO-like value.
    pub value: String,
    /// A weekday that does not match the date.
    pub issue: Option<String>,
}

fn ymd(days: i64) -> String {
    let (y, m, d) = civil_from_days(days);
    format!("{y:04}-{m:02}-{d:02}")
}

fn year_str(y: Option<i64>) -> String {
    y.map_or_else(|| "XXXX".to_owned(), |y| format!("{y:04}"))
}

/// Days since 1970-01-01 of a date of the tabular Islamic calendar
/// (`akhbar_core::calendar::days_from_hijri`).
pub(super) fn hijri_to_days(y: i64, m: u8, d: u8) -> i64 {
    akhbar_core::calendar::days_from_hijri(y, m, d)
}

/// Moves `days` by at most `reach` days to the nearest day with weekday
/// `wd`; returns the day and the shift.
fn snap_weekday(days: i64, wd: u8, reach: i64) -> (i64, i64) {
    let (y, m, d) = civil_from_days(days);
    let have = i64::from(weekday_of(y, m, d));
    let want = i64::from(wd);
    let fwd = (want - have).rem_euclid(7);
    let shift = if fwd <= 3 { fwd } else { fwd - 7 };
    if shift.abs() <= reach {
        (days + shift, shift)
    } else {
        (days, 0)
    }
}

/// The year of a month (and day) that the text gives without one.
fn pick_year(m: u8, d: Option<u8>, tense: Tense, wd: Option<u8>, p: &Published) -> Option<i64> {
    let py = p.y?;
    let Some(pm) = p.m else { return Some(py) };
    let before = match (d, p.d) {
        (Some(d), Some(pd)) => (m, d) < (pm, pd),
        _ => m < pm,
    };
    let after = match (d, p.d) {
        (Some(d), Some(pd)) => (m, d) > (pm, pd),
        _ => m > pm,
    };
    let base = match tense {
        Tense::Past => {
            if before {
                py
            } else {
                py - 1
            }
        }
        Tense::Future => {
            if after {
                py
            } else {
                py + 1
            }
        }
        Tense::Current => py,
        Tense::None => {
            let diff = i64::from(m) - i64::from(pm);
            if diff >= 6 {
                py - 1
            } else if diff <= -10 {
                py + 1
            } else {
                py
            }
        }
    };
    // A stated weekday picks among neighbouring years.
    if let (Some(wd), Some(d)) = (wd, d) {
        let ok = |y: i64| d <= days_in_month(y, m) && weekday_of(y, m, d) == wd;
        if !ok(base) {
            let pdays = days_from_civil(py, pm, p.d.unwrap_or(15));
            let mut cands: Vec<i64> = [py - 1, py, py + 1]
                .into_iter()
                .filter(|&y| ok(y))
                .collect();
            cands.sort_by_key(|&y| (days_from_civil(y, m, d) - pdays).abs());
            if let Some(&y) = cands.first() {
                return Some(y);
            }
        }
    }
    Some(base)
}

/// Season index in its season-year: SP 0, SU 1, FA 2, WI 3 (a winter is
/// named by the year of its December).
fn season_index(code: &str) -> i64 {
    match code {
        "SP" => 0,
        "SU" => 1,
        "FA" => 2,
        _ => 3,
    }
}

fn current_season(y: i64, m: u8) -> (i64, i64) {
    match m {
        3..=5 => (y, 0),
        6..=8 => (y, 1),
        9..=11 => (y, 2),
        12 => (y, 3),
        _ => (y - 1, 3),
    }
}

/// Resolves one value.
pub(super) fn resolve(val: &Val, wd: Option<u8>, p: &Published) -> Resolved {
    let mut issue = None;
    let value = match *val {
        Val::Cal { y, m, d, tense } => {
            let year = match y {
                Some(YearSpec::Abs(v)) => Some(v),
                Some(YearSpec::Rel(k)) => p.y.map(|py| py + k),
                None => m.and_then(|m| pick_year(m, d, tense, wd, p)),
            };
            if let (Some(wd), Some(yv), Some(mv), Some(dv)) = (wd, year, m, d) {
                let have = weekday_of(yv, mv, dv);
                if have != wd {
                    issue = Some(format!(
                        "stated weekday {wd} does not match {yv:04}-{mv:02}-{dv:02} (weekday {have}); the date is kept"
                    ));
                }
            }
            match (m, d) {
                (Some(m), Some(d)) => format!("{}-{m:02}-{d:02}", year_str(year)),
                (Some(m), None) => format!("{}-{m:02}", year_str(year)),
                (None, Some(d)) => format!("{}-XX-{d:02}", year_str(year)),
                (None, None) => year_str(year),
            }
        }
        Val::Day(off) => match p.days() {
            Some(pd) => {
                let day = pd + off;
                match wd {
                    Some(wd) => {
                        let (snapped, shift) = snap_weekday(day, wd, 3);
                        if shift != 0 {
                            issue = Some(format!(
                                "stated weekday {wd} does not match {}; the weekday is kept",
                                ymd(day)
                            ));
                        }
                        ymd(snapped)
                    }
                    None => ymd(day),
                }
            }
            None => match (off, p.y, p.m) {
                (0, Some(y), Some(m)) => format!("{y:04}-{m:02}-XX"),
                (0, Some(y), None) => format!("{y:04}-XX-XX"),
                _ => "XXXX-XX-XX".to_owned(),
            },
        },
        Val::Weekday { tense, future } => match (p.days(), wd) {
            (Some(pd), Some(wd)) => {
                let (y, m, d) = civil_from_days(pd);
                let pw = i64::from(weekday_of(y, m, d));
                let w = i64::from(wd);
                let day = match tense {
                    Tense::Past => {
                        let back = (pw - w).rem_euclid(7);
                        pd - if back == 0 { 7 } else { back }
                    }
                    Tense::Future => {
                        let fwd = (w - pw).rem_euclid(7);
                        pd + if fwd == 0 { 7 } else { fwd }
                    }
                    Tense::Current => pd + (w - pw),
                    Tense::None if future => pd + (w - pw).rem_euclid(7),
                    Tense::None => pd - (pw - w).rem_euclid(7),
                };
                ymd(day)
            }
            _ => "XXXX-XX-XX".to_owned(),
        },
        Val::DayOfMonth { d, k } => match (p.y, p.m) {
            (Some(y), Some(m)) => {
                let total = y * 12 + i64::from(m) - 1 + k;
                let (y, m) = (total.div_euclid(12), (total.rem_euclid(12) + 1) as u8);
                if let Some(wd) =
                    wd.filter(|&wd| d <= days_in_month(y, m) && weekday_of(y, m, d) != wd)
                {
                    issue = Some(format!(
                        "stated weekday {wd} does not match {y:04}-{m:02}-{d:02}; the date is kept"
                    ));
                }
                format!("{y:04}-{m:02}-{d:02}")
            }
            _ => format!("XXXX-XX-{d:02}"),
        },
        Val::Week(k) => match p.days() {
            Some(pd) => {
                let (y, m, d) = civil_from_days(pd + 7 * k);
                let (wy, w) = iso_week(y, m, d);
                format!("{wy:04}-W{w:02}")
            }
            None => "XXXX-WXX".to_owned(),
        },
        Val::Month(k) => match (p.y, p.m) {
            (Some(y), Some(m)) => {
                let total = y * 12 + i64::from(m) - 1 + k;
                format!(
                    "{:04}-{:02}",
                    total.div_euclid(12),
                    total.rem_euclid(12) + 1
                )
            }
            _ => "XXXX-XX".to_owned(),
        },
        Val::Year(YearSpec::Abs(y)) => format!("{y:04}"),
        Val::Year(YearSpec::Rel(k)) => year_str(p.y.map(|y| y + k)),
        Val::Season { code, y, tense } => {
            let year = match y {
                Some(YearSpec::Abs(v)) => Some(v),
                Some(YearSpec::Rel(k)) => p.y.map(|py| py + k),
                None => match (p.y, p.m) {
                    (Some(py), Some(pm)) => {
                        let (cy, ci) = current_season(py, pm);
                        let want = season_index(code);
                        Some(match tense {
                            Tense::Past => {
                                if want < ci {
                                    cy
                                } else {
                                    cy - 1
                                }
                            }
                            Tense::Future => {
                                if want > ci {
                                    cy
                                } else {
                                    cy + 1
                                }
                            }
                            Tense::Current | Tense::None => py,
                        })
                    }
                    (Some(py), None) if tense == Tense::Current => Some(py),
                    _ => None,
                },
            };
            format!("{}-{code}", year_str(year))
        }
        Val::Hijri { y, m, d } => {
            let day_of = |hy: i64| hijri_to_days(hy, m, d.unwrap_or(15));
            let hy = match (y, p.days()) {
                (Some(hy), _) => Some(hy),
                (None, Some(pd)) => {
                    let approx = (pd + 492_149) * 30 / 10_631 + 1;
                    (approx - 1..=approx + 1).min_by_key(|&hy| (day_of(hy) - pd).abs())
                }
                (None, None) => None,
            };
            match (hy, d) {
                (Some(hy), Some(_)) => {
                    let mut days = day_of(hy);
                    if let Some(wd) = wd {
                        // The tabular calendar may be a day or two off the
                        // observed one; a stated weekday settles it.
                        days = snap_weekday(days, wd, 2).0;
                    }
                    ymd(days)
                }
                (Some(hy), None) => {
                    let (gy, gm, _) = civil_from_days(day_of(hy));
                    format!("{gy:04}-{gm:02}")
                }
                (None, Some(_)) => "XXXX-XX-XX".to_owned(),
                (None, None) => "XXXX-XX".to_owned(),
            }
        }
    };
    Resolved { value, issue }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tabular_hijri_matches_known_dates() {
        // 1 Ramadan 1446 was Saturday 1 March 2025 (Umm al-Qura).
        assert_eq!(ymd(hijri_to_days(1446, 9, 1)), "2025-03-01");
        // 1 Muharram 1447 was 26 June 2025 (Umm al-Qura); tabular gives 27.
        let d = hijri_to_days(1447, 1, 1);
        assert!((ymd(d) == "2025-06-26") || (ymd(d) == "2025-06-27"));
    }

    #[test]
    fn published_may_be_partial() {
        let p = Published::parse(Some("2025-06"));
        assert_eq!((p.y, p.m, p.d), (Some(2025), Some(6), None));
        let p = Published::parse(Some("2025-06-24T10:00:00Z"));
        assert_eq!(p.days(), Some(days_from_civil(2025, 6, 24)));
        assert_eq!(Published::parse(Some("soon")), Published::default());
    }
}

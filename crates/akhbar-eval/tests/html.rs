//! The HTML error report rendered in a real browser: headless Chromium
//! takes a screenshot when `/usr/bin/chromium` exists; otherwise the test
//! says so and returns. Set `AKHBAR_SCREENSHOT_DIR` to keep the page and
//! the screenshot.

mod common;

use akhbar_eval::{evaluate, html_report};
use std::path::Path;
use std::process::Command;

const CHROMIUM: &str = "/usr/bin/chromium";

#[test]
fn html_report_renders_in_headless_chromium() {
    let (gold, pred) = common::sets();
    let report = evaluate(&gold, &pred).expect("scores");
    let page = html_report(&gold, &pred, &report);
    for kind in [
        "k-missed",
        "k-spurious",
        "k-type",
        "k-boundary",
        "k-canonical",
        "k-value",
    ] {
        assert!(page.contains(kind), "no {kind} mark");
    }
    assert!(page.contains("<div class=\"ln zc\" dir=\"rtl\" data-kinds=\"zone\""));
    if !Path::new(CHROMIUM).exists() {
        println!("note: {CHROMIUM} not found; skipping the browser screenshot");
        return;
    }
    let tmp = tempfile::tempdir().expect("temp dir");
    let dir = std::env::var_os("AKHBAR_SCREENSHOT_DIR")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| tmp.path().to_path_buf());
    std::fs::create_dir_all(&dir).expect("screenshot dir");
    let html = dir.join("report.html");
    let png = dir.join("report.png");
    std::fs::write(&html, &page).expect("page written");
    let out = Command::new(CHROMIUM)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--hide-scrollbars",
            "--window-size=1280,2400",
            &format!("--screenshot={}", png.display()),
            &format!("file://{}", html.display()),
        ])
        .output()
        .expect("chromium runs");
    assert!(
        out.status.success(),
        "chromium failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let bytes = std::fs::read(&png).expect("screenshot written");
    assert!(
        bytes.starts_with(b"\x89PNG") && bytes.len() > 10_000,
        "{} bytes",
        bytes.len()
    );
}

//! Shared fixtures of the integration tests.

use akhbar_eval::GoldSet;
use std::path::Path;

/// The fixture gold set, and predictions with one of each difference.
pub fn sets() -> (GoldSet, GoldSet) {
    let gold = GoldSet::read(&Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/gold"))
        .expect("fixture reads");
    let mut pred = gold.clone();
    let a1 = &mut pred.documents[0];
    a1.entities.remove(0); // missed TITLE
    a1.entities[0].entity_type = akhbar_core::EntityType::Org; // wrong type
    a1.entities[2].span.end -= 3; // wrong boundary
    a1.entities[2].text = a1.entities[2].text.chars().take(13).collect();
    a1.entities[3].value = "2025-06-23".into(); // wrong value
    a1.entities[4].canonical = "الرباط العاصمة".into(); // wrong canonical
    a1.zones[0].zone = akhbar_core::Zone::Body; // meta line predicted body
    let b2 = &mut pred.documents[1];
    let mut extra = b2.entities[1].clone();
    extra.id = "T99".into();
    extra.span = akhbar_core::CharSpan::new(8, 12); // spurious "يعقد"
    extra.text = "يعقد".into();
    b2.entities.push(extra);
    (gold, pred)
}

//! Tags a CoNLL file with a model file and prints `TOKEN GOLD PRED` per line
//! (error analysis): `cargo run --release --example predict -- MODEL FILE`.
use akhbar_tagger::{Tagger, read_conll};
use std::io::BufReader;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().collect();
    let (Some(model), Some(file)) = (args.get(1), args.get(2)) else {
        return Err("usage: predict MODEL FILE".into());
    };
    let tagger = Tagger::from_bytes(&std::fs::read(model)?)?;
    let sents = read_conll(BufReader::new(std::fs::File::open(file)?))?;
    for s in sents {
        let toks: Vec<&str> = s.tokens.iter().map(String::as_str).collect();
        for ((t, g), p) in toks.iter().zip(&s.tags).zip(tagger.tag(&toks)) {
            println!("{t} {g} {p}");
        }
        println!();
    }
    Ok(())
}

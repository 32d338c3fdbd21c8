//! Turns the word lists in `src/words/*.txt` into `Words` constants.
//!
//! The lists are data, kept out of the rules' code; compiling them into
//! constants means a rule names a list that exists (or does not build), and
//! a malformed list stops the build with its file and line, so no bad list
//! reaches a running program and nothing is checked at run time.
//!
//! Format of a list file: `#` starts a comment line; `[NAME] doc` starts a
//! list (NAME in upper case, doc a sentence saying what the list is for);
//! the lines after it hold the list's words, separated by spaces. Words are
//! lower case, without spaces, at most 128 a list, each once. A list's
//! name is unique across the files: two lists of one name in two modules
//! would read as one list to someone grepping for it.

use std::fmt::Write as _;
use std::path::Path;

struct List {
    name: String,
    doc: String,
    words: Vec<String>,
}

fn main() {
    let out = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    let mut code = String::new();
    println!("cargo:rerun-if-changed=src/words");
    let mut files: Vec<String> = std::fs::read_dir("src/words")
        .expect("src/words holds the word lists")
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter_map(|f| Some(f.strip_suffix(".txt")?.to_string()))
        .collect();
    // Each file is compiled into a module of the same name.
    files.sort();
    let mut names: std::collections::HashMap<String, String> = Default::default();
    for file in &files {
        let path = format!("src/words/{file}.txt");
        println!("cargo:rerun-if-changed={path}");
        let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
        let lists = parse(&text).unwrap_or_else(|e| panic!("{path}:{e}"));
        writeln!(code, "/// The lists of `{path}`.\npub(crate) mod {file} {{").unwrap();
        writeln!(code, "    use crate::words::Words;").unwrap();
        for l in lists {
            if let Some(first) = names.insert(l.name.clone(), path.clone()) {
                panic!("{path}: list {} has the name of a list in {first}", l.name);
            }
            let words: Vec<String> = l.words.iter().map(|w| format!("{w:?}")).collect();
            writeln!(
                code,
                "    #[doc = {:?}]\n    pub(crate) const {}: Words = Words::new(&[{}]);",
                l.doc,
                l.name,
                words.join(", ")
            )
            .unwrap();
        }
        code.push_str("}\n");
    }
    std::fs::write(Path::new(&out).join("word_lists.rs"), code).expect("OUT_DIR is writable");
}

/// The lists of one file, or `line: problem`.
fn parse(text: &str) -> Result<Vec<List>, String> {
    let mut lists: Vec<List> = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let n = n + 1;
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if let Some(rest) = line.strip_prefix('[') {
            let (name, doc) = rest
                .split_once(']')
                .ok_or(format!("{n}: `[` without `]`"))?;
            if name.is_empty() || !name.bytes().all(|b| b.is_ascii_uppercase() || b == b'_') {
                return Err(format!("{n}: list name {name:?} is not UPPER_CASE"));
            }
            if lists.iter().any(|l| l.name == name) {
                return Err(format!("{n}: list {name} defined twice"));
            }
            if doc.trim().is_empty() {
                return Err(format!("{n}: list {name} has no doc line"));
            }
            lists.push(List {
                name: name.to_string(),
                doc: format!(" {}", doc.trim()),
                words: Vec::new(),
            });
            continue;
        }
        let list = lists
            .last_mut()
            .ok_or(format!("{n}: words before any [NAME]"))?;
        for w in line.split_whitespace() {
            if !w
                .chars()
                .all(|c| c.is_lowercase() || c.is_ascii_digit() || "'’-.,".contains(c))
            {
                return Err(format!(
                    "{n}: {w:?} in {} is not a lower-case word",
                    list.name
                ));
            }
            if list.words.iter().any(|x| x == w) {
                return Err(format!("{n}: {w:?} twice in {}", list.name));
            }
            list.words.push(w.to_string());
        }
    }
    if let Some(l) = lists
        .iter()
        .find(|l| l.words.is_empty() || l.words.len() > 128)
    {
        return Err(format!(
            " list {} has {} words (1 to 128)",
            l.name,
            l.words.len()
        ));
    }
    Ok(lists)
}

//! The top-level modules of `rules-core` import each other without a cycle,
//! so each can be read, tested and changed on its own (issue 12).
//!
//! Reads every `crate::…` path in `src/**/*.rs` (comments left out), maps it
//! to the top-level module it names (names re-exported by `lib.rs` map to
//! their module; anything else defined in `lib.rs` is the crate root, which
//! depends on every module), and looks for a cycle.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

const ROOT: &str = "(crate root)";

/// module → (module it uses → first place it does so)
type Graph = BTreeMap<String, BTreeMap<String, String>>;

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The line without its `//` comment (a `//` inside a string literal is kept).
fn code(line: &str) -> &str {
    let mut in_string = false;
    let bytes = line.as_bytes();
    for i in 0..bytes.len() {
        match bytes[i] {
            b'"' if i == 0 || bytes[i - 1] != b'\\' => in_string = !in_string,
            b'/' if !in_string && bytes.get(i + 1) == Some(&b'/') => return &line[..i],
            _ => {}
        }
    }
    line
}

fn ident(s: &str) -> &str {
    let end = s.find(|c: char| !(c.is_ascii_alphanumeric() || c == '_')).unwrap_or(s.len());
    &s[..end]
}

/// The first path segment after every `crate::` in the text; for a group
/// `crate::{a, b::c}` each member's first segment.
fn crate_paths(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(at) = rest.find("crate::") {
        let before = rest[..at].chars().next_back();
        let after = &rest[at + "crate::".len()..];
        rest = after;
        if before.is_some_and(|c| c.is_ascii_alphanumeric() || c == '_') {
            continue; // e.g. `rules_crate::`
        }
        if let Some(group) = after.strip_prefix('{') {
            let (mut depth, mut start) = (0, 0);
            for (i, c) in group.char_indices() {
                match c {
                    '{' => depth += 1,
                    '}' if depth == 0 => {
                        out.push(ident(group[start..i].trim()).to_string());
                        break;
                    }
                    '}' => depth -= 1,
                    ',' if depth == 0 => {
                        out.push(ident(group[start..i].trim()).to_string());
                        start = i + 1;
                    }
                    _ => {}
                }
            }
        } else {
            out.push(ident(after).to_string());
        }
    }
    out.retain(|s| !s.is_empty());
    out
}

/// Modules declared in `lib.rs` and the names it re-exports (`pub use m::{A, B}`).
fn crate_root(lib: &str) -> (BTreeSet<String>, BTreeMap<String, String>) {
    let (mut modules, mut reexports) = (BTreeSet::new(), BTreeMap::new());
    let text: String = lib.lines().map(code).collect::<Vec<_>>().join("\n");
    for stmt in text.split(';') {
        let stmt = stmt.trim();
        let stmt = stmt.rsplit('\n').next().unwrap_or(stmt).trim();
        if let Some(m) = stmt.strip_prefix("pub mod ").or_else(|| stmt.strip_prefix("mod ")) {
            modules.insert(m.trim().to_string());
        } else if let Some(path) = stmt.strip_prefix("pub use ") {
            let (module, items) = path.split_once("::").unwrap();
            let items = items.trim().trim_start_matches('{').trim_end_matches('}');
            for item in items.split(',') {
                let name = item.rsplit(" as ").next().unwrap().trim();
                let name = name.rsplit("::").next().unwrap();
                if !name.is_empty() {
                    reexports.insert(name.to_string(), module.trim().to_string());
                }
            }
        }
    }
    (modules, reexports)
}

fn module_graph() -> Graph {
    let src = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("src");
    let (modules, reexports) = crate_root(&std::fs::read_to_string(src.join("lib.rs")).unwrap());
    let mut graph = Graph::new();
    graph.insert(ROOT.into(), modules.iter().map(|m| (m.clone(), "src/lib.rs (mod)".to_string())).collect());
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    files.sort();
    for file in files {
        let relative = file.strip_prefix(&src).unwrap();
        let first = relative.components().next().unwrap().as_os_str().to_string_lossy();
        let from = first.trim_end_matches(".rs").to_string();
        if from == "lib" {
            continue;
        }
        assert!(modules.contains(&from), "{} is not under a module declared in lib.rs", relative.display());
        let edges = graph.entry(from.clone()).or_default();
        for (n, line) in std::fs::read_to_string(&file).unwrap().lines().enumerate() {
            for name in crate_paths(code(line)) {
                let to = if modules.contains(&name) {
                    name
                } else {
                    reexports.get(&name).cloned().unwrap_or_else(|| ROOT.to_string())
                };
                if to != from {
                    edges.entry(to).or_insert_with(|| format!("src/{}:{}", relative.display(), n + 1));
                }
            }
        }
    }
    graph
}

/// One cycle as a path `a → b → … → a`, if there is any.
fn find_cycle(graph: &Graph) -> Option<Vec<String>> {
    fn visit(node: &str, graph: &Graph, done: &mut BTreeSet<String>, stack: &mut Vec<String>) -> Option<Vec<String>> {
        if let Some(at) = stack.iter().position(|s| s == node) {
            let mut cycle = stack[at..].to_vec();
            cycle.push(node.to_string());
            return Some(cycle);
        }
        if done.contains(node) {
            return None;
        }
        stack.push(node.to_string());
        for next in graph.get(node).into_iter().flat_map(|e| e.keys()) {
            if let Some(cycle) = visit(next, graph, done, stack) {
                return Some(cycle);
            }
        }
        stack.pop();
        done.insert(node.to_string());
        None
    }
    let mut done = BTreeSet::new();
    graph.keys().find_map(|n| visit(n, graph, &mut done, &mut Vec::new()))
}

fn describe(graph: &Graph, cycle: &[String]) -> String {
    let path = cycle.join(" → ");
    let places: Vec<String> =
        cycle.windows(2).map(|w| format!("  {} → {}: {}", w[0], w[1], graph[&w[0]][&w[1]])).collect();
    format!("module import cycle: {path}\n{}", places.join("\n"))
}

#[test]
fn top_level_modules_import_each_other_without_a_cycle() {
    let graph = module_graph();
    // The reader really sees the imports (guards against a test that passes on nothing).
    assert!(graph["eval"].contains_key("package"), "{graph:#?}");
    assert!(graph["load"].contains_key("output"), "{graph:#?}");
    if let Some(cycle) = find_cycle(&graph) {
        panic!("{}", describe(&graph, &cycle));
    }
}

#[test]
fn compile_renders_nothing() {
    let graph = module_graph();
    for rendering in ["output", "explain"] {
        assert!(!graph["compile"].contains_key(rendering), "compile uses {rendering}: {}", graph["compile"][rendering]);
    }
}

#[test]
fn the_reader_and_the_cycle_finder_work() {
    assert_eq!(
        crate_paths("use crate::{a, b::{C, D}, e}; let x = crate::f::g(); rules_crate::h"),
        ["a", "b", "e", "f"]
    );
    assert_eq!(code(r#"let u = "https://x"; // crate::no"#), r#"let u = "https://x"; "#);
    let (modules, reexports) = crate_root("pub mod a;\nmod b; // c\npub use a::{X, Y as Z};\npub use b::W;");
    assert_eq!(modules.into_iter().collect::<Vec<_>>(), ["a", "b"]);
    assert_eq!(reexports["Z"], "a");
    assert_eq!(reexports["W"], "b");
    let edge = |to: &str| (to.to_string(), "here".to_string());
    let mut graph = Graph::new();
    graph.insert("a".into(), [edge("b")].into());
    graph.insert("b".into(), [edge("c")].into());
    graph.insert("c".into(), BTreeMap::new());
    assert_eq!(find_cycle(&graph), None);
    graph.get_mut("c").unwrap().insert("a".into(), "here".into());
    let cycle = find_cycle(&graph).unwrap();
    assert_eq!(cycle, ["a", "b", "c", "a"]);
    assert!(describe(&graph, &cycle).contains("a → b → c → a"));
}

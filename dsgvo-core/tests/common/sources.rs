// Shared by the purity and free-text tests: every Rust file under a folder.
// Included with `include!`, so it is no test target of its own.

/// Collects the `.rs` files under `dir`, recursively.
pub fn sources(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

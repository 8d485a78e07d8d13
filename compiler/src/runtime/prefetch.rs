//! Decoding library modules ahead, on a second CPU, while the VM thread
//! lexes and parses a script: the modules the script names (`Enum.map`,
//! `alias Foo.Bar`) and, when it mentions `ExUnit`, the ones every ExUnit
//! script loads. `Service::ensure_loaded` takes a unit decoded ahead
//! instead of decoding it (about 18M instructions for an ExUnit file's 28
//! modules).
//!
//! Decoding is pure, so timing cannot change behaviour: the VM thread takes
//! a module's unit if it is ready and otherwise decodes it itself (and the
//! module is then never stored ahead); a unit decoded ahead but not needed
//! is dropped with the service. The only trace of it is the atoms its
//! decoding interned.

use super::lowering::threaded;
use beamlet_vm::code::Unit;
use beamlet_vm::image::Image;
use std::collections::{HashMap, HashSet};
use std::sync::{Arc, Mutex, MutexGuard};

/// The library modules an ExUnit script loads, in the order `ExUnit.start`,
/// `use ExUnit.Case`, the tests' assertions and the run need them.
const EXUNIT: &[&str] = &[
    "Elixir.ExUnit",
    "Elixir.ExUnit.Server",
    "Elixir.System",
    "Elixir.Enum",
    "Elixir.Keyword",
    "lists",
    "beamlet_singleton",
    "Elixir.String",
    "binary",
    "Elixir.Process",
    "Elixir.ExUnit.Case",
    "Elixir.ExUnit.Callbacks",
    "Elixir.ExUnit.Assertions",
    "Elixir.ExUnit.DocTest",
    "Elixir.Macro",
    "Elixir.Module",
    "Elixir.Code",
    "Elixir.ExUnit.Runner",
    "Elixir.Map",
    "Elixir.List",
    "Elixir.ExUnit.CLIFormatter",
    "timer",
    "Elixir.Kernel",
    "Elixir.Enumerable",
    "Elixir.Enumerable.Range",
    "Elixir.ExUnit.Formatter",
    "erlang",
];

/// Most modules decoded ahead for one script.
const MOST: usize = 64;

/// Units decoded ahead, and the modules the VM thread has asked for (those
/// are not stored any more).
#[derive(Default)]
pub(crate) struct Prefetched {
    ready: HashMap<String, Unit>,
    asked: HashSet<String>,
}

fn lock(m: &Mutex<Prefetched>) -> MutexGuard<'_, Prefetched> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

/// `module`'s unit if it was decoded ahead; from now on it is not stored.
pub(crate) fn take(p: &Mutex<Prefetched>, module: &str) -> Option<Unit> {
    let mut p = lock(p);
    p.asked.insert(module.to_owned());
    p.ready.remove(module)
}

/// Starts decoding, on a thread of its own, the modules of `image` that
/// `source` is likely to need. Nothing with one CPU.
pub(crate) fn start(p: Arc<Mutex<Prefetched>>, image: Image<'static>, source: Arc<str>) {
    if !threaded() {
        return;
    }
    let _ = std::thread::Builder::new()
        .name("beamlet-prefetch".into())
        .spawn(move || {
            for module in wanted(&image, &source) {
                if lock(&p).asked.contains(&module) {
                    continue;
                }
                let Some(Ok(unit)) = image.unit(&module) else {
                    continue;
                };
                let mut p = lock(&p);
                if !p.asked.contains(&module) {
                    p.ready.insert(module, unit);
                }
            }
        });
}

/// The modules of `image` `source` is likely to need, most likely first:
/// ExUnit's when it is named, then the aliases it writes (`Enum`,
/// `String.Chars`), each once.
fn wanted(image: &Image<'_>, source: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut seen: HashSet<String> = HashSet::new();
    let mut add = |name: String, out: &mut Vec<String>| {
        if out.len() < MOST && image.entry(&name).is_some() && seen.insert(name.clone()) {
            out.push(name);
        }
    };
    if source.contains("ExUnit") {
        for m in EXUNIT {
            add((*m).to_owned(), &mut out);
        }
    }
    for alias in aliases(source) {
        add(format!("Elixir.{alias}"), &mut out);
    }
    out
}

/// The dotted capitalized names in `source` (`Enum`, `String.Chars`), not
/// preceded by a word character, each as written.
fn aliases(source: &str) -> impl Iterator<Item = &str> {
    let b = source.as_bytes();
    let word = |c: u8| c.is_ascii_alphanumeric() || c == b'_';
    let mut i = 0;
    std::iter::from_fn(move || {
        while i < b.len() {
            let start = i;
            if b[i].is_ascii_uppercase() && (i == 0 || !(word(b[i - 1]) || b[i - 1] == b'.')) {
                let mut end = i;
                loop {
                    while end < b.len() && word(b[end]) {
                        end += 1;
                    }
                    if end + 1 < b.len() && b[end] == b'.' && b[end + 1].is_ascii_uppercase() {
                        end += 1;
                    } else {
                        break;
                    }
                }
                i = end;
                return source.get(start..end);
            }
            i += 1;
        }
        None
    })
}

#[cfg(test)]
mod tests {
    use super::aliases;

    #[test]
    fn aliases_are_dotted_capitalized_names() {
        let found: Vec<&str> =
            aliases("Enum.map(x, &String.Chars.to_string/1); a.B; xY; :Foo\nIO").collect();
        assert_eq!(found, ["Enum", "String.Chars", "Foo", "IO"]);
    }
}

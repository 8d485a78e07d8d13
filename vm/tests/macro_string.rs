//! `Macro.to_string/1` against outputs recorded from Elixir 1.14: the cases in
//! `tests/macro_string/cases.txt` (see `tests/macro_string/README.md`) hold each snippet's
//! quoted form as Elixir's `inspect` prints it, read back here with a small term reader.

use std::time::Instant;

use beamlet_vm::macro_string::{to_string, to_string_with_width};
use beamlet_vm::value::Value;

/// One recorded case.
struct Case {
    number: usize,
    snippet: String,
    quoted: String,
    /// `None`: Elixir raises on this quoted form; beamlet only has to not panic.
    expected: Option<String>,
}

fn cases() -> Vec<Case> {
    // `MACRO_STRING_CASES` points at another file of cases (to try more code).
    let path = std::env::var("MACRO_STRING_CASES").unwrap_or_else(|_| {
        concat!(env!("CARGO_MANIFEST_DIR"), "/tests/macro_string/cases.txt").to_string()
    });
    let text = std::fs::read_to_string(&path).expect("cases file");
    let mut cases = Vec::new();
    for chunk in text.split("#### case ").skip(1) {
        let (number, rest) = chunk.split_once('\n').expect("case header");
        let (snippet, rest) = rest.split_once("\n#### quoted\n").expect("quoted section");
        let (quoted, rest) = rest.split_once('\n').expect("quoted line");
        let (kind, body) = rest.split_once('\n').expect("expected header");
        let body = body.strip_suffix('\n').unwrap_or(body);
        cases.push(Case {
            number: number.trim().parse().expect("case number"),
            snippet: snippet.to_string(),
            quoted: quoted.to_string(),
            expected: match kind {
                "#### expected" => Some(body.to_string()),
                "#### raises" => None,
                other => panic!("unknown section {other}"),
            },
        });
    }
    cases
}

#[test]
fn macro_to_string_matches_elixir() {
    let cases = cases();
    assert!(cases.len() >= 300, "only {} cases", cases.len());
    let mut failures = Vec::new();
    for case in &cases {
        let quoted = term::parse(&case.quoted)
            .unwrap_or_else(|e| panic!("case {}: cannot read {:?}: {e}", case.number, case.quoted));
        let got = to_string(&quoted);
        if let Some(expected) = &case.expected {
            if &got != expected {
                failures.push(format!(
                    "case {} `{}`\n--- expected\n{}\n--- got\n{}\n",
                    case.number, case.snippet, expected, got
                ));
            }
        }
    }
    if !failures.is_empty() {
        panic!(
            "{} of {} cases differ:\n\n{}",
            failures.len(),
            cases.len(),
            failures.join("\n")
        );
    }
}

fn atom(s: &str) -> Value {
    Value::Atom(s.into())
}

fn var(s: &str) -> Value {
    Value::Tuple(vec![atom(s), Value::List(vec![], None), atom("nil")])
}

fn call(name: &str, args: Vec<Value>) -> Value {
    Value::Tuple(vec![
        atom(name),
        Value::List(vec![], None),
        Value::List(args, None),
    ])
}

/// A deep quoted form of about `n` nodes: each step wraps the previous expression in an
/// operator, a pipe into a call, a comparison with a tuple, or a map.
fn deep_quoted(n: usize) -> Value {
    let mut expr = var("x");
    let mut nodes = 1;
    let mut i = 0;
    while nodes < n {
        expr = match i % 4 {
            0 => call("+", vec![expr, Value::Int(i as i64)]),
            1 => call(
                "|>",
                vec![
                    expr,
                    call("foo", vec![var("y"), Value::Binary(b"s".to_vec())]),
                ],
            ),
            2 => call(
                "==",
                vec![expr, call("{}", vec![atom("ok"), var("z"), Value::Int(1)])],
            ),
            _ => call("%{}", vec![Value::Tuple(vec![atom("key"), expr])]),
        };
        nodes += 4;
        i += 1;
    }
    expr
}

/// A wide quoted form of about `n` nodes: a block of assertions like a test's.
fn wide_quoted(n: usize) -> Value {
    let mut exprs = Vec::new();
    let mut nodes = 0;
    let mut i = 0;
    while nodes < n {
        // assert Enum.map(list_i, &(&1 * i)) == [a: i, b: "s"]
        let remote = Value::Tuple(vec![
            call(".", vec![atom("Elixir.Enum"), atom("map")]),
            Value::List(vec![], None),
            Value::List(
                vec![
                    var(&format!("list_{i}")),
                    call(
                        "&",
                        vec![call(
                            "*",
                            vec![call("&", vec![Value::Int(1)]), Value::Int(i)],
                        )],
                    ),
                ],
                None,
            ),
        ]);
        let kw = Value::List(
            vec![
                Value::Tuple(vec![atom("a"), Value::Int(i)]),
                Value::Tuple(vec![atom("b"), Value::Binary(b"s".to_vec())]),
            ],
            None,
        );
        exprs.push(call("assert", vec![call("==", vec![remote, kw])]));
        nodes += 14;
        i += 1;
    }
    call("__block__", exprs)
}

/// The time `Macro.to_string` takes on `quoted`, averaged over a few runs.
fn time_per_run(quoted: &Value) -> std::time::Duration {
    let _ = to_string(quoted);
    let runs = 20;
    let start = Instant::now();
    for _ in 0..runs {
        assert!(!to_string(quoted).is_empty());
    }
    start.elapsed() / runs
}

#[test]
fn thousand_nodes_are_fast() {
    let wide = time_per_run(&wide_quoted(1000));
    let deep_q = deep_quoted(1000);
    eprintln!("nested form: {} bytes printed", to_string(&deep_q).len());
    let deep = time_per_run(&deep_q);
    eprintln!(
        "1,000-node quoted forms: {wide:?} (a block of assertions), {deep:?} (nested 250 deep)"
    );
    // Loose bounds: they catch blow-ups, not noise on a loaded machine.
    assert!(wide.as_millis() < 20, "too slow: {wide:?}");
    assert!(deep.as_millis() < 20, "too slow: {deep:?}");
    // Ten times the nodes take about ten times as long.
    let wide10 = time_per_run(&wide_quoted(10_000));
    eprintln!("10,000-node block: {wide10:?}");
    assert!(
        wide10 < wide * 40 + std::time::Duration::from_millis(5),
        "not linear: {wide10:?}"
    );
}

#[test]
fn trees_printed_in_place_fit_a_small_stack() {
    // Just under the depth printed on the caller's own stack: 1 MB suffices.
    let q = deep_quoted(440);
    let out = std::thread::scope(|s| {
        std::thread::Builder::new()
            .stack_size(1 << 20)
            .spawn_scoped(s, || to_string(&q))
            .unwrap()
            .join()
            .unwrap()
    });
    assert!(out.contains("foo(y, \"s\")"));
}

#[test]
fn deep_trees_do_not_overflow_the_stack() {
    // 10,000 levels of nesting, printed from a thread with a small stack (the printer
    // moves to a thread of its own); the tree is built and dropped on a large stack.
    std::thread::Builder::new()
        .stack_size(256 << 20)
        .spawn(|| {
            let q = deep_quoted(40_000);
            let out = std::thread::scope(|s| {
                std::thread::Builder::new()
                    .stack_size(256 << 10)
                    .spawn_scoped(s, || to_string(&q))
                    .unwrap()
                    .join()
                    .unwrap()
            });
            assert!(out.starts_with("%{\n  key:"));
        })
        .unwrap()
        .join()
        .unwrap();
}

#[test]
fn width_is_configurable() {
    let q = term::parse(
        "{:foo, [], [{:aaaaaaaaaa, [], nil}, {:bbbbbbbbbb, [], nil}, {:cccccccccc, [], nil}]}",
    )
    .unwrap();
    assert_eq!(to_string(&q), "foo(aaaaaaaaaa, bbbbbbbbbb, cccccccccc)");
    assert_eq!(
        to_string_with_width(&q, 20),
        "foo(\n  aaaaaaaaaa,\n  bbbbbbbbbb,\n  cccccccccc\n)"
    );
}

/// A reader for the terms `inspect/2` prints (with `charlists: :as_lists` and
/// `binaries: :as_strings`): numbers, atoms, aliases, strings, lists (keyword syntax
/// and improper tails included), tuples and maps.
mod term {
    use beamlet_vm::value::Value;
    use num_bigint::BigInt;

    pub fn parse(s: &str) -> Result<Value, String> {
        let mut r = Reader {
            s: s.as_bytes(),
            pos: 0,
        };
        let v = r.term()?;
        r.ws();
        if r.pos != r.s.len() {
            return Err(format!("trailing input at {}", r.pos));
        }
        Ok(v)
    }

    struct Reader<'a> {
        s: &'a [u8],
        pos: usize,
    }

    fn atom(s: &str) -> Value {
        Value::Atom(s.into())
    }

    fn is_ident(c: u8) -> bool {
        c.is_ascii_alphanumeric() || c == b'_' || c >= 0x80
    }

    impl Reader<'_> {
        fn peek(&self) -> Option<u8> {
            self.s.get(self.pos).copied()
        }

        fn rest(&self) -> &[u8] {
            &self.s[self.pos..]
        }

        fn ws(&mut self) {
            while matches!(self.peek(), Some(b' ' | b'\n' | b'\t')) {
                self.pos += 1;
            }
        }

        fn eat(&mut self, t: &str) -> bool {
            self.ws();
            if self.rest().starts_with(t.as_bytes()) {
                self.pos += t.len();
                true
            } else {
                false
            }
        }

        fn expect(&mut self, t: &str) -> Result<(), String> {
            if self.eat(t) {
                Ok(())
            } else {
                Err(format!("expected {t:?} at {}", self.pos))
            }
        }

        fn term(&mut self) -> Result<Value, String> {
            self.ws();
            match self.peek() {
                Some(b'{') => {
                    self.pos += 1;
                    let items = self.seq(b'}')?;
                    Ok(Value::Tuple(items))
                }
                Some(b'[') => {
                    self.pos += 1;
                    self.list()
                }
                Some(b'%') => {
                    self.expect("%{")?;
                    self.map()
                }
                Some(b'"') => Ok(Value::Binary(self.string()?)),
                Some(b':') => {
                    self.pos += 1;
                    self.atom_after_colon()
                }
                Some(c) if c == b'-' || c.is_ascii_digit() => self.number(),
                Some(c) if c.is_ascii_alphabetic() => self.bare_word(),
                other => Err(format!(
                    "unexpected {:?} at {}",
                    other.map(char::from),
                    self.pos
                )),
            }
        }

        /// Terms separated by commas up to `close`.
        fn seq(&mut self, close: u8) -> Result<Vec<Value>, String> {
            let mut items = Vec::new();
            self.ws();
            if self.peek() == Some(close) {
                self.pos += 1;
                return Ok(items);
            }
            loop {
                items.push(self.term()?);
                self.ws();
                match self.peek() {
                    Some(b',') => self.pos += 1,
                    Some(c) if c == close => {
                        self.pos += 1;
                        return Ok(items);
                    }
                    _ => return Err(format!("expected , or close at {}", self.pos)),
                }
            }
        }

        /// A keyword key (`key:` or `"quoted key":`) if one starts here.
        fn keyword_key(&mut self) -> Result<Option<String>, String> {
            self.ws();
            let start = self.pos;
            if self.peek() == Some(b'"') {
                let s = self.string()?;
                if self.peek() == Some(b':') && self.s.get(self.pos + 1) == Some(&b' ') {
                    self.pos += 1;
                    return Ok(Some(String::from_utf8(s).map_err(|e| e.to_string())?));
                }
                self.pos = start;
                return Ok(None);
            }
            let mut end = self.pos;
            while end < self.s.len() && (is_ident(self.s[end]) || b"?!@".contains(&self.s[end])) {
                end += 1;
            }
            let is_key = |end: usize| {
                end > self.pos
                    && self.s.get(end) == Some(&b':')
                    && self.s.get(end + 1) == Some(&b' ')
            };
            if !is_key(end) {
                // An operator key: `&&&: 2`, `!==: 2`, `<<>>: 1`.
                end = self.pos;
                while end < self.s.len() && b"&|<>=!~^+-*/\\.@%{}".contains(&self.s[end]) {
                    end += 1;
                }
            }
            if end > self.pos
                && self.s.get(end) == Some(&b':')
                && self.s.get(end + 1) == Some(&b' ')
            {
                let key = std::str::from_utf8(&self.s[self.pos..end])
                    .unwrap()
                    .to_string();
                self.pos = end + 1;
                return Ok(Some(key));
            }
            Ok(None)
        }

        fn list(&mut self) -> Result<Value, String> {
            let mut items = Vec::new();
            self.ws();
            if self.peek() == Some(b']') {
                self.pos += 1;
                return Ok(Value::List(items, None));
            }
            loop {
                if let Some(key) = self.keyword_key()? {
                    let v = self.term()?;
                    items.push(Value::Tuple(vec![Value::Atom(key.into()), v]));
                } else {
                    items.push(self.term()?);
                }
                self.ws();
                match self.peek() {
                    Some(b',') => self.pos += 1,
                    Some(b']') => {
                        self.pos += 1;
                        return Ok(Value::List(items, None));
                    }
                    Some(b'|') => {
                        self.pos += 1;
                        let tail = self.term()?;
                        self.expect("]")?;
                        return Ok(Value::List(items, Some(Box::new(tail))));
                    }
                    _ => return Err(format!("bad list at {}", self.pos)),
                }
            }
        }

        fn map(&mut self) -> Result<Value, String> {
            let mut pairs = Vec::new();
            self.ws();
            if self.peek() == Some(b'}') {
                self.pos += 1;
                return Ok(Value::Map(pairs));
            }
            loop {
                if let Some(key) = self.keyword_key()? {
                    let v = self.term()?;
                    pairs.push((Value::Atom(key.into()), v));
                } else {
                    let k = self.term()?;
                    self.expect("=>")?;
                    let v = self.term()?;
                    pairs.push((k, v));
                }
                self.ws();
                match self.peek() {
                    Some(b',') => self.pos += 1,
                    Some(b'}') => {
                        self.pos += 1;
                        pairs.sort_by(|a, b| beamlet_vm::value::compare_values(&a.0, &b.0));
                        return Ok(Value::Map(pairs));
                    }
                    _ => return Err(format!("bad map at {}", self.pos)),
                }
            }
        }

        fn hex(&mut self, digits: Option<usize>) -> Result<u32, String> {
            let start = self.pos;
            let braced = digits.is_none() && self.peek() == Some(b'{');
            if braced {
                self.pos += 1;
            }
            let mut n = 0u32;
            let mut count = 0;
            while let Some(c) = self.peek() {
                let Some(d) = char::from(c).to_digit(16) else {
                    break;
                };
                if digits == Some(count) {
                    break;
                }
                n = n * 16 + d;
                count += 1;
                self.pos += 1;
            }
            if braced {
                self.expect("}")?;
            }
            if count == 0 {
                return Err(format!("bad hex escape at {start}"));
            }
            Ok(n)
        }

        fn string(&mut self) -> Result<Vec<u8>, String> {
            self.expect("\"")?;
            let mut out = Vec::new();
            loop {
                let c = self.peek().ok_or("unterminated string")?;
                self.pos += 1;
                match c {
                    b'"' => return Ok(out),
                    b'\\' => {
                        let e = self.peek().ok_or("bad escape")?;
                        self.pos += 1;
                        let simple = match e {
                            b'n' => Some(b'\n'),
                            b't' => Some(b'\t'),
                            b'r' => Some(b'\r'),
                            b'a' => Some(7),
                            b'b' => Some(8),
                            b'e' => Some(27),
                            b'f' => Some(12),
                            b'v' => Some(11),
                            b'0' => Some(0),
                            b'd' => Some(127),
                            b's' => Some(b' '),
                            _ => None,
                        };
                        if let Some(b) = simple {
                            out.push(b);
                        } else if e == b'x' {
                            let braced = self.peek() == Some(b'{');
                            let n = self.hex(if braced { None } else { Some(2) })?;
                            if braced {
                                let ch = char::from_u32(n).ok_or("bad code point")?;
                                out.extend_from_slice(ch.to_string().as_bytes());
                            } else {
                                out.push(n as u8);
                            }
                        } else if e == b'u' {
                            let braced = self.peek() == Some(b'{');
                            let n = self.hex(if braced { None } else { Some(4) })?;
                            let ch = char::from_u32(n).ok_or("bad code point")?;
                            out.extend_from_slice(ch.to_string().as_bytes());
                        } else {
                            out.push(e);
                        }
                    }
                    c => out.push(c),
                }
            }
        }

        fn atom_after_colon(&mut self) -> Result<Value, String> {
            if self.peek() == Some(b'"') {
                let s = self.string()?;
                return Ok(Value::Atom(
                    String::from_utf8(s).map_err(|e| e.to_string())?.into(),
                ));
            }
            for special in ["{}", "%{}", "%", "<<>>"] {
                if self.rest().starts_with(special.as_bytes()) {
                    let after = self.s.get(self.pos + special.len()).copied();
                    if matches!(after, None | Some(b',' | b']' | b'}' | b' ' | b')')) {
                        self.pos += special.len();
                        return Ok(atom(special));
                    }
                }
            }
            let start = self.pos;
            while let Some(c) = self.peek() {
                if b" ,]})\n".contains(&c) {
                    break;
                }
                self.pos += 1;
            }
            let name = std::str::from_utf8(&self.s[start..self.pos]).map_err(|e| e.to_string())?;
            if name.is_empty() {
                return Err(format!("empty atom at {start}"));
            }
            Ok(atom(name))
        }

        fn number(&mut self) -> Result<Value, String> {
            let start = self.pos;
            if self.peek() == Some(b'-') {
                self.pos += 1;
            }
            let mut float = false;
            while let Some(c) = self.peek() {
                if c.is_ascii_digit() {
                    self.pos += 1;
                } else if c == b'.' && self.s.get(self.pos + 1).is_some_and(|d| d.is_ascii_digit())
                {
                    float = true;
                    self.pos += 1;
                } else if float && (c == b'e' || c == b'E') {
                    self.pos += 1;
                    if matches!(self.peek(), Some(b'-' | b'+')) {
                        self.pos += 1;
                    }
                } else {
                    break;
                }
            }
            let text = std::str::from_utf8(&self.s[start..self.pos]).unwrap();
            if float {
                text.parse::<f64>()
                    .map(Value::Float)
                    .map_err(|e| e.to_string())
            } else if let Ok(i) = text.parse::<i64>() {
                Ok(Value::Int(i))
            } else {
                text.parse::<BigInt>()
                    .map(Value::BigInt)
                    .map_err(|e| e.to_string())
            }
        }

        /// `nil`, `true`, `false` or an alias (`Foo.Bar`).
        fn bare_word(&mut self) -> Result<Value, String> {
            let start = self.pos;
            while let Some(c) = self.peek() {
                if is_ident(c) || c == b'.' {
                    self.pos += 1;
                } else {
                    break;
                }
            }
            let word = std::str::from_utf8(&self.s[start..self.pos]).unwrap();
            Ok(match word {
                "nil" | "true" | "false" => atom(word),
                w if w.starts_with(|c: char| c.is_ascii_uppercase()) => {
                    if w == "Elixir" || w.starts_with("Elixir.") {
                        atom(w)
                    } else {
                        atom(&format!("Elixir.{w}"))
                    }
                }
                w => return Err(format!("unknown word {w:?}")),
            })
        }
    }
}

#[test]
#[ignore]
fn profile_wide() {
    let q = wide_quoted(1000);
    for _ in 0..2000 {
        assert!(!to_string(&q).is_empty());
    }
}

/// Arbitrary terms, shaped to reach the printer's special forms: atoms that name them,
/// metadata keyword lists with odd values, bad argument lists, improper lists, maps, pids.
mod arbitrary {
    use beamlet_vm::value::{FunValue, Value};
    use proptest::prelude::*;

    const ATOMS: &[&str] = &[
        "nil",
        "true",
        "ok",
        "foo",
        "x",
        "_",
        "__block__",
        "__aliases__",
        "fn",
        "->",
        "do",
        "else",
        "&",
        "@",
        "%",
        "%{}",
        "{}",
        "<<>>",
        ".",
        "..",
        "..//",
        "//",
        "::",
        "|",
        "=",
        "when",
        "not",
        "in",
        "+",
        "-",
        "!",
        "^",
        "|>",
        "<-",
        "\\\\",
        "sigil_r",
        "sigil_S",
        "Elixir.Access",
        "Elixir.Kernel",
        "Elixir.List",
        "Elixir.Foo",
        "to_string",
        "to_charlist",
        "get",
        "erlang",
        "binary_to_atom",
        "utf8",
        "binary",
        "unquote_splicing",
        "line",
        "delimiter",
        "closing",
        "format",
        "keyword",
        "no_parens",
        "newlines",
        "token",
        "end_of_expression",
        "integer",
        "size",
        "a b",
        "Elixir",
    ];

    fn leaf() -> impl Strategy<Value = Value> {
        prop_oneof![
            any::<i64>().prop_map(Value::Int),
            (-3i64..300).prop_map(Value::Int),
            any::<u64>()
                .prop_map(|n| Value::BigInt(num_bigint::BigInt::from(n) * 1_000_000_007u64)),
            prop_oneof![
                Just(0.0f64),
                Just(-0.0),
                Just(1.5),
                Just(1.0e300),
                Just(-3.25e-9)
            ]
            .prop_map(Value::Float),
            proptest::sample::select(ATOMS).prop_map(|a| Value::Atom(a.into())),
            proptest::collection::vec(
                prop_oneof![
                    Just(b'a'),
                    Just(b'"'),
                    Just(b'\n'),
                    Just(b'#'),
                    Just(b'{'),
                    Just(0xFF),
                    Just(0xC3)
                ],
                0..6
            )
            .prop_map(Value::Binary),
            (0u32..5, 0u32..5).prop_map(|(index, serial)| Value::Pid { index, serial }),
            Just(Value::Ref([1, 2, 3])),
            Just(Value::Fun(FunValue::External {
                module: "Elixir.Foo".into(),
                name: "bar".into(),
                arity: 1
            })),
        ]
    }

    pub fn term() -> impl Strategy<Value = Value> {
        leaf().prop_recursive(6, 200, 5, |inner| {
            let meta = proptest::collection::vec(
                (proptest::sample::select(ATOMS), inner.clone())
                    .prop_map(|(k, v)| Value::Tuple(vec![Value::Atom(k.into()), v])),
                0..3,
            )
            .prop_map(|m| Value::List(m, None));
            prop_oneof![
                // `{form, meta, args}` and `{name, meta, context}`.
                (
                    inner.clone(),
                    meta.clone(),
                    proptest::collection::vec(inner.clone(), 0..4)
                )
                    .prop_map(|(f, m, a)| Value::Tuple(vec![
                        f,
                        m,
                        Value::List(a, None)
                    ])),
                (
                    proptest::sample::select(ATOMS),
                    meta,
                    proptest::collection::vec(inner.clone(), 0..4)
                )
                    .prop_map(|(f, m, a)| Value::Tuple(vec![
                        Value::Atom(f.into()),
                        m,
                        Value::List(a, None)
                    ])),
                proptest::collection::vec(inner.clone(), 0..4).prop_map(Value::Tuple),
                (
                    proptest::collection::vec(inner.clone(), 0..4),
                    proptest::option::of(inner.clone())
                )
                    .prop_map(|(items, tail)| Value::List(items, tail.map(Box::new))),
                proptest::collection::vec((inner.clone(), inner), 0..3).prop_map(Value::Map),
            ]
        })
    }
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(3000))]

    /// Whatever the tree (valid quoted code or not), printing it does not panic.
    #[test]
    fn any_term_prints_without_panicking(term in arbitrary::term()) {
        let _ = to_string(&term);
        let _ = to_string_with_width(&term, 10);
    }
}

#[test]
#[ignore]
fn profile_deep() {
    let q = deep_quoted(1000);
    for _ in 0..500 {
        assert!(!to_string(&q).is_empty());
    }
}

//! Values to and from Rust types, for hosts that embed the VM.
//!
//! Into a [`Value`] (`From`, never fails): integers, floats, `bool` (the atoms
//! `true`/`false`), `&str`/`String` (binaries), [`Atom`], `Vec<T>` and slices
//! (lists), tuples of up to eight elements, `HashMap`/`BTreeMap` (maps),
//! `Option<T>` (`nil` for `None`) and `Result<T, E>` (`{:ok, v}` / `{:error, e}`).
//!
//! Out of a [`Value`] (`TryFrom`): the same types back. A value of another
//! shape is a [`ConversionError`] naming what was expected and showing what
//! was there (inspected), never a panic. Integers convert when they fit the
//! target type; `f64` takes floats and integers; `String` takes binaries that
//! are valid UTF-8; `Option<T>` takes `nil` as `None`.

use super::{compare_values, Value};
use crate::inspect::{inspect, InspectOpts};
use crate::string_chars::to_chars;
use num_bigint::BigInt;
use num_traits::ToPrimitive;
use std::collections::{BTreeMap, HashMap};
use std::fmt;
use std::hash::{BuildHasher, Hash};

/// An atom: the index of its name in the global atom table (`atom.rs`), so
/// a [`Value::Atom`] is copied, compared and dropped without touching its
/// text (quoted code is mostly atoms: the compiler clones and drops trees of
/// them at every step). It reads as its name: `Deref` to `str`, `Display`,
/// equality with `str`/`String`, and term order (by name, as Erlang orders
/// atoms). `Value::from(Atom::new("ok"))` is `:ok`; `Atom::try_from(value)`
/// accepts only atoms.
///
/// Making one interns its name (as turning the value into a term would); a
/// full atom table gives `nil`, as [`crate::atom::intern`] does.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct Atom(u32);

impl Atom {
    #[inline]
    pub fn new(name: &str) -> Atom {
        Atom::from_term(crate::atom::intern(name))
    }

    /// The atom of an atom term (`nil` for any other term).
    #[inline]
    pub fn from_term(t: crate::term::Term) -> Atom {
        Atom(
            t.atom_index()
                .unwrap_or_else(|| crate::atom::NIL.atom_index().unwrap_or(0)),
        )
    }

    /// The atom as a term.
    #[inline]
    pub fn term(self) -> crate::term::Term {
        crate::term::Term::atom(self.0)
    }

    /// The atom's text, without a colon (`ok`, `Elixir.Enum`).
    #[inline]
    pub fn as_str(&self) -> &'static str {
        crate::atom::name(self.term())
    }
}

impl std::ops::Deref for Atom {
    type Target = str;
    #[inline]
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl AsRef<str> for Atom {
    #[inline]
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

impl fmt::Debug for Atom {
    #[inline]
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Atom({:?})", self.as_str())
    }
}

impl fmt::Display for Atom {
    #[inline]
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl PartialOrd for Atom {
    #[inline]
    fn partial_cmp(&self, other: &Atom) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Atom {
    #[inline]
    fn cmp(&self, other: &Atom) -> std::cmp::Ordering {
        if self.0 == other.0 {
            std::cmp::Ordering::Equal
        } else {
            self.as_str().cmp(other.as_str())
        }
    }
}

impl From<&str> for Atom {
    #[inline]
    fn from(s: &str) -> Atom {
        Atom::new(s)
    }
}

impl From<&String> for Atom {
    #[inline]
    fn from(s: &String) -> Atom {
        Atom::new(s)
    }
}

impl From<String> for Atom {
    #[inline]
    fn from(s: String) -> Atom {
        Atom::new(&s)
    }
}

impl From<&Atom> for Atom {
    #[inline]
    fn from(a: &Atom) -> Atom {
        *a
    }
}

impl From<Atom> for String {
    #[inline]
    fn from(a: Atom) -> String {
        a.as_str().to_owned()
    }
}

impl PartialEq<str> for Atom {
    #[inline]
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for Atom {
    #[inline]
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl PartialEq<String> for Atom {
    #[inline]
    fn eq(&self, other: &String) -> bool {
        self.as_str() == other.as_str()
    }
}

impl PartialEq<Atom> for str {
    #[inline]
    fn eq(&self, other: &Atom) -> bool {
        self == other.as_str()
    }
}

impl PartialEq<Atom> for &str {
    #[inline]
    fn eq(&self, other: &Atom) -> bool {
        *self == other.as_str()
    }
}

impl PartialEq<Atom> for String {
    #[inline]
    fn eq(&self, other: &Atom) -> bool {
        self.as_str() == other.as_str()
    }
}

/// A value that does not have the shape a conversion expected.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConversionError {
    /// What the conversion takes: `an integer`, `a list`, `a tuple of 2 elements`...
    pub expected: String,
    /// The value found, as `inspect/1` prints it.
    pub got: String,
}

impl ConversionError {
    pub fn new(expected: impl Into<String>, got: &Value) -> ConversionError {
        ConversionError {
            expected: expected.into(),
            got: inspect(got, &InspectOpts::default()),
        }
    }
}

impl fmt::Display for ConversionError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "expected {}, got: {}", self.expected, self.got)
    }
}

impl std::error::Error for ConversionError {}

impl fmt::Debug for Value {
    /// As `inspect/1` prints it: `%{a: [1, 2.5, "x"]}`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&inspect(self, &InspectOpts::default()))
    }
}

impl fmt::Display for Value {
    /// As `to_string/1` gives it (`"text"` as `text`, `:ok` as `ok`, `nil` as
    /// nothing, a charlist as its text); what `to_string/1` refuses (tuples,
    /// maps, pids...) as `inspect/1` prints it.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match to_chars(self) {
            Ok(bytes) => f.write_str(&String::from_utf8_lossy(&bytes)),
            Err(_) => f.write_str(&inspect(self, &InspectOpts::default())),
        }
    }
}

impl Value {
    /// The atom `name` (`Value::atom("ok")` is `:ok`).
    pub fn atom(name: impl AsRef<str>) -> Value {
        Value::Atom(Atom::new(name.as_ref()))
    }

    /// A binary of any bytes (`Value::from(&str)` makes one of text).
    pub fn binary(bytes: impl Into<Vec<u8>>) -> Value {
        Value::Binary(bytes.into())
    }

    /// `nil`.
    pub fn nil() -> Value {
        Value::Atom("nil".into())
    }

    /// A tuple of the values.
    pub fn tuple(items: impl IntoIterator<Item = Value>) -> Value {
        Value::Tuple(items.into_iter().collect())
    }

    /// A map of the pairs, in term order; a later pair wins over an earlier
    /// one with an equal key.
    pub fn map(pairs: impl IntoIterator<Item = (Value, Value)>) -> Value {
        let mut pairs: Vec<(Value, Value)> = pairs.into_iter().collect();
        // Stable: equal keys stay in order, and the last of each run is kept.
        pairs.sort_by(|a, b| compare_values(&a.0, &b.0));
        let mut out: Vec<(Value, Value)> = Vec::with_capacity(pairs.len());
        for (k, v) in pairs {
            match out.last_mut() {
                Some(last) if compare_values(&last.0, &k).is_eq() && same_key(&last.0, &k) => {
                    *last = (k, v)
                }
                _ => out.push((k, v)),
            }
        }
        Value::Map(out)
    }

    /// The value of `key` when this is a map (`Value::from("a")` for `"a"`).
    pub fn get(&self, key: &Value) -> Option<&Value> {
        match self {
            Value::Map(pairs) => pairs
                .iter()
                .find(|(k, _)| compare_values(k, key).is_eq() && same_key(k, key))
                .map(|(_, v)| v),
            _ => None,
        }
    }

    /// Whether this is `nil`.
    pub fn is_nil(&self) -> bool {
        matches!(self, Value::Atom(a) if a == "nil")
    }
}

/// Map keys match exactly (`1` and `1.0` are two keys), while term order
/// ranks them equal.
fn same_key(a: &Value, b: &Value) -> bool {
    matches!(a, Value::Float(_)) == matches!(b, Value::Float(_))
}

// ---- into values ----

macro_rules! from_small_int {
    ($($t:ty),*) => {$(
        impl From<$t> for Value {
            fn from(n: $t) -> Value {
                Value::Int(n as i64)
            }
        }
    )*};
}
from_small_int!(i8, i16, i32, i64, u8, u16, u32);

macro_rules! from_wide_int {
    ($($t:ty),*) => {$(
        impl From<$t> for Value {
            fn from(n: $t) -> Value {
                match i64::try_from(n) {
                    Ok(i) => Value::Int(i),
                    Err(_) => Value::BigInt(BigInt::from(n)),
                }
            }
        }
    )*};
}
from_wide_int!(u64, i128, u128, isize, usize);

impl From<BigInt> for Value {
    fn from(n: BigInt) -> Value {
        match n.to_i64() {
            Some(i) => Value::Int(i),
            None => Value::BigInt(n),
        }
    }
}

impl From<f64> for Value {
    fn from(f: f64) -> Value {
        Value::Float(f)
    }
}

impl From<f32> for Value {
    fn from(f: f32) -> Value {
        Value::Float(f as f64)
    }
}

impl From<bool> for Value {
    fn from(b: bool) -> Value {
        Value::Atom(if b { "true" } else { "false" }.into())
    }
}

impl From<&str> for Value {
    fn from(s: &str) -> Value {
        Value::Binary(s.as_bytes().to_vec())
    }
}

impl From<String> for Value {
    fn from(s: String) -> Value {
        Value::Binary(s.into_bytes())
    }
}

impl From<Atom> for Value {
    fn from(a: Atom) -> Value {
        Value::Atom(a)
    }
}

impl<T: Into<Value>> From<Vec<T>> for Value {
    fn from(items: Vec<T>) -> Value {
        Value::List(items.into_iter().map(Into::into).collect(), None)
    }
}

impl<T: Into<Value> + Clone> From<&[T]> for Value {
    fn from(items: &[T]) -> Value {
        Value::List(items.iter().cloned().map(Into::into).collect(), None)
    }
}

impl<T: Into<Value>> From<Option<T>> for Value {
    fn from(o: Option<T>) -> Value {
        o.map_or_else(Value::nil, Into::into)
    }
}

impl<T: Into<Value>, E: Into<Value>> From<Result<T, E>> for Value {
    fn from(r: Result<T, E>) -> Value {
        match r {
            Ok(v) => Value::Tuple(vec![Value::atom("ok"), v.into()]),
            Err(e) => Value::Tuple(vec![Value::atom("error"), e.into()]),
        }
    }
}

impl<K: Into<Value>, V: Into<Value>, S: BuildHasher> From<HashMap<K, V, S>> for Value {
    fn from(m: HashMap<K, V, S>) -> Value {
        Value::map(m.into_iter().map(|(k, v)| (k.into(), v.into())))
    }
}

impl<K: Into<Value>, V: Into<Value>> From<BTreeMap<K, V>> for Value {
    fn from(m: BTreeMap<K, V>) -> Value {
        Value::map(m.into_iter().map(|(k, v)| (k.into(), v.into())))
    }
}

macro_rules! tuples {
    ($($n:literal => ($($t:ident $i:tt),+);)*) => {$(
        impl<$($t: Into<Value>),+> From<($($t,)+)> for Value {
            fn from(t: ($($t,)+)) -> Value {
                Value::Tuple(vec![$(t.$i.into()),+])
            }
        }

        impl<$($t: TryFrom<Value, Error = ConversionError>),+> TryFrom<Value> for ($($t,)+) {
            type Error = ConversionError;
            fn try_from(v: Value) -> Result<Self, ConversionError> {
                match v {
                    Value::Tuple(items) if items.len() == $n => {
                        let mut items = items.into_iter();
                        Ok(($($t::try_from(items.next().expect(stringify!($i)))?,)+))
                    }
                    other => Err(ConversionError::new(
                        concat!("a tuple of ", stringify!($n), " elements"),
                        &other,
                    )),
                }
            }
        }
    )*};
}
tuples! {
    1 => (A 0);
    2 => (A 0, B 1);
    3 => (A 0, B 1, C 2);
    4 => (A 0, B 1, C 2, D 3);
    5 => (A 0, B 1, C 2, D 3, E 4);
    6 => (A 0, B 1, C 2, D 3, E 4, F 5);
    7 => (A 0, B 1, C 2, D 3, E 4, F 5, G 6);
    8 => (A 0, B 1, C 2, D 3, E 4, F 5, G 6, H 7);
}

// ---- out of values ----

macro_rules! try_into_int {
    ($($t:ty),*) => {$(
        impl TryFrom<Value> for $t {
            type Error = ConversionError;
            fn try_from(v: Value) -> Result<$t, ConversionError> {
                let fits = match &v {
                    Value::Int(i) => <$t>::try_from(*i).ok(),
                    Value::BigInt(b) => <$t>::try_from(b.clone()).ok(),
                    _ => None,
                };
                fits.ok_or_else(|| {
                    let what = if matches!(v, Value::Int(_) | Value::BigInt(_)) {
                        concat!("an integer that fits in ", stringify!($t))
                    } else {
                        "an integer"
                    };
                    ConversionError::new(what, &v)
                })
            }
        }
    )*};
}
try_into_int!(i8, i16, i32, i64, i128, isize, u8, u16, u32, u64, u128, usize);

impl TryFrom<Value> for BigInt {
    type Error = ConversionError;
    fn try_from(v: Value) -> Result<BigInt, ConversionError> {
        match v {
            Value::Int(i) => Ok(BigInt::from(i)),
            Value::BigInt(b) => Ok(b),
            other => Err(ConversionError::new("an integer", &other)),
        }
    }
}

impl TryFrom<Value> for f64 {
    type Error = ConversionError;
    fn try_from(v: Value) -> Result<f64, ConversionError> {
        match v {
            Value::Float(f) => Ok(f),
            Value::Int(i) => Ok(i as f64),
            Value::BigInt(ref b) => b
                .to_f64()
                .filter(|f| f.is_finite())
                .ok_or_else(|| ConversionError::new("a number that fits in f64", &v)),
            other => Err(ConversionError::new("a number", &other)),
        }
    }
}

impl TryFrom<Value> for bool {
    type Error = ConversionError;
    fn try_from(v: Value) -> Result<bool, ConversionError> {
        match &v {
            Value::Atom(a) if a == "true" => Ok(true),
            Value::Atom(a) if a == "false" => Ok(false),
            _ => Err(ConversionError::new("a boolean", &v)),
        }
    }
}

impl TryFrom<Value> for String {
    type Error = ConversionError;
    fn try_from(v: Value) -> Result<String, ConversionError> {
        match v {
            Value::Binary(b) => String::from_utf8(b).map_err(|e| {
                ConversionError::new("a UTF-8 binary", &Value::Binary(e.into_bytes()))
            }),
            other => Err(ConversionError::new("a binary (string)", &other)),
        }
    }
}

impl TryFrom<Value> for Atom {
    type Error = ConversionError;
    fn try_from(v: Value) -> Result<Atom, ConversionError> {
        match v {
            Value::Atom(a) => Ok(a),
            other => Err(ConversionError::new("an atom", &other)),
        }
    }
}

impl<T: TryFrom<Value, Error = ConversionError>> TryFrom<Value> for Vec<T> {
    type Error = ConversionError;
    fn try_from(v: Value) -> Result<Vec<T>, ConversionError> {
        match v {
            Value::List(items, None) => items.into_iter().map(T::try_from).collect(),
            other => Err(ConversionError::new("a list", &other)),
        }
    }
}

impl<T: TryFrom<Value, Error = ConversionError>> TryFrom<Value> for Option<T> {
    type Error = ConversionError;
    fn try_from(v: Value) -> Result<Option<T>, ConversionError> {
        if v.is_nil() {
            Ok(None)
        } else {
            T::try_from(v).map(Some)
        }
    }
}

impl<T, E> TryFrom<Value> for Result<T, E>
where
    T: TryFrom<Value, Error = ConversionError>,
    E: TryFrom<Value, Error = ConversionError>,
{
    type Error = ConversionError;
    fn try_from(v: Value) -> Result<Result<T, E>, ConversionError> {
        match v {
            Value::Tuple(mut items) if items.len() == 2 => {
                let inner = items.pop().expect("two elements");
                match &items[0] {
                    Value::Atom(tag) if tag == "ok" => Ok(Ok(T::try_from(inner)?)),
                    Value::Atom(tag) if tag == "error" => Ok(Err(E::try_from(inner)?)),
                    _ => {
                        items.push(inner);
                        Err(ConversionError::new(
                            "{:ok, value} or {:error, reason}",
                            &Value::Tuple(items),
                        ))
                    }
                }
            }
            other => Err(ConversionError::new(
                "{:ok, value} or {:error, reason}",
                &other,
            )),
        }
    }
}

impl<K, V, S> TryFrom<Value> for HashMap<K, V, S>
where
    K: TryFrom<Value, Error = ConversionError> + Eq + Hash,
    V: TryFrom<Value, Error = ConversionError>,
    S: BuildHasher + Default,
{
    type Error = ConversionError;
    fn try_from(v: Value) -> Result<HashMap<K, V, S>, ConversionError> {
        map_pairs(v)
    }
}

impl<K, V> TryFrom<Value> for BTreeMap<K, V>
where
    K: TryFrom<Value, Error = ConversionError> + Ord,
    V: TryFrom<Value, Error = ConversionError>,
{
    type Error = ConversionError;
    fn try_from(v: Value) -> Result<BTreeMap<K, V>, ConversionError> {
        map_pairs(v)
    }
}

/// A map's pairs, converted, into any collection of pairs.
fn map_pairs<K, V, C>(v: Value) -> Result<C, ConversionError>
where
    K: TryFrom<Value, Error = ConversionError>,
    V: TryFrom<Value, Error = ConversionError>,
    C: FromIterator<(K, V)>,
{
    match v {
        Value::Map(pairs) => pairs
            .into_iter()
            .map(|(k, v)| Ok((K::try_from(k)?, V::try_from(v)?)))
            .collect(),
        other => Err(ConversionError::new("a map", &other)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rust_values_round_trip() {
        let v = Value::from((Atom::new("ok"), vec![1, 2, 3], "text", 2.5, true));
        assert_eq!(format!("{v:?}"), "{:ok, [1, 2, 3], \"text\", 2.5, true}");
        let back: (Atom, Vec<i32>, String, f64, bool) = v.try_into().unwrap();
        assert_eq!(
            back,
            (Atom::new("ok"), vec![1, 2, 3], "text".to_owned(), 2.5, true)
        );

        let big = Value::from(u64::MAX);
        assert!(matches!(big, Value::BigInt(_)));
        assert_eq!(u64::try_from(big.clone()), Ok(u64::MAX));
        assert_eq!(
            i64::try_from(big).unwrap_err().to_string(),
            "expected an integer that fits in i64, got: 18446744073709551615"
        );

        let m: HashMap<String, Option<i64>> = [("b".to_owned(), None), ("a".to_owned(), Some(1))]
            .into_iter()
            .collect();
        let mv = Value::from(m.clone());
        assert_eq!(format!("{mv:?}"), "%{\"a\" => 1, \"b\" => nil}");
        assert_eq!(mv.get(&Value::from("a")), Some(&Value::Int(1)));
        assert_eq!(HashMap::<String, Option<i64>>::try_from(mv), Ok(m));

        let r: Result<i64, String> = Err("bad".into());
        let rv = Value::from(r.clone());
        assert_eq!(format!("{rv:?}"), "{:error, \"bad\"}");
        assert_eq!(Result::<i64, String>::try_from(rv), Ok(r));
    }

    #[test]
    fn wrong_shapes_are_errors_not_panics() {
        let cases: Vec<(Result<(), ConversionError>, &str)> = vec![
            (
                String::try_from(Value::Int(1)).map(drop),
                "expected a binary (string), got: 1",
            ),
            (
                String::try_from(Value::binary(vec![255])).map(drop),
                "expected a UTF-8 binary, got: <<255>>",
            ),
            (
                bool::try_from(Value::nil()).map(drop),
                "expected a boolean, got: nil",
            ),
            (
                Vec::<i64>::try_from(Value::List(
                    vec![Value::Int(1)],
                    Some(Box::new(Value::Int(2))),
                ))
                .map(drop),
                "expected a list, got: [1 | 2]",
            ),
            (
                <(i64, i64)>::try_from(Value::tuple([Value::Int(1)])).map(drop),
                "expected a tuple of 2 elements, got: {1}",
            ),
            (
                u8::try_from(Value::Int(256)).map(drop),
                "expected an integer that fits in u8, got: 256",
            ),
            (
                f64::try_from(Value::atom("x")).map(drop),
                "expected a number, got: :x",
            ),
            (
                Result::<i64, i64>::try_from(Value::tuple([Value::atom("no"), Value::Int(1)]))
                    .map(drop),
                "expected {:ok, value} or {:error, reason}, got: {:no, 1}",
            ),
        ];
        for (r, msg) in cases {
            assert_eq!(r.unwrap_err().to_string(), msg);
        }
    }

    #[test]
    fn display_is_to_string() {
        assert_eq!(Value::from("héllo").to_string(), "héllo");
        assert_eq!(Value::atom("ok").to_string(), "ok");
        assert_eq!(Value::nil().to_string(), "");
        assert_eq!(Value::from(vec![104, 105]).to_string(), "hi");
        assert_eq!(Value::from(1.0).to_string(), "1.0");
        // to_string/1 refuses tuples: shown as inspect prints them.
        assert_eq!(Value::from((1, "a")).to_string(), "{1, \"a\"}");
    }

    #[test]
    fn maps_keep_term_order_and_exact_keys() {
        let m = Value::map([
            (Value::Int(1), Value::atom("int")),
            (Value::Float(1.0), Value::atom("float")),
            (Value::atom("a"), Value::Int(1)),
            (Value::atom("a"), Value::Int(2)),
        ]);
        assert_eq!(format!("{m:?}"), "%{1 => :int, 1.0 => :float, :a => 2}");
        assert_eq!(m.get(&Value::Float(1.0)), Some(&Value::atom("float")));
    }
}

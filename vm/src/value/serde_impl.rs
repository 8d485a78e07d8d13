//! `serde` for values (the `serde` feature), so a host can move them through
//! JSON and other formats.
//!
//! Serializing: integers and floats as numbers (an integer beyond 128 bits as
//! its decimal text), `true`/`false` as booleans, `nil` as unit (JSON `null`),
//! other atoms as their text, a UTF-8 binary as a string and any other binary
//! or bitstring as bytes, lists and tuples as sequences, maps as maps; pids,
//! references and functions as their `inspect/1` text. An improper list has
//! no form: an error.
//!
//! Deserializing: booleans as `true`/`false`, unit and none as `nil`, numbers
//! as integers or floats, strings as binaries, bytes as binaries, sequences
//! as lists, maps as maps (in term order).

use super::Value;
use crate::inspect::{inspect, InspectOpts};
use num_bigint::BigInt;
use num_traits::ToPrimitive;
use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::ser::{self, Serialize, SerializeMap, SerializeSeq, Serializer};
use std::fmt;

impl Serialize for Value {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Value::Int(i) => s.serialize_i64(*i),
            Value::BigInt(b) => match (b.to_i128(), b.to_u128()) {
                (Some(i), _) => s.serialize_i128(i),
                (_, Some(u)) => s.serialize_u128(u),
                _ => s.serialize_str(&b.to_string()),
            },
            Value::Float(f) => s.serialize_f64(*f),
            Value::Atom(a) => match a.as_str() {
                "true" => s.serialize_bool(true),
                "false" => s.serialize_bool(false),
                "nil" => s.serialize_unit(),
                _ => s.serialize_str(a),
            },
            Value::Binary(b) => match std::str::from_utf8(b) {
                Ok(text) => s.serialize_str(text),
                Err(_) => s.serialize_bytes(b),
            },
            Value::Bitstring(b, _) => s.serialize_bytes(b),
            Value::List(_, Some(_)) => Err(ser::Error::custom(format!(
                "an improper list has no serde form: {}",
                inspect(self, &InspectOpts::default())
            ))),
            Value::List(items, None) | Value::Tuple(items) => {
                let mut seq = s.serialize_seq(Some(items.len()))?;
                for item in items {
                    seq.serialize_element(item)?;
                }
                seq.end()
            }
            Value::Map(pairs) => {
                let mut map = s.serialize_map(Some(pairs.len()))?;
                for (k, v) in pairs {
                    map.serialize_entry(k, v)?;
                }
                map.end()
            }
            Value::Pid { .. } | Value::Ref(_) | Value::Fun(_) => {
                s.serialize_str(&inspect(self, &InspectOpts::default()))
            }
        }
    }
}

impl<'de> Deserialize<'de> for Value {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Value, D::Error> {
        d.deserialize_any(ValueVisitor)
    }
}

struct ValueVisitor;

impl<'de> Visitor<'de> for ValueVisitor {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any value")
    }

    fn visit_bool<E: de::Error>(self, b: bool) -> Result<Value, E> {
        Ok(Value::from(b))
    }

    fn visit_i64<E: de::Error>(self, i: i64) -> Result<Value, E> {
        Ok(Value::Int(i))
    }

    fn visit_u64<E: de::Error>(self, u: u64) -> Result<Value, E> {
        Ok(Value::from(u))
    }

    fn visit_i128<E: de::Error>(self, i: i128) -> Result<Value, E> {
        Ok(Value::from(BigInt::from(i)))
    }

    fn visit_u128<E: de::Error>(self, u: u128) -> Result<Value, E> {
        Ok(Value::from(BigInt::from(u)))
    }

    fn visit_f64<E: de::Error>(self, f: f64) -> Result<Value, E> {
        Ok(Value::Float(f))
    }

    fn visit_str<E: de::Error>(self, s: &str) -> Result<Value, E> {
        Ok(Value::from(s))
    }

    fn visit_string<E: de::Error>(self, s: String) -> Result<Value, E> {
        Ok(Value::from(s))
    }

    fn visit_bytes<E: de::Error>(self, b: &[u8]) -> Result<Value, E> {
        Ok(Value::Binary(b.to_vec()))
    }

    fn visit_byte_buf<E: de::Error>(self, b: Vec<u8>) -> Result<Value, E> {
        Ok(Value::Binary(b))
    }

    fn visit_none<E: de::Error>(self) -> Result<Value, E> {
        Ok(Value::nil())
    }

    fn visit_unit<E: de::Error>(self) -> Result<Value, E> {
        Ok(Value::nil())
    }

    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
        Value::deserialize(d)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0));
        while let Some(item) = seq.next_element()? {
            items.push(item);
        }
        Ok(Value::List(items, None))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut pairs = Vec::with_capacity(map.size_hint().unwrap_or(0));
        while let Some(pair) = map.next_entry()? {
            pairs.push(pair);
        }
        Ok(Value::map(pairs))
    }
}

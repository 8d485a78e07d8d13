//! The `String.Chars` protocol of Elixir 1.14: what `to_string/1` and string interpolation
//! produce for a value, and the exception raised when there is no implementation.

use crate::float_fmt::float_to_string;
use crate::inspect::{inspect, inspect_atom, InspectOpts};
use crate::value::Value;

/// Why a value has no string form: the exception Elixir raises and its message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CharsError {
    /// `Protocol.UndefinedError`: tuples, maps, structs, pids, references, functions.
    ProtocolUndefined(String),
    /// `ArgumentError`: a list holding something other than code points, binaries and lists.
    Argument(String),
    /// `UnicodeConversionError`: a list with an invalid code point or invalid UTF-8; the
    /// message, and the bytes converted before the error (its `encoded` field).
    UnicodeConversion(String, Vec<u8>),
}

impl CharsError {
    /// The exception module's atom text, e.g. `Elixir.Protocol.UndefinedError`.
    pub fn exception_module(&self) -> &'static str {
        match self {
            CharsError::ProtocolUndefined(_) => "Elixir.Protocol.UndefinedError",
            CharsError::Argument(_) => "Elixir.ArgumentError",
            CharsError::UnicodeConversion(..) => "Elixir.UnicodeConversionError",
        }
    }

    /// The exception's message (`Exception.message/1`).
    pub fn message(&self) -> &str {
        match self {
            CharsError::ProtocolUndefined(m)
            | CharsError::Argument(m)
            | CharsError::UnicodeConversion(m, _) => m,
        }
    }
}

/// `to_string(v)`: the bytes, or the message of the exception Elixir raises (values in the
/// message are inspected with default options).
pub fn to_chars(v: &Value) -> Result<Vec<u8>, String> {
    to_chars_checked(v, &InspectOpts::default()).map_err(|e| e.message().to_string())
}

/// `to_string(v)`: the bytes, or which exception Elixir raises and its message. `opts` only
/// matter for inspecting the value in a message (pass the VM's struct field lookup);
/// messages are always printed on one line as `inspect/1` does.
pub fn to_chars_checked(v: &Value, opts: &InspectOpts) -> Result<Vec<u8>, CharsError> {
    match v {
        Value::Int(i) => Ok(i.to_string().into_bytes()),
        Value::BigInt(i) => Ok(i.to_string().into_bytes()),
        Value::Float(f) => Ok(float_to_string(*f).into_bytes()),
        Value::Atom(a) if a == "nil" => Ok(Vec::new()),
        Value::Atom(a) => Ok(a.as_bytes().to_vec()),
        Value::Binary(b) => Ok(b.clone()),
        Value::List(..) => list_to_string(v, opts),
        _ => Err(CharsError::ProtocolUndefined(protocol_undefined_message(
            "String.Chars",
            v,
            "",
            opts,
        ))),
    }
}

/// The message of `Protocol.UndefinedError` as `elixir script.exs` prints it (protocols are
/// not consolidated there, so no list of implementations follows). `description` is the
/// optional text after a comma (`cannot convert a bitstring to a string`).
pub fn protocol_undefined_message(
    protocol: &str,
    v: &Value,
    description: &str,
    opts: &InspectOpts,
) -> String {
    let flat = InspectOpts {
        pretty: false,
        ..opts.clone()
    };
    let mut s = format!(
        "protocol {protocol} not implemented for {} of type {}",
        inspect(v, &flat),
        value_type(v)
    );
    if !description.is_empty() {
        s.push_str(", ");
        s.push_str(description);
    }
    s
}

/// `value_type/1` of `Protocol.UndefinedError`: `Tuple`, `Map`, `RuntimeError (a struct)`.
pub fn value_type(v: &Value) -> String {
    match v {
        Value::Map(pairs) => {
            let module = pairs.iter().find_map(|(k, v)| match (k, v) {
                (Value::Atom(k), Value::Atom(m)) if k == "__struct__" => Some(m),
                _ => None,
            });
            match module {
                Some(m) => format!("{} (a struct)", inspect_atom(m)),
                None => "Map".to_string(),
            }
        }
        Value::Int(_) | Value::BigInt(_) => "Integer".to_string(),
        Value::Float(_) => "Float".to_string(),
        Value::Atom(_) => "Atom".to_string(),
        Value::Binary(_) | Value::Bitstring(..) => "BitString".to_string(),
        Value::List(..) => "List".to_string(),
        Value::Tuple(_) => "Tuple".to_string(),
        Value::Pid { .. } => "PID".to_string(),
        Value::Ref(_) => "Reference".to_string(),
        Value::Fun(_) => "Function".to_string(),
    }
}

/// Whether `v` is chardata: code points, binaries and lists of those, with a binary or `[]`
/// as the only allowed improper tail.
fn is_chardata_shape(v: &Value) -> bool {
    let mut stack = vec![v];
    while let Some(v) = stack.pop() {
        match v {
            Value::List(items, tail) => {
                for it in items {
                    match it {
                        Value::Int(_) | Value::BigInt(_) | Value::Binary(_) => {}
                        Value::List(..) => stack.push(it),
                        _ => return false,
                    }
                }
                match tail.as_deref() {
                    None | Some(Value::Binary(_)) => {}
                    Some(t @ Value::List(..)) => stack.push(t),
                    Some(_) => return false,
                }
            }
            Value::Binary(_) => {}
            _ => return false,
        }
    }
    true
}

/// UTF-8 length announced by a lead byte, `None` for a byte that cannot start a character.
fn utf8_len(b: u8) -> Option<usize> {
    match b {
        0x00..=0x7F => Some(1),
        0xC2..=0xDF => Some(2),
        0xE0..=0xEF => Some(3),
        0xF0..=0xF4 => Some(4),
        _ => None,
    }
}

struct Converter {
    out: Vec<u8>,
    /// Bytes of binaries not yet decoded (an incomplete character).
    pending: Vec<u8>,
}

impl Converter {
    fn invalid_encoding(&self, rest: &[u8], kind: &str) -> CharsError {
        CharsError::UnicodeConversion(
            format!(
                "{kind} encoding starting at {}",
                inspect(&Value::Binary(rest.to_vec()), &InspectOpts::default())
            ),
            self.out.clone(),
        )
    }

    /// Decodes as much of `pending` as possible.
    fn drain(&mut self) -> Result<(), CharsError> {
        let mut pos = 0;
        while pos < self.pending.len() {
            let rest = &self.pending[pos..];
            let Some(len) = utf8_len(rest[0]) else {
                return Err(self.invalid_encoding(rest, "invalid"));
            };
            if rest.len() < len {
                // Still a valid prefix? Then wait for more bytes.
                let prefix_ok = std::str::from_utf8(rest)
                    .err()
                    .map(|e| e.error_len().is_none())
                    .unwrap_or(true);
                if prefix_ok {
                    break;
                }
                return Err(self.invalid_encoding(rest, "invalid"));
            }
            match std::str::from_utf8(&rest[..len]) {
                Ok(s) => {
                    self.out.extend_from_slice(s.as_bytes());
                    pos += len;
                }
                Err(_) => return Err(self.invalid_encoding(rest, "invalid")),
            }
        }
        self.pending.drain(..pos);
        Ok(())
    }

    fn code_point(&mut self, v: &Value) -> Result<(), CharsError> {
        if !self.pending.is_empty() {
            return Err(self.invalid_encoding(&self.pending, "invalid"));
        }
        let c = match v {
            Value::Int(i) => u32::try_from(*i).ok().and_then(char::from_u32),
            _ => None,
        };
        match c {
            Some(c) => {
                let mut buf = [0u8; 4];
                self.out
                    .extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
                Ok(())
            }
            None => {
                let n = match v {
                    Value::Int(i) => i.to_string(),
                    Value::BigInt(i) => i.to_string(),
                    _ => String::new(),
                };
                Err(CharsError::UnicodeConversion(
                    format!("invalid code point {n}"),
                    self.out.clone(),
                ))
            }
        }
    }

    fn walk(&mut self, v: &Value) -> Result<(), CharsError> {
        // Explicit stack: chardata may nest deeply.
        let mut stack: Vec<&Value> = vec![v];
        while let Some(v) = stack.pop() {
            match v {
                Value::List(items, tail) => {
                    if let Some(t) = tail.as_deref() {
                        stack.push(t);
                    }
                    for it in items.iter().rev() {
                        stack.push(it);
                    }
                }
                Value::Binary(b) => {
                    self.pending.extend_from_slice(b);
                    self.drain()?;
                }
                other => self.code_point(other)?,
            }
        }
        Ok(())
    }
}

/// `List.to_string/1` (`:unicode.characters_to_binary/1`).
fn list_to_string(v: &Value, opts: &InspectOpts) -> Result<Vec<u8>, CharsError> {
    if !is_chardata_shape(v) {
        return Err(CharsError::Argument(format!(
            "cannot convert the given list to a string.\n\n\
             To be converted to a string, a list must either be empty or only\n\
             contain the following elements:\n\n  \
             * strings\n  \
             * integers representing Unicode code points\n  \
             * a list containing one of these three elements\n\n\
             Please check the given list or call inspect/1 to get the list representation, got:\n\n{}\n",
            inspect(v, &InspectOpts { pretty: false, ..opts.clone() })
        )));
    }
    let mut c = Converter {
        out: Vec::new(),
        pending: Vec::new(),
    };
    c.walk(v)?;
    if !c.pending.is_empty() {
        return Err(c.invalid_encoding(&c.pending, "incomplete"));
    }
    Ok(c.out)
}

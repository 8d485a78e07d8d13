//! TEMPORARY (until `Inspect` is a protocol written in the language, branch
//! `inspect`): how Elixir's `Inspect` implementations print the calendar
//! structs of `Calendar.ISO`: `~D[2000-01-01]`, `~T[10:00:00.000]`,
//! `~N[2000-01-01 10:00:00]`, `~U[2000-01-01 10:00:00Z]`,
//! `#DateTime<2000-01-01 10:00:00+01:00 CET Europe/Paris>` and
//! `Date.range(first, last[, step])`. The language versions waiting for
//! that protocol are in `pending-inspect/` at the repository root; delete
//! this file when they land.
//!
//! A struct of another calendar, or with fields these cannot print, is left
//! to the generic struct printing (Elixir calls the calendar's own
//! `*_to_string` functions, which only the language can do).

use crate::value::Value;

fn get<'a>(pairs: &'a [(Value, Value)], key: &str) -> Option<&'a Value> {
    pairs.iter().find_map(|(k, v)| match k {
        Value::Atom(a) if a == key => Some(v),
        _ => None,
    })
}

fn int(pairs: &[(Value, Value)], key: &str) -> Option<i64> {
    match get(pairs, key)? {
        Value::Int(n) => Some(*n),
        _ => None,
    }
}

fn text<'a>(pairs: &'a [(Value, Value)], key: &str) -> Option<&'a str> {
    match get(pairs, key)? {
        Value::Binary(b) => std::str::from_utf8(b).ok(),
        _ => None,
    }
}

fn iso(pairs: &[(Value, Value)]) -> bool {
    matches!(get(pairs, "calendar"), Some(Value::Atom(c)) if c == "Elixir.Calendar.ISO")
}

/// `n` with at least `width` digits (a minus sign before them).
fn pad(n: i64, width: usize) -> String {
    if n < 0 {
        format!("-{:0width$}", n.unsigned_abs())
    } else {
        format!("{n:0width$}")
    }
}

/// `Calendar.ISO.date_to_string/3`.
fn date(pairs: &[(Value, Value)]) -> Option<String> {
    let (y, m, d) = (
        int(pairs, "year")?,
        int(pairs, "month")?,
        int(pairs, "day")?,
    );
    Some(format!("{}-{}-{}", pad(y, 4), pad(m, 2), pad(d, 2)))
}

/// `Calendar.ISO.time_to_string/4`.
fn time(pairs: &[(Value, Value)]) -> Option<String> {
    let (h, m, s) = (
        int(pairs, "hour")?,
        int(pairs, "minute")?,
        int(pairs, "second")?,
    );
    let Value::Tuple(us) = get(pairs, "microsecond")? else {
        return None;
    };
    let (Value::Int(us), Value::Int(precision)) = (us.first()?, us.get(1)?) else {
        return None;
    };
    let mut out = format!("{}:{}:{}", pad(h, 2), pad(m, 2), pad(s, 2));
    if *precision > 0 {
        let digits = format!("{us:06}");
        out.push('.');
        out.push_str(digits.get(..(*precision as usize).min(6))?);
    }
    Some(out)
}

/// `Calendar.ISO.datetime_to_string/11` and whether it is `~U` material
/// (Etc/UTC at offset 0).
fn datetime(pairs: &[(Value, Value)]) -> Option<(String, bool)> {
    let zone = text(pairs, "time_zone")?;
    let abbr = text(pairs, "zone_abbr")?;
    let (utc, std) = (int(pairs, "utc_offset")?, int(pairs, "std_offset")?);
    let mut out = format!("{} {}", date(pairs)?, time(pairs)?);
    let utc_z = zone == "Etc/UTC" && utc == 0 && std == 0;
    if utc_z {
        out.push('Z');
    } else {
        let total = utc + std;
        let sign = if total < 0 { '-' } else { '+' };
        let total = total.abs();
        out.push_str(&format!(
            "{sign}{:02}:{:02}",
            total / 3600,
            (total % 3600) / 60
        ));
        if zone != "Etc/UTC" {
            out.push_str(&format!(" {abbr} {zone}"));
        }
    }
    Some((out, utc_z))
}

/// The sigil (or `#DateTime<...>`) form of a `Date`, `Time`,
/// `NaiveDateTime` or `DateTime` of `Calendar.ISO`; `None` for anything else.
pub(super) fn inspect(module: &str, pairs: &[(Value, Value)]) -> Option<String> {
    if !iso(pairs) {
        return None;
    }
    match module {
        "Elixir.Date" => Some(format!("~D[{}]", date(pairs)?)),
        "Elixir.Time" => Some(format!("~T[{}]", time(pairs)?)),
        "Elixir.NaiveDateTime" => Some(format!("~N[{} {}]", date(pairs)?, time(pairs)?)),
        "Elixir.DateTime" => match datetime(pairs)? {
            (s, true) => Some(format!("~U[{s}]")),
            (s, false) => Some(format!("#DateTime<{s}>")),
        },
        _ => None,
    }
}

/// `Date.range(~D[...], ~D[...])`, with the step when it is not 1.
pub(super) fn inspect_date_range(pairs: &[(Value, Value)]) -> Option<String> {
    let dates = |key| match get(pairs, key)? {
        Value::Map(p) if matches!(get(p, "__struct__"), Some(Value::Atom(m)) if m == "Elixir.Date") => {
            inspect("Elixir.Date", p)
        }
        _ => None,
    };
    let (first, last) = (dates("first")?, dates("last")?);
    match int(pairs, "step")? {
        1 => Some(format!("Date.range({first}, {last})")),
        step => Some(format!("Date.range({first}, {last}, {step})")),
    }
}

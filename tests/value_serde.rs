//! `Value` through serde (the `serde` feature, on in tests): JSON both ways.

use beamlet::Value;

#[test]
fn values_to_json() {
    let v = Value::map([
        (Value::atom("name"), Value::from("beamlet")),
        (Value::atom("ok"), Value::from(true)),
        (Value::atom("none"), Value::nil()),
        (Value::atom("list"), Value::from(vec![1.5, 2.0])),
        (Value::atom("pair"), Value::from((1, "b"))),
        (Value::atom("bytes"), Value::binary(vec![255, 0])),
    ]);
    let json = serde_json::to_string(&v).unwrap();
    assert_eq!(
        json,
        r#"{"bytes":[255,0],"list":[1.5,2.0],"name":"beamlet","none":null,"ok":true,"pair":[1,"b"]}"#
    );
    let improper = Value::List(vec![Value::Int(1)], Some(Box::new(Value::Int(2))));
    let err = serde_json::to_string(&improper).unwrap_err().to_string();
    assert!(err.contains("improper list"), "{err}");
}

#[test]
fn json_to_values() {
    let v: Value =
        serde_json::from_str(r#"{"b": [1, 2.5, "x", null, true], "a": {"n": -3}}"#).unwrap();
    assert_eq!(
        format!("{v:?}"),
        r#"%{"a" => %{"n" => -3}, "b" => [1, 2.5, "x", nil, true]}"#
    );
    let big: Value = serde_json::from_str("18446744073709551615").unwrap();
    assert_eq!(big.to_string(), "18446744073709551615");
}

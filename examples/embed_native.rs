//! A native function used from a script: `Host.price/1` looks a product up
//! in a table of the host's; an unknown product is an `Err`, which the
//! script rescues as a `RuntimeError`.
//!
//! `cargo run --example embed_native`

use beamlet::{NativeError, SharedOutput, Value, Vm};
use std::collections::HashMap;

/// Runs the script; gives what it printed and the total it computed.
pub fn run() -> (String, Value) {
    let prices: HashMap<&str, i64> = [("apple", 3), ("pear", 5)].into_iter().collect();
    let out = SharedOutput::new();
    let vm = Vm::builder()
        .schedulers(1)
        .output(out.clone())
        .native("Host", "price", 1, move |args: &[Value]| {
            let name = String::try_from(args[0].clone())?;
            match prices.get(name.as_str()) {
                Some(&p) => Ok(Value::from(p)),
                None => Err(NativeError::from(format!("no price for {name:?}"))),
            }
        })
        .build()
        .expect("the VM starts");
    let total = vm
        .eval(
            r#"
            basket = ["apple", "pear", "apple", "kiwi"]
            Enum.reduce(basket, 0, fn item, acc ->
              try do
                acc + Host.price(item)
              rescue
                e in RuntimeError ->
                  IO.puts("skipped: " <> e.message)
                  acc
              end
            end)
            "#,
        )
        .expect("the script runs");
    vm.shutdown();
    (out.take_stdout(), total)
}

#[allow(dead_code)]
fn main() {
    let (printed, total) = run();
    print!("{printed}");
    println!("total: {total}");
}

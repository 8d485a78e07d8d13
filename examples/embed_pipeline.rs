//! A Rust service in the middle of a pipeline of processes: an Elixir
//! stage parses lines and sends them to the host's mailbox; Rust scores
//! each one and sends it on to a second Elixir stage, which totals them
//! and answers the host's request for the total (a GenServer-style call).
//!
//! `cargo run --example embed_pipeline`

use beamlet::{Value, Vm};
use std::time::Duration;

const STAGES: &str = r#"
defmodule Parse do
  # {:line, text} -> {:word, word} to `next`, one per word; :eof passes on.
  def loop(next) do
    receive do
      {:line, text} ->
        for w <- String.split(text), do: send(next, {:word, String.downcase(w)})
        loop(next)

      :eof ->
        send(next, :eof)
    end
  end
end

defmodule Total do
  # Adds the scores it gets; answers {:"$gen_call", from, :total} once :eof came.
  def loop(acc, done) do
    receive do
      {:scored, word, score} -> loop(Map.update(acc, word, score, &(&1 + score)), done)
      :eof -> loop(acc, true)
      {:"$gen_call", from, :total} when done ->
        GenServer.reply(from, acc |> Map.to_list() |> Enum.sort())
        loop(acc, done)
    end
  end
end
"#;

/// Runs `lines` through the pipeline; returns each word's total score.
pub fn run(lines: &[&str]) -> Vec<(String, i64)> {
    let vm = Vm::builder().build().expect("the VM starts");
    vm.load(STAGES, "stages.ex").expect("the stages compile");
    let middle = vm.mailbox().expect("a mailbox");
    let total = vm
        .spawn("Total", "loop", vec![Value::map([]), false.into()])
        .expect("total starts");
    let parse = vm
        .spawn("Parse", "loop", vec![middle.pid().into()])
        .expect("parse starts");
    for l in lines {
        vm.send(parse, Value::tuple([Value::atom("line"), Value::from(*l)]));
    }
    vm.send(parse, Value::atom("eof"));
    // The Rust stage: score = the word's length, vowels count double.
    loop {
        let m = middle
            .recv_timeout(Duration::from_secs(10))
            .expect("a word");
        if m == Value::atom("eof") {
            vm.send(total, m);
            break;
        }
        let Value::Tuple(t) = m else {
            panic!("a tuple")
        };
        let word = String::try_from(t[1].clone()).expect("a string");
        let score: i64 = word
            .chars()
            .map(|c| if "aeiou".contains(c) { 2 } else { 1 })
            .sum();
        vm.send(
            total,
            Value::tuple([Value::atom("scored"), word.into(), score.into()]),
        );
    }
    let totals = vm
        .request(total, Value::atom("total"), Duration::from_secs(10))
        .expect("the totals");
    vm.shutdown();
    let Value::List(pairs, None) = totals else {
        panic!("a list: {totals:?}")
    };
    pairs
        .into_iter()
        .map(|pair| {
            let Value::Tuple(t) = pair else {
                panic!("a pair")
            };
            (
                String::try_from(t[0].clone()).expect("a word"),
                i64::try_from(t[1].clone()).expect("a score"),
            )
        })
        .collect()
}

#[allow(dead_code)]
fn main() {
    for (word, score) in run(&["the quick brown fox", "The lazy dog", "a fox"]) {
        println!("{word}: {score}");
    }
}

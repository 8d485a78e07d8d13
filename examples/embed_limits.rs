//! An untrusted script under limits: each hostile snippet is stopped with
//! its own error, and the same VM then goes on answering.
//!
//! `cargo run --example embed_limits`

use beamlet::{Error, Limits, SharedOutput, Vm};
use std::time::Duration;

/// The untrusted snippets, with what stopped each (or what they returned).
const SCRIPTS: &[(&str, &str)] = &[
    ("endless loop", "defmodule Spin do\n  def go(n), do: go(n + 1)\nend\nSpin.go(0)"),
    ("memory bomb", "Enum.reduce(1..100_000_000, [], &[{&1} | &2])"),
    ("deep recursion", "defmodule Deep do\n  def go(0), do: 0\n  def go(n), do: 1 + go(n - 1)\nend\nDeep.go(100_000_000)"),
    ("fork bomb", "for _ <- 1..1_000, do: spawn_link(fn -> Process.sleep(:infinity) end)"),
    ("huge binary", "String.duplicate(\"x\", 1_000_000_000)"),
    ("many binaries", "for _ <- 1..1_000, do: String.duplicate(\"x\", 1_000_000)"),
    ("many hands", "pids = for _ <- 1..50, do: spawn(fn -> l = Enum.to_list(1..100_000); Process.sleep(60_000); l end)\nProcess.sleep(300)\nalive = Enum.count(pids, &Process.alive?/1)\nEnum.each(pids, &Process.exit(&1, :kill))\nalive < 50"),
    ("takes too long", "receive do :never -> :ok after 60_000 -> :late end"),
    ("a fair request", "Enum.sum(1..1_000)"),
];

/// Runs every snippet in one VM under limits; what each ended with.
pub fn run() -> Vec<(String, String)> {
    let out = SharedOutput::new();
    let vm = Vm::builder()
        .schedulers(2)
        .output(out.clone())
        .limits(Limits {
            timeout: Some(Duration::from_secs(2)),
            max_processes: Some(100),
            max_heap_words: Some(1_000_000),
            reductions: Some(5_000_000),
            max_binary_bytes: Some(64 << 20),
            max_mailbox: Some(10_000),
            max_memory: Some(64 << 20),
        })
        .build()
        .expect("the VM starts");
    let results = SCRIPTS
        .iter()
        .map(|(name, src)| {
            let r = match vm.eval(src) {
                Ok(v) => format!("ok: {v:?}"),
                Err(Error::Budget) => "stopped: out of reductions".to_string(),
                Err(Error::Timeout) => "stopped: out of time".to_string(),
                Err(Error::Memory) => "stopped: out of memory".to_string(),
                Err(Error::Exit { reason, .. }) => format!("killed: {reason:?}"),
                Err(e) => format!("failed: {e}"),
            };
            (name.to_string(), r)
        })
        .collect();
    // The reports of the processes killed over their heap went to stderr;
    // the fork bomb's processes were linked to it, and died with it.
    let _ = out.take_stderr();
    vm.shutdown();
    results
}

#[allow(dead_code)]
fn main() {
    for (name, r) in run() {
        println!("{name:>15}: {r}");
    }
}

//! A worker pool fed from Rust: N Elixir processes take jobs from the host
//! and send their results to the host's mailbox.
//!
//! `cargo run --example embed_worker_pool`

use beamlet::{Value, Vm};
use std::time::Duration;

const WORKER: &str = r#"
defmodule Worker do
  # Waits for {:job, id, n}; answers {:done, id, self(), result} to the host.
  def loop(host) do
    receive do
      {:job, id, n} ->
        send(host, {:done, id, self(), fib(n)})
        loop(host)

      :stop ->
        :ok
    end
  end

  defp fib(n) when n < 2, do: n
  defp fib(n), do: fib(n - 1) + fib(n - 2)
end
"#;

/// Runs `jobs` on `workers` processes; returns the results in job order.
pub fn run(workers: usize, jobs: &[i64]) -> Vec<i64> {
    let vm = Vm::builder().build().expect("the VM starts");
    vm.load(WORKER, "worker.ex").expect("the worker compiles");
    let results = vm.mailbox().expect("a mailbox");
    let pool: Vec<_> = (0..workers)
        .map(|_| {
            vm.spawn("Worker", "loop", vec![results.pid().into()])
                .expect("a worker starts")
        })
        .collect();
    for (id, &n) in jobs.iter().enumerate() {
        let job = Value::tuple([Value::atom("job"), Value::from(id as i64), Value::from(n)]);
        vm.send(pool[id % workers], job);
    }
    let mut out = vec![0; jobs.len()];
    for _ in jobs {
        let Value::Tuple(t) = results
            .recv_timeout(Duration::from_secs(30))
            .expect("a result")
        else {
            panic!("a tuple")
        };
        let id = i64::try_from(t[1].clone()).expect("an id") as usize;
        out[id] = i64::try_from(t[3].clone()).expect("a number");
    }
    for w in pool {
        vm.send(w, Value::atom("stop"));
    }
    vm.shutdown();
    out
}

#[allow(dead_code)]
fn main() {
    let jobs: Vec<i64> = (10..30).collect();
    for (n, r) in jobs.iter().zip(run(4, &jobs)) {
        println!("fib({n}) = {r}");
    }
}

# Erlang/OTP 25's `:rand` module, written in the language, for its default
# algorithm, exsss (Xorshift116** on 58-bit words, seeded through
# SplitMix64): the very numbers OTP gives for the same seed, so seeded
# programs (`:rand.seed(:exsss, {1, 2, 3})` then `Enum.shuffle/1`) print the
# same. The other algorithms (exrop, exs1024s, exsp, ...) are refused with
# `:badarg`.
#
# The process's state is `{algorithm_handler, words}` under the process
# dictionary key `:rand_seed`, as in OTP; a process that never seeded gets a
# seed from the clock and a unique integer on first use.
defmodule :rand do
  import Bitwise

  @mask58 (1 <<< 58) - 1
  @mask64 (1 <<< 64) - 1

  @doc "Seeds the process's generator with `algorithm` and a fresh seed; returns the state."
  def seed(algorithm), do: store(seed_s(algorithm))

  @doc "Seeds the process's generator with `algorithm` and `seed` (an integer or a 3-tuple); returns the state."
  def seed(algorithm, seed), do: store(seed_s(algorithm, seed))

  @doc "A state for `algorithm` with a fresh seed, or the state an exported seed describes."
  def seed_s({algorithm, words} = _exported) when is_atom(algorithm), do: {handler(algorithm), words}
  def seed_s({%{type: _}, _words} = state), do: state

  def seed_s(algorithm) when is_atom(algorithm) do
    entropy = {:erlang.monotonic_time(), :erlang.unique_integer(), :erlang.unique_integer([:positive])}
    seed_s(algorithm, entropy)
  end

  @doc "A state for `algorithm` seeded with `seed`."
  def seed_s(algorithm, {a1, a2, a3}) when algorithm in [:exsss, :default] do
    {_, x0} = seed58(a1 &&& @mask64)
    {s0, x1} = seed58(bxor(a2 &&& @mask64, x0))
    {s1, _} = seed58(bxor(a3 &&& @mask64, x1))
    {handler(algorithm), [s0 | s1]}
  end

  def seed_s(algorithm, seed) when algorithm in [:exsss, :default] and is_integer(seed) do
    {s0, x} = seed58(seed &&& @mask64)
    {s1, _} = seed58(x)
    {handler(algorithm), [s0 | s1]}
  end

  def seed_s(algorithm, seed), do: :erlang.error(:badarg, [algorithm, seed])

  defp handler(:default), do: handler(:exsss)
  defp handler(:exsss), do: %{type: :exsss, bits: 58, next: &:rand.exsss_next/1}
  defp handler(other), do: :erlang.error(:badarg, [other])

  defp store(state) do
    Process.put(:rand_seed, state)
    state
  end

  defp current do
    case Process.get(:rand_seed) do
      {%{type: _}, _} = state -> state
      _ -> seed(:exsss)
    end
  end

  @doc "The process's seed as `{algorithm, words}`, or `:undefined`."
  def export_seed do
    case Process.get(:rand_seed) do
      {%{type: type}, words} -> {type, words}
      _ -> :undefined
    end
  end

  @doc "`state` as `{algorithm, words}`."
  def export_seed_s({%{type: type}, words}), do: {type, words}

  @doc "A float in [0.0, 1.0)."
  def uniform do
    {x, state} = uniform_s(current())
    store(state)
    x
  end

  @doc "An integer in 1..n."
  def uniform(n) do
    {x, state} = uniform_s(n, current())
    store(state)
    x
  end

  @doc "`{float in [0.0, 1.0), new state}`."
  def uniform_s({%{next: next} = handler, words}) do
    {v, words} = next.(words)
    {(v >>> 5) * 1.1102230246251565e-16, {handler, words}}
  end

  @doc "`{integer in 1..n, new state}`."
  def uniform_s(n, {%{next: next} = handler, words}) when is_integer(n) and n >= 1 do
    {v, words} = next.(words)
    max_minus_n = (1 <<< 58) - n

    cond do
      max_minus_n < 0 ->
        uniform_big(n, handler, words, v, 58)

      v < n ->
        {v + 1, {handler, words}}

      true ->
        i = rem(v, n)
        if v - i <= max_minus_n, do: {i + 1, {handler, words}}, else: uniform_s(n, {handler, words})
    end
  end

  def uniform_s(n, state), do: :erlang.error(:function_clause, [n, state])

  # A range over 2^58: more words, 58 bits at a time, then a rejection test.
  defp uniform_big(n, %{next: next} = handler, words, v, bits) do
    if 1 <<< bits < n * 2 do
      {v2, words} = next.(words)
      uniform_big(n, handler, words, (v <<< 58) + v2, bits + 58)
    else
      i = rem(v, n)

      if v - i <= (1 <<< bits) - n,
        do: {i + 1, {handler, words}},
        else: uniform_s(n, {handler, words})
    end
  end

  @doc false
  # Xorshift116 with the ** scrambler: the next 58-bit value and words.
  def exsss_next([s1 | s0]) do
    new_s1 = xorshift116(s1, s0)
    v = (s0 + ((s0 <<< 2) &&& @mask58)) &&& @mask58
    v = rotl58(v, 7)
    {(v + ((v <<< 3) &&& @mask58)) &&& @mask58, [s0 | new_s1]}
  end

  defp xorshift116(s1, s0) do
    s1 = bxor(s1, (s1 <<< 24) &&& @mask58)
    s1 |> bxor(s0) |> bxor(s1 >>> 11) |> bxor(s0 >>> 41)
  end

  defp rotl58(x, n), do: ((x <<< n) &&& @mask58) ||| (x >>> (58 - n))

  # SplitMix64 until a non-zero 58-bit word comes out.
  defp seed58(x) do
    x = (x + 0x9E3779B97F4A7C15) &&& @mask64
    z = (bxor(x, x >>> 30) * 0xBF58476D1CE4E5B9) &&& @mask64
    z = (bxor(z, z >>> 27) * 0x94D049BB133111EB) &&& @mask64
    z = bxor(z, z >>> 31) &&& @mask58

    if z == 0, do: seed58(x), else: {z, x}
  end
end

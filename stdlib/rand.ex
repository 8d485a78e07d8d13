# Erlang/OTP 25's `:rand` module, written in the language: the same
# generators as OTP, giving the same numbers for the same seed.
#
# A state is `{handler, alg_state}`, the handler a map naming the algorithm
# (`%{type: :exsss, bits: 58, ...}`); the process's own state lives in its
# dictionary under `:rand_seed`, as OTP keeps it. `export_seed` gives
# `{alg, alg_state}`, which prints as OTP's.
#
# Generators (Vigna's xorshift/xoroshiro families, reduced to 58-bit words
# so they stay small integers on a 64-bit BEAM):
#   :exsss (the default)  xorshift116**    state [s0 | s1]
#   :exsp, :exsplus       xorshift116+     state [s0 | s1]
#   :exrop                xoroshiro116+    state [s0 | s1]
#   :exro928ss            xoroshiro928**   state {forward, reverse} of 16 words
#   :exs1024s, :exs1024   xorshift1024*    state {forward, reverse} of 16 words (64 bits)
#   :exs64                xorshift64*      state one 64-bit word
# `:exsplus`, `:exs1024` and `:exs64` are OTP's older handlers, which map a
# word to a range by `rem` (or a float by division) rather than by
# rejection. Seeds from an integer or a list go through SplitMix64.
defmodule :rand do
  @moduledoc false
  import Bitwise

  @mask58 (1 <<< 58) - 1
  @mask64 (1 <<< 64) - 1
  @two_pow_minus53 1.11022302462515657e-16

  ## Seeding

  @doc "Seeds the process's generator with `alg` (or a saved state) and returns the state."
  def seed(alg_or_state), do: seed_put(seed_s(alg_or_state))

  @doc "Seeds the process's generator with `alg` and `seed` and returns the state."
  def seed(alg, seed), do: seed_put(seed_s(alg, seed))

  @doc "A state for `alg` seeded from the clock, or a state from an exported one."
  def seed_s({handler, _alg_state} = state) when is_map(handler), do: state
  def seed_s({alg, alg_state}) when is_atom(alg), do: {handler(alg), alg_state}
  def seed_s(alg), do: seed_s(alg, default_seed())

  @doc "A state for `alg` seeded with `seed` (an integer, a list of integers or a triple)."
  def seed_s(:default, seed), do: seed_s(:exsss, seed)
  def seed_s(alg, seed), do: {handler(alg), alg_seed(alg, seed)}

  defp default_seed do
    {:erlang.phash2([{node(), self()}]), :erlang.system_time(), :erlang.unique_integer()}
  end

  @doc "The process's state as `{alg, alg_state}`, or `:undefined` if it has none."
  def export_seed do
    case :erlang.get(:rand_seed) do
      {%{type: alg}, alg_state} -> {alg, alg_state}
      _ -> :undefined
    end
  end

  @doc "`state` as `{alg, alg_state}`."
  def export_seed_s({%{type: alg}, alg_state}), do: {alg, alg_state}

  defp seed_put(state) do
    :erlang.put(:rand_seed, state)
    state
  end

  defp seed_get do
    case :erlang.get(:rand_seed) do
      :undefined -> seed(:exsss)
      state -> state
    end
  end

  defp handler(:exsss), do: %{type: :exsss, bits: 58, next: &exsss_next/1, jump: &exsp_jump_state/1}

  defp handler(:exsp),
    do: %{type: :exsp, bits: 58, weak_low_bits: 1, next: &exsp_next/1, jump: &exsp_jump_state/1}

  defp handler(:exsplus),
    do: %{type: :exsplus, max: @mask58, next: &exsp_next/1, jump: &exsp_jump_state/1}

  defp handler(:exrop),
    do: %{type: :exrop, bits: 58, weak_low_bits: 1, next: &exrop_next/1, jump: &exrop_jump_state/1}

  defp handler(:exro928ss),
    do: %{type: :exro928ss, bits: 58, next: &exro928ss_next/1, jump: &exro928_jump_state/1}

  defp handler(:exs1024s),
    do: %{type: :exs1024s, bits: 64, weak_low_bits: 3, next: &exs1024_next/1, jump: &exs1024_jump_state/1}

  defp handler(:exs1024),
    do: %{type: :exs1024, max: @mask64, next: &exs1024_next/1, jump: &exs1024_jump_state/1}

  defp handler(:exs64), do: %{type: :exs64, max: @mask64, next: &exs64_next/1}

  # The algorithm's state from a seed.
  defp alg_seed(alg, list) when is_list(list) and alg in [:exsss, :exsp, :exsplus, :exrop] do
    [s0, s1] = seed_nz(2, list, @mask58, false)
    [s0 | s1]
  end

  defp alg_seed(alg, x) when is_integer(x) and alg in [:exsss, :exsp, :exsplus, :exrop] do
    [s0, s1] = seed58(2, x)
    [s0 | s1]
  end

  defp alg_seed(:exsss, {a1, a2, a3}) do
    {_, x0} = seed58(a1)
    {s0, x1} = seed58(bxor(a2, x0))
    {s1, _} = seed58(bxor(a3, x1))
    [s0 | s1]
  end

  defp alg_seed(alg, {a1, a2, a3}) when alg in [:exsp, :exsplus] do
    {_, r1} = exsp_next([band(a1 * 4_294_967_197 + 1, @mask58) | band(a2 * 4_294_967_231 + 1, @mask58)])
    {_, r2} = exsp_next([band(a3 * 4_294_967_279 + 1, @mask58) | tl(r1)])
    r2
  end

  defp alg_seed(:exrop, {a1, a2, a3}) do
    [_ | s1] = exrop_step(band(a1 * 4_294_967_197 + 1, @mask58), band(a2 * 4_294_967_231 + 1, @mask58))
    exrop_step(band(a3 * 4_294_967_279 + 1, @mask58), s1)
  end

  defp alg_seed(:exro928ss, list) when is_list(list), do: {seed_nz(16, list, @mask58, false), []}
  defp alg_seed(:exro928ss, x) when is_integer(x), do: {seed58(16, x), []}

  defp alg_seed(:exro928ss, {a1, a2, a3}) do
    {s0, x0} = seed58(a1)
    {s1, x1} = seed58(bxor(a2, x0))
    {s2, x2} = seed58(bxor(a3, x1))
    {[s0, s1, s2 | seed58(13, x2)], []}
  end

  defp alg_seed(alg, list) when is_list(list) and alg in [:exs1024s, :exs1024],
    do: {seed_nz(16, list, @mask64, false), []}

  defp alg_seed(alg, x) when is_integer(x) and alg in [:exs1024s, :exs1024], do: {seed64(16, x), []}

  defp alg_seed(alg, {a1, a2, a3}) when alg in [:exs1024s, :exs1024] do
    b1 = band((band(a1, 0x1FFFFF) + 1) * 2_097_131, 0x1FFFFF)
    b2 = band((band(a2, 0x1FFFFF) + 1) * 2_097_133, 0x1FFFFF)
    b3 = band((band(a3, 0x1FFFFF) + 1) * 2_097_143, 0x1FFFFF)
    {exs1024_fill(16, (b1 <<< 43) ||| (b2 <<< 22) ||| (b3 <<< 1) ||| 1, []), []}
  end

  defp alg_seed(:exs64, list) when is_list(list) do
    [r] = seed_nz(1, list, @mask64, false)
    r
  end

  defp alg_seed(:exs64, x) when is_integer(x) do
    [r] = seed64(1, x)
    r
  end

  defp alg_seed(:exs64, {a1, a2, a3}) do
    {v1, _} = exs64_next(band(a1, 0xFFFFFFFF) * 4_294_967_197 + 1)
    {v2, _} = exs64_next(band(a2, 0xFFFFFFFF) * 4_294_967_231 + 1)
    {v3, _} = exs64_next(band(a3, 0xFFFFFFFF) * 4_294_967_279 + 1)
    rem(v1 * v2 * v3, @mask64 - 1) + 1
  end

  # Seed words from a list: masked, padded with zeros, not all zero.
  defp seed_nz(_n, [], _mask, false), do: :erlang.error(:zero_seed)
  defp seed_nz(0, [_ | _], _mask, _nz), do: :erlang.error(:too_many_seed_integers)
  defp seed_nz(0, [], _mask, _nz), do: []
  defp seed_nz(n, [], mask, true), do: [0 | seed_nz(n - 1, [], mask, true)]

  defp seed_nz(n, [s | ss], mask, nz) when is_integer(s) do
    r = band(s, mask)
    [r | seed_nz(n - 1, ss, mask, nz or r != 0)]
  end

  defp seed_nz(_n, [_ | _], _mask, _nz), do: :erlang.error(:non_integer_seed)

  @doc "`n` nonzero 58-bit words from SplitMix64's low bits, seeded with `x`."
  def seed58(0, _x), do: []

  def seed58(n, x) do
    {z, x} = seed58(x)
    [z | seed58(n - 1, x)]
  end

  defp seed58(x0) do
    {z0, x} = splitmix64_next(x0)

    case band(z0, @mask58) do
      0 -> seed58(x)
      z -> {z, x}
    end
  end

  defp seed64(0, _x), do: []

  defp seed64(n, x) do
    {z, x} = seed64(x)
    [z | seed64(n - 1, x)]
  end

  defp seed64(x0) do
    case splitmix64_next(x0) do
      {0, x} -> seed64(x)
      zx -> zx
    end
  end

  @doc "One step of SplitMix64: `{output, new_state}`."
  def splitmix64_next(x0) do
    x = band(x0 + 0x9E3779B97F4A7C15, @mask64)
    z0 = band(bxor(x, x >>> 30) * 0xBF58476D1CE4E5B9, @mask64)
    z1 = band(bxor(z0, z0 >>> 27) * 0x94D049BB133111EB, @mask64)
    {bxor(z1, z1 >>> 31), x}
  end

  ## Uniform numbers

  @doc "A float in [0.0, 1.0) from the process's generator."
  def uniform do
    {x, state} = uniform_s(seed_get())
    seed_put(state)
    x
  end

  @doc "An integer in 1..n from the process's generator."
  def uniform(n) do
    {x, state} = uniform_s(n, seed_get())
    seed_put(state)
    x
  end

  @doc "`{float in [0.0, 1.0), new_state}`."
  def uniform_s({%{bits: bits} = h, r0}) do
    {v, r1} = next(h, r0)
    {(v >>> (bits - 53)) * @two_pow_minus53, {h, r1}}
  end

  def uniform_s({%{max: max} = h, r0}) do
    {v, r1} = next(h, r0)
    {v / (max + 1), {h, r1}}
  end

  @doc "`{integer in 1..n, new_state}`."
  def uniform_s(n, {%{bits: bits} = h, r0}) when is_integer(n) and n >= 1 do
    {v, r1} = next(h, r0)
    max_minus_n = (1 <<< bits) - n

    if max_minus_n >= 0 do
      cond do
        v < n ->
          {v + 1, {h, r1}}

        true ->
          i = rem(v, n)

          if v - i <= max_minus_n,
            do: {i + 1, {h, r1}},
            else: uniform_s(n, {h, r1})
      end
    else
      wide_range(n, h, r1, v)
    end
  end

  def uniform_s(n, {%{max: max} = h, r0}) when is_integer(n) and n >= 1 do
    {v, r1} = next(h, r0)

    if n <= max,
      do: {rem(v, n) + 1, {h, r1}},
      else: {trunc(v / (max + 1) * n) + 1, {h, r1}}
  end

  # A range wider than one word: more words shifted in (their weak low
  # bits dropped), then a rejection with two spare bits.
  defp wide_range(range, %{bits: bits} = h, r, v) do
    weak = Map.get(h, :weak_low_bits, 0)
    shift = bits - weak
    shift_mask = bnot((1 <<< weak) - 1)
    range_minus1 = range - 1

    if band(range, range_minus1) == 0 do
      {v1, r1, _} = gather(range >>> bits, h, r, v, shift_mask, shift, bits)
      {band(v1, range_minus1) + 1, {h, r1}}
    else
      {v1, r1, b} = gather(range >>> (bits - 2), h, r, v, shift_mask, shift, bits)
      i = rem(v1, range)

      if v1 - i <= (1 <<< b) - range do
        {i + 1, {h, r1}}
      else
        {v2, r2} = next(h, r1)
        wide_range(range, h, r2, v2)
      end
    end
  end

  defp gather(range, h, r, v, shift_mask, shift, b) do
    if range <= 1 do
      {v, r, b}
    else
      {v1, r1} = next(h, r)
      gather(range >>> shift, h, r1, (band(v, shift_mask) <<< shift) ||| v1, shift_mask, shift, b + shift)
    end
  end

  @doc "A float in (0.0, 1.0] from the process's generator, dense near 0.0."
  def uniform_real do
    {x, state} = uniform_real_s(seed_get())
    seed_put(state)
    x
  end

  @doc "`{float in (0.0, 1.0], new_state}`: every float of the interval can come, each as likely as its width."
  def uniform_real_s({h, r0}) do
    {bits, v1, r1} = word56(h, r0)
    m1 = v1 >>> (bits - 56)

    case top56(m1, 0) do
      {:ok, x} -> {x, {h, r1}}
      :more -> real_more(h, m1, -56, r1)
    end
  end

  # The word and the number of its bits that count (56 for the old
  # handlers, whose words are masked to 56 bits).
  defp word56(%{bits: bits} = h, r0) do
    {v, r1} = next(h, r0)
    {bits, v, r1}
  end

  defp word56(h, r0) do
    {v, r1} = next(h, r0)
    {56, band(v, (1 <<< 56) - 1), r1}
  end

  # A 56-bit draw with its top bit among the high four: 53 bits of it scaled.
  defp top56(m1, bit_no) do
    cond do
      m1 >= 1 <<< 55 -> {:ok, (m1 >>> 3) * :math.pow(2.0, bit_no - 53)}
      m1 >= 1 <<< 54 -> {:ok, (m1 >>> 2) * :math.pow(2.0, bit_no - 54)}
      m1 >= 1 <<< 53 -> {:ok, (m1 >>> 1) * :math.pow(2.0, bit_no - 55)}
      m1 >= 1 <<< 52 -> {:ok, m1 * :math.pow(2.0, bit_no - 56)}
      true -> :more
    end
  end

  defp real_more(h, m0, bit_no, r0) do
    {bits, v1, r1} = word56(h, r0)
    real_fill(h, m0, bit_no, r1, v1, bits)
  end

  defp real_fill(h, m0, -1064, r1, v1, bits) do
    b0 = 53 - bit_length(m0)
    {((m0 <<< b0) ||| (v1 >>> (bits - b0))) * :math.pow(2.0, -1064 - b0), {h, r1}}
  end

  defp real_fill(h, m0, bit_no, r1, v1, bits) do
    cond do
      m0 >= 1 <<< 51 ->
        {((m0 <<< 1) ||| (v1 >>> (bits - 1))) * :math.pow(2.0, bit_no - 1), {h, r1}}

      m0 >= 1 <<< 50 ->
        {((m0 <<< 2) ||| (v1 >>> (bits - 2))) * :math.pow(2.0, bit_no - 2), {h, r1}}

      m0 >= 1 <<< 49 ->
        {((m0 <<< 3) ||| (v1 >>> (bits - 3))) * :math.pow(2.0, bit_no - 3), {h, r1}}

      m0 == 0 ->
        m1 = v1 >>> (bits - 56)

        case top56(m1, bit_no) do
          {:ok, x} ->
            {x, {h, r1}}

          :more when bit_no == -1008 ->
            if m1 >= 1 <<< 42,
              do: real_more(h, m1, bit_no - 56, r1),
              else: uniform_real_s({h, r1})

          :more ->
            real_more(h, m1, bit_no - 56, r1)
        end

      true ->
        b0 = 53 - bit_length(m0)
        {((m0 <<< b0) ||| (v1 >>> (bits - b0))) * :math.pow(2.0, bit_no - b0), {h, r1}}
    end
  end

  defp bit_length(0), do: 0
  defp bit_length(v), do: 1 + bit_length(v >>> 1)

  ## Bytes

  @doc "`n` random bytes from the process's generator."
  def bytes(n) do
    {bytes, state} = bytes_s(n, seed_get())
    seed_put(state)
    bytes
  end

  @doc "`{n random bytes, new_state}`: whole bytes from the top of each word."
  def bytes_s(n, {h, r}) when is_integer(n) and n >= 0 do
    {bits, weak} =
      case h do
        %{bits: bits} -> {bits, Map.get(h, :weak_low_bits, 0)}
        %{max: _} -> {58, 2}
      end

    good_bytes = (bits - weak) >>> 3
    good_bits = good_bytes <<< 3
    bytes_loop(n, h, r, <<>>, good_bytes, good_bits, bits - good_bits)
  end

  defp bytes_loop(n, h, r0, acc, good_bytes, good_bits, shift) when n > good_bytes do
    {v, r1} = next(h, r0)
    bytes_loop(n - good_bytes, h, r1, <<acc::binary, v >>> shift::size(good_bits)>>, good_bytes, good_bits, shift)
  end

  defp bytes_loop(n, h, r0, acc, _good_bytes, good_bits, _shift) do
    {v, r1} = next(h, r0)
    bits = n <<< 3
    {<<acc::binary, v >>> (good_bits - bits)::size(bits)>>, {h, r1}}
  end

  ## Jumps

  @doc "The process's state moved ahead by the algorithm's jump (2^64 steps for the 116-bit ones)."
  def jump, do: seed_put(jump(seed_get()))

  @doc "`state` moved ahead by its algorithm's jump."
  def jump({%{jump: jump}, _} = state), do: jump.(state)
  def jump({%{}, _}), do: :erlang.error(:not_implemented)

  ## Normal distribution

  @doc "A float of the standard normal distribution from the process's generator."
  def normal do
    {x, state} = normal_s(seed_get())
    seed_put(state)
    x
  end

  @doc "A float of the normal distribution N(mean, variance)."
  def normal(mean, variance), do: mean + :math.sqrt(variance) * normal()

  @doc "`{float of N(mean, variance), new_state}`."
  def normal_s(mean, variance, state) when variance > 0 do
    {x, state} = normal_s(state)
    {mean + :math.sqrt(variance) * x, state}
  end

  @doc "`{float of N(0, 1), new_state}` by Marsaglia and Tsang's ziggurat."
  def normal_s(state0) do
    {sign, r, state} = get52(state0)
    idx = band(r, 0xFF)
    {k, w} = :beamlet_rand.kiwi(idx)
    x = r * w

    cond do
      r < k and sign == 0 -> {x, state}
      r < k -> {-x, state}
      sign == 0 -> normal_tail(idx, sign, x, state)
      true -> normal_tail(idx, sign, -x, state)
    end
  end

  @nor_r 3.6541528853610087963519472518

  defp normal_tail(0, sign, x0, state0) do
    {u0, s1} = uniform_s(state0)
    x = -(1 / @nor_r) * :math.log(u0)
    {u1, s2} = uniform_s(s1)
    y = -:math.log(u1)

    cond do
      not (y + y > x * x) -> normal_tail(0, sign, x0, s2)
      sign == 0 -> {@nor_r + x, s2}
      true -> {-@nor_r - x, s2}
    end
  end

  defp normal_tail(idx, _sign, x, state0) do
    fi2 = :beamlet_rand.fi(idx + 1)
    {u0, s1} = uniform_s(state0)

    if (:beamlet_rand.fi(idx) - fi2) * u0 + fi2 < :math.exp(-0.5 * x * x),
      do: {x, s1},
      else: normal_s(s1)
  end

  defp get52({%{bits: bits} = h, s0}) do
    {int, s1} = next(h, s0)
    {band(1 <<< (bits - 52), int), int >>> (bits - 51), {h, s1}}
  end

  defp get52({h, s0}) do
    {int, s1} = next(h, s0)
    {band(1 <<< 51, int), band(int, (1 <<< 51) - 1), {h, s1}}
  end

  ## The generators

  defp next(%{type: :exsss}, r), do: exsss_next(r)
  defp next(%{type: :exrop}, r), do: exrop_next(r)
  defp next(%{type: t}, r) when t in [:exsp, :exsplus], do: exsp_next(r)
  defp next(%{type: t}, r) when t in [:exs1024s, :exs1024], do: exs1024_next(r)
  defp next(%{type: :exro928ss}, r), do: exro928ss_next(r)
  defp next(%{type: :exs64}, r), do: exs64_next(r)
  defp next(%{next: next}, r), do: next.(r)

  # xorshift116 state step: the new s1 from s0 and s1.
  defp xorshift116(s0, s1) do
    s1b = bxor(band(s1, @mask58), band(s1, (1 <<< 34) - 1) <<< 24)
    s1b |> bxor(s0) |> bxor(s1b >>> 11) |> bxor(s0 >>> 41)
  end

  # ((s * 5) rotl 7) * 9, modulo 2^58, without bignums.
  defp starstar(s) do
    va = s + (band(s, (1 <<< 56) - 1) <<< 2)
    vb = (band(va, (1 <<< 51) - 1) <<< 7) ||| band(va >>> 51, 0x7F)
    band(vb + (band(vb, (1 <<< 55) - 1) <<< 3), @mask58)
  end

  @doc false
  def exsss_next([s1 | s0]) do
    s0_1 = band(s0, @mask58)
    new_s1 = xorshift116(s0_1, s1)
    {starstar(s0_1), [s0_1 | new_s1]}
  end

  @doc "One step of xorshift116+: `{58-bit output, new_state}`."
  def exsp_next([s1 | s0]) do
    s0_1 = band(s0, @mask58)
    new_s1 = xorshift116(s0_1, s1)
    {band(s0_1 + new_s1, @mask58), [s0_1 | new_s1]}
  end

  defp rotl58(x, n), do: (band(x, (1 <<< (58 - n)) - 1) <<< n) ||| (x >>> (58 - n))

  defp exrop_step(s0, s1) do
    s1a = bxor(s1, s0)
    [rotl58(s0, 24) |> bxor(s1a) |> bxor(band(s1a, (1 <<< 56) - 1) <<< 2) | rotl58(s1a, 35)]
  end

  @doc false
  def exrop_next([s0 | s1]), do: {band(s0 + s1, @mask58), exrop_step(s0, s1)}

  @doc false
  def exs64_next(r) do
    r1 = bxor(r, r >>> 12)
    r2 = bxor(r1, band(r1, (1 <<< 39) - 1) <<< 25)
    r3 = bxor(r2, r2 >>> 27)
    {band(r3 * 2_685_821_657_736_338_717, @mask64), r3}
  end

  defp exs1024_fill(0, _r, acc), do: acc

  defp exs1024_fill(n, r, acc) do
    {x, r2} = exs64_next(r)
    exs1024_fill(n - 1, r2, [x | acc])
  end

  @doc false
  def exs1024_next({[s0, s1 | rest], rl}) do
    s11 = bxor(s1, band(s1, (1 <<< 33) - 1) <<< 31)
    s12 = bxor(s11, s11 >>> 11)
    s01 = bxor(s0, s0 >>> 30)
    ns1 = bxor(s01, s12)
    {band(ns1 * 1_181_783_497_276_652_981, @mask64), {[ns1 | rest], [s0 | rl]}}
  end

  def exs1024_next({[h], rl}), do: exs1024_next({[h | :lists.reverse(rl)], []})

  @doc false
  def exro928ss_next({[s15, s0 | ss], rs}), do: {starstar(s0), exro928_step(ss, rs, s15, s0)}
  def exro928ss_next({[s15], rs}), do: exro928ss_next({[s15 | :lists.reverse(rs)], []})

  defp exro928_state_next({[s15, s0 | ss], rs}), do: exro928_step(ss, rs, s15, s0)

  defp exro928_state_next({[s15], rs}) do
    [s0 | ss] = :lists.reverse(rs)
    exro928_step(ss, [], s15, s0)
  end

  defp exro928_step(ss, rs, s15, s0) do
    s0_1 = band(s0, @mask58)
    q = bxor(band(s15, @mask58), s0_1)
    new_s15 = rotl58(s0_1, 44) |> bxor(q) |> bxor(band(q, (1 <<< 49) - 1) <<< 9)
    {[rotl58(q, 45) | ss], [new_s15 | rs]}
  end

  @doc "The xoroshiro928 state (the `:exro928ss` algorithm state) for a seed."
  def exro928_seed(seed) when is_list(seed) or is_integer(seed) or is_tuple(seed) do
    alg_seed(:exro928ss, seed)
  end

  @doc """
  One xoroshiro928 step: `{{s15, s0}, new_state}`, the two state words the
  scramblers make the output from, and the state after them.
  """
  def exro928_next({[s15, s0 | ss], rs}), do: {{s15, s0}, exro928_step(ss, rs, s15, s0)}
  def exro928_next({[s15], rs}), do: exro928_next({[s15 | :lists.reverse(rs)], []})

  @doc "The xoroshiro928 state one step on."
  def exro928_next_state({[_, _ | _], _} = sr), do: exro928_state_next(sr)
  def exro928_next_state({[_], _} = sr), do: exro928_state_next(sr)

  @doc "The xoroshiro928 state 2^512 steps on (what `jump/1` does for `:exro928ss`)."
  def exro928_jump_2pow512({ss, rs} = sr) when is_list(ss) and is_list(rs) do
    {_, jumped} = exro928_jump_state({nil, sr})
    jumped
  end

  # x^(2^20) modulo the transition's characteristic polynomial, as
  # tools/rand_exro928_jump.py computes it: 58-bit words, low first, each
  # with the marker bit 58 (as @exro928_jump below).
  @exro928_jump_2pow20 [
    0x5B966A3DAF905E6,
    0x601E9589C33DE2F,
    0x74A806C17E9E644,
    0x59AFEB4F1DF6A43,
    0x46D8E75664A4268,
    0x42E2C246BDA670C,
    0x4531FB8EBC73C70,
    0x537F702069EFC52,
    0x4B6DC4D3AF15F8A,
    0x5A4189F0050263D,
    0x46DF2EB1FEAF0FB,
    0x77AC696A43CB9AC,
    0x4C5878C3549BD5B,
    0x7CCF20BCF522920,
    0x415FEFCC78FF45E,
    0x72CF460728C2FAF
  ]

  @doc "The xoroshiro928 state 2^20 steps on, its words in order."
  def exro928_jump_2pow20({ss, rs} = sr) when is_list(ss) and is_list(rs) do
    polyjump(sr, @exro928_jump_2pow20, List.duplicate(0, length(ss) + length(rs)))
  end

  ## mwc59: multiply with carry, 32-bit digits, a 59-bit state CX = C * 2^32 + X.

  @mwc59_a 0x7FA6502
  @mwc59_p (@mwc59_a <<< 32) - 1
  @mask32 (1 <<< 32) - 1
  @mask53 (1 <<< 53) - 1
  @mask59 (1 <<< 59) - 1

  @doc "One mwc59 step: `A * X + C` for the state `C * 2^32 + X` (taken modulo 2^59)."
  def mwc59(cx0) do
    cx = band(cx0, @mask59)
    @mwc59_a * band(cx, @mask32) + (cx >>> 32)
  end

  @doc "A 32-bit value from an mwc59 state: its low 32 bits scrambled by an 8-bit xorshift."
  def mwc59_value32(cx) do
    v = band(cx, @mask32)
    band(bxor(v, v <<< 8), @mask32)
  end

  @doc "A 59-bit value from an mwc59 state, scrambled by two xorshifts (4 and 27 bits)."
  def mwc59_value(cx) do
    v = band(cx, @mask59)
    v = band(bxor(v, v <<< 4), @mask59)
    band(bxor(v, v <<< 27), @mask59)
  end

  @doc "A float in [0.0, 1.0) from an mwc59 state: 53 bits of `mwc59_value/1`."
  def mwc59_float(cx), do: band(mwc59_value(cx), @mask53) * @two_pow_minus53

  @doc "An mwc59 state (1 .. A * 2^32 - 2) seeded from the clock, as `seed_s/1` seeds."
  def mwc59_seed do
    {v, _} = uniform_s(@mwc59_p - 1, seed_s(:exsss))
    v
  end

  @doc """
  The mwc59 state of the seed `s` (0 .. 2^58 - 1): `s` scrambled by a
  58-bit bijection (so no two seeds give one state), plus one.
  """
  def mwc59_seed(s) when is_integer(s) and s >= 0 and s <= @mask58, do: scramble58(s) + 1

  # Three xorshifts by 29 bits with two odd multipliers between them, all
  # modulo 2^58: every step can be undone, so the map is one to one.
  defp scramble58(x) do
    x = band(bxor(x, x >>> 29) * 0x351AFD7ED558CCD, @mask58)
    x = band(bxor(x, x >>> 29) * 0x0CEB9FE1A85EC53, @mask58)
    bxor(x, x >>> 29)
  end

  ## OTP's helpers for its tests and for writing the constants above.

  @doc "The bit length of a 64-bit integer (64 for anything wider)."
  def bc64(v) when is_integer(v) and v >= 0 do
    if v >= 1 <<< 63, do: 64, else: bit_length(v, 0)
  end

  defp bit_length(0, n), do: n
  defp bit_length(v, n), do: bit_length(v >>> 1, n + 1)

  @doc "The float with sign bit `s`, 11-bit exponent `e` and 52-bit mantissa `m`."
  def make_float(s, e, m) do
    case <<s::1, e::11, m::52>> do
      <<f::float>> -> f
      bits -> :erlang.error({:badmatch, bits})
    end
  end

  @doc ~S'The float as text: sign, `1.` (`0.` if subnormal), 13 hex digits, `E` and the exponent.'
  def float2str(f) when is_float(f) do
    <<s::1, e::11, m::52>> = <<f::float>>
    sign = if s == 1, do: "-", else: "+"
    {lead, exp} = if e == 0, do: {"0", -1023}, else: {"1", e - 1023}
    hex = m |> Integer.to_string(16) |> String.downcase() |> String.pad_leading(13, "0")
    String.to_charlist("#{sign}#{lead}.#{hex}E#{exp}")
  end

  @doc "Prints a jump constant written `0x...` as 58-bit words, low first, each with a top marker bit."
  def format_jumpconst58(string) do
    case Regex.run(~r/^0x([a-fA-F0-9]+)$/, to_string(string)) do
      [_, hex] -> format_jumpconst58_words(String.to_integer(hex, 16))
      nil -> :erlang.error({:badmatch, :nomatch})
    end
  end

  defp format_jumpconst58_words(0), do: :ok

  defp format_jumpconst58_words(n) do
    :io.format('16#~s,~n', [Integer.to_string(band(n, @mask58) ||| 1 <<< 58, 16)])
    format_jumpconst58_words(n >>> 58)
  end

  ## Jump functions: the state after the jump polynomial's steps, the xor
  ## of the states at its one bits.

  defp exsp_jump_state({h, s}), do: {h, exsp_jump(s)}

  @doc "The xorshift116 state 2^64 steps ahead."
  def exsp_jump(s) do
    {s1, acc} = jump_words(s, [0 | 0], 0x02F8EA6BC32C797, 58)
    {_, acc} = jump_words(s1, acc, 0x345D2A0F85F788C, 58)
    acc
  end

  defp jump_words(s, acc, _j, 0), do: {s, acc}

  defp jump_words([s0 | s1] = s, [a0 | a1] = acc, j, n) do
    {_, ns} = exsp_next(s)
    acc = if band(j, 1) == 1, do: [bxor(a0, s0) | bxor(a1, s1)], else: acc
    jump_words(ns, acc, j >>> 1, n - 1)
  end

  defp exrop_jump_state({h, [s0 | s1]}) do
    j = 0x9863200F83FCD4A11293241FCB12A
    {h, exrop_jump(s0, s1, 0, 0, j, 116)}
  end

  defp exrop_jump(_s0, _s1, a0, a1, _j, 0), do: [a0 | a1]

  defp exrop_jump(s0, s1, a0, a1, j, n) do
    [n0 | n1] = exrop_step(s0, s1)

    if band(j, 1) == 1,
      do: exrop_jump(n0, n1, bxor(a0, s0), bxor(a1, s1), j >>> 1, n - 1),
      else: exrop_jump(n0, n1, a0, a1, j >>> 1, n - 1)
  end

  # exs1024: 1024 steps over a 1024-bit jump constant, given in 58-bit
  # words low first (the first word, then the others).
  @exs1024_jump_head 0x00242F96ECA9C41D
  @exs1024_jump_tail [
    0x0196E1DDBE5A1561,
    0x0239F070B5837A3C,
    0x03F393CC68796CD2,
    0x0248316F404489AF,
    0x039A30088BFFBAC2,
    0x02FEA70DC2D9891F,
    0x032AE0D9644CAEC4,
    0x0313AAC17D8EFA43,
    0x02F132E055642626,
    0x01EE975283D71C93,
    0x00552321B06F5501,
    0x00C41D10A1E6A569,
    0x019158ECF8AA1E44,
    0x004E9FC949D0B5FC,
    0x0363DA172811FDDA,
    0x030E38C3B99181F2,
    0x0000000A118038FC
  ]

  defp exs1024_jump_state({h, {l, rl}}) do
    p = length(rl)
    acc = List.duplicate(0, 16)
    acc = exs1024_jump({l, rl}, acc, @exs1024_jump_tail, @exs1024_jump_head, 58, 1024)
    {left, right} = Enum.split(acc, 16 - p)
    {h, {left, :lists.reverse(right)}}
  end

  defp exs1024_jump(_s, acc, _js, _j, _n, 0), do: acc
  defp exs1024_jump(s, acc, [h | t], _j, 0, total), do: exs1024_jump(s, acc, t, h, 58, total)

  defp exs1024_jump({l, rl} = s, acc, js, j, n, total) do
    {_, ns} = exs1024_next(s)

    acc =
      if band(j, 1) == 1,
        do: xor_zip(acc, l ++ :lists.reverse(rl)),
        else: acc

    exs1024_jump(ns, acc, js, j >>> 1, n - 1, total - 1)
  end

  # exro928: 2^512 steps; words of 58 bits low first, each with a top
  # marker bit.
  @exro928_jump [
    0x4085302F77130CA,
    0x54E07F7F4524091,
    0x5E1D7D6813D2BA0,
    0x4687ACEF8644287,
    0x4567FD9F0B83FE5,
    0x43E6D27EA06C024,
    0x641E015AC26D5D2,
    0x6CD61377663B92F,
    0x70A0657E19F00D4,
    0x43C0BDDE15CF3C3,
    0x745A3A8A3CEF3CC,
    0x58A8CF308C8E0C6,
    0x7B7C4CC049C536E,
    0x431801F9DB3AF2C,
    0x41A1504ACD83F24,
    0x6C41DCF2F867D7F
  ]

  defp exro928_jump_state({h, {ss, rs} = sr}) do
    ts = List.duplicate(0, length(ss) + length(rs))
    {h, polyjump(sr, @exro928_jump, ts)}
  end

  defp polyjump(_sr, [], ts), do: {ts, []}
  defp polyjump(sr, [j | js], ts), do: polyjump(sr, js, ts, j)

  defp polyjump(sr, js, ts, 1), do: polyjump(sr, js, ts)

  defp polyjump({ss, rs} = sr, js, ts, j) do
    new_sr = exro928_state_next(sr)
    ts = if band(j, 1) == 1, do: xor_zip(ts, ss ++ :lists.reverse(rs)), else: ts
    polyjump(new_sr, js, ts, j >>> 1)
  end

  defp xor_zip([a | as], [b | bs]), do: [bxor(a, b) | xor_zip(as, bs)]
  defp xor_zip([], []), do: []
end

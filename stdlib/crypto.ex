# The parts of OTP's `:crypto` that scripts use: the digests (`hash/2` and
# the streaming `hash_init/1`, `hash_update/2`, `hash_final/1`, over the
# built-in `:beamlet.digest/2`, vm/src/bif/digest.rs), HMAC (`mac`, `macN`,
# the streaming `mac_init`/`mac_update`/`mac_final`, `pbkdf2_hmac/5`) written
# here over the digests, modular exponentiation, byte helpers and the OS's
# random bytes (`:beamlet.strong_rand_bytes/1`). A streaming state is
# `{:beamlet_hash, alg, iodata_so_far}` or `{:beamlet_mac, alg, key, iodata}`
# (OTP's are opaque references).
defmodule :crypto do
  @moduledoc false

  @algs [:md5, :sha, :sha224, :sha256, :sha384, :sha512]

  @doc "The digest of `data` (iodata) by `alg`: `:md5`, `:sha`, `:sha224`, `:sha256`, `:sha384`, `:sha512`."
  def hash(alg, data) do
    case :beamlet.digest(alg, data) do
      :error -> bad_digest()
      digest -> digest
    end
  end

  @doc "A streaming digest state for `alg`."
  def hash_init(alg) when alg in @algs, do: {:beamlet_hash, alg, []}
  def hash_init(_alg), do: bad_digest()

  @doc "The state with more `data` digested."
  def hash_update({:beamlet_hash, alg, acc}, data) do
    # Checks the data now, as OTP does.
    _ = :erlang.iolist_size(data)
    {:beamlet_hash, alg, [acc | data]}
  end

  @doc "The digest of everything given to the state."
  def hash_final({:beamlet_hash, alg, acc}), do: hash(alg, acc)

  @doc "The digests this module supports."
  def supports(:hashs), do: @algs
  def supports(:macs), do: [:hmac]
  def supports(:public_keys), do: []
  def supports(:ciphers), do: []
  def supports(:curves), do: []
  def supports(:rsa_opts), do: []

  @doc "The algorithm lists: hashs, macs, ..."
  def supports do
    [hashs: @algs, ciphers: [], public_keys: [], macs: [:hmac], curves: [], rsa_opts: []]
  end

  @doc "`%{block_size, size, type}` of a digest (`type` is OpenSSL's number)."
  def hash_info(alg) do
    case alg do
      :md5 -> %{block_size: 64, size: 16, type: 4}
      :sha -> %{block_size: 64, size: 20, type: 64}
      :sha224 -> %{block_size: 64, size: 28, type: 675}
      :sha256 -> %{block_size: 64, size: 32, type: 672}
      :sha384 -> %{block_size: 128, size: 48, type: 673}
      :sha512 -> %{block_size: 128, size: 64, type: 674}
      _ -> :erlang.error(:badarg)
    end
  end

  @doc "The HMAC of `data` under `key` by the digest `sub_type`: `mac(:hmac, sub_type, key, data)`."
  def mac(type, sub_type, key, data) do
    case type do
      :hmac ->
        unless sub_type in @algs,
          do: :erlang.error({:badarg, {'mac.c', 263}, 'Bad digest algorithm for HMAC'})

        hmac(sub_type, :erlang.iolist_to_binary(key), data)

      _ ->
        :erlang.error({:badarg, {'mac.c', 233}, 'Unknown mac algorithm'})
    end
  end

  @doc "A MAC of a type that takes no sub-type (none here but `:hmac`, which needs one)."
  def mac(_type, _key, _data), do: :erlang.error({:badarg, {'mac.c', 233}, 'Unknown mac algorithm'})

  @doc "The first `mac_length` bytes of `mac/4`."
  def macN(type, sub_type, key, data, mac_length) do
    binary_part(mac(type, sub_type, key, data), 0, mac_length)
  end

  @doc "The first `mac_length` bytes of `mac/3`."
  def macN(type, key, data, mac_length), do: binary_part(mac(type, key, data), 0, mac_length)

  @doc "A streaming MAC state."
  def mac_init(:hmac, sub_type, key) do
    _ = mac(:hmac, sub_type, key, "")
    {:beamlet_mac, sub_type, :erlang.iolist_to_binary(key), []}
  end

  def mac_init(_type, _sub_type, _key),
    do: :erlang.error({:badarg, {'mac.c', 233}, 'Unknown mac algorithm'})

  @doc "A streaming MAC state of a type without sub-type."
  def mac_init(_type, _key), do: :erlang.error({:badarg, {'mac.c', 233}, 'Unknown mac algorithm'})

  @doc "The state with more `data`."
  def mac_update({:beamlet_mac, alg, key, acc}, data) do
    _ = :erlang.iolist_size(data)
    {:beamlet_mac, alg, key, [acc | data]}
  end

  @doc "The MAC of everything given to the state."
  def mac_final({:beamlet_mac, alg, key, acc}), do: hmac(alg, key, acc)

  @doc "The first `length` bytes of `mac_final/1`."
  def mac_finalN(state, length), do: binary_part(mac_final(state), 0, length)

  defp hmac(alg, key, data) do
    block = hash_info(alg).block_size
    key = if byte_size(key) > block, do: hash(alg, key), else: key
    key = key <> :binary.copy(<<0>>, block - byte_size(key))
    inner = hash(alg, [exor(key, :binary.copy(<<0x36>>, block)), data])
    hash(alg, [exor(key, :binary.copy(<<0x5C>>, block)), inner])
  end

  @doc "PBKDF2 with HMAC over `digest`: `key_len` bytes derived from `pass` and `salt`."
  def pbkdf2_hmac(digest, pass, salt, iter, key_len)
      when is_integer(iter) and iter > 0 and is_integer(key_len) and key_len > 0 do
    size = hash_info(digest).size
    blocks = div(key_len + size - 1, size)
    pass = :erlang.iolist_to_binary(pass)
    salt = :erlang.iolist_to_binary(salt)

    out =
      for i <- 1..blocks, into: <<>> do
        u1 = hmac(digest, pass, [salt, <<i::32>>])
        pbkdf2_block(digest, pass, u1, u1, iter - 1)
      end

    binary_part(out, 0, key_len)
  end

  def pbkdf2_hmac(_digest, _pass, _salt, _iter, _key_len), do: :erlang.error(:badarg)

  defp pbkdf2_block(_digest, _pass, _u, acc, 0), do: acc

  defp pbkdf2_block(digest, pass, u, acc, n) do
    u = hmac(digest, pass, u)
    pbkdf2_block(digest, pass, u, exor(acc, u), n - 1)
  end

  @doc "`base` to the power `exponent`, modulo `modulo`, as a big-endian binary without leading zeros (integers or big-endian binaries in)."
  def mod_pow(base, exponent, modulo) do
    b = to_int(base)
    e = to_int(exponent)
    m = to_int(modulo)
    if m == 0, do: :erlang.error(:badarg)
    result = pow_mod(rem(b, m), e, m, 1)
    if result == 0, do: "", else: :binary.encode_unsigned(result)
  end

  defp pow_mod(_b, 0, m, acc), do: rem(acc, m)

  defp pow_mod(b, e, m, acc) do
    acc = if rem(e, 2) == 1, do: rem(acc * b, m), else: acc
    pow_mod(rem(b * b, m), div(e, 2), m, acc)
  end

  # OTP's conversion of an argument: a binary is unsigned big-endian; a
  # negative integer becomes its shortest two's-complement bytes.
  defp to_int(bin) when is_binary(bin), do: :binary.decode_unsigned(bin)
  defp to_int(n) when is_integer(n) and n >= 0, do: n
  defp to_int(n) when is_integer(n), do: neg_bytes(n, 1)
  defp to_int(_), do: :erlang.error(:badarg)

  defp neg_bytes(n, bytes) do
    if n >= -Bitwise.bsl(1, bytes * 8 - 1),
      do: n + Bitwise.bsl(1, bytes * 8),
      else: neg_bytes(n, bytes + 1)
  end

  @doc "The unsigned big-endian integer of a binary."
  def bytes_to_integer(bin), do: bin_to_int(bin)

  defp bin_to_int(bin) when is_binary(bin), do: :binary.decode_unsigned(bin)

  @doc "The bytewise exclusive or of two iodata of the same size."
  def exor(data1, data2) do
    a = :erlang.iolist_to_binary(data1)
    b = :erlang.iolist_to_binary(data2)
    if byte_size(a) != byte_size(b), do: :erlang.error(:badarg)
    size = byte_size(a) * 8
    <<x::size(size)>> = a
    <<y::size(size)>> = b
    <<Bitwise.bxor(x, y)::size(size)>>
  end

  @doc "Whether two binaries of the same size are equal, compared in constant time."
  def hash_equals(a, b) when is_binary(a) and is_binary(b) and byte_size(a) == byte_size(b) do
    size = byte_size(a) * 8
    <<x::size(size)>> = a
    <<y::size(size)>> = b
    Bitwise.bxor(x, y) == 0
  end

  def hash_equals(_a, _b), do: :erlang.error(:badarg)

  @doc "`n` random bytes from the operating system."
  def strong_rand_bytes(n) when is_integer(n) and n >= 0, do: :beamlet.strong_rand_bytes(n)
  def strong_rand_bytes(_n), do: :erlang.error(:badarg)

  @doc "A random integer `lo <= x < hi` from the operating system's randomness."
  def rand_uniform(lo, hi) when is_integer(lo) and is_integer(hi) and lo < hi do
    range = hi - lo
    bytes = div(bit_count(range) + 7, 8) + 8
    lo + rem(:binary.decode_unsigned(strong_rand_bytes(bytes)), range)
  end

  def rand_uniform(_lo, _hi), do: :erlang.error(:badarg)

  defp bit_count(0), do: 0
  defp bit_count(n), do: 1 + bit_count(Bitwise.bsr(n, 1))

  @doc "Starts the crypto application (nothing to start here)."
  def start, do: :ok

  @doc "Stops the crypto application."
  def stop, do: :ok

  @doc "OpenSSL's version as OTP 25 reports it."
  def info_lib, do: [{"OpenSSL", 805_306_608, "OpenSSL 3.0.2 15 Mar 2022"}]

  @doc "Whether FIPS mode is on: never."
  def info_fips, do: :not_supported

  defp bad_digest, do: :erlang.error({:badarg, {'hash.c', 108}, 'Bad digest type'})
end

# The digests of OTP's `:crypto` that scripts use: `hash/2` and the
# streaming `hash_init/1`, `hash_update/2`, `hash_final/1`, over the
# built-in `:beamlet.digest/2` (vm/src/bif/digest.rs). A streaming state is
# `{:beamlet_hash, alg, iodata_so_far}` (OTP's is an opaque reference).
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

  defp bad_digest, do: :erlang.error({:badarg, {'hash.c', 108}, 'Bad digest type'})
end

defmodule Version.Requirement do
  @moduledoc "A parsed version requirement (see `Version.parse_requirement/1`)."

  import Kernel, except: [match?: 2]

  # `lexed` is the requirement's operators and versions in order:
  # `[op, {major, minor, patch | nil, pre, build}, :and | :or, op, ...]`.
  defstruct [:source, :lexed]

  @doc false
  # Whether `{major, minor, patch, pre, allow_pre}` satisfies `requirement`:
  # each `or` alternative is a chain of `and`ed conditions.
  def match?(%Version.Requirement{lexed: [operator, req | rest]}, {maj, min, pat, pre, allow_pre}) do
    version = {maj, min, pat, pre}
    any_alternative?([operator, req | rest], version, allow_pre, true)
  end

  defp any_alternative?([op, req | rest], version, allow_pre, acc) do
    acc = acc and condition(op, req, version, allow_pre)

    case rest do
      [] -> acc
      [:and | rest] -> any_alternative?(rest, version, allow_pre, acc)
      [:or | rest] -> acc or any_alternative?(rest, version, allow_pre, true)
    end
  end

  defp condition(:==, req, version, _), do: compare(version, req) == :eq
  defp condition(:!=, req, version, _), do: compare(version, req) != :eq
  defp condition(:<, req, version, _), do: compare(version, req) == :lt
  defp condition(:<=, req, version, _), do: compare(version, req) != :gt
  defp condition(:>, req, version, allow_pre), do: compare(version, req) == :gt and pre_ok?(req, version, allow_pre)
  defp condition(:>=, req, version, allow_pre), do: compare(version, req) != :lt and pre_ok?(req, version, allow_pre)

  # `~> M.m` is `>= M.m.0 and < (M+1).0.0`; `~> M.m.p` is `>= M.m.p and
  # < M.(m+1).0`; never a pre-release of the upper bound.
  defp condition(:~>, {major, minor, nil, pre, build}, {maj, min, pat, _} = version, allow_pre) do
    condition(:>=, {major, minor, 0, pre, build}, version, allow_pre) and {maj, min, pat} < {major + 1, 0, 0}
  end

  defp condition(:~>, {major, minor, _, _, _} = req, {maj, min, pat, _} = version, allow_pre) do
    condition(:>=, req, version, allow_pre) and {maj, min, pat} < {major, minor + 1, 0}
  end

  # Without allow_pre, a pre-release passes a lower bound only when the
  # bound is a pre-release itself.
  defp pre_ok?({_, _, _, req_pre, _}, {_, _, _, pre}, allow_pre) do
    allow_pre or pre == [] or req_pre != []
  end

  defp compare(version, {major, minor, patch, pre, _build}) do
    Version.compare_matchable(version, {major, minor, patch, pre})
  end
end

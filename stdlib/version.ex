# Version: semantic versions (SemVer 2.0) and requirements, as Elixir 1.14's.
# Parsing is in Version.Parser (stdlib/version/parser.ex); a requirement keeps
# its lexed form (`[op, {major, minor, patch | nil, pre, build}, :and | :or, ...]`)
# and `match?/3` evaluates it, `and` binding tighter than `or`.
defmodule Version do
  @moduledoc "Functions for parsing and matching versions against requirements."

  import Kernel, except: [match?: 2]

  @enforce_keys [:major, :minor, :patch]
  defstruct [:major, :minor, :patch, pre: [], build: nil]

  @doc "Whether `version` satisfies `requirement` (`allow_pre: false` keeps pre-releases out unless the requirement names one)."
  def match?(version, requirement, opts \\ [])

  def match?(version, requirement, opts) when is_binary(requirement) do
    __MODULE__.match?(version, parse_requirement!(requirement), opts)
  end

  def match?(version, %Version.Requirement{} = requirement, opts) do
    allow_pre = Keyword.get(opts, :allow_pre, true)
    {major, minor, patch, pre} = to_matchable(version)
    Version.Requirement.match?(requirement, {major, minor, patch, pre, allow_pre})
  end

  @doc "Compares two versions: `:gt`, `:eq` or `:lt` (build metadata is ignored)."
  def compare(version1, version2) do
    compare_matchable(to_matchable(version1), to_matchable(version2))
  end

  @doc false
  def compare_matchable({maj1, min1, pat1, pre1}, {maj2, min2, pat2, pre2}) do
    cond do
      {maj1, min1, pat1} > {maj2, min2, pat2} -> :gt
      {maj1, min1, pat1} < {maj2, min2, pat2} -> :lt
      true -> compare_pre(pre1, pre2)
    end
  end

  # A version without a pre-release comes after its pre-releases.
  defp compare_pre([], []), do: :eq
  defp compare_pre([], _), do: :gt
  defp compare_pre(_, []), do: :lt
  defp compare_pre(pre1, pre2), do: compare_ids(pre1, pre2)

  defp compare_ids([], []), do: :eq
  defp compare_ids([], _), do: :lt
  defp compare_ids(_, []), do: :gt
  defp compare_ids([same | rest1], [same | rest2]), do: compare_ids(rest1, rest2)

  # Numbers sort before strings; strings by bytes.
  defp compare_ids([a | _], [b | _]) when is_integer(a) and is_binary(b), do: :lt
  defp compare_ids([a | _], [b | _]) when is_binary(a) and is_integer(b), do: :gt
  defp compare_ids([a | _], [b | _]) when a > b, do: :gt
  defp compare_ids(_, _), do: :lt

  defp to_matchable(%Version{major: major, minor: minor, patch: patch, pre: pre}) do
    {major, minor, patch, pre}
  end

  defp to_matchable(string) do
    case Version.Parser.parse_version(string) do
      {:ok, {major, minor, patch, pre, _build}} -> {major, minor, patch, pre}
      :error -> raise Version.InvalidVersionError, version: string
    end
  end

  @doc "Parses a version string: `{:ok, %Version{}}` or `:error`."
  def parse(string) when is_binary(string) do
    case Version.Parser.parse_version(string) do
      {:ok, {major, minor, patch, pre, build}} ->
        build = if build == [], do: nil, else: Enum.join(build, ".")
        {:ok, %Version{major: major, minor: minor, patch: patch, pre: pre, build: build}}

      :error ->
        :error
    end
  end

  @doc "Parses a version string, raising `Version.InvalidVersionError` when it is not one."
  def parse!(string) when is_binary(string) do
    case parse(string) do
      {:ok, version} -> version
      :error -> raise Version.InvalidVersionError, version: string
    end
  end

  @doc "Parses a requirement: `{:ok, %Version.Requirement{}}` or `:error`."
  def parse_requirement(string) when is_binary(string) do
    case Version.Parser.parse_requirement(string) do
      {:ok, lexed} -> {:ok, %Version.Requirement{source: string, lexed: lexed}}
      :error -> :error
    end
  end

  @doc "Parses a requirement, raising `Version.InvalidRequirementError` when it is not one."
  def parse_requirement!(string) when is_binary(string) do
    case parse_requirement(string) do
      {:ok, requirement} -> requirement
      :error -> raise Version.InvalidRequirementError, requirement: string
    end
  end

  @doc "Compiles a requirement for faster matching (requirements match fast as they are: it returns it)."
  def compile_requirement(%Version.Requirement{} = requirement), do: requirement

  @doc "The version as a string."
  def to_string(%Version{} = version) do
    pre = if version.pre == [], do: "", else: "-" <> Enum.join(version.pre, ".")
    build = if version.build, do: "+" <> version.build, else: ""
    "#{version.major}.#{version.minor}.#{version.patch}#{pre}#{build}"
  end
end

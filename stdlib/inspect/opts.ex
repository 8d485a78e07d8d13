defmodule Inspect.Opts do
  @moduledoc """
  The options of `inspect/2`, as a struct: `:limit` (items shown of a
  collection), `:printable_limit` (bytes of a string or charlist),
  `:pretty` and `:width` (line breaking), `:base` (`:binary`, `:octal`,
  `:decimal`, `:hex` for integers), `:binaries` and `:charlists` (`:infer`,
  `:as_binaries` / `:as_lists`, `:as_strings` / `:as_charlists`),
  `:structs` (false shows structs as maps), `:safe`, `:syntax_colors`,
  `:custom_options` and `:inspect_fun`.
  """

  defstruct base: :decimal,
            binaries: :infer,
            char_lists: :infer,
            charlists: :infer,
            custom_options: [],
            inspect_fun: &Inspect.inspect/2,
            limit: 50,
            pretty: false,
            printable_limit: 4096,
            safe: true,
            structs: true,
            syntax_colors: [],
            width: 80

  @doc "The options struct for the keyword list `opts`."
  def new(opts) when is_list(opts) do
    struct(%Inspect.Opts{inspect_fun: default_inspect_fun()}, opts)
  end

  @doc "The function `inspect` uses for each term: `Inspect.inspect/2` unless set."
  def default_inspect_fun do
    case :erlang.get({__MODULE__, :inspect_fun}) do
      :undefined -> &Inspect.inspect/2
      fun -> fun
    end
  end

  @doc """
  Sets the function `inspect` uses for each term (for the calling process:
  beamlet keeps it in the process dictionary).
  """
  def default_inspect_fun(fun) when is_function(fun, 2) do
    :erlang.put({__MODULE__, :inspect_fun}, fun)
    :ok
  end
end

defmodule IEx do
  @moduledoc """
  Elixir's interactive shell, as beamlet runs it (`beamlet` with no
  arguments, or `beamlet shell`).

  Each input is evaluated by an evaluator process that keeps the session:
  its variables, its aliases, imports and requires, and the results
  `IEx.Helpers.v/1` reads. Ctrl-C while an input runs kills the evaluator and
  starts a new one with the bindings the session had before that input;
  Ctrl-C at the prompt abandons the input being typed; Ctrl-D (or
  `System.halt/0`) leaves the shell. A crash of a process linked to the
  evaluator is reported and the session goes on with its bindings.
  """

  @doc "Whether the interactive shell is running."
  def started?, do: Process.whereis(IEx.Server) != nil

  @doc "The value a helper returns when the shell should print nothing after it."
  def dont_display_result, do: :"do not show this result in output"

  @doc "Colors `string` with the color of `color` when the shell uses colors."
  def color(color, string) do
    case Keyword.get(IEx.configuration()[:colors], color) do
      nil -> string
      ansi -> if IO.ANSI.enabled?() or colors?(), do: IO.ANSI.format([ansi, string], true) |> IO.iodata_to_binary(), else: string
    end
  end

  @doc "The width the shell prints results in (80 columns at most)."
  def width, do: 80

  @doc "The options the shell inspects results with."
  def inspect_opts do
    base = [pretty: true, width: width()]

    if colors?() do
      [{:syntax_colors, IEx.configuration()[:colors][:syntax_colors]} | base]
    else
      base
    end
  end

  @doc "The shell's configuration (a keyword list): see `configure/1`."
  def configuration do
    defaults = [
      colors: [
        enabled: true,
        eval_result: [:yellow],
        eval_error: [:red],
        eval_info: [:normal],
        stack_info: [:red],
        syntax_colors: [
          atom: :cyan,
          string: :green,
          list: :default_color,
          boolean: :magenta,
          nil: :magenta,
          tuple: :default_color,
          binary: :default_color,
          map: :default_color,
          number: :yellow
        ]
      ],
      default_prompt: "%prefix(%counter)>",
      continuation_prompt: "...(%counter)>",
      history_size: 20,
      inspect: [pretty: true],
      width: 80
    ]

    Keyword.merge(defaults, Application.get_env(:iex, :config, []))
  end

  @doc "Changes the shell's configuration (`:colors`, `:default_prompt`, `:history_size`, ...)."
  def configure(options) when is_list(options) do
    known = [:colors, :inspect, :width, :history_size, :default_prompt, :continuation_prompt, :alive_prompt, :alive_continuation_prompt, :auto_reload, :parser]

    Enum.each(options, fn {key, _} ->
      unless key in known, do: raise(ArgumentError, "unknown IEx configuration #{inspect(key)}")
    end)

    current = Application.get_env(:iex, :config, [])
    Application.put_env(:iex, :config, Keyword.merge(current, options))
  end

  @doc false
  def colors? do
    :beamlet_shell.colors?() and Keyword.get(IEx.configuration()[:colors], :enabled, true)
  end
end

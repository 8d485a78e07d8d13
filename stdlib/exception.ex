# Exception: messages, normalization and formatting of errors, as Elixir
# 1.14's. The built-in exceptions (RuntimeError, KeyError, ...) are the
# VM's: their structs, messages and the normalization of Erlang error
# reasons are built-ins (vm/src/bif/exception.rs); their modules
# (stdlib/runtime_error.ex, ...) only make those callable by name.
defmodule Exception do
  @moduledoc "Functions to format throw/catch/exit and exceptions."

  # The behaviour every defexception module declares.
  @callback exception(term) :: term
  @callback message(term) :: term
  @callback blame(term, term) :: {term, term}
  @optional_callbacks [blame: 2]

  @doc "Whether `term` is an exception struct."
  def exception?(%{__struct__: struct, __exception__: true}) when is_atom(struct), do: true
  def exception?(_), do: false

  @doc "The message of an exception."
  def message(%{__struct__: module, __exception__: true} = exception) when is_atom(module) do
    try do
      exception_message(module, exception)
    rescue
      caught_exception ->
        "got #{inspect(caught_exception.__struct__)} with message " <>
          "#{inspect(message(caught_exception))} while retrieving Exception.message/1 " <>
          "for #{inspect(exception)}. Stacktrace:\n#{format_stacktrace(__STACKTRACE__)}"
    else
      result when is_binary(result) ->
        result

      result ->
        "got #{inspect(result)} " <>
          "while retrieving Exception.message/1 for #{inspect(exception)} " <>
          "(expected a string)"
    end
  end

  defp exception_message(FunctionClauseError, exception), do: function_clause_message(exception)

  defp exception_message(module, exception) do
    cond do
      :beamlet.builtin_exception(module) -> :beamlet.exception_message(exception)
      function_exported?(module, :message, 1) -> module.message(exception)
      true -> :beamlet.exception_message(exception)
    end
  end

  @doc "Normalizes an exception: Erlang error reasons become Elixir exceptions."
  def normalize(kind, payload, stacktrace \\ [])

  def normalize(:error, %{__struct__: struct, __exception__: true} = payload, _stacktrace)
      when is_atom(struct),
      do: payload

  def normalize(:error, payload, stacktrace) do
    stacktrace = if is_list(stacktrace), do: stacktrace, else: []
    :beamlet.normalize(payload, stacktrace)
  end

  def normalize(_kind, payload, _stacktrace), do: payload

  @doc "The banner and the stack trace of an error, throw or exit."
  def format(kind, payload, stacktrace \\ [])

  def format({:EXIT, _} = kind, any, _), do: format_banner(kind, any)

  def format(kind, payload, stacktrace) do
    message = format_banner(kind, payload, stacktrace)

    case stacktrace do
      [] -> message
      _ -> message <> "\n" <> format_stacktrace(stacktrace)
    end
  end

  @doc "The `** (...) ...` banner of an error, throw or exit."
  def format_banner(kind, exception, stacktrace \\ [])

  def format_banner(:error, exception, stacktrace) do
    exception = normalize(:error, exception, stacktrace)
    "** (" <> inspect(exception.__struct__) <> ") " <> message(exception)
  end

  def format_banner(:throw, reason, _stacktrace) do
    "** (throw) " <> inspect(reason)
  end

  def format_banner(:exit, reason, _stacktrace) do
    "** (exit) " <> format_exit(reason, "\n    ")
  end

  def format_banner({:EXIT, pid}, reason, _stacktrace) do
    "** (EXIT from #{inspect(pid)}) " <> format_exit(reason, "\n    ")
  end

  @doc "The text of an exit reason."
  def format_exit(reason) do
    format_exit(reason, "\n    ")
  end

  defp format_exit({exception, maybe_stacktrace} = reason, joiner)
       when is_list(maybe_stacktrace) and maybe_stacktrace !== [] do
    try do
      Enum.map(maybe_stacktrace, &format_stacktrace_entry/1)
    catch
      :error, _ -> format_exit_reason(reason)
    else
      formatted_stacktrace ->
        message =
          "an exception was raised:" <> joiner <> format_banner(:error, exception, maybe_stacktrace)

        Enum.join([message | formatted_stacktrace], joiner <> "    ")
    end
  end

  defp format_exit({:shutdown, {:failed_to_start_child, child, {:EXIT, reason}}}, joiner) do
    format_start_child(child, reason, joiner)
  end

  defp format_exit({:shutdown, {:failed_to_start_child, child, reason}}, joiner) do
    format_start_child(child, reason, joiner)
  end

  defp format_exit({reason2, {mod, fun, args}} = reason, joiner)
       when is_list(args) and length(args) < 256 do
    try do
      format_mfa(mod, fun, args)
    catch
      :error, _ -> format_exit_reason(reason)
    else
      mfa ->
        "exited in: " <>
          mfa <> joiner <> "** (EXIT) " <> format_exit(reason2, joiner <> "    ")
    end
  end

  defp format_exit(reason, _joiner), do: format_exit_reason(reason)

  defp format_exit_reason(:normal), do: "normal"
  defp format_exit_reason(:shutdown), do: "shutdown"
  defp format_exit_reason({:shutdown, reason}), do: "shutdown: #{inspect(reason)}"
  defp format_exit_reason(:calling_self), do: "process attempted to call itself"
  defp format_exit_reason(:timeout), do: "time out"
  defp format_exit_reason(:killed), do: "killed"
  defp format_exit_reason(:noconnection), do: "no connection"

  defp format_exit_reason(:noproc) do
    "no process: the process is not alive or there's no process currently associated with the given name, possibly because its application isn't started"
  end

  defp format_exit_reason({:nodedown, node_name}) when is_atom(node_name) do
    "no connection to #{node_name}"
  end

  defp format_exit_reason({:already_started, pid}), do: "already started: " <> inspect(pid)
  defp format_exit_reason({:bad_return_value, value}), do: "bad return value: " <> inspect(value)
  defp format_exit_reason({:bad_call, request}), do: "bad call: " <> inspect(request)
  defp format_exit_reason({:bad_cast, request}), do: "bad cast: " <> inspect(request)

  defp format_exit_reason({:bad_return, {mod, :init, value}}) when is_atom(mod) do
    format_mfa(mod, :init, 1) <> " returned a bad value: " <> inspect(value)
  end

  defp format_exit_reason({:bad_start_spec, start_spec}) do
    "bad child specification, invalid children: " <> inspect(start_spec)
  end

  defp format_exit_reason({:start_spec, start_spec}) do
    "bad child specification, " <> format_sup_spec(start_spec)
  end

  defp format_exit_reason({:supervisor_data, data}) do
    "bad supervisor configuration, " <> format_sup_data(data)
  end

  defp format_exit_reason(reason), do: inspect(reason)

  defp format_start_child(child, reason, joiner) do
    "shutdown: failed to start child: " <>
      inspect(child) <> joiner <> "** (EXIT) " <> format_exit(reason, joiner <> "    ")
  end

  defp format_sup_data({:invalid_type, type}), do: "invalid type: " <> inspect(type)
  defp format_sup_data({:invalid_strategy, strategy}), do: "invalid strategy: " <> inspect(strategy)

  defp format_sup_data({:invalid_intensity, intensity}),
    do: "invalid max_restarts (intensity): " <> inspect(intensity)

  defp format_sup_data({:invalid_period, period}),
    do: "invalid max_seconds (period): " <> inspect(period)

  defp format_sup_data({:invalid_max_children, max_children}),
    do: "invalid max_children: " <> inspect(max_children)

  defp format_sup_data({:invalid_extra_arguments, extra}),
    do: "invalid extra_arguments: " <> inspect(extra)

  defp format_sup_data(other), do: "got: " <> inspect(other)

  defp format_sup_spec({:duplicate_child_name, id}) do
    """
    more than one child specification has the id: #{inspect(id)}.
    If using maps as child specifications, make sure the :id keys are unique.
    If using a module or {module, arg} as child, use Supervisor.child_spec/2 to change the :id, for example:

        children = [
          Supervisor.child_spec({MyWorker, arg}, id: :my_worker_1),
          Supervisor.child_spec({MyWorker, arg}, id: :my_worker_2)
        ]
    """
  end

  defp format_sup_spec({:invalid_child_spec, child_spec}),
    do: "invalid child specification: " <> inspect(child_spec)

  defp format_sup_spec({:invalid_child_type, type}),
    do: "invalid child type: " <> inspect(type) <> ". Must be :worker or :supervisor."

  defp format_sup_spec({:invalid_mfa, mfa}), do: "invalid mfa: " <> inspect(mfa)

  defp format_sup_spec({:invalid_restart_type, restart}) do
    "invalid restart type: " <>
      inspect(restart) <> ". Must be :permanent, :transient or :temporary."
  end

  defp format_sup_spec({:invalid_shutdown, shutdown}) do
    "invalid shutdown: " <>
      inspect(shutdown) <> ". Must be an integer >= 0, :infinity or :brutal_kill."
  end

  defp format_sup_spec({:invalid_module, mod}),
    do: "invalid module: " <> inspect(mod) <> ". Must be an atom."

  defp format_sup_spec({:invalid_modules, modules}),
    do: "invalid modules: " <> inspect(modules) <> ". Must be a list of atoms or :dynamic."

  defp format_sup_spec(other), do: "got: " <> inspect(other)

  @doc "The stack trace `trace` (or the caller's) as text, one indented entry a line."
  def format_stacktrace(trace \\ nil) do
    trace =
      if trace do
        trace
      else
        case Process.info(self(), :current_stacktrace) do
          {:current_stacktrace, t} -> Enum.drop(t, 3)
        end
      end

    # The entry that carries a BIF's explanation of a badarg is no frame.
    case Enum.reject(trace, &match?({:erlang, :error_info, 0, _}, &1)) do
      [] -> "\n"
      trace -> "    " <> Enum.map_join(trace, "\n    ", &format_stacktrace_entry/1) <> "\n"
    end
  end

  @doc "One entry of a stack trace as text: `file:line: Mod.fun/arity`."
  def format_stacktrace_entry(entry)

  # A script's top level (beamlet names it `__script__`; Elixir `__FILE__`).
  def format_stacktrace_entry({:__script__, :__script__, _, location}) do
    format_location(location) <> "(file)"
  end

  def format_stacktrace_entry({module, :__MODULE__, 0, location}) do
    format_location(location) <> inspect(module) <> " (module)"
  end

  def format_stacktrace_entry({_module, :__MODULE__, 1, location}) do
    format_location(location) <> "(module)"
  end

  def format_stacktrace_entry({_module, :__FILE__, 1, location}) do
    format_location(location) <> "(file)"
  end

  def format_stacktrace_entry({module, fun, arity, location}) do
    format_application(module) <> format_location(location) <> format_mfa(module, fun, arity)
  end

  # A module of an application (the library's modules: Elixir's `elixir`,
  # `ex_unit` once started, `logger`, `iex`; OTP's `stdlib`, `kernel`,
  # `crypto`) is named with it, as in Elixir:
  # `(elixir 1.14.0) stdlib/enum.ex:262: Enum.map/2`.
  # Frames of Elixir's compiler, where a script's top level runs in Elixir
  # (vm/src/frames.rs names them in beamlet's traces, which has no such modules).
  defp format_application(module) when module in [:elixir_compiler, :elixir_lexical, Module.ParallelChecker],
    do: "(elixir #{Application.spec(:elixir, :vsn)}) "

  defp format_application(module) do
    with true <- is_atom(module) and module != :__script__,
         {:module, _} <- :beamlet_compiler.ensure_loaded(module),
         true <- function_exported?(module, :__info__, 1),
         source when is_list(source) <- Keyword.get(module.__info__(:compile), :source),
         true <- :lists.prefix('stdlib/', source),
         app when app != nil <- application_of(Atom.to_string(module)),
         true <- app != :ex_unit or Process.whereis(ExUnit.Server) != nil,
         vsn when vsn != nil <- Application.spec(app, :vsn) do
      "(#{app} #{vsn}) "
    else
      _ -> ""
    end
  end

  @kernel_modules ~w(application code erl_ddll file gen_tcp gen_udp global inet logger os rpc erpc error_logger net_kernel)
  @crypto_modules ~w(crypto)
  @preloaded_modules ~w(erlang erts_internal init prim_file zlib atomics counters persistent_term)

  defp application_of("Elixir.ExUnit" <> _), do: :ex_unit
  defp application_of("Elixir.Logger" <> _), do: :logger
  defp application_of("Elixir.IEx" <> _), do: :iex
  defp application_of("Elixir." <> _), do: :elixir
  defp application_of("beamlet" <> _), do: nil
  defp application_of("elixir_" <> _), do: :elixir
  defp application_of(name) when name in @preloaded_modules, do: nil
  defp application_of(name) when name in @kernel_modules, do: :kernel
  defp application_of(name) when name in @crypto_modules, do: :crypto
  defp application_of(_name), do: :stdlib

  def format_stacktrace_entry({fun, arity, location}) do
    format_location(location) <> format_fa(fun, arity)
  end

  defp format_location(opts) when is_list(opts) do
    format_file_line(Keyword.get(opts, :file), Keyword.get(opts, :line), " ")
  end

  @doc "`fun` and its arity (or arguments) as text: `#Function<...>/1`."
  def format_fa(fun, arity) when is_function(fun) do
    "#{inspect(fun)}#{format_arity(arity)}"
  end

  @doc "`Mod.fun/arity` (or `Mod.fun(args)` given the arguments); closures as `anonymous fn/1 in Mod.fun/2`."
  def format_mfa(module, fun, arity) when is_atom(module) and is_atom(fun) do
    {module, fun} = script_names(module, fun)

    case anonymous_fun_parent(fun) do
      {outer_name, outer_arity} ->
        "anonymous fn#{format_arity(arity)} in " <>
          "#{:beamlet.inspect_atom(:literal, module)}." <>
          "#{:beamlet.inspect_atom(:remote_call, outer_name)}/#{outer_arity}"

      :error ->
        "#{:beamlet.inspect_atom(:literal, module)}." <>
          "#{:beamlet.inspect_atom(:remote_call, fun)}#{format_arity(arity)}"
    end
  end

  # A script's top level is `__script__` here, `:elixir_compiler_0.__FILE__/1` in Elixir.
  defp script_names(:__script__, :__script__), do: {:elixir_compiler_0, :__FILE__}

  defp script_names(:__script__, fun) do
    case Atom.to_string(fun) do
      "-__script__/" <> rest -> {:elixir_compiler_0, String.to_atom("-__FILE__/" <> rest)}
      _ -> {:elixir_compiler_0, fun}
    end
  end

  defp script_names(module, fun), do: {module, fun}

  # `-outer/2-fun-0-` names a closure defined in outer/2: `{:outer, "2"}`.
  defp anonymous_fun_parent(atom) do
    with "-" <> rest <- Atom.to_string(atom),
         [trailing | reversed] = rest |> String.split("/") |> Enum.reverse(),
         [arity, _inner, _count, ""] <- String.split(trailing, "-") do
      {reversed |> Enum.reverse() |> Enum.join("/") |> String.to_atom(), arity}
    else
      _ -> :error
    end
  end

  defp format_arity(arity) when is_list(arity) do
    inspected = for x <- arity, do: inspect(x)
    "(" <> Enum.join(inspected, ", ") <> ")"
  end

  defp format_arity(arity) when is_integer(arity) do
    "/" <> Integer.to_string(arity)
  end

  @doc "`file:line:` and the suffix; `\"\"` without a file."
  def format_file_line(file, line, suffix \\ "") do
    cond do
      file == nil -> ""
      line == nil or line == 0 -> "#{file}:#{suffix}"
      true -> "#{file}:#{line}:#{suffix}"
    end
  end

  @doc "`file:line:column:` and the suffix; `\"\"` without a file."
  def format_file_line_column(file, line, column, suffix \\ "") do
    cond do
      file == nil -> ""
      line == nil or line == 0 -> "#{file}:#{suffix}"
      column == nil or column == 0 -> "#{file}:#{line}:#{suffix}"
      true -> "#{file}:#{line}:#{column}:#{suffix}"
    end
  end

  @doc false
  # The `error_info` callback (OTP's format_error/2 convention) of raised
  # exceptions: the message and the exception's module.
  def format_error(%module{} = exception, _stacktrace) do
    %{general: message(exception), reason: "#" <> Atom.to_string(module)}
  end

  @doc """
  Adds what can be found out about an error: the arguments of a
  FunctionClauseError and the operands of an ArithmeticError, when the
  stack trace has them (its first entry holds the arguments instead of the
  arity). Returns `{exception, stacktrace}`.
  """
  def blame(:error, error, stacktrace) do
    struct = normalize(:error, error, stacktrace)

    case struct do
      %{__struct__: FunctionClauseError} -> blame_function_clause(struct, stacktrace)
      %{__struct__: ArithmeticError} -> blame_arithmetic(struct, stacktrace)
      %{__struct__: UndefinedFunctionError} -> blame_undefined(struct, stacktrace)
      %{__struct__: KeyError} -> blame_key(struct, stacktrace)
      %{__struct__: ArgumentError} -> blame_apply(struct, stacktrace)
      %{__struct__: module} -> blame_module(module, struct, stacktrace)
    end
  end

  def blame(_kind, reason, stacktrace), do: {reason, stacktrace}

  # `apply/3` or `term.fun(...)` on something that is no module or function name:
  # the VM puts `:erlang.apply/3` and its arguments on top of the trace.
  defp blame_apply(exception, stacktrace) do
    case Enum.drop_while(stacktrace, &match?({:erlang, :error_info, _, _}, &1)) do
      [{:erlang, :apply, [module, function, args], _} | _]
      when not is_atom(module) or not is_atom(function) or not is_list(args) ->
        {%{exception | message: apply_message(module, function, args)}, stacktrace}

      [{:erlang, :apply, [module, function, args], _} | _] ->
        if proper_list?(args) do
          {exception, stacktrace}
        else
          {%{exception | message: apply_message(module, function, args)}, stacktrace}
        end

      _ ->
        {exception, stacktrace}
    end
  end

  defp apply_message(module, function, args) do
    cond do
      not proper_list?(args) ->
        "you attempted to apply a function named #{inspect(function)} on module #{inspect(module)} " <>
          "with arguments #{inspect(args)}. " <>
          "Arguments (the third argument of apply) must always be a proper list"

      args == [] and is_atom(function) ->
        "you attempted to apply a function named #{inspect(function)} on #{inspect(module)}. " <>
          "If you are using Kernel.apply/3, make sure the module is an atom. " <>
          "If you are using the dot syntax, such as module.function(), " <>
          "make sure the left-hand side of the dot is a module atom"

      is_atom(module) ->
        "you attempted to apply a function named #{inspect(function)} on module #{inspect(module)}. " <>
          "However #{inspect(function)} is not a valid function name. " <>
          "Function names (the second argument of apply) must always be an atom"

      true ->
        "you attempted to apply a function on #{inspect(module)}. " <>
          "Modules (the first argument of apply) must always be an atom"
    end
  end

  defp proper_list?([]), do: true
  defp proper_list?([_ | t]), do: proper_list?(t)
  defp proper_list?(_), do: false

  defp blame_module(module, struct, stacktrace) do
    if not :beamlet.builtin_exception(module) and function_exported?(module, :blame, 2) do
      module.blame(struct, stacktrace)
    else
      {struct, stacktrace}
    end
  end

  defp blame_function_clause(%{module: module, function: function, arity: arity} = exception, stacktrace) do
    case stacktrace do
      [{^module, ^function, args, meta} | rest] when is_list(args) and length(args) == arity ->
        exception =
          case blame_mfa(module, function, args) do
            {:ok, kind, clauses} -> %{exception | args: args, kind: kind, clauses: clauses}
            :error -> %{exception | args: args}
          end

        {exception, [{module, function, arity, meta} | rest]}

      stacktrace ->
        {exception, stacktrace}
    end
  end

  defp blame_arithmetic(%{message: message} = exception, [{:erlang, fun, args, _} | _] = stacktrace)
       when is_list(args) do
    operands =
      case {fun, args} do
        {op, [a]} when op in [:+, :-] ->
          ": #{op}(#{inspect(a)})"

        {op, [a, b]} when op in [:+, :-, :*, :/] ->
          ": #{inspect(a)} #{op} #{inspect(b)}"

        {fun, [a, b]} when fun in [:div, :rem] ->
          ": #{fun}(#{inspect(a)}, #{inspect(b)})"

        {fun, [a, b]} when fun in [:band, :bor, :bxor, :bsl, :bsr] ->
          ": Bitwise.#{fun}(#{inspect(a)}, #{inspect(b)})"

        {:bnot, [a]} ->
          ": Bitwise.bnot(#{inspect(a)})"

        _ ->
          ""
      end

    {%{exception | message: message <> operands}, stacktrace}
  end

  defp blame_arithmetic(exception, stacktrace), do: {exception, stacktrace}

  @threshold 0.77
  @max_suggestions 5

  # A missing function: the functions of the module with a name close to it
  # (or its other arities), or a hint for a call on nil.
  defp blame_undefined(%{module: nil, function: function, arity: arity} = exception, stacktrace)
       when is_atom(function) and is_integer(arity) do
    hint =
      ". If you are using the dot syntax, such as module.function(), " <>
        "make sure the left-hand side of the dot is a module atom"

    {%{exception | message: message(%{exception | message: nil}) <> hint}, stacktrace}
  end

  defp blame_undefined(%{module: module, function: function, arity: arity} = exception, stacktrace)
       when is_atom(module) and is_atom(function) and is_integer(arity) do
    base = message(%{exception | message: nil})

    hint =
      cond do
        macro_exported?(module, function, arity) ->
          ". However there is a macro with the same name and arity. " <>
            "Be sure to require #{inspect(module)} if you intend to invoke this macro"

        removed = otp_removed(module, function, arity) ->
          ", " <> removed

        true ->
          behaviour_hint(module, function, arity) <> did_you_mean_function(module, function)
      end

    {%{exception | message: base <> hint}, stacktrace}
  end

  defp blame_undefined(exception, stacktrace), do: {exception, stacktrace}

  # Functions OTP removed, with what OTP 25 says to use instead (its
  # `otp_internal:obsolete/3`), for the modules a program is likely to call.
  defp otp_removed(:erlang, :hash, 2), do: "use erlang:phash2/2 instead"

  defp otp_removed(:erlang, :get_stacktrace, 0),
    do: "use the new try/catch syntax for retrieving the stack backtrace"

  defp otp_removed(:crypto, :hmac, 3), do: "use crypto:mac/4 instead"
  defp otp_removed(:crypto, :hmac, 4), do: "use crypto:macN/5 instead"
  defp otp_removed(:crypto, :hmac_init, 2), do: "use crypto:mac_init/3 instead"
  defp otp_removed(:crypto, :cmac, 3), do: "use crypto:mac/4 instead"

  defp otp_removed(:crypto, fun, 3) when fun in [:block_encrypt, :block_decrypt],
    do:
      "use crypto:crypto_one_time/4 or crypto:crypto_init/3 + crypto:crypto_update/2 + crypto:crypto_final/1 instead"

  defp otp_removed(:crypto, fun, 4) when fun in [:block_encrypt, :block_decrypt],
    do:
      "use crypto:crypto_one_time/5, crypto:crypto_one_time_aead/6,7 or crypto:crypto_(dyn_iv)?_init + crypto:crypto_(dyn_iv)?_update + crypto:crypto_final instead"

  defp otp_removed(_module, _function, _arity), do: nil

  defp did_you_mean_function(module, function) do
    exports = module_exports(module)

    suggestions =
      case Enum.filter(exports, fn {name, _} -> name == function end) do
        [] ->
          base = Atom.to_string(function)

          for {name, arity} <- exports,
              distance = String.jaro_distance(base, Atom.to_string(name)),
              distance >= @threshold,
              do: {distance, name, arity}

        same_name ->
          for {name, arity} <- same_name, do: {1.0, name, arity}
      end

    case best_suggestions(suggestions) do
      [] ->
        ""

      best ->
        ". Did you mean:\n\n" <>
          Enum.map_join(best, fn {_, name, arity} ->
            "      * #{:beamlet.inspect_atom(:remote_call, name)}/#{arity}\n"
          end)
    end
  end

  # A (not optional) callback of one of the module's behaviours that the module lacks.
  defp behaviour_hint(module, function, arity) do
    behaviours =
      if Code.ensure_loaded?(module) and function_exported?(module, :module_info, 1) do
        Keyword.get_values(module.module_info(:attributes), :behaviour) |> Enum.concat()
      else
        []
      end

    expects =
      Enum.find(behaviours, fn behaviour ->
        Code.ensure_loaded?(behaviour) and function_exported?(behaviour, :behaviour_info, 1) and
          {function, arity} in behaviour.behaviour_info(:callbacks) and
          {function, arity} not in behaviour.behaviour_info(:optional_callbacks)
      end)

    case expects do
      nil -> ""
      behaviour -> ", but the behaviour #{inspect(behaviour)} expects it to be present"
    end
  rescue
    _ -> ""
  end

  defp module_exports(module) do
    cond do
      not Code.ensure_loaded?(module) -> []
      function_exported?(module, :__info__, 1) -> module.__info__(:functions)
      true -> []
    end
  rescue
    _ -> []
  end

  # The closest suggestions, at most five, in order of name.
  defp best_suggestions(suggestions) do
    suggestions
    |> Enum.sort_by(fn {distance, _, _} -> -distance end)
    |> Enum.take(@max_suggestions)
    |> Enum.sort_by(fn {_, name, arity} -> {name, arity} end)
  end

  # A missing key: its message, with the atom keys close to it.
  defp blame_key(%{message: nil, key: key, term: term} = exception, stacktrace)
       when is_map(term) or is_list(term) do
    base = message(exception)

    hint =
      if is_atom(key) do
        did_you_mean_key(key, available_keys(term))
      else
        ""
      end

    {%{exception | message: base <> hint}, stacktrace}
  end

  defp blame_key(%{message: nil} = exception, stacktrace) do
    {%{exception | message: message(exception)}, stacktrace}
  end

  defp blame_key(exception, stacktrace), do: {exception, stacktrace}

  defp available_keys(%{__struct__: _} = struct), do: struct |> Map.from_struct() |> Map.keys()
  defp available_keys(map) when is_map(map), do: Map.keys(map)

  defp available_keys(list) do
    for {key, _} <- list, is_atom(key), do: key
  end

  defp did_you_mean_key(key, keys) do
    base = Atom.to_string(key)

    suggestions =
      for candidate <- keys,
          is_atom(candidate),
          distance = String.jaro_distance(base, Atom.to_string(candidate)),
          distance >= @threshold,
          do: {distance, candidate, nil}

    case best_suggestions(suggestions) do
      [] -> ""
      best -> ". Did you mean:\n\n" <> Enum.map_join(best, fn {_, k, _} -> "      * #{inspect(k)}\n" end)
    end
  end

  # Elixir 1.14's clauses of the library functions a bad argument (often
  # nil) reaches most, as its debug information has them: Elixir shows
  # them blamed ("Attempted function clauses"), beamlet's own clauses differ.
  @library_clauses %{
    {String, :length, 1} => ["length(string) when is_binary(string)"],
    {String, :upcase, 2} => [
      ~S|upcase("", _mode)|,
      "upcase(string, :default) when is_binary(string)",
      "upcase(string, :ascii) when is_binary(string)",
      "upcase(string, mode) when is_binary(string) and mode === :greek or mode === :turkic"
    ],
    {String, :downcase, 2} => [
      ~S|downcase("", _mode)|,
      "downcase(string, :default) when is_binary(string)",
      "downcase(string, :ascii) when is_binary(string)",
      "downcase(string, mode) when is_binary(string) and mode === :greek or mode === :turkic"
    ],
    {String, :split, 3} => [
      "split(string, %Regex{} = pattern, options) when is_binary(string) and is_list(options)",
      ~S|split(string, "", options) when is_binary(string) and is_list(options)|,
      "split(string, [], options) when is_binary(string) and is_list(options)",
      "split(string, pattern, options) when is_binary(string) and is_list(options)"
    ],
    {String, :trim, 1} => ["trim(string) when is_binary(string)"],
    {String, :graphemes, 1} => ["graphemes(string) when is_binary(string)"],
    {String, :reverse, 1} => ["reverse(string) when is_binary(string)"],
    {String, :codepoints, 1} => ["codepoints(string) when is_binary(string)"],
    {String, :to_charlist, 1} => ["to_charlist(string) when is_binary(string)"],
    {String, :capitalize, 2} => [
      "capitalize(<<char, rest::binary>>, :ascii)",
      "capitalize(string, mode) when is_binary(string)"
    ],
    {String, :starts_with?, 2} => [
      "starts_with?(string, prefix) when is_binary(string) and is_binary(prefix)",
      "starts_with?(string, prefix) when is_binary(string) and is_list(prefix)",
      "starts_with?(string, prefix) when is_binary(string)"
    ],
    {String, :contains?, 2} => [
      "contains?(string, contents) when is_binary(string) and is_list(contents)",
      "contains?(string, contents) when is_binary(string)"
    ],
    {String, :at, 2} => [
      "at(string, position) when is_binary(string) and is_integer(position) and position >= 0",
      "at(string, position) when is_binary(string) and is_integer(position) and position < 0"
    ],
    {String, :replace, 4} => [
      "replace(subject, pattern, replacement, options) when is_binary(subject) and is_binary(replacement) or is_function(replacement, 1) and is_list(options)"
    ],
    {String, :slice, 3} => [
      "slice(_, _, 0)",
      "slice(string, start, length) when is_binary(string) and is_integer(start) and is_integer(length) and start >= 0 and length >= 0",
      "slice(string, start, length) when is_binary(string) and is_integer(start) and is_integer(length) and start < 0 and length >= 0"
    ],
    {Enum, :join, 2} => [
      ~S|join(enumerable, "")|,
      "join(enumerable, joiner) when is_list(enumerable) and is_binary(joiner)",
      "join(enumerable, joiner) when is_binary(joiner)"
    ],
    {Integer, :parse, 2} => [
      "parse(_binary, base) when not (is_integer(base) and (base >= 2 and base <= 36))",
      "parse(binary, base) when is_binary(binary)"
    ],
    {Integer, :digits, 2} => [
      "digits(integer, base) when is_integer(integer) and is_integer(base) and base >= 2"
    ],
    {Keyword, :get, 3} => ["get(keywords, key, default) when is_list(keywords) and is_atom(key)"],
    {List, :first, 2} => ["first([], default)", "first([head | _], _default)"]
  }

  @doc "The clauses of `module.function` that `args` fail to match: for the library functions Elixir's (`@library_clauses`); `:error` for others (it needs a module's debug information, which a script's modules have not in Elixir)."
  def blame_mfa(module, function, args)
      when is_atom(module) and is_atom(function) and is_list(args) do
    case Map.fetch(@library_clauses, {module, function, length(args)}) do
      {:ok, sources} -> {:ok, :def, Enum.map(sources, &blame_clause(&1, args))}
      :error -> :error
    end
  end

  # A clause's arguments as text (an argument that does not match as
  # `-pattern-`) and its guard, its false conditions marked alike.
  defp blame_clause(source, args) do
    {{_name, _, patterns}, guard} =
      case Code.string_to_quoted!(source) do
        {:when, _, [head, guard]} -> {head, guard}
        head -> {head, nil}
      end

    {texts, binding} =
      Enum.map_reduce(Enum.zip(patterns, args), [], fn {pattern, value}, binding ->
        case blame_match(pattern, value) do
          {:ok, vars} -> {Macro.to_string(pattern), binding ++ vars}
          :error -> {"-" <> Macro.to_string(pattern) <> "-", binding}
        end
      end)

    {:text, texts, if(guard, do: [blame_guard(guard, binding)], else: [])}
  end

  defp blame_match(pattern, value) do
    subject = {:blamed_value__, [], nil}
    clauses = [{:->, [], [[pattern], {:binding, [], []}]}, {:->, [], [[{:_, [], nil}], :error]}]

    case Code.eval_quoted({:case, [], [subject, [do: clauses]]}, blamed_value__: value) do
      {:error, _} -> :error
      {vars, _} -> {:ok, Keyword.delete(vars, :blamed_value__)}
    end
  end

  defp blame_guard({op, meta, [left, right]}, binding) when op in [:and, :or],
    do: {op, meta, [blame_guard(left, binding), blame_guard(right, binding)]}

  defp blame_guard(expr, binding) do
    value =
      try do
        elem(Code.eval_quoted(expr, binding), 0)
      rescue
        _ -> false
      end

    if value == true, do: expr, else: {:blamed__, expr}
  end

  defp guard_text({op, _, [left, right]}) when op in [:and, :or],
    do: "#{guard_side(left, op)} #{op} #{guard_side(right, op)}"

  defp guard_text({:blamed__, expr}), do: "-" <> Macro.to_string(expr) <> "-"
  defp guard_text(expr), do: Macro.to_string(expr)

  defp guard_side({:or, _, _} = expr, :and), do: "(" <> guard_text(expr) <> ")"
  defp guard_side(expr, _), do: guard_text(expr)

  # FunctionClauseError's message, with the arguments once blamed.
  defp function_clause_message(%{function: nil}), do: "no function clause matches"

  defp function_clause_message(%{module: module, function: function, arity: arity} = exception) do
    "no function clause matching in " <>
      format_mfa(module, function, arity) <> function_clause_blame(exception)
  end

  defp function_clause_blame(%{args: nil}), do: ""

  defp function_clause_blame(exception) do
    %{module: module, function: function, arity: arity, kind: kind, args: args, clauses: clauses} =
      exception

    mfa = format_mfa(module, function, arity)

    format_clause = fn
      {:text, texts, guards} ->
        base = "    #{kind} #{function}(#{Enum.join(texts, ", ")})"
        Enum.reduce(guards, base, fn guard, acc -> "#{acc} when #{guard_text(guard)}" end) <> "\n"

      {args, guards} ->
        args = Enum.map_join(args, ", ", &Macro.to_string/1)
        base = "    #{kind} #{function}(#{args})"
        Enum.reduce(guards, base, fn guard, acc -> "#{acc} when #{Macro.to_string(guard)}" end) <> "\n"
    end

    "\n\nThe following arguments were given to #{mfa}:\n" <>
      format_args(args) <> format_clauses(clauses, format_clause, 10)
  end

  defp format_args(args) do
    args
    |> Enum.with_index(1)
    |> Enum.map_join(fn {arg, i} ->
      pad("\n# ") <> Integer.to_string(i) <> pad("\n") <> pad(inspect(arg)) <> "\n"
    end)
  end

  defp format_clauses(nil, _, _), do: ""
  defp format_clauses([], _, _), do: ""

  defp format_clauses(clauses, format_clause, limit) do
    top_clauses = Enum.map(Enum.take(clauses, limit), format_clause)
    count = length(clauses)

    "\nAttempted function clauses (showing #{length(top_clauses)} out of #{count}):" <>
      "\n\n" <> Enum.join(top_clauses) <> non_visible_clauses(count - limit)
  end

  defp non_visible_clauses(n) when n <= 0, do: ""
  defp non_visible_clauses(1), do: "    ...\n    (1 clause not shown)\n"
  defp non_visible_clauses(n), do: "    ...\n    (#{n} clauses not shown)\n"

  defp pad(string), do: String.replace(string, "\n", "\n    ")
end

defmodule Protocol do
  @moduledoc """
  Protocols: polymorphism by the type of a function's first argument.

  `defprotocol` (a Kernel macro) defines a module whose functions find the
  implementation for their first argument and call it; `defimpl` defines an
  implementation module named after the protocol and the type
  (`Size.BitString`, `Size.User`). Finding the implementation is
  `impl_for/1`, a built-in (`:beamlet.protocol_impl/3`) that caches its
  answer by type, so a warm call costs about a local call more. Protocols
  are never consolidated: `__protocol__(:impls)` is `:not_consolidated`.
  """

  @builtin [
    Atom,
    BitString,
    Float,
    Function,
    Integer,
    List,
    Map,
    PID,
    Port,
    Reference,
    Tuple,
    Any
  ]

  @doc false
  # The body of `defprotocol name do block end`.
  def __protocol__(name, do_block) do
    block = Keyword.get(do_block, :do)
    {exprs, funs} = protocol_body(block, [], [])

    exprs =
      if funs == [] do
        exprs ++ [warn("protocols must define at least one function, but none was defined")]
      else
        exprs
      end

    functions = Enum.sort(funs)

    quote do
      defmodule unquote(name) do
        @fallback_to_any false
        unquote_splicing(exprs)
        Module.register_attribute(__MODULE__, :__protocol__, persist: true)
        @__protocol__ [fallback_to_any: @fallback_to_any]

        @doc false
        def __protocol__(:module), do: __MODULE__
        def __protocol__(:functions), do: unquote(functions)
        def __protocol__(:consolidated?), do: false
        def __protocol__(:impls), do: :not_consolidated

        @doc "The module implementing this protocol for `data`, or `nil`."
        def impl_for(data), do: :beamlet.protocol_impl(__MODULE__, data, @fallback_to_any)

        @doc "The module implementing this protocol for `data`; raises `Protocol.UndefinedError` if none."
        def impl_for!(data) do
          case :beamlet.protocol_impl(__MODULE__, data, @fallback_to_any) do
            nil -> raise Protocol.UndefinedError, protocol: __MODULE__, value: data
            impl -> impl
          end
        end
      end
    end
  end

  # The protocol's body, each `def name(args)` turned into a function
  # dispatching on its first argument; returns the expressions and the
  # `{name, arity}` of the functions.
  defp protocol_body({:__block__, _, exprs}, acc, funs) do
    Enum.reduce(exprs, {acc, funs}, fn e, {acc, funs} -> protocol_expr(e, acc, funs) end)
    |> then(fn {acc, funs} -> {Enum.reverse(acc), funs} end)
  end

  defp protocol_body(nil, acc, funs), do: {acc, funs}

  defp protocol_body(expr, acc, funs) do
    {acc, funs} = protocol_expr(expr, acc, funs)
    {Enum.reverse(acc), funs}
  end

  defp protocol_expr({:def, meta, [{name, _, args}]}, acc, funs) when is_atom(name) do
    args = if is_list(args), do: args, else: []

    if args == [] do
      raise ArgumentError, "protocol functions expect at least one argument"
    end

    vars =
      args
      |> Enum.with_index(1)
      |> Enum.map(fn
        {{:\\, _, [_, default]}, i} -> {:default, Macro.var(:"arg#{i}", __MODULE__), default}
        {_, i} -> {:plain, Macro.var(:"arg#{i}", __MODULE__), nil}
      end)

    head =
      Enum.map(vars, fn
        {:default, v, d} -> {:\\, [], [v, d]}
        {:plain, v, _} -> v
      end)

    call_args = Enum.map(vars, fn {_, v, _} -> v end)
    [first | _] = call_args
    arity = length(args)
    types = List.duplicate(quote(do: term), arity)

    dispatch =
      quote line: Keyword.get(meta, :line, 0) do
        @callback unquote(name)(unquote_splicing(types)) :: term
        def unquote(name)(unquote_splicing(head)) do
          # The ProtocolCall instruction: the implementation's function,
          # cached per thread by type; impl_for!/1 raises when there is none.
          :beamlet.protocol_call(__MODULE__, unquote(name), @fallback_to_any, unquote_splicing(call_args))
        end
      end

    {[dispatch | acc], [{name, arity} | funs]}
  end

  defp protocol_expr({:def, _, _} = other, _acc, _funs) do
    raise ArgumentError, "invalid arguments for def inside defprotocol: #{Macro.to_string(other)}"
  end

  defp protocol_expr({:@, _, [{kind, _, [spec]}]} = attr, acc, funs)
       when kind in [:callback, :macrocallback] do
    message =
      "cannot define @#{kind} #{callback_name(spec)} inside protocol, use def/1 to outline your protocol definition"

    {[warn(message), attr | acc], funs}
  end

  defp protocol_expr({:@, _, [{:optional_callbacks, _, _}]}, acc, funs) do
    message = "cannot define @optional_callbacks inside protocol, all of the protocol definitions are required"
    {[warn(message) | acc], funs}
  end

  # A warning printed when the protocol's body runs.
  defp warn(message), do: quote(do: IO.warn(unquote(message), []))

  defp protocol_expr(other, acc, funs), do: {[other | acc], funs}

  defp callback_name({:when, _, [spec, _]}), do: callback_name(spec)
  defp callback_name({:"::", _, [{name, _, args}, _]}) when is_atom(name) do
    "#{name}/#{if is_list(args), do: length(args), else: 0}"
  end
  defp callback_name(other), do: Macro.to_string(other)

  @doc false
  # The body of `defimpl protocol, opts, do_block` in `env`.
  def __impl__(protocol, opts, do_block, env) do
    opts = Keyword.merge(opts, do_block)

    target =
      case Keyword.fetch(opts, :for) do
        {:ok, target} ->
          target

        :error ->
          if env.module do
            env.module
          else
            raise ArgumentError, "defimpl/3 expects a :for option when declared outside a module"
          end
      end

    block = Keyword.get(opts, :do)
    protocol = Macro.expand(protocol, env)

    case Macro.expand(target, env) do
      targets when is_list(targets) ->
        impls = Enum.map(targets, fn t -> impl_module(protocol, Macro.expand(t, env), block) end)
        {:__block__, [], impls}

      target ->
        impl_module(protocol, target, block)
    end
  end

  defp impl_module(protocol, target, block) when is_atom(protocol) and is_atom(target) do
    name = Module.concat(protocol, target)

    quote do
      Protocol.assert_protocol!(unquote(protocol))

      defmodule unquote(name) do
        @behaviour unquote(protocol)
        @protocol unquote(protocol)
        @for unquote(target)
        unquote(block)
        Module.register_attribute(__MODULE__, :__impl__, persist: true)
        @__impl__ [protocol: unquote(protocol), for: unquote(target)]

        @doc false
        def __impl__(:for), do: unquote(target)
        def __impl__(:target), do: __MODULE__
        def __impl__(:protocol), do: unquote(protocol)
      end
    end
  end

  defp impl_module(protocol, target, _block) do
    raise ArgumentError,
          "defimpl expects the protocol and :for to be module names, got: #{Macro.to_string(protocol)} and #{Macro.to_string(target)}"
  end

  @doc """
  Checks that `module` is a protocol (loaded, defining `__protocol__/1`);
  raises `ArgumentError` if not.
  """
  def assert_protocol!(module) when is_atom(module) do
    case Code.ensure_compiled(module) do
      {:module, _} -> :ok
      _ -> raise ArgumentError, "#{inspect(module)} is not available"
    end

    if not function_exported?(module, :__protocol__, 1) do
      raise ArgumentError, "#{inspect(module)} is not a protocol"
    end

    :ok
  end

  @doc """
  Checks that `base` is an implementation of `protocol`; raises
  `ArgumentError` if not.
  """
  def assert_impl!(protocol, base) when is_atom(protocol) and is_atom(base) do
    impl = Module.concat(protocol, base)

    case Code.ensure_compiled(impl) do
      {:module, _} -> :ok
      _ -> raise ArgumentError, "#{inspect(impl)} is not available"
    end

    if not function_exported?(impl, :__impl__, 1) do
      raise ArgumentError, "#{inspect(impl)} is not an implementation of a protocol"
    end

    if impl.__impl__(:protocol) != protocol do
      raise ArgumentError,
            "expected #{inspect(impl)} to be an implementation of #{inspect(protocol)}" <>
              ", got: #{inspect(impl.__impl__(:protocol))}"
    end

    :ok
  end

  @doc "Protocols are never consolidated here: always `false`."
  def consolidated?(protocol) when is_atom(protocol), do: protocol.__protocol__(:consolidated?)

  @doc "The built-in types a protocol can be implemented for."
  def __builtin__, do: @builtin

  @doc """
  Derives `protocol` for the struct module `module` (already defined), as
  `@derive` would, passing `options` to the protocol's `__deriving__/3`.
  """
  defmacro derive(protocol, module, options \\ []) do
    quote do
      module = unquote(module)
      Protocol.__derive_each__([{unquote(protocol), unquote(options)}], module, module.__struct__(), __ENV__)
    end
  end

  @doc false
  # After `defstruct`: the `@derive`d protocols of the module being
  # defined. Returns the struct.
  def __derive__(struct, module, file, line) do
    env = %Macro.Env{module: module, file: file, line: line}

    case Module.get_attribute(module, :derive) do
      derives when derives in [nil, []] ->
        struct

      derives ->
        Module.delete_attribute(module, :derive)
        derives = derives |> Enum.reverse() |> List.flatten()
        __derive_each__(derives, module, struct, env)
        struct
    end
  end

  @doc false
  def __derive_each__(derives, module, struct, env) do
    Enum.each(derives, fn derive ->
      {protocol, opts} =
        case derive do
          {protocol, opts} -> {protocol, opts}
          protocol -> {protocol, []}
        end

      assert_protocol!(protocol)
      derive_one(protocol, module, struct, opts, env)
    end)

    :ok
  end

  defp derive_one(protocol, module, struct, opts, env) do
    any = Module.concat(protocol, Any)

    case Code.ensure_compiled(any) do
      {:module, _} ->
        :ok

      _ ->
        raise ArgumentError,
              "could not load module #{inspect(any)} due to reason :nofile, cannot derive #{inspect(protocol)} for #{inspect(module)}"
    end

    if macro_exported?(any, :__deriving__, 3) do
      # The macro gets the values themselves (not code), as Elixir passes them.
      env = %{env | module: nil, function: nil, versioned_vars: %{}}
      quoted = apply(any, :"MACRO-__deriving__", [env, module, struct, opts])
      Code.eval_quoted(quoted, [], env)
    else
      delegates =
        for {name, arity} <- protocol.__protocol__(:functions) do
          args = Macro.generate_arguments(arity, __MODULE__)

          quote do
            def unquote(name)(unquote_splicing(args)), do: unquote(any).unquote(name)(unquote_splicing(args))
          end
        end

      body =
        quote do
          Module.register_attribute(__MODULE__, :__impl__, persist: true)
          @__impl__ [protocol: unquote(protocol), for: unquote(module)]
          unquote_splicing(delegates)
          def __impl__(:for), do: unquote(module)
          def __impl__(:target), do: unquote(any)
          def __impl__(:protocol), do: unquote(protocol)
        end

      Module.create(Module.concat(protocol, module), body, %{env | module: nil, function: nil, versioned_vars: %{}})
    end
  end
end

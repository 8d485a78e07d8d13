# Stream: lazy enumerables, Elixir 1.14's functions.
#
# How a stream runs. A *reduce* is a function `(command, reducer) -> result`
# with the Enumerable protocol's commands (`{:cont | :halt | :suspend, acc}`)
# and results (`{:done | :halted, acc}`, `{:suspended, acc, continuation}`).
# A *stage* turns the reduce of what comes before it into the reduce of what
# comes after it. `%Stream{enum: e, funs: stages}` is the enumerable `e` with
# its stages in the order they apply; reducing it builds the chain of reduces
# (`__reduce__/3`) and runs it. Stages that need no state (map, filter, ...)
# only wrap the reducer. Stages with state (take, chunk_every, transform, ...)
# go through one engine (`transformer/5`): a step function answers, for each
# element, the elements to emit and the new state, or `{:halt, state}`, and
# the engine handles a consumer that halts or suspends in the middle of an
# emission, the elements emitted at the end (`last`) and the function run
# once the stream is finished (`after`), even when an error goes through.
#
# While a stateful stage runs, the accumulator it hands upstream is
# `{acc, tag, state}`: `tag` says why the traversal stopped (`:down`, the
# consumer halted; `:self`, the stage itself), or, while the consumer is
# suspended in the middle of an emission, `{:pending, continuation, mode}`.
defmodule Stream do
  @moduledoc """
  Lazy, composable enumerables: each function returns a stream that does its
  work only when an `Enum` function (or `Stream.run/1`) traverses it.
  """

  defstruct enum: nil, funs: [], accs: [], done: nil

  # ---- the pipeline ----

  defp lazy(%Stream{funs: funs} = stream, stage), do: %{stream | funs: funs ++ [stage]}
  defp lazy(enumerable, stage), do: %Stream{enum: enumerable, funs: [stage]}

  # A stream returned as a function (as Elixir returns some of them).
  defp lazy_fun(enumerable, stage) do
    fn acc, fun -> stage.(base(enumerable)).(acc, fun) end
  end

  defp base(enumerable), do: fn acc, fun -> Enumerable.reduce(enumerable, acc, fun) end

  @doc false
  # Enumerable.reduce/3 of a %Stream{}.
  def __reduce__(%Stream{enum: enumerable, funs: funs}, acc, fun) do
    :lists.foldl(fn stage, reduce -> stage.(reduce) end, base(enumerable), funs).(acc, fun)
  end

  # A stage that only wraps the reducer: `wrap.(f)` is the new reducer.
  defp stateless(wrap) do
    fn reduce -> fn acc, f -> reduce.(acc, wrap.(f)) end end
  end

  # ---- emitting elements to the consumer ----

  # Hands `elements` (a list or any enumerable) to the reducer `f`: answers
  # `{:cont, acc}` once all went through, `{:halt, acc}` when `f` halted, or
  # `{:suspend, acc, k}` when `f` suspended, `k` taking the next command.
  defp emit([], acc, _f), do: {:cont, acc}

  defp emit([x | rest], acc, f) do
    case f.(x, acc) do
      {:cont, acc} -> emit(rest, acc, f)
      {:halt, acc} -> {:halt, acc}
      {:suspend, acc} -> {:suspend, acc, list_k(rest, f)}
    end
  end

  defp emit(enumerable, acc, f) do
    reducer = fn x, {:in, acc} ->
      case f.(x, acc) do
        {:cont, acc} -> {:cont, {:in, acc}}
        {:halt, acc} -> {:halt, {:out, acc}}
        {:suspend, acc} -> {:suspend, {:in, acc}}
      end
    end

    emitted(Enumerable.reduce(enumerable, {:cont, {:in, acc}}, reducer))
  end

  defp list_k(rest, f) do
    fn
      {:cont, acc} -> emit(rest, acc, f)
      {:halt, acc} -> {:halt, acc}
      {:suspend, acc} -> {:suspend, acc, list_k(rest, f)}
    end
  end

  # An inner enumerable that halted by itself is done, not a consumer halt.
  defp emitted({:done, {_, acc}}), do: {:cont, acc}
  defp emitted({:halted, {:out, acc}}), do: {:halt, acc}
  defp emitted({:halted, {:in, acc}}), do: {:cont, acc}
  defp emitted({:suspended, {:in, acc}, cont}), do: {:suspend, acc, enum_k(cont)}

  defp enum_k(cont) do
    fn
      {:cont, acc} ->
        emitted(cont.({:cont, {:in, acc}}))

      {:halt, acc} ->
        cont.({:halt, {:out, acc}})
        {:halt, acc}

      {:suspend, acc} ->
        {:suspend, acc, enum_k(cont)}
    end
  end

  # ---- the engine of stateful stages ----

  # `init.()` gives the state when a traversal starts; `step.(x, state)`
  # answers `{elements, state}`, `{:halt, state}`, or `{:stop, elements,
  # state}` (emit, then stop); `last.(state)` answers `{elements, state}`
  # emitted when the upstream is finished (not when the consumer halted);
  # `after_fun.(state)` runs once at the end, also on errors.
  defp transformer(init, step, last, after_fun) do
    fn reduce ->
      fn {cmd, acc}, f ->
        state = init.()
        key = if after_fun, do: open_resource(state), else: nil
        tag = if cmd == :halt, do: :down, else: :ok

        reducer =
          if key do
            fn x, {acc, :ok, state} ->
              result = step.(x, state)
              track(key, result)
              stage_step(result, acc, f)
            end
          else
            # Emitting nothing or one element is the common case: done here
            # without the general emission.
            fn x, {acc, :ok, state} ->
              case step.(x, state) do
                {[], state} ->
                  {:cont, {acc, :ok, state}}

                {[y], state} ->
                  case f.(y, acc) do
                    {:cont, acc} -> {:cont, {acc, :ok, state}}
                    {:halt, acc} -> {:halt, {acc, :down, state}}
                    {:suspend, acc} -> {:suspend, {acc, {:pending, list_k([], f), :cont}, state}}
                  end

                result ->
                  stage_step(result, acc, f)
              end
            end
          end

        guarded(key, after_fun, fn ->
          engine_result(reduce.({cmd, {acc, tag, state}}, reducer), f, last, after_fun, key)
        end)
      end
    end
  end

  defp stage_step({:halt, state}, acc, _f), do: {:halt, {acc, :self, state}}
  defp stage_step({elements, state}, acc, f), do: emit_step(emit(elements, acc, f), state, :cont)
  defp stage_step({:stop, elements, state}, acc, f), do: emit_step(emit(elements, acc, f), state, :stop)

  defp emit_step({:cont, acc}, state, :cont), do: {:cont, {acc, :ok, state}}
  defp emit_step({:cont, acc}, state, :stop), do: {:halt, {acc, :self, state}}
  defp emit_step({:halt, acc}, state, _mode), do: {:halt, {acc, :down, state}}
  defp emit_step({:suspend, acc, k}, state, mode), do: {:suspend, {acc, {:pending, k, mode}, state}}

  defp engine_result({:done, {acc, _tag, state}}, f, last, after_fun, key),
    do: finish(acc, state, f, last, after_fun, key, :done)

  defp engine_result({:halted, {acc, :down, state}}, _f, _last, after_fun, key) do
    close(key, after_fun, state)
    {:halted, acc}
  end

  defp engine_result({:halted, {acc, _tag, state}}, f, last, after_fun, key),
    do: finish(acc, state, f, last, after_fun, key, :halted)

  defp engine_result({:suspended, {acc, tag, state}, cont}, f, last, after_fun, key),
    do: {:suspended, acc, engine_k(cont, tag, state, f, last, after_fun, key)}

  defp engine_k(cont, tag, state, f, last, after_fun, key) do
    fn
      {:suspend, acc} ->
        {:suspended, acc, engine_k(cont, tag, state, f, last, after_fun, key)}

      {:halt, acc} ->
        guarded(key, after_fun, fn ->
          with {:pending, k, _} <- tag, do: k.({:halt, acc})
          engine_result(cont.({:halt, {acc, :down, state}}), f, last, after_fun, key)
        end)

      {:cont, acc} ->
        guarded(key, after_fun, fn ->
          case tag do
            {:pending, k, mode} ->
              case k.({:cont, acc}) do
                {:cont, acc} when mode == :cont ->
                  engine_result(cont.({:cont, {acc, :ok, state}}), f, last, after_fun, key)

                {:cont, acc} ->
                  engine_result(cont.({:halt, {acc, :self, state}}), f, last, after_fun, key)

                {:halt, acc} ->
                  engine_result(cont.({:halt, {acc, :down, state}}), f, last, after_fun, key)

                {:suspend, acc, k} ->
                  {:suspended, acc, engine_k(cont, {:pending, k, mode}, state, f, last, after_fun, key)}
              end

            _ ->
              engine_result(cont.({:cont, {acc, :ok, state}}), f, last, after_fun, key)
          end
        end)
    end
  end

  # The upstream is finished: emit what `last` gives, then run `after_fun`.
  defp finish(acc, state, f, last, after_fun, key, result_tag) do
    {elements, state} = if last, do: last.(state), else: {[], state}
    if key, do: track(key, {[], state})
    finish_emitted(emit(elements, acc, f), state, after_fun, key, result_tag)
  end

  defp finish_emitted({:cont, acc}, state, after_fun, key, result_tag) do
    close(key, after_fun, state)
    {result_tag, acc}
  end

  defp finish_emitted({:halt, acc}, state, after_fun, key, _result_tag) do
    close(key, after_fun, state)
    {:halted, acc}
  end

  defp finish_emitted({:suspend, acc, k}, state, after_fun, key, result_tag) do
    {:suspended, acc, finish_k(k, state, after_fun, key, result_tag)}
  end

  defp finish_k(k, state, after_fun, key, result_tag) do
    fn
      {:suspend, acc} ->
        {:suspended, acc, finish_k(k, state, after_fun, key, result_tag)}

      command ->
        guarded(key, after_fun, fn -> finish_emitted(k.(command), state, after_fun, key, result_tag) end)
    end
  end

  # The latest state of a stage with an `after` function lives in the
  # process dictionary under a fresh key, so an error thrown anywhere in the
  # pipeline can still hand it to `after`.
  defp open_resource(state) do
    key = {Stream, make_ref()}
    Process.put(key, {:open, state})
    key
  end

  defp track(key, {:stop, _elements, state}), do: Process.put(key, {:open, state})
  defp track(key, {_elements, state}), do: Process.put(key, {:open, state})

  defp close(nil, _after_fun, _state), do: :ok

  defp close(key, after_fun, state) do
    Process.delete(key)
    after_fun.(state)
  end

  defp guarded(nil, _after_fun, fun), do: fun.()

  defp guarded(key, after_fun, fun) do
    try do
      fun.()
    catch
      kind, reason ->
        case Process.delete(key) do
          {:open, state} -> after_fun.(state)
          _ -> :ok
        end

        :erlang.raise(kind, reason, __STACKTRACE__)
    end
  end

  # A stage from a step function with a fixed starting state.
  defp stateful(state, step, last \\ nil) do
    transformer(fn -> state end, step, last, nil)
  end

  # ---- stateless stages ----

  @doc "Lazily maps `fun` over the elements."
  def map(enumerable, fun) when is_function(fun, 1) do
    lazy(enumerable, stateless(fn f -> fn x, acc -> f.(fun.(x), acc) end end))
  end

  @doc "Lazily keeps the elements for which `fun` is truthy."
  def filter(enumerable, fun) when is_function(fun, 1) do
    lazy(enumerable, stateless(fn f -> fn x, acc -> if fun.(x), do: f.(x, acc), else: {:cont, acc} end end))
  end

  @doc "Lazily drops the elements for which `fun` is truthy."
  def reject(enumerable, fun) when is_function(fun, 1) do
    lazy(enumerable, stateless(fn f -> fn x, acc -> if fun.(x), do: {:cont, acc}, else: f.(x, acc) end end))
  end

  @doc false
  # Deprecated in Elixir: filter, then map.
  def filter_map(enumerable, filter, mapper) do
    lazy(
      enumerable,
      stateless(fn f -> fn x, acc -> if filter.(x), do: f.(mapper.(x), acc), else: {:cont, acc} end end)
    )
  end

  @doc "Calls `fun` on each element as it goes through."
  def each(enumerable, fun) when is_function(fun, 1) do
    lazy(
      enumerable,
      stateless(fn f ->
        fn x, acc ->
          fun.(x)
          f.(x, acc)
        end
      end)
    )
  end

  @doc "Lazily takes elements while `fun` is truthy."
  def take_while(enumerable, fun) when is_function(fun, 1) do
    lazy(enumerable, stateless(fn f -> fn x, acc -> if fun.(x), do: f.(x, acc), else: {:halt, acc} end end))
  end

  # ---- stateful stages ----

  @doc "Lazily takes the first `count` elements (the last ones when negative)."
  def take(_enumerable, 0), do: %Stream{enum: []}

  def take(enumerable, count) when is_integer(count) and count > 0 do
    lazy(
      enumerable,
      stateful(count, fn
        x, 1 -> {:stop, [x], 0}
        x, n -> {[x], n - 1}
      end)
    )
  end

  def take(enumerable, count) when is_integer(count) and count < 0 do
    fn acc, fun -> Enumerable.reduce(Enum.take(enumerable, count), acc, fun) end
  end

  @doc "Lazily drops the first `count` elements (the last ones when negative)."
  def drop(enumerable, count) when is_integer(count) and count >= 0 do
    lazy(
      enumerable,
      stateful(count, fn
        _x, n when n > 0 -> {[], n - 1}
        x, 0 -> {[x], 0}
      end)
    )
  end

  def drop(enumerable, count) when is_integer(count) and count < 0 do
    keep = -count

    # A queue of the last `keep` elements: an element comes out once
    # `keep` more have come after it.
    lazy(
      enumerable,
      stateful({0, [], []}, fn
        x, {n, front, back} when n < keep ->
          {[], {n + 1, front, [x | back]}}

        x, {n, [], back} ->
          [oldest | front] = :lists.reverse(back)
          {[oldest], {n, front, [x]}}

        x, {n, [oldest | front], back} ->
          {[oldest], {n, front, [x | back]}}
      end)
    )
  end

  @doc "Lazily takes the first element and every `nth` after it."
  def take_every(enumerable, nth) when is_integer(nth) and nth > 0 do
    lazy(enumerable, every_stage(nth, fn x -> [x] end, fn _ -> [] end))
  end

  def take_every(_enumerable, 0), do: %Stream{enum: []}

  @doc "Lazily drops the first element and every `nth` after it."
  def drop_every(enumerable, nth) when is_integer(nth) and nth > 0 do
    lazy(enumerable, every_stage(nth, fn _ -> [] end, fn x -> [x] end))
  end

  def drop_every(enumerable, 0), do: same(enumerable)

  @doc "Lazily maps `fun` over the first element and every `nth` after it."
  def map_every(enumerable, 1, fun), do: map(enumerable, fun)

  def map_every(enumerable, nth, fun) when is_integer(nth) and nth > 1 and is_function(fun, 1) do
    lazy(enumerable, every_stage(nth, fn x -> [fun.(x)] end, fn x -> [x] end))
  end

  def map_every(enumerable, 0, fun) when is_function(fun, 1), do: same(enumerable)

  defp same(%Stream{} = stream), do: stream
  defp same(enumerable), do: %Stream{enum: enumerable}

  # The `nth`-th elements (from the first) get `hit`, the others `miss`.
  defp every_stage(nth, hit, miss) do
    stateful(0, fn
      x, 0 -> {hit.(x), nth - 1}
      x, n -> {miss.(x), n - 1}
    end)
  end

  @doc "Lazily drops elements while `fun` is truthy."
  def drop_while(enumerable, fun) when is_function(fun, 1) do
    lazy(
      enumerable,
      stateful(true, fn
        x, true -> if fun.(x), do: {[], true}, else: {[x], false}
        x, false -> {[x], false}
      end)
    )
  end

  @doc "Lazily removes consecutive duplicates."
  def dedup(enumerable), do: dedup_by(enumerable, fn x -> x end)

  @doc "Lazily removes consecutive elements for which `fun` answers the same."
  def dedup_by(enumerable, fun) when is_function(fun, 1) do
    lazy(
      enumerable,
      stateful(:__beamlet_none__, fn x, prev ->
        key = fun.(x)
        if prev != :__beamlet_none__ and key === elem(prev, 0), do: {[], prev}, else: {[x], {key}}
      end)
    )
  end

  @doc "Lazily removes repeated elements."
  def uniq(enumerable), do: uniq_by(enumerable, fn x -> x end)

  @doc false
  # Deprecated in Elixir: uniq_by/2.
  def uniq(enumerable, fun), do: uniq_by(enumerable, fun)

  @doc "Lazily removes elements for which `fun` answered before."
  def uniq_by(enumerable, fun) when is_function(fun, 1) do
    lazy(
      enumerable,
      stateful(%{}, fn x, seen ->
        key = fun.(x)
        if Map.has_key?(seen, key), do: {[], seen}, else: {[x], Map.put(seen, key, true)}
      end)
    )
  end

  @doc "Lazily pairs each element with its index, counting from `offset`."
  def with_index(enumerable, offset \\ 0) when is_integer(offset) do
    lazy(enumerable, stateful(offset, fn x, i -> {[{x, i}], i + 1} end))
  end

  @doc "Lazily emits each accumulation, the first element starting."
  def scan(enumerable, fun) when is_function(fun, 2) do
    lazy(
      enumerable,
      stateful(:__beamlet_first__, fn
        x, :__beamlet_first__ ->
          {[x], {x}}

        x, {prev} ->
          next = fun.(x, prev)
          {[next], {next}}
      end)
    )
  end

  @doc "Lazily emits each accumulation from `acc`."
  def scan(enumerable, acc, fun) when is_function(fun, 2) do
    lazy(
      enumerable,
      stateful(acc, fn x, prev ->
        next = fun.(x, prev)
        {[next], next}
      end)
    )
  end

  @doc "Lazily puts `separator` between each two elements."
  def intersperse(enumerable, separator) do
    lazy_fun(
      enumerable,
      stateful(true, fn
        x, true -> {[x], false}
        x, false -> {[separator, x], false}
      end)
    )
  end

  # ---- chunks ----

  @doc false
  # Deprecated in Elixir: chunk_every/4 with :discard as the default leftover.
  def chunk(enumerable, count), do: chunk(enumerable, count, count, nil)

  @doc false
  def chunk(enumerable, count, step, leftover \\ nil) do
    chunk_every(enumerable, count, step, leftover || :discard)
  end

  @doc "Lazily chunks into lists of `count` elements."
  def chunk_every(enumerable, count), do: chunk_every(enumerable, count, count, [])

  @doc "Lazily chunks into lists of `count` elements, a new one every `step`; see `Enum.chunk_every/4`."
  def chunk_every(enumerable, count, step, leftover \\ [])
      when is_integer(count) and count > 0 and is_integer(step) and step > 0 do
    chunk = Enum.chunk_every_fun(count, step)
    after_fun = Enum.chunk_every_after(count, leftover)

    step_fun = fn x, acc ->
      case chunk.(x, acc) do
        {:cont, acc} -> {[], acc}
        {:cont, emitted, acc} -> {[emitted], acc}
      end
    end

    last = fn acc ->
      case after_fun.(acc) do
        {:cont, emitted, acc} -> {[emitted], acc}
        {:cont, acc} -> {[], acc}
      end
    end

    lazy(enumerable, stateful({[], 0, 0}, step_fun, last))
  end

  @doc "Lazily chunks runs of elements for which `fun` answers the same."
  def chunk_by(enumerable, fun) when is_function(fun, 1) do
    chunk_while(enumerable, nil, Enum.chunk_by_fun(fun), &Enum.chunk_by_after/1)
  end

  @doc "Lazily chunks as `chunk_fun` and `after_fun` decide; see `Enum.chunk_while/4`."
  def chunk_while(enumerable, acc, chunk_fun, after_fun)
      when is_function(chunk_fun, 2) and is_function(after_fun, 1) do
    step = fn x, acc ->
      case chunk_fun.(x, acc) do
        {:cont, chunk, acc} -> {[chunk], acc}
        {:cont, acc} -> {[], acc}
        {:halt, acc} -> {:halt, acc}
      end
    end

    last = fn acc ->
      case after_fun.(acc) do
        {:cont, chunk, acc} -> {[chunk], acc}
        {:cont, acc} -> {[], acc}
      end
    end

    lazy(enumerable, stateful(acc, step, last))
  end

  # ---- flattening, transforming ----

  @doc "Lazily maps each element to an enumerable and flattens the results."
  def flat_map(enumerable, fun) when is_function(fun, 1) do
    lazy_fun(enumerable, stateful(nil, fn x, nil -> {fun.(x), nil} end))
  end

  @doc "Lazily concatenates the enumerables of an enumerable."
  def concat(enumerables), do: flat_map(enumerables, fn enumerable -> enumerable end)

  @doc "Lazily concatenates two enumerables."
  def concat(first, second), do: concat([first, second])

  @doc "Lazily transforms: `reducer.(x, acc)` answers `{elements, acc}` or `{:halt, acc}`."
  def transform(enumerable, acc, reducer) when is_function(reducer, 2) do
    lazy_fun(enumerable, transformer(fn -> acc end, reducer, nil, nil))
  end

  @doc "`transform/3` with the accumulator from `start_fun` and `after_fun` run at the end."
  def transform(enumerable, start_fun, reducer, after_fun)
      when is_function(start_fun, 0) and is_function(reducer, 2) and is_function(after_fun, 1) do
    lazy_fun(enumerable, transformer(start_fun, reducer, nil, after_fun))
  end

  @doc "`transform/4` with `last_fun.(acc)` answering `{elements, acc}` emitted when the enumerable is done."
  def transform(enumerable, start_fun, reducer, last_fun, after_fun)
      when is_function(start_fun, 0) and is_function(reducer, 2) and is_function(last_fun, 1) and
             is_function(after_fun, 1) do
    lazy_fun(enumerable, transformer(start_fun, reducer, last_fun, after_fun))
  end

  @doc "A stream from a resource: `start_fun.()` opens it, `next_fun.(acc)` answers `{elements, acc}` or `{:halt, acc}`, `after_fun.(acc)` closes it."
  def resource(start_fun, next_fun, after_fun)
      when is_function(start_fun, 0) and is_function(next_fun, 1) and is_function(after_fun, 1) do
    step = fn :tick, acc -> next_fun.(acc) end
    stage = transformer(start_fun, step, nil, after_fun)
    fn acc, fun -> stage.(&ticks/2).(acc, fun) end
  end

  # An endless source of `:tick`s that drives resource/3.
  defp ticks({:cont, acc}, f), do: ticks(f.(:tick, acc), f)
  defp ticks({:halt, acc}, _f), do: {:halted, acc}
  defp ticks({:suspend, acc}, f), do: {:suspended, acc, &ticks(&1, f)}

  @doc "A stream that puts each element into `collectable` as it goes through (`transform` applied first)."
  def into(enumerable, collectable, transform \\ fn x -> x end) when is_function(transform, 1) do
    fn acc, fun ->
      {initial, collect} = Collectable.into(collectable)

      reducer = fn x, {acc, collected} ->
        collected = collect.(collected, {:cont, transform.(x)})

        case fun.(x, acc) do
          {tag, acc} -> {tag, {acc, collected}}
        end
      end

      try do
        into_result(Enumerable.reduce(enumerable, wrap_into(acc, initial), reducer), collect)
      catch
        kind, reason ->
          collect.(initial, :halt)
          :erlang.raise(kind, reason, __STACKTRACE__)
      end
    end
  end

  defp wrap_into({tag, acc}, collected), do: {tag, {acc, collected}}

  defp into_result({:suspended, {acc, collected}, cont}, collect) do
    {:suspended, acc, fn command -> into_result(cont.(wrap_into(command, collected)), collect) end}
  end

  defp into_result({tag, {acc, collected}}, collect) do
    collect.(collected, :done)
    {tag, acc}
  end

  @doc "Runs the stream for its side effects; returns `:ok`."
  def run(stream) do
    _ = Enumerable.reduce(stream, {:cont, nil}, fn _, _ -> {:cont, nil} end)
    :ok
  end

  # ---- sources ----

  @doc "The endless stream `start`, `next_fun.(start)`, ..."
  def iterate(start, next_fun) when is_function(next_fun, 1) do
    fn command, f -> do_iterate(command, start, next_fun, f) end
  end

  # `x` is the next element; the one after it is computed only when asked for.
  defp do_iterate({:cont, acc}, x, next_fun, f), do: iterate_after(f.(x, acc), x, next_fun, f)
  defp do_iterate({:halt, acc}, _x, _next_fun, _f), do: {:halted, acc}
  defp do_iterate({:suspend, acc}, x, next_fun, f), do: {:suspended, acc, &do_iterate(&1, x, next_fun, f)}

  defp iterate_after({:cont, acc}, x, next_fun, f) do
    y = next_fun.(x)
    iterate_after(f.(y, acc), y, next_fun, f)
  end

  defp iterate_after({:halt, acc}, _x, _next_fun, _f), do: {:halted, acc}

  defp iterate_after({:suspend, acc}, x, next_fun, f),
    do: {:suspended, acc, &do_iterate(&1, next_fun.(x), next_fun, f)}

  @doc "The stream of `fun.(acc)`'s `{element, acc}` answers, until it answers `nil`."
  def unfold(acc, fun) when is_function(fun, 1) do
    fn command, f -> do_unfold(acc, fun, command, f) end
  end

  defp do_unfold(state, gen, {:cont, acc}, f) do
    case gen.(state) do
      nil -> {:done, acc}
      {x, state} -> do_unfold(state, gen, f.(x, acc), f)
    end
  end

  defp do_unfold(_state, _gen, {:halt, acc}, _f), do: {:halted, acc}
  defp do_unfold(state, gen, {:suspend, acc}, f), do: {:suspended, acc, &do_unfold(state, gen, &1, f)}

  @doc "The endless stream of `generator_fun.()`'s answers."
  def repeatedly(generator_fun) when is_function(generator_fun, 0) do
    unfold(nil, fn nil -> {generator_fun.(), nil} end)
  end

  @doc "`value` repeated `count` times, lazily."
  def duplicate(value, count) when is_integer(count) and count >= 0 do
    unfold(count, fn
      0 -> nil
      n -> {value, n - 1}
    end)
  end

  @doc "Cycles through the enumerable forever."
  def cycle(enumerable)

  def cycle([]), do: raise(ArgumentError, "cannot cycle over an empty enumerable")

  def cycle(list) when is_list(list) do
    fn command, f -> do_cycle_list(list, list, command, f) end
  end

  def cycle(enumerable) do
    fn command, f ->
      if Enum.empty?(enumerable), do: raise(ArgumentError, "cannot cycle over an empty enumerable")
      stage = stateful(nil, fn :tick, nil -> {enumerable, nil} end)
      stage.(&ticks/2).(command, f)
    end
  end

  defp do_cycle_list(_rest, _list, {:halt, acc}, _f), do: {:halted, acc}
  defp do_cycle_list(rest, list, {:suspend, acc}, f), do: {:suspended, acc, &do_cycle_list(rest, list, &1, f)}
  defp do_cycle_list([], list, command, f), do: do_cycle_list(list, list, command, f)
  defp do_cycle_list([x | rest], list, {:cont, acc}, f), do: do_cycle_list(rest, list, f.(x, acc), f)

  @doc "Emits 0, 1, 2, ... one every `period` milliseconds."
  def interval(period) when is_integer(period) and period >= 0 or period == :infinity do
    unfold(0, fn n ->
      Process.sleep(period)
      {n, n + 1}
    end)
  end

  @doc "Emits `0` after `period` milliseconds."
  def timer(period) when is_integer(period) and period >= 0 or period == :infinity do
    take(interval(period), 1)
  end

  # ---- zips ----

  @doc "Lazily zips two enumerables into pairs."
  def zip(left, right), do: zip_with([left, right], &List.to_tuple/1)

  @doc "Lazily zips the enumerables into tuples, as long as the shortest."
  def zip(enumerables), do: zip_with(enumerables, &List.to_tuple/1)

  @doc "Lazily zips two enumerables with `fun`."
  def zip_with(left, right, fun) when is_function(fun, 2) do
    zip_with([left, right], fn [x, y] -> fun.(x, y) end)
  end

  @doc "Lazily zips the enumerables, `fun` taking the list of elements at each position."
  def zip_with(enumerables, fun) when is_function(fun, 1) do
    fn command, f ->
      __zip_reduce__(enumerables, command, fn elements, acc -> f.(fun.(elements), acc) end)
    end
  end

  @doc false
  # Steps every enumerable one element at a time (lists directly, others
  # through suspended reductions) and hands `f` the list of elements at each
  # position; stops at the shortest and halts the others.
  def __zip_reduce__(enumerables, command, f) do
    case Enum.map(enumerables, &cursor/1) do
      [] -> zip_run_none(command)
      cursors -> zip_run(cursors, command, f)
    end
  end

  # Zipping no enumerable gives nothing.
  defp zip_run_none({:suspend, acc}), do: {:suspended, acc, &zip_run_none/1}
  defp zip_run_none({:halt, acc}), do: {:halted, acc}
  defp zip_run_none({:cont, acc}), do: {:done, acc}

  defp cursor(list) when is_list(list), do: {:list, list}

  defp cursor(enumerable) do
    {:cont, fn command -> Enumerable.reduce(enumerable, command, fn x, acc -> {:suspend, [x | acc]} end) end}
  end

  defp zip_run(cursors, {:halt, acc}, _f) do
    halt_cursors(cursors)
    {:halted, acc}
  end

  defp zip_run(cursors, {:suspend, acc}, f), do: {:suspended, acc, &zip_run(cursors, &1, f)}

  defp zip_run(cursors, {:cont, acc}, f) do
    case zip_step(cursors, [], []) do
      {:ok, elements, cursors} ->
        result =
          try do
            f.(elements, acc)
          catch
            kind, reason ->
              halt_quietly(cursors)
              :erlang.raise(kind, reason, __STACKTRACE__)
          end

        zip_run(cursors, result, f)

      :done ->
        {:done, acc}
    end
  end

  defp zip_step([], elements, cursors), do: {:ok, :lists.reverse(elements), :lists.reverse(cursors)}

  defp zip_step([{:list, [x | rest]} | more], elements, cursors),
    do: zip_step(more, [x | elements], [{:list, rest} | cursors])

  defp zip_step([{:list, []} | more], _elements, cursors) do
    halt_cursors(cursors)
    halt_cursors(more)
    :done
  end

  defp zip_step([{:cont, cont} | more], elements, cursors) do
    result =
      try do
        cont.({:cont, []})
      catch
        kind, reason ->
          halt_quietly(cursors)
          halt_quietly(more)
          :erlang.raise(kind, reason, __STACKTRACE__)
      end

    case result do
      {:suspended, [x], cont} ->
        zip_step(more, [x | elements], [{:cont, cont} | cursors])

      # A function enumerable that answers elements without suspending:
      # they are what it has left.
      {_tag, [x | rest]} ->
        zip_step(more, [x | elements], [{:list, rest} | cursors])

      {_done_or_halted, _} ->
        halt_cursors(cursors)
        halt_cursors(more)
        :done
    end
  end

  # Halting the other cursors while an error goes up: the error is the one to report
  # (`Enum.zip(1, 2)` complains about 1, not about 2 failing to halt).
  defp halt_quietly(cursors) do
    Enum.each(cursors, fn cursor ->
      try do
        halt_cursors([cursor])
      catch
        _, _ -> :ok
      end
    end)
  end

  defp halt_cursors(cursors) do
    Enum.each(cursors, fn
      {:cont, cont} -> cont.({:halt, []})
      {:list, _} -> :ok
    end)
  end
end

# The VM primitives stdlib/ex_unit uses, written for real Elixir so that the
# library can be developed and checked there (see ../README.md). beamlet
# implements the same contracts as built-in functions of the :beamlet module.
defmodule :beamlet do
  @moduledoc false

  # Starts capturing: :stdio captures the calling process's standard output
  # (its group leader, inherited by the processes it spawns), :stderr the
  # standard error of every process. `input` is what reads from the device get.
  def capture_io(:stdio, input) do
    {:ok, io} = StringIO.open(input, capture_prompt: true)
    previous = Process.group_leader()
    Process.group_leader(self(), io)
    {:stdio, io, previous}
  end

  def capture_io(:stderr, input) do
    {:ok, io} = StringIO.open(input)
    previous = Process.whereis(:standard_error)
    Process.unregister(:standard_error)
    Process.register(io, :standard_error)
    {:stderr, io, previous}
  end

  # Ends the capture and returns everything written to it.
  def release_io({:stdio, io, previous}) do
    Process.group_leader(self(), previous)
    {:ok, {_input, output}} = StringIO.close(io)
    output
  end

  def release_io({:stderr, io, previous}) do
    Process.unregister(:standard_error)
    Process.register(previous, :standard_error)
    {:ok, {_input, output}} = StringIO.close(io)
    output
  end

  # inspect(term, pretty: true) laid out in `width - indent` columns, every
  # line after the first indented by `indent` spaces that count toward it.
  def inspect_nested(term, indent, width) do
    term
    |> Inspect.Algebra.to_doc(%Inspect.Opts{width: width - indent})
    |> Inspect.Algebra.group()
    |> Inspect.Algebra.nest(indent)
    |> Inspect.Algebra.format(width - indent)
    |> IO.iodata_to_binary()
  end
end

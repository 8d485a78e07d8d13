# Code.compile_*/require_file/eval_file return the modules they define with
# their object code; defmodule's result carries it too, and
# :code.load_binary/3 loads it back.
dir = Path.join(System.tmp_dir!(), "beamlet_code_compile_#{System.pid()}")
File.mkdir_p!(dir)
File.write!(Path.join(dir, "req.exs"), """
defmodule CcReq do
  def hi, do: :hi
  defmodule Inner, do: def(x, do: 1)
end
IO.puts("req ran")
""")
File.write!(Path.join(dir, "ev.exs"), "x = 1 + 2\nx * 10\n")

IO.inspect(Code.eval_file("ev.exs", dir))
mods = Code.require_file("req.exs", dir)
IO.inspect(Enum.map(mods, fn {m, b} -> {m, is_binary(b) and byte_size(b) > 0} end))
IO.inspect(Code.require_file(Path.join(dir, "req.exs")))
IO.inspect(Enum.map(Code.required_files(), &Path.basename/1))
IO.inspect(Code.unrequire_files([Path.join(dir, "req.exs")]))
IO.inspect(Code.required_files())
IO.inspect(CcReq.hi())

[{CcStr, bin}] = Code.compile_string("defmodule CcStr, do: def(z, do: 2)")
IO.inspect({CcStr.z(), is_binary(bin)})
IO.inspect(Code.compile_string("1 + 1"))
IO.inspect(Code.compile_quoted(quote(do: defmodule(CcQ, do: def(q, do: 3)))) |> Enum.map(&elem(&1, 0)))

{:module, name, object, result} =
  defmodule CcMod do
    def f, do: :first
  end

IO.inspect({name, is_binary(object), result})
IO.inspect(:code.get_object_code(CcMod))
:code.delete(CcMod)
:code.purge(CcMod)
IO.inspect(:code.load_binary(CcMod, 'cc_mod.beam', object))
IO.inspect(CcMod.f())
{m, b, _file} = :code.get_object_code(Enum)
IO.inspect({m, is_binary(b)})

for call <- [fn -> Code.require_file("nope.exs", dir) end, fn -> Code.eval_file("nope.exs", dir) end] do
  try do
    call.()
  rescue
    e in Code.LoadError -> IO.inspect({e.reason, Path.basename(e.file), String.replace(e.message, dir, "DIR")})
  end
end

IO.inspect(Code.ensure_loaded!(CcStr))
IO.inspect(try do Code.ensure_loaded!(CcNope) rescue e -> e end)
IO.inspect(Code.can_await_module_compilation?())
IO.inspect(Code.append_path(dir))
IO.inspect(Code.delete_path(dir))
IO.inspect(Code.delete_path(dir))
IO.inspect(Code.prepend_path(Path.join(dir, "none")))
File.rm_rf!(dir)
# The deprecated forms.
File.mkdir_p!(dir)
File.write!(Path.join(dir, "lf.exs"), "defmodule CcLf, do: nil\n:x")
IO.inspect(Code.load_file("lf.exs", dir) |> Enum.map(&elem(&1, 0)))
IO.inspect(Enum.map(Code.loaded_files(), &Path.basename/1))
IO.inspect(Code.unload_files([Path.join(dir, "lf.exs")]))
IO.inspect({Code.ensure_compiled?(Enum), Code.ensure_compiled?(CcNope)})
File.rm_rf!(dir)

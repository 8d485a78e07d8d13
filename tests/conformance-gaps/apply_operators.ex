args = [3, 4]
IO.inspect(apply(Kernel, :+, args))
IO.inspect(apply(Enum, :reverse, [[1, 2, 3]]))
IO.inspect(apply(fn a, b -> a * b end, args))
IO.inspect(apply(String, :duplicate, ["ab", 3]))
mod = List
fun = :flatten
IO.inspect(apply(mod, fun, [[1, [2, [3]]]]))
add = &Kernel.+/2
IO.inspect(add.(1, 2))
IO.inspect(Enum.reduce([1, 2, 3, 4], &Kernel.*/2))
IO.inspect(Kernel.+(1, 2))
IO.inspect(Kernel.-(10))
IO.inspect(Kernel.<>("a", "b"))
IO.inspect(Kernel.++([1], [2]))
IO.inspect(Kernel.==(1, 1.0))
IO.inspect(Kernel.===(1, 1.0))
IO.inspect(Kernel.div(7, 2))
IO.inspect(Enum.map([1, -2, 3], &Kernel.abs/1))
IO.inspect(Enum.zip_with([1, 2], [3, 4], &Kernel.+/2))
IO.inspect(Enum.sort([3, 1, 2], &Kernel.>=/2))
cmp = &>/2
IO.inspect(cmp.(2, 1))
neg = &-/1
IO.inspect(neg.(5))
IO.inspect(apply(:erlang, :element, [2, {:a, :b}]))
IO.inspect(apply(Atom, :to_string, [:atom]))
IO.inspect(:erlang.+(2, 3))
IO.inspect(Function.info(&Kernel.+/2)[:arity])
IO.inspect(is_function(&Kernel.+/2, 2))

foo
foo()
foo(a)
foo(a, b)
foo a
foo a, b
foo a, b: 1
foo(a, b: 1)
foo(b: 1, c: 2)
foo b: 1, c: 2
foo(a,
  b)
foo(
  a,
  b: 1
)
foo g a, b
foo a, g b
foo(g a, b)
foo -1
foo - 1
foo -a
foo -(a)
foo +1
foo -1, 2
foo [1]
foo[1]
foo (1)
foo {1}
foo %{}
foo <<1>>
foo "s"
foo 's'
foo :a
foo ?a
foo !a
foo ^a
foo not a
foo @a
foo &a
foo fn -> 1 end
foo ~s(x)
foo...bar
...
Mod.fun
Mod.fun()
Mod.fun(a)
Mod.fun a
Mod.fun a, b
Mod.fun -1
Mod.Sub.fun(a)
:erlang.fun(a)
:erlang.fun
a.b
a.b()
a.b.c
a.b(c).d
a.b c
a.(b)
a.(b).(c)
a.()
(fn -> 1 end).()
Mod."fun name"()
Mod."fun name"
Mod.'fun'(a)
a."b"
Kernel.+(1, 2)
Kernel.&&(a, b)
Kernel.not(a)
Kernel.!(a)
Kernel.in(a, b)
Kernel.|>(a, b)
Kernel.==(a, b)
Kernel.<>(a, b)
Kernel.**(a, b)
Kernel.::(a, b)
Kernel.@(a)
Kernel.&(a)
Kernel.=(a, b)
Kernel.|(a, b)
Kernel.~~~(a)
Kernel.<<<(a, b)
a.do
a.end
a.fn
a.true
a.when
a.if
unquote(name)(args)
unquote(name)()
Foo.unquote(n)(1)
foo(a)(b)
a.(b)(c)
def unquote(name)(), do: 1
def unquote(name)(a) do
  a
end
unquote(name)(1) do
  2
end
x.unquote(name)

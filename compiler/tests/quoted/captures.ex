&+/2
&-/1
&Kernel.+/2
&Kernel.&&/2
&&&/2
&&&&/2
&and/2
&not/1
&in/2
&when/2
&@/1
&!/1
&^/1
&=/2
&|>/2
&../2
&<>/2
&==/2
&::/2
&|/2
&<-/2
&\\/2
&**/2
&~~~/1
&^^^/2
&<<</2
&foo/1
&foo.bar/1
&Mod.fun/3
&:erlang.element/2
&(&1 + 1)
&{&1, &2}
&[&1]
&[&1 | &2]
&<<&1, &2>>
&%{a: &1}
& &1
&1
&(&1)
&foo(&1, 2)
&Mod.fun(&1, :a)
&(&1.field)
&1.field
&(&1 * &2 + &3)
x = &foo/1
x == &foo/1
a * &b + c
a * &b | c
&a | b
&a when b
&a = b
&a || b
&a :: b
f &a, b
f(&a, b)
[&a, b]
&foo a
&foo a, b
&(foo a, b)
&unquote(a)/1
&__MODULE__.foo/1

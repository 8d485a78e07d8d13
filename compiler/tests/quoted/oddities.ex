a not in b
foo(a not in b)
not a in b
!a in b
(not a) in b
x = not a in b
a not in b not in c
foo(not a)
..
(..)
x = ..
[..]
...
(...)
a...b
&..///3
a |> b c
a |> b(c)
__MODULE__
__ENV__.line
foo!
foo?
foo?(a)
foo!(a)
a!.b
_
_a
__a__
a1
aé
x = -1
x = - 1
x = -(1)
1 - -1
f -1
f - 1
f -1 + 2
f (-1)
@mod -13
@a -1
a -- b
a---b
a--b
x.y -1
foo.bar -1

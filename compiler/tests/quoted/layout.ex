# A comment
a # trailing comment
b; c
d;
f

g
x =
  1
x = 1 +
  2
x = 1
  + 2
x = a
|> b
|> c
x =
  a
  |> b()
  |> c()
foo(
  1,
  2
)
foo(1,
    2)
[
  1,
  2,
]
%{
  a: 1,
  b: 2
}
{
  1,
  2,
  3
}
a = 1 \
  + 2
a and
  b
a
and b
a
when b
a
.b
a.
b
a
|> b()
.c
foo.bar
  .baz()
x = [
  h
  | t
]
case x do
  {:ok,
   y} ->
    y
end
foo(a,
  b: 1,
  c: 2
)
if a do

  b

end
fn
  x
  -> x
end

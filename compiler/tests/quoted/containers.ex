[]
[1]
[1, 2]
[1, 2,]
[h | t]
[a, b | t]
[a: 1]
[a: 1, b: 2]
[a: 1, b: 2,]
[1, a: 2]
["a b": 1]
['a b': 1]
["a#{b}": 1]
[do: 1, else: 2, end: 3, fn: 4, true: 5, nil: 6, when: 7, not: 8, in: 9, and: 10]
[+: 1, ||: 2, ==: 3, <: 4, &&: 5, !: 6, ^: 7, @: 8, &: 9, ..: 10, ...: 11]
[%{}: 1, {}: 2, <<>>: 3, %: 4, ..//: 5, .: 6, ->: 8, <-: 9, \\: 10]
[Foo: 1, Bar: 2]
{}
{1}
{1, 2}
{1, 2, 3}
{1, 2,}
{1, a: 2}
{1, 2, a: 3}
%{}
%{a: 1}
%{"a" => 1}
%{1 => 2, 3 => 4}
%{"a" => 1, b: 2}
%{m | a: 1}
%{m | "a" => 1}
%{m | "a" => 1, b: 2}
%{%{} => %{}}
%{a: %{b: 1}}
%{a => b | c}
%Foo{}
%Foo{a: 1}
%Foo.Bar{a: 1}
%Foo{s | a: 1}
%__MODULE__{}
%__MODULE__{a: 1}
%__MODULE__.Sub{}
%unquote(x){}
%x{}
%x{a: 1}
%@foo{}
%:atom{}
%^x{}
%Foo{foo(1)}
%{unquote_splicing(pairs)}
%{a}
<<>>
<<1>>
<<1, 2>>
<<a::8>>
<<a::size(8)>>
<<a::size(8)-integer, b::binary>>
<<x::utf8>>
<<a::binary-size(4), rest::bits>>
<<a::little-signed-integer-size(16)-unit(1)>>
<<"abc">>
<<"abc", rest::binary>>
<<a::float-32>>
[[], [[]], {{}}, %{[] => {}}]

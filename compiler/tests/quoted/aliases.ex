Foo
Foo.Bar
Foo.Bar.Baz
Elixir.Foo
Elixir
__MODULE__
__MODULE__.Sub
__MODULE__.Sub.Deeper
unquote(m).Sub
@mod.Sub
foo.Bar
:foo.bar
alias Foo.{A, B}
alias Foo.{A, B.C}
alias Foo.{}
alias __MODULE__.{A, B}
import Foo.{A, B}, only: [a: 1]
Foo.{A, B}
foo.{a, b: 1}
__ENV__
__ENV__.file
__CALLER__
__DIR__
__STACKTRACE__
Foo.bar.Baz

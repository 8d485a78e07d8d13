IO.inspect(~w(foo bar baz))
IO.inspect(~w(foo bar baz)a)
IO.inspect(~w(foo bar baz)c)
IO.inspect(~w(foo bar baz)s)
IO.inspect(~w[one two])
IO.inspect(~w{one two})
IO.inspect(~w<one two>)
IO.inspect(~w/one two/)
IO.inspect(~w|one two|)
IO.inspect(~w"one two")
IO.inspect(~w'one two')
IO.inspect(~w(  spaced   out  ))
IO.inspect(~w())
x = "in"
IO.inspect(~w(a#{x}b c))
IO.inspect(~W(a#{x}b c))
IO.inspect(~w(
  multi
  line
))
IO.inspect(~w(tab	sep))
IO.inspect(~W(no\nescape))
IO.inspect(~w(yes\x41))

v = 42
IO.inspect(~s(hello #{v}))
IO.inspect(~S(hello #{v}))
IO.inspect(~s[brackets])
IO.inspect(~s{braces})
IO.inspect(~s<angles>)
IO.inspect(~s/slashes/)
IO.inspect(~s|pipes|)
IO.inspect(~s"double")
IO.inspect(~s'single')
IO.inspect(~s(nested \(parens\) ok))
IO.inspect(~s(escaped \) paren))
IO.inspect(~s(tab\tnewline\n))
IO.inspect(~S(tab\tnewline\n))
IO.inspect(~s("quotes" inside))
IO.inspect(~c(charlist #{v}))
IO.inspect(~C(charlist #{v}))
IO.inspect(~c[abc])
IO.inspect(~s|a\|b|)
IO.inspect(~S|a\|b|)
IO.inspect(~s"""
heredoc line 1
  indented #{v}
""")
IO.inspect(~S"""
raw #{v}
\n stays
""")
IO.inspect(~c"""
chars
""")
IO.inspect(~s'''
single heredoc
''')

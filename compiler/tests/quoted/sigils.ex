~s(a)
~s[a]
~s{a}
~s<a>
~s/a/
~s|a|
~s"a"
~s'a'
~s()
~s(a #{b} c)
~S(a #{b} c)
~s(a\nb)
~S(a\nb)
~s(a\)b)
~S(a\)b)
~s(a(b)
~s(a\\b)
~r/a\/b/
~r/a+/i
~r/a+/imsux
~w(a b c)
~w(a b c)a
~w(a b c)s
~c(abc)
~C(abc)
~D[2020-01-01]
~T[12:00:00]
~N[2020-01-01 12:00:00]
~U[2020-01-01 12:00:00Z]
~x(custom)
~X(custom)upper
~s"""
abc
"""
~s"""
  abc
  #{x}
  """
~S"""
  abc\n
    def
  """
~s'''
  abc
  '''
~r"""
  a
  """x
~s(a#{~s(b)}c)
~s(#{a})
~s(a
b)

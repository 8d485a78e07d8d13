# compile error: second fn clause lacks `->`, so `n n * 2` parses as a call n(n * 2) in the first clause body: undefined function n/1
f = fn
  0 -> :zero
  n n * 2
end
IO.inspect(f.(1))

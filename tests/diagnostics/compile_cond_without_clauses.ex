# compile error: `cond` block with a non-clause body (no `->`)
cond do
  1 + 1
end

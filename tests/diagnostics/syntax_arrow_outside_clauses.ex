# syntax error: `->` used outside of fn/case/cond/receive clauses
x = 1
x -> x + 1

# syntax error: `else` outside of any do-block
x = 1
else
  x

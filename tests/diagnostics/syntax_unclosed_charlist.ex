# syntax error: charlist literal is never terminated
IO.inspect('abc)

# syntax error: heredoc is never terminated with a closing """
text = """
line one
line two
IO.puts(text)

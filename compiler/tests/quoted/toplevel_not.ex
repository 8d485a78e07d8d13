not x

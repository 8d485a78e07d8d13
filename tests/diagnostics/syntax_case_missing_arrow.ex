# syntax error: case clause without `->`
case 1 do
  1 :one
  _ -> :other
end

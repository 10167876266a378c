-- wrk script of the benchmark's wrk measurement (WrkBenchmark.java): counts every answer that is
-- not a 2xx. wrk's own "Non-2xx or 3xx responses" counts only statuses >= 400, and a lost session
-- answers 303 (to the sign-in page). Prints "non-2xx responses: <count> (first: <status>)".
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  non2xx = 0
  first = ""
end

function response(status, headers, body)
  if status < 200 or status > 299 then
    non2xx = non2xx + 1
    if first == "" then
      first = tostring(status) .. " " .. (headers["Location"] or "")
    end
  end
end

function done(summary, latency, requests)
  local total = 0
  local example = ""
  for _, thread in ipairs(threads) do
    total = total + thread:get("non2xx")
    if example == "" then
      example = thread:get("first")
    end
  end
  io.write(string.format("non-2xx responses: %d (first: %s)\n", total, example))
end

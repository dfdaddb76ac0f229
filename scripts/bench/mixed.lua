-- wrk script for the issue #9 mixed load, the same mix as MixedLoad.java: 60 % metric ingest
-- (10 samples over 100 series), 30 % incident list reads, 10 % PagerDuty triggers over 20 dedup keys.
-- Two ways to pace it (environment: VIGIL_TOKEN, VIGIL_KEY, and RATE or DELAY_MS):
-- RATE=1000: a fixed schedule of RATE requests/s in all (THREADS wrk threads, 2 by default, each sends
--   every THREADS/RATE s). A connection whose answer is back waits for the next free send time; if every
--   connection is busy when a send is due, it goes as soon as one is free and counts as late, so a
--   stalled server is still sent the full rate afterwards and the lateness is reported, not hidden.
-- DELAY_MS=35: closed loop, each connection pauses DELAY_MS after each answer; rate ~= connections /
--   (DELAY_MS + latency).
local ffi = require("ffi")
ffi.cdef [[
  typedef struct { long tv_sec; long tv_nsec; } vigil_timespec;
  int clock_gettime(int clock_id, vigil_timespec *tp);
]]
local timespec = ffi.new("vigil_timespec")
local function clock_ms(clock_id)
  ffi.C.clock_gettime(clock_id, timespec)
  return tonumber(timespec.tv_sec) * 1000 + tonumber(timespec.tv_nsec) / 1e6
end
local REALTIME, MONOTONIC = 0, 1

local token = os.getenv("VIGIL_TOKEN")
local key = os.getenv("VIGIL_KEY")
local pause = tonumber(os.getenv("DELAY_MS") or "0")
local rate = tonumber(os.getenv("RATE") or "0")
local interval = rate > 0 and tonumber(os.getenv("THREADS") or "2") * 1000 / rate or 0
-- MIX: tenths of ingest, list reads and events ("6,3,1"); "10,0,0" measures ingest alone.
local mix_ingest, mix_list = string.match(os.getenv("MIX") or "6,3,1", "(%d+),(%d+),%d+")
mix_ingest, mix_list = tonumber(mix_ingest), tonumber(mix_list)
local counter = 0
local thread_offset = 0
local thread_index = 0
local last_timestamp = 0
local threads = {}

function setup(thread)
  thread:set("thread_offset", thread_offset)
  thread:set("thread_index", thread_index)
  thread_offset = thread_offset + 1000003
  thread_index = thread_index + 1
  table.insert(threads, thread)
end

function init(args)
  counter = thread_offset
end

-- Sample timestamps in ms, unique per thread and series as with a real exporter: never behind the wall
-- clock, odd/even by thread, always ahead of the thread's last one.
local function next_timestamp()
  local now = math.floor(clock_ms(REALTIME))
  last_timestamp = math.max(now - now % 2 + thread_index, last_timestamp + 2)
  return last_timestamp
end

-- The send times this thread has handed out and not yet used, oldest first. The counters are global
-- because done() reads them from each thread.
local next_slot = nil
local slots, first_slot, last_slot = {}, 1, 0
late, sends, max_late = 0, 0, 0

function delay()
  if interval == 0 then
    return pause
  end
  local now = clock_ms(MONOTONIC)
  next_slot = next_slot or now
  local slot = next_slot
  next_slot = next_slot + interval
  last_slot = last_slot + 1
  slots[last_slot] = slot
  return math.max(0, math.floor(slot - now))
end

-- Called as a request is sent: how far behind its planned time it goes.
local function record_lateness()
  if first_slot > last_slot then
    return -- a connection's first request, sent on connecting
  end
  local behind = clock_ms(MONOTONIC) - slots[first_slot]
  slots[first_slot] = nil
  first_slot = first_slot + 1
  sends = sends + 1
  if behind > 5 then
    late = late + 1
  end
  max_late = math.max(max_late, behind)
end

local json = { ["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. token }
local read = { ["Authorization"] = "Bearer " .. token }
local event = { ["Content-Type"] = "application/json" }

function request()
  if interval > 0 then
    record_lateness()
  end
  counter = counter + 1
  local i = counter
  local slot = i % 10
  if slot < mix_ingest then
    local now = next_timestamp()
    local samples = {}
    for s = 0, 9 do
      samples[#samples + 1] = string.format(
        '{"metric": "bench.mixed", "labels": {"host": "h%d"}, "timestamp": %d, "value": %d}',
        (i * 10 + s) % 100, now, i % 1000)
    end
    return wrk.format("POST", "/api/v1/metrics", json, '{"samples": [' .. table.concat(samples, ",") .. ']}')
  elseif slot < mix_ingest + mix_list then
    return wrk.format("GET", "/api/v1/incidents?status=TRIGGERED&size=50", read)
  end
  local k = math.floor(i / 10) % 20
  return wrk.format("POST", "/v2/enqueue", event, string.format(
    '{"routing_key": "%s", "event_action": "trigger", "dedup_key": "mixed-%d", ' ..
    '"payload": {"summary": "Mixed load alert %d", "source": "bench", "severity": "warning"}}', key, k, k))
end

bad = 0
function response(status, headers, body)
  if status >= 300 then
    bad = bad + 1
    if bad <= 3 then io.stderr:write("answer " .. status .. ": " .. body:sub(1, 200) .. "\n") end
  end
end

function done(summary, latency, requests)
  local all_late, all_sends, worst, all_bad = 0, 0, 0, 0
  for _, thread in ipairs(threads) do
    all_late = all_late + thread:get("late")
    all_sends = all_sends + thread:get("sends")
    worst = math.max(worst, thread:get("max_late"))
    all_bad = all_bad + thread:get("bad")
  end
  io.write(string.format("Answers other than 2xx: %d\n", all_bad))
  if interval > 0 then
    io.write(string.format("Scheduled sends: %d, more than 5 ms late: %d, latest %.1f ms behind schedule\n",
      all_sends, all_late, worst))
  end
end

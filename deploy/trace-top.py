#!/usr/bin/env python3
"""Top frames of a speedscope trace (dotnet-trace convert --format speedscope) by the time threads were working.

dotnet-trace's sampler records every thread every millisecond, blocked or not, so `dotnet-trace report topN` ranks
the thread pool's idle waits first. This leaves out every sample whose stack holds a blocking frame (semaphores,
monitors, wait handles, the finalizer's and the socket engine's waits, timers, file watchers, the tracing's own
session) and ranks the rest — an approximation of CPU time, since a thread blocked in a native call that no managed
frame names still counts — by exclusive and inclusive share.

    deploy/trace-top.py bench-traces/P1.speedscope.json [N]
"""
import json
import re
import sys
from collections import Counter

BLOCKING = re.compile(r"LowLevelLifoSemaphore\.|WaitHandle\.Wait|Monitor\.Wait\(|Thread\.Sleep|LowLevelSpinWaiter|"
                      r"ManualResetEventSlim\.Wait|SocketAsyncEngine\.EventLoop|TimerQueue\.TimerThread|GateThreadStart|"
                      r"FileSystemWatcher|Watchdog\.|EventPipe|EventSource\.|CounterGroup|GC\.RunFinalizers|PollGC|"
                      r"Task\.InternalWait|SemaphoreSlim\.Wait|Thread\.Join|Console.*Read")
PSEUDO = {"CPU_TIME", "UNMANAGED_CODE_TIME"}


def main(path, n):
    data = json.load(open(path))
    frames = [f["name"] for f in data["shared"]["frames"]]
    blocking = [bool(BLOCKING.search(name)) for name in frames]
    pseudo = [name in PSEUDO for name in frames]
    exclusive, inclusive = Counter(), Counter()
    working = blocked = 0.0
    for profile in data["profiles"]:
        stack, last = [], None
        for event in profile["events"]:
            at = event["at"]
            if last is not None and stack and at > last:
                span = at - last
                if any(blocking[f] for f in stack):
                    blocked += span
                else:
                    working += span
                    frames_on = [f for f in stack if not pseudo[f]]
                    if frames_on:
                        exclusive[frames_on[-1]] += span
                    for f in set(frames_on):
                        inclusive[f] += span
            last = at
            if event["type"] == "O":
                stack.append(event["frame"])
            elif stack:
                stack.pop()
    total = working or 1.0
    print(f"working {working / 1000:.1f} s of thread time (ranked below), blocked {blocked / 1000:.1f} s (left out)")
    for title, counts in (("exclusive", exclusive), ("inclusive", inclusive)):
        print(f"\ntop {n} frames by {title} share of working time")
        for frame, span in counts.most_common(n):
            print(f"{100 * span / total:6.2f} %  {frames[frame][:170]}")


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 30)

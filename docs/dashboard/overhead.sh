#!/usr/bin/env bash
# Interleaved: training without the dashboard, and with it open in headless chromium; fps and CPU seconds.
set -u
B=${ACKTR:-acktr-distribution/target/acktr/bin/acktr}
mkdir -p "${OUT:-/tmp/acktr-dashboard-overhead}"; B=$(realpath "$B"); cd "${OUT:-/tmp/acktr-dashboard-overhead}"
steps=${STEPS:-40000}
for i in 1 2 3; do
  for mode in plain dash; do
    dir=runs/cpu-$mode-$i; rm -rf $dir
    if [ $mode = plain ]; then
      /usr/bin/time -f "%U %S" -o time-$mode-$i $B train --quiet --set acktr.total-steps=$steps --set acktr.run-dir=$dir > cpu-$mode-$i.log 2>&1
      chrome=0
    else
      /usr/bin/time -f "%U %S" -o time-$mode-$i $B train --quiet --dashboard --dashboard-port 18702 --set acktr.total-steps=$steps --set acktr.run-dir=$dir > cpu-$mode-$i.log 2>&1 &
      tp=$!
      for k in $(seq 1 100); do grep -q "dashboard: http" cpu-$mode-$i.log && break; sleep 0.1; done
      rm -rf prof
      /usr/bin/time -f "%U %S" -o chrome-$i chromium --headless --disable-gpu --no-sandbox --no-first-run --user-data-dir=$PWD/prof --remote-debugging-port=0 --window-size=1280,900 http://127.0.0.1:18702/ > chromium.log 2>&1 &
      cp=$!
      wait $tp
      kill $(pgrep -P $cp) 2>/dev/null; wait $cp 2>/dev/null
      chrome=$(awk '{print $1+$2}' chrome-$i)
    fi
    fps=$(tail -1 $dir/progress.csv | cut -d, -f9)
    cpu=$(awk '{print $1+$2}' time-$mode-$i)
    echo "$mode $i fps=$fps train_cpu_s=$cpu chromium_cpu_s=$chrome load=$(cut -d' ' -f1 /proc/loadavg)"
  done
done

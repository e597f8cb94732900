#!/usr/bin/env bash
# Times the sample's demo as a new user runs it (`dotnet run --project samples/Nexudus.Salto.Sample`, no
# configuration, output redirected, no terminal) and writes benchmarks/results/sample-demo.md.
# Goal (issue 10): the demo finishes in under 20 seconds and exits 0, on the 2-core machine.
# Usage: bash benchmarks/sample-demo/measure.sh [runs]   (default 5; builds Release first)
set -euo pipefail
cd "$(dirname "$0")/../.."
runs="${1:-5}"
out=benchmarks/results/sample-demo.md

dotnet build samples/Nexudus.Salto.Sample -c Release -nologo -v quiet >/dev/null

times=()
for i in $(seq 1 "$runs"); do
  start=$(date +%s.%N)
  if ! dotnet run --project samples/Nexudus.Salto.Sample -c Release --no-build </dev/null >/tmp/sample-demo.out 2>/tmp/sample-demo.err; then
    echo "run $i failed" >&2; cat /tmp/sample-demo.err >&2; exit 1
  fi
  end=$(date +%s.%N)
  times+=("$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.3f", b - a }')")
done

sorted=$(printf '%s\n' "${times[@]}" | sort -n)
min=$(echo "$sorted" | head -n1); max=$(echo "$sorted" | tail -n1)
median=$(echo "$sorted" | sed -n "$(( (runs + 1) / 2 ))p")
{
  echo "# Sample demo: wall time"
  echo
  echo "**What:** \`dotnet run --project samples/Nexudus.Salto.Sample -c Release --no-build\` with no configuration,"
  echo "stdin from /dev/null and output redirected (as CI runs it): both sandboxes start, the demo space is seeded,"
  echo "and every step of the demo runs. Process start and the .NET runtime's start-up are included."
  echo
  echo "**Goal:** under 20 s, exit code 0."
  echo
  echo "**Result** ($runs runs, $(date -u +%Y-%m-%d), 2 shared cores):"
  echo
  echo "| | Seconds |"
  echo "| --- | --- |"
  printf '| median | %.2f |\n| fastest | %.2f |\n| slowest | %.2f |\n' "$median" "$min" "$max"
  echo
  echo "Every run exited 0. Re-run with \`bash benchmarks/sample-demo/measure.sh\`."
} > "$out"
cat "$out"

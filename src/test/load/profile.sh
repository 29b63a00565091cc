#!/usr/bin/env bash
# Where the time goes: runs the WeChat load (wechat-load.sh, existing mix, after its warm-up) with
# async-profiler attached for the measured part and writes the CPU flame graph as HTML:
#   bash src/test/load/profile.sh [duration=30s] [connections=64]  ->  target/profile/wechat-cpu.html
# PROFILE_EVENT (default itimer, which works in containers; cpu needs perf events) picks what is sampled;
# OUT another file name. Open the HTML in a browser: the widest towers are where the CPU went.
set -euo pipefail
cd "$(dirname "$0")/../../.."
OUT=${OUT:-target/profile/wechat-cpu.html}
PROFILE="$OUT" ONLY=wechat bash src/test/load/wechat-load.sh "$@"

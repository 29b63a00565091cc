#!/usr/bin/env bash
# Prints the path of async-profiler's native library for this machine (linux x64 or arm64), taken from
# the Maven Central artifact tools.profiler:async-profiler:4.0 (fetched once into ~/.m2) into target/.
set -euo pipefail
cd "$(dirname "$0")/../../.."
VERSION=4.0
JAR=~/.m2/repository/tools/profiler/async-profiler/$VERSION/async-profiler-$VERSION.jar
[ -f "$JAR" ] || mvn -B -q dependency:get -Dartifact=tools.profiler:async-profiler:$VERSION >&2
case "$(uname -m)" in
  x86_64) PLATFORM=linux-x64 ;;
  aarch64) PLATFORM=linux-arm64 ;;
  *) echo "async-profiler $VERSION has no library for $(uname -m)" >&2; exit 2 ;;
esac
DIR=target/async-profiler
[ -f "$DIR/$PLATFORM/libasyncProfiler.so" ] || { mkdir -p "$DIR" && (cd "$DIR" && unzip -q -o "$JAR" "$PLATFORM/libasyncProfiler.so"); }
realpath "$DIR/$PLATFORM/libasyncProfiler.so"

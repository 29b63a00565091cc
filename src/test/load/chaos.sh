#!/usr/bin/env bash
# The chaos benchmark (see Chaos.java): two instances behind nginx on PostgreSQL and Redis, WeChat
# traffic with WeChat's retries; kill -9 one instance, cut PostgreSQL for 45 s and Redis for 20 s.
# Prints messages sent, answered by passive reply / by push, lost and duplicated (both must be 0).
# Needs nginx (apt-get install -y nginx), PostgreSQL on 127.0.0.1:5432 (trust, database test) and
# Redis on 127.0.0.1:6379. Takes about 5 minutes. Usage: bash src/test/load/chaos.sh [--users=40]
set -euo pipefail
cd "$(dirname "$0")/../../.."
command -v nginx > /dev/null || { echo "nginx is needed: apt-get install -y nginx"; exit 1; }
JAR=${JAR:-target/askonce.jar}
[ -f "$JAR" ] || mvn -B -q -DskipTests package
exec java src/test/load/Chaos.java --jar="$JAR" "$@"

#!/usr/bin/env bash
# Runs every test of the project: the README's test command, and what CI (.ci/run) calls.
# Installs what the tests need when it is missing (JDK 17 and Maven from Debian's packages), and starts the Kafka
# broker (dev/kafka.sh) and the S3 server (dev/s3.sh) the integration tests (*IT) use, stopping each on exit if
# this script started it.
set -euo pipefail
cd "$(dirname "$0")/.."

need_install=()
command -v javac >/dev/null 2>&1 || need_install+=(openjdk-17-jdk-headless)
command -v mvn >/dev/null 2>&1 || need_install+=(maven)
if [ ${#need_install[@]} -gt 0 ]; then
  echo "installing: ${need_install[*]}"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_install[@]}"
fi

kafka_started=0
s3_started=0
cleanup() {
  if [ "$kafka_started" = 1 ]; then dev/kafka.sh stop || true; fi
  if [ "$s3_started" = 1 ]; then dev/s3.sh stop || true; fi
}
trap cleanup EXIT
if ! dev/kafka.sh status >/dev/null 2>&1; then
  dev/kafka.sh start
  kafka_started=1
fi
export WEIR_KAFKA_BOOTSTRAP="${WEIR_KAFKA_BOOTSTRAP:-$(dev/kafka.sh bootstrap)}"
if ! dev/s3.sh status >/dev/null 2>&1; then
  dev/s3.sh start
  s3_started=1
fi
# the WEIR_S3_* variables of the dev server, without overriding ones already set
while read -r _ assignment; do
  name="${assignment%%=*}"
  if [ -z "${!name:-}" ]; then export "$assignment"; fi
done < <(dev/s3.sh env)

mvn -B -ntp verify "$@"

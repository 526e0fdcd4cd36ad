#!/usr/bin/env bash
# Runs the whole referral platform locally: embedded PostgreSQL, a local Kafka broker and all services.
# Needs a JDK 25 (found by .mvn/jdk25.sh: JAVA_HOME, /usr/lib/jvm, /opt, SDKMAN; it says what to install if none).
# Builds first when a jar is missing or older than the sources.
#
#   ./run.sh            start (data kept in .local-stack/ between runs)
#   ./run.sh --demo     start and load demo data
#   ./run.sh --clean    start from empty data
#   ./run.sh --help     all options (see deploy/local-stack/README.md)
#
# SKIP_BUILD=1 ./run.sh starts whatever is built without checking.
set -euo pipefail
shopt -s nullglob

cd "$(dirname "$0")"
# shellcheck source=.mvn/jdk25.sh
source .mvn/jdk25.sh

launcher=deploy/local-stack/target/local-stack.jar
services=(partner-service referral-service metrics-service notification-service)

# --services A,B (a subset) only needs, and only builds, those services.
args=("$@")
for ((i = 0; i < ${#args[@]}; i++)); do
  case "${args[$i]}" in
    --services) IFS=, read -r -a services <<< "${args[$((i + 1))]:-}" ;;
    --services=*) IFS=, read -r -a services <<< "${args[$i]#--services=}" ;;
  esac
done

needs_build() {
  local jars=("$launcher") jar oldest=""
  for service in "${services[@]}"; do
    jars+=("$service/target/quarkus-app/quarkus-run.jar")
  done
  for jar in "${jars[@]}"; do
    [[ -f "$jar" ]] || return 0
    if [[ -z "$oldest" || "$jar" -ot "$oldest" ]]; then
      oldest=$jar
    fi
  done
  # Any source or POM newer than the oldest jar means that jar may be stale.
  local sources=(*/src libs/*/src deploy/*/src)
  [[ -n "$(find "${sources[@]}" -type f -newer "$oldest" -print -quit 2>/dev/null)" ]] && return 0
  [[ -n "$(find . \( -name target -o -name .git -o -name .local-stack \) -prune \
            -o -name pom.xml -newer "$oldest" -print -quit)" ]] && return 0
  return 1
}

if [[ "${SKIP_BUILD:-0}" != 1 ]] && needs_build; then
  build=(./mvnw -q -DskipTests package)
  if [[ ${#services[@]} -ne 4 ]]; then
    build+=(-pl "$(IFS=,; echo "${services[*]}"),deploy/local-stack" -am)
  fi
  echo "Building: ${build[*]}"
  "${build[@]}"
fi

exec "$JAVA_HOME/bin/java" -jar "$launcher" "$@"

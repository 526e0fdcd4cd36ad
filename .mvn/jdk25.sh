# Sourced by run.sh, .ci/run and benchmark/run: finds a JDK 25 (or newer) and exports JAVA_HOME and PATH for it, so
# that ./mvnw builds with it and the launcher runs every service on it. The services are compiled for Java 25 and
# start from an AOT cache that only the JDK build that made it can use (JEP 483/514/515).
#
# Looked at, in order: JAVA_HOME, /usr/lib/jvm, /opt, SDKMAN's candidates, macOS's JavaVirtualMachines, the `java` on
# PATH. The first home with bin/java, bin/javac and a `release` file saying JAVA_VERSION="25…" (or a later feature
# release) wins; a 25 is preferred over a later one.

jdk25_feature() {
  local version
  version=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$1/release" 2>/dev/null)
  [[ -n $version ]] && echo "$version"
}

jdk25_find() {
  local from_path="" candidate feature later=""
  if command -v java > /dev/null 2>&1; then
    from_path=$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")
  fi
  local restore_nullglob
  restore_nullglob=$(shopt -p nullglob)
  shopt -s nullglob
  local candidates=("${JAVA_HOME:-}" /usr/lib/jvm/temurin-25* /usr/lib/jvm/java-25* /usr/lib/jvm/jdk-25*
    /usr/lib/jvm/*25* /opt/java/openjdk /opt/jdk-25* /opt/*jdk*25* "$HOME"/.sdkman/candidates/java/25*
    /Library/Java/JavaVirtualMachines/*25*/Contents/Home /usr/lib/jvm/* /opt/*jdk* "$from_path")
  eval "$restore_nullglob"
  for candidate in "${candidates[@]}"; do
    [[ -n $candidate && -x $candidate/bin/java && -x $candidate/bin/javac ]] || continue
    feature=$(jdk25_feature "$candidate") || continue
    if [[ $feature == 25 ]]; then
      echo "$candidate"
      return 0
    fi
    if [[ $feature -gt 25 && -z $later ]]; then
      later=$candidate
    fi
  done
  [[ -n $later ]] && echo "$later"
}

if ! JAVA_HOME=$(jdk25_find); then
  cat >&2 << 'EOF'
A JDK 25 was not found (looked at JAVA_HOME, /usr/lib/jvm, /opt, SDKMAN and the java on PATH).
The services are built for Java 25. Install Eclipse Temurin 25, then run this again:
  Debian/Ubuntu: add Adoptium's apt repository (https://adoptium.net/installation/linux/), then
                 apt-get install temurin-25-jdk
  macOS:         brew install --cask temurin@25
  SDKMAN:        sdk install java 25.0.3-tem
or set JAVA_HOME to a JDK 25.
EOF
  # shellcheck disable=SC2317 # sourced: return; run directly: exit
  return 1 2> /dev/null || exit 1
fi
export JAVA_HOME
export PATH="$JAVA_HOME/bin:$PATH"
echo "Using JDK $(sed -n 's/^JAVA_RUNTIME_VERSION="\(.*\)"/\1/p' "$JAVA_HOME/release") at $JAVA_HOME" >&2

# Sourced by the embedded server's benchmarks (bench/quiet-store, bench/store-growth): compiles the
# embedded server and its test sources, then runs one benchmark class of them alone, no services.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source config/lib.sh

run_embedded_server_bench() {
  local class=$1
  shift
  echo "==> compiling the embedded server and its benchmark"
  mvn -B -q -Dstyle.color=never -pl config/devstack -am test-compile -Dspotless.check.skip=true
  mvn -B -q -Dstyle.color=never -pl config/devstack dependency:build-classpath \
    -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
  echo "==> running (progress below)"
  # the server's heap options as config/start gives them (split into words on purpose)
  java $EMBEDDED_MONGO_JVM -cp "config/devstack/target/test-classes:config/devstack/target/classes:$(cat config/devstack/target/bench.classpath)" \
    "io.chatapp.devstack.$class" "$@"
}

# Shared by config/start, config/stop, config/status and config/test. Source it; do not run it.
# Every setting comes from the environment with a default that works on this machine.

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
DATA_DIR=${CHAT_DATA_DIR:-$ROOT/.data}
RUN_DIR=$DATA_DIR/run
LOG_DIR=$DATA_DIR/logs

USER_PORT=${USER_PORT:-3000}
MAIL_HTTP_PORT=${MAIL_HTTP_PORT:-3001}
CHAT_PORT=${CHAT_PORT:-3002}
FRONTEND_PORT=${FRONTEND_PORT:-3003}
CHAT2_PORT=${CHAT2_PORT:-3012}
CHAT_INSTANCES=${CHAT_INSTANCES:-1}
MONGO_PORT=${MONGO_PORT:-27017}
SMTP_PORT=${SMTP_PORT:-3025}
MAILBOX_PORT=${MAILBOX_PORT:-3080}
READY_TIMEOUT=${READY_TIMEOUT:-240}
# The address the services' HTTP listeners bind to: loopback, so that nothing outside this machine
# reaches them; 0.0.0.0 for every interface (behind a firewall or a proxy on another machine).
BIND_ADDRESS=${BIND_ADDRESS:-127.0.0.1}
# Where the scripts reach the services: the bound address, or loopback when bound to all.
case $BIND_ADDRESS in 0.0.0.0 | :: | '*') SERVICE_HOST=127.0.0.1 ;; *) SERVICE_HOST=$BIND_ADDRESS ;; esac

PAYARA_JAR=$ROOT/config/devstack/target/payara-micro.jar
DEVSTACK_JAR=$ROOT/config/devstack/target/devstack.jar
# The embedded MongoDB-compatible server's heap, also for its benchmarks. G1 with a 20 ms pause goal
# (its default goal is 200 ms): at 1,000 msg/s the server's young collections paused it for 30-56
# ms at the median and up to 124 ms, each a stall of every storage round trip; with the goal, p50
# 17 ms, p90 24 ms (more of them, the same total)
EMBEDDED_MONGO_JVM="-Xmx1g -XX:MaxGCPauseMillis=20"

# name:port:artifact, in start order
SERVICES=(
  "user-war:$USER_PORT:$ROOT/user-war/target/user-war.war"
  "mail-ear:$MAIL_HTTP_PORT:$ROOT/mail-ear/mail-war/target/mail-war.war"
  "chat-war:$CHAT_PORT:$ROOT/chat-war/target/chat-war.war"
  "frontend-jsf:$FRONTEND_PORT:$ROOT/frontend-jsf/target/frontend-jsf.war"
)
# A second chat-war instance on CHAT2_PORT shows delivery, presence and typing across instances.
if [ "$CHAT_INSTANCES" = 2 ]; then
  SERVICES+=("chat-war-2:$CHAT2_PORT:$ROOT/chat-war/target/chat-war.war")
fi

say() { printf '%s\n' "$*"; }
step() { printf '\033[1m==> %s\033[0m\n' "$*"; }
die() { printf '\033[31merror:\033[0m %s\n' "$*" >&2; exit 1; }
port_open() { (exec 3<>"/dev/tcp/${2:-127.0.0.1}/$1") 2>/dev/null; }
is_root() { [ "$(id -u)" = 0 ]; }

# host and port of a URL such as redis://host:6379 or amqp://user:pass@host:5672/vhost
url_host() { local rest=${1#*://}; rest=${rest##*@}; rest=${rest%%/*}; printf '%s' "${rest%%:*}"; }
url_port() { local rest=${1#*://}; rest=${rest##*@}; rest=${rest%%/*}; [[ $rest == *:* ]] && printf '%s' "${rest##*:}" || printf '%s' "$2"; }
# the virtual host of an AMQP URL (amqp://user:pass@host:5672/vhost, %2F for "/"), "/" if none
url_vhost() { local rest=${1#*://}; [[ $rest == */* ]] && rest=${rest#*/} || rest=; rest=${rest//%2F//}; rest=${rest//%2f//}; printf '%s' "${rest:-/}"; }
is_local() { [[ $1 == localhost || $1 == 127.* || $1 == ::1 ]]; }

pid_of() { [ -f "$RUN_DIR/$1.pid" ] && cat "$RUN_DIR/$1.pid"; }
running() { local pid; pid=$(pid_of "$1") && [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; }

# start_process NAME COMMAND... : runs it in its own session, log in $LOG_DIR/NAME.log
start_process() {
  local name=$1; shift
  mkdir -p "$RUN_DIR" "$LOG_DIR"
  if running "$name"; then say "    $name already running (pid $(pid_of "$name"))"; return; fi
  setsid "$@" >"$LOG_DIR/$name.log" 2>&1 < /dev/null &
  echo $! >"$RUN_DIR/$name.pid"
}

# stop_process NAME : TERM to its process group, KILL after 20 s
stop_process() {
  local name=$1 pid
  pid=$(pid_of "$name") || return 0
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
    kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    if kill -0 "$pid" 2>/dev/null; then
      kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null || true
    fi
    say "    stopped $name (pid $pid)"
  fi
  rm -f "$RUN_DIR/$name.pid"
}

apt_install() {
  is_root && command -v apt-get >/dev/null || return 1
  say "    installing Debian package(s): $*"
  if [ ! -f "$DATA_DIR/.apt-updated" ]; then
    DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null && mkdir -p "$DATA_DIR" && touch "$DATA_DIR/.apt-updated"
  fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

wait_port() { # PORT SECONDS [HOST]
  for _ in $(seq 1 "$2"); do port_open "$1" "${3:-127.0.0.1}" && return 0; sleep 1; done
  return 1
}

ensure_redis() {
  local url=${REDIS_URL:-redis://localhost:6379} host port
  host=$(url_host "$url"); port=$(url_port "$url" 6379)
  if port_open "$port" "$host"; then say "    Redis answers on $host:$port"; return; fi
  is_local "$host" || die "Redis at $host:$port (REDIS_URL) does not answer"
  if ! command -v redis-server >/dev/null; then
    apt_install redis-server || die "Redis is not running on port $port and redis-server is not installed: install it (sudo apt-get install redis-server) or set REDIS_URL"
  fi
  mkdir -p "$DATA_DIR/redis" "$RUN_DIR" "$LOG_DIR"
  redis-server --daemonize yes --bind 127.0.0.1 --port "$port" --save "" --appendonly no \
    --dir "$DATA_DIR/redis" --pidfile "$RUN_DIR/redis.pid" --logfile "$LOG_DIR/redis.log" >/dev/null
  wait_port "$port" 20 || die "redis-server did not start: see $LOG_DIR/redis.log"
  touch "$RUN_DIR/redis.started"
  say "    started redis-server on port $port"
}

ensure_rabbitmq() {
  local url=${RABBITMQ_URL:-amqp://guest:guest@localhost:5672} host port
  host=$(url_host "$url"); port=$(url_port "$url" 5672)
  if port_open "$port" "$host"; then say "    RabbitMQ answers on $host:$port"; return; fi
  is_local "$host" || die "RabbitMQ at $host:$port (RABBITMQ_URL) does not answer"
  if ! command -v rabbitmq-server >/dev/null && [ ! -x /usr/sbin/rabbitmq-server ]; then
    apt_install rabbitmq-server || die "RabbitMQ is not running on port $port and rabbitmq-server is not installed: install it (sudo apt-get install rabbitmq-server) or set RABBITMQ_URL"
    port_open "$port" && { say "    RabbitMQ answers on port $port (started by its package)"; return; }
  fi
  say "    starting rabbitmq-server (takes 10-30 s)"
  PATH=$PATH:/usr/sbin rabbitmq-server -detached >/dev/null 2>&1 || true
  wait_port "$port" 90 || die "rabbitmq-server did not start within 90 s: see /var/log/rabbitmq"
  touch "$RUN_DIR/rabbitmq.started"
  say "    started rabbitmq-server on port $port"
}

# The application's queues in RabbitMQ's second classic-queue format (3.10 and later; the default
# from 3.12): a policy, the documented way to change existing queues too (declaring them with
# x-queue-version would clash with the queues already there). Measured at 1,000 msg/s on this
# machine, same stack, back to back: publisher confirms p50 0.5 ms instead of 1.1, longest 86 ms
# instead of 115; messages' delivery p50 25-29 ms instead of 36-41. Only
# for a local broker this script can reach with rabbitmqctl; on any other, an operator sets it.
rabbitmq_queue_policy() {
  local url=${RABBITMQ_URL:-amqp://guest:guest@localhost:5672}
  is_local "$(url_host "$url")" || return 0
  if PATH=$PATH:/usr/sbin timeout 60 rabbitmqctl -q set_policy -p "$(url_vhost "$url")" --apply-to queues \
    chat-queues '^(chat:message|send-otp)' '{"queue-version":2}' >/dev/null 2>&1; then
    say "    queues in classic queue format 2 (policy chat-queues)"
  else
    say "    note: could not set the queue policy chat-queues with rabbitmqctl (RabbitMQ 3.10 or later"
    say "    takes it); the queues keep their format, which is slower (README, Performance)"
  fi
}

# Headless Chromium and its driver from Debian, for the browser tests.
ensure_browser() {
  if command -v chromium >/dev/null && command -v chromedriver >/dev/null; then
    say "    $(chromium --version 2>/dev/null | head -1), $(chromedriver --version 2>/dev/null | cut -d' ' -f1-2)"
    return
  fi
  apt_install chromium chromium-driver || die "the browser tests need Chromium and its driver: install them (sudo apt-get install chromium chromium-driver)"
  say "    installed chromium and chromium-driver"
}

# Builds when an artifact is missing or a source or POM changed since the last build.
# The stamp lists the sources it was built from: a source removed or moved since (its class would
# stay in target/classes and in the WAR, beside the new one) makes the next build a clean one.
build_if_stale() {
  local stamp=$RUN_DIR/build.stamp missing=0 entry sources gone="" goal=install
  mkdir -p "$RUN_DIR"
  for entry in "${SERVICES[@]}"; do [ -f "${entry##*:}" ] || missing=1; done
  [ -f "$PAYARA_JAR" ] && [ -f "$DEVSTACK_JAR" ] || missing=1
  sources=$(cd "$ROOT" && find . -path ./.data -prune -o -path '*/target' -prune -o \
              -path '*/src/main/*' -type f -print | LC_ALL=C sort)
  if [ -f "$stamp" ]; then
    gone=$(LC_ALL=C comm -23 <(LC_ALL=C sort "$stamp") <(printf '%s\n' "$sources"))
    gone=${gone%%$'\n'*}
  fi
  if [ $missing = 0 ] && [ -f "$stamp" ] && [ -z "$gone" ] && \
     [ -z "$(find "$ROOT" -path "$ROOT/.data" -prune -o -path '*/target' -prune -o \
              \( -name pom.xml -o -path '*/src/main/*' \) -newer "$stamp" -type f -print -quit)" ]; then
    say "    build is up to date"
    return
  fi
  if [ -n "$gone" ]; then
    goal="clean install"
    say "    ${gone#./} and maybe more are gone since the last build: building from clean"
  fi
  say "    building the modules (mvn $goal -DskipTests; the first build downloads dependencies)"
  (cd "$ROOT" && mvn -B -q -Dstyle.color=never $goal -DskipTests) || die "the build failed"
  printf '%s\n' "$sources" > "$stamp"
}

# The environment every service reads through MicroProfile Config.
export_service_environment() {
  export MONGODB_URI=${MONGODB_URI:-mongodb://127.0.0.1:$MONGO_PORT}
  export REDIS_URL=${REDIS_URL:-redis://localhost:6379}
  export RABBITMQ_URL=${RABBITMQ_URL:-amqp://guest:guest@localhost:5672}
  export MAIL_HOST=${MAIL_HOST:-127.0.0.1}
  export MAIL_PORT=${MAIL_PORT:-$SMTP_PORT}
  export JWT_PUBLIC_KEY=${JWT_PUBLIC_KEY:-$DATA_DIR/keys/jwt-public.pem}
  export JWT_PRIVATE_KEY=${JWT_PRIVATE_KEY:-$DATA_DIR/keys/jwt-private.pem}
  export USER_SERVICE_URL=${USER_SERVICE_URL:-http://localhost:$USER_PORT}
  export CHAT_SERVICE_URL=${CHAT_SERVICE_URL:-http://localhost:$CHAT_PORT}
  export FRONTEND_URL=${FRONTEND_URL:-http://localhost:$FRONTEND_PORT}
  export MEDIA_DIR=${MEDIA_DIR:-$DATA_DIR/media}
  export CHAT_PUBLIC_URL=${CHAT_PUBLIC_URL:-http://localhost:$CHAT_PORT}
  export MAIL_SENT_IDS_FILE=${MAIL_SENT_IDS_FILE:-$DATA_DIR/mail/sent-ids.log}
  # the UI calls user-war from loopback for its browsers, and says who they are in X-Forwarded-For
  export HTTP_TRUSTED_PROXIES=${HTTP_TRUSTED_PROXIES:-127.0.0.1,::1}
}

# health_status PORT : the HTTP status of /health/ready, 000 when nothing answers
health_status() { curl -s -o /dev/null -m 5 -w '%{http_code}' "http://$SERVICE_HOST:$1/health/ready" || true; }

# payara_preboot : the file of asadmin commands every Payara Micro instance runs before it boots:
# config/payara/preboot.asadmin, then the HTTP listener's address (Payara Micro has no option for
# it; without it the listener takes every interface), and the listener shut until the application
# is deployed (config/payara/postdeploy.asadmin opens it)
payara_preboot() {
  local file=$RUN_DIR/preboot.asadmin listener=configs.config.server-config.network-config.network-listeners.network-listener.http-listener
  {
    cat "$ROOT/config/payara/preboot.asadmin"
    echo "set $listener.address=$BIND_ADDRESS"
    echo "set $listener.enabled=false"
  } >"$file"
  printf '%s' "$file"
}

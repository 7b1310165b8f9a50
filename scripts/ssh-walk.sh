#!/usr/bin/env bash
# The console walk of scripts/tmux-walk.sh through a real SSH session, set up the way docs/operations.md sets up a
# shared server: a throw-away service account owns the database (seeded with `shuzhi demo`); an operator's key in its
# authorized_keys carries the forced command `shuzhi --operator walker` (from `shuzhi operator setup-ssh`); our own
# sshd listens on a free loopback port with a throw-away host key. Each walk is `ssh -tt` into it at 80x24 and 120x40.
# Then the connection is dropped under an open console: the server-side console must not run on.
#
#   sudo scripts/ssh-walk.sh [--exe PATH]       # needs root (useradd, sshd), openssh-server, tmux, python3
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
EXE=${SHUZHI_EXE:-$ROOT/src/Host/ShuzhiKaohe.Host/bin/Debug/net10.0/shuzhi}
[ "${1:-}" = --exe ] && EXE=$2
[ "$(id -u)" = 0 ] || { echo "ssh-walk: run as root (it creates a throw-away account and starts sshd)" >&2; exit 1; }
SSHD=$(command -v sshd || echo /usr/sbin/sshd)
[ -x "$SSHD" ] || { echo "ssh-walk: sshd is not installed (apt-get install openssh-server)" >&2; exit 1; }
[ -x "$EXE" ] || { echo "ssh-walk: no executable at $EXE (build first: dotnet build ShuzhiKaohe.sln)" >&2; exit 1; }

WORK=$(mktemp -d /tmp/shuzhi-ssh-walk-XXXXXX)
chmod 755 "$WORK"
ACCOUNT="shzwalk$$"
SSHD_PID=
cleanup() {
  [ -z "$SSHD_PID" ] || kill "$SSHD_PID" 2>/dev/null || true
  pkill -KILL -u "$ACCOUNT" 2>/dev/null || true
  userdel "$ACCOUNT" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

# The service account: a home of its own, a shell for the forced command, key logins only.
useradd --home-dir "$WORK/home" --create-home --shell /bin/sh "$ACCOUNT"
usermod -p '*' "$ACCOUNT"
as() { runuser -u "$ACCOUNT" -- env HOME="$WORK/home" XDG_DATA_HOME="$WORK/home/.local/share" XDG_CONFIG_HOME="$WORK/home/.config" "$@"; }
as "$EXE" db init >/dev/null
as "$EXE" operator add walker >/dev/null

ssh-keygen -q -t ed25519 -N '' -C walker -f "$WORK/walker"
chmod 644 "$WORK/walker.pub"
mkdir -p "$WORK/home/.ssh"
as "$EXE" operator setup-ssh walker "$WORK/walker.pub" > "$WORK/home/.ssh/authorized_keys"
chown -R "$ACCOUNT:" "$WORK/home/.ssh"
chmod 700 "$WORK/home/.ssh"
chmod 600 "$WORK/home/.ssh/authorized_keys"

ssh-keygen -q -t ed25519 -N '' -f "$WORK/host_key"
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
mkdir -p /run/sshd
cat > "$WORK/sshd_config" <<CONF
ListenAddress 127.0.0.1:$PORT
HostKey $WORK/host_key
PidFile $WORK/sshd.pid
AuthorizedKeysFile .ssh/authorized_keys
PubkeyAuthentication yes
PasswordAuthentication no
KbdInteractiveAuthentication no
UsePAM no
PermitRootLogin no
AllowUsers $ACCOUNT
StrictModes yes
PrintMotd no
AcceptEnv LANG LC_*
CONF
"$SSHD" -D -e -f "$WORK/sshd_config" 2>"$WORK/sshd.log" &
SSHD_PID=$!
for _ in $(seq 100); do
  python3 -c "import socket; socket.create_connection(('127.0.0.1', $PORT), 0.2)" 2>/dev/null && break
  sleep 0.1
done

SSH="ssh -tt -F /dev/null -i $WORK/walker -p $PORT -o IdentitiesOnly=yes -o BatchMode=yes -o StrictHostKeyChecking=no \
-o UserKnownHostsFile=/dev/null -o LogLevel=ERROR -o SendEnv=LANG $ACCOUNT@127.0.0.1"
# The walk itself (home → campaign → ballot entry → grading → quit) at both sizes, through ssh; the walk keys a
# sheet, so each size starts from a freshly seeded database (the operator and grants re-made with it).
DB="$WORK/home/.local/share/shuzhi/shuzhi.db"
for size in 80x24 120x40; do
  rm -f "$DB" "$DB"-*
  as "$EXE" demo >/dev/null
  as "$EXE" operator add walker >/dev/null
  as "$EXE" operator grant walker --role administrator --scope '*' >/dev/null
  LANG=C.UTF-8 SHUZHI_WALK_DB="$DB" "$ROOT/scripts/tmux-walk.sh" --exe "$EXE" --sizes "$size" --launch "$SSH"
done

# A dropped connection under an open console: the console on the server must end, not run on.
SOCKET="shuzhi-ssh-walk-$$"
tmux -L "$SOCKET" -f /dev/null new-session -d -s drop -x 80 -y 24 "$SSH"
for _ in $(seq 150); do pgrep -u "$ACCOUNT" -f "$(basename "$EXE")" >/dev/null && break; sleep 0.1; done
pgrep -u "$ACCOUNT" -f "$(basename "$EXE")" >/dev/null || { echo "ssh-walk FAIL: the console never started on the server" >&2; exit 1; }
sleep 2
tmux -L "$SOCKET" kill-server
for _ in $(seq 150); do pgrep -u "$ACCOUNT" -f "$(basename "$EXE")" >/dev/null || break; sleep 0.1; done
if pgrep -u "$ACCOUNT" -f "$(basename "$EXE")" >/dev/null; then
  echo "ssh-walk FAIL: the console kept running on the server after the connection dropped" >&2
  exit 1
fi
echo "ssh-walk: dropped connection ok"
echo "ssh-walk: passed"

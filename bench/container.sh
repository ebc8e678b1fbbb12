#!/usr/bin/env bash
# Measures the m365 image under podman: its size, and the wall time of `podman run` for `--version`, for a cached
# `get-access-token` (the connection on a volume), and for /bin/true in the same image (podman's own floor).
#
#   bench/container.sh [image]        default image: localhost/m365:it (built by ContainerImageIT, or by
#                                     podman build -f docker/Dockerfile.jvm -t localhost/m365:it .)
# Needs podman (in CI's setup: export CONTAINERS_CONF=.ci/podman/containers.conf
# CONTAINERS_STORAGE_CONF=.ci/podman/storage.conf) and hyperfine; starts the Entra emulator (bin/emulator) for the
# one sign-in unless one answers on port 8400.
set -euo pipefail
cd "$(dirname "$0")/.."
image=${1:-localhost/m365:it}
port=8400
volume=m365-bench-$$
key=$(head -c 32 /dev/urandom | base64)

emulator_pid=""
cleanup() {
  podman volume rm -f "$volume" >/dev/null 2>&1 || true
  if [ -n "$emulator_pid" ]; then kill "$emulator_pid" 2>/dev/null || true; fi
}
trap cleanup EXIT
if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
  bin/emulator "$port" >/dev/null 2>&1 &
  emulator_pid=$!
  for _ in $(seq 1 120); do
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break
    sleep 1
  done
fi

run=(podman run --rm --network=host -v "$volume:/var/lib/m365" -e "M365_STORE_KEY=$key")
AZURE_CLIENT_SECRET='daemon~Secret.Value_0123456789abcdefgh' "${run[@]}" -e AZURE_CLIENT_SECRET \
  -e "AZURE_AUTHORITY_HOST=http://127.0.0.1:$port" "$image" login --authType secret \
  --appId 3f2b1c0d-9e8f-4a7b-8c6d-5e4f3a2b1c0d --tenant contoso.onmicrosoft.com --output none

echo "image $image: $(( $(podman image inspect --format '{{.Size}}' "$image") / 1000000 )) MB"
table=$(mktemp)
hyperfine --shell=none --warmup 2 --runs 15 --style none --export-markdown "$table" \
  -n "podman run m365 --version" "podman run --rm --network=host $image --version" \
  -n "podman run m365 get-access-token (cached)" "${run[*]} $image get-access-token --resource https://management.azure.com/ --output none" \
  -n "podman run /bin/true (podman's floor)" "podman run --rm --network=host --entrypoint /bin/true $image" >/dev/null
cat "$table"
rm -f "$table"

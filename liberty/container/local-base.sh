#!/usr/bin/env bash
# Makes the stand-in for the production base image on a machine that cannot pull images: a minimal
# Debian 12 made with debootstrap from Debian's own packages, with the same apt sources as the
# official debian:12-slim image, imported into podman's local storage as localhost/debian:12-slim.
# The Containerfiles build FROM it here (BASE build argument) and FROM docker.io/library/debian
# in production; everything they do on top is the same.
# Kept between runs: does nothing when the image is already there (--force makes it anew).
# Usage: liberty/container/local-base.sh [--force]
set -euo pipefail
export CONTAINERS_CONF="${CONTAINERS_CONF:-$(cd "$(dirname "$0")" && pwd)/containers.conf}"
image=localhost/debian:12-slim

if [ "${1:-}" != --force ] && podman image exists "$image"; then
  echo "local-base: $image is there ($(podman image inspect --format '{{.Created}}' "$image"))"
  exit 0
fi
command -v debootstrap >/dev/null || { echo "local-base: debootstrap is not installed" >&2; exit 1; }

# The mirror apt already uses on this machine.
mirror=$(sed -n -E 's#^URIs: *(https?://[^ ]+/debian)/?$#\1#p' /etc/apt/sources.list.d/*.sources \
  2>/dev/null | head -1 || true)
mirror="${mirror:-http://deb.debian.org/debian}"
root=$(mktemp -d /var/tmp/notejam-base.XXXXXX)
trap 'rm -rf "$root"' EXIT
start=$(date +%s)
debootstrap --variant=minbase bookworm "$root" "$mirror" >"$root.log" 2>&1 \
  || { tail -20 "$root.log" >&2; exit 1; }
rm -f "$root.log"
# As in debian:12-slim: bookworm, bookworm-updates and the security archive, no recommends, no
# package lists or caches left in the image.
rm -f "$root/etc/apt/sources.list"
cat >"$root/etc/apt/sources.list.d/debian.sources" <<SOURCES
Types: deb
URIs: ${mirror%/}
Suites: bookworm bookworm-updates
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg

Types: deb
URIs: ${mirror%/}-security
Suites: bookworm-security
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SOURCES
echo 'APT::Install-Recommends "false";' >"$root/etc/apt/apt.conf.d/90notejam-no-recommends"
rm -rf "$root"/var/lib/apt/lists/* "$root"/var/cache/apt/*.bin "$root"/var/cache/apt/archives/*.deb
tar -C "$root" -c . | podman import --quiet - "$image" >/dev/null
echo "local-base: made $image in $(( $(date +%s) - start )) s ($(podman image inspect --format '{{.Size}}' "$image") bytes)"

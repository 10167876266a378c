#!/usr/bin/env bash
# The software bill of materials of a built image, as CycloneDX JSON (README "Security").
# Reads the image's Debian packages, /etc/os-release and Liberty's version from the image (each
# by a throwaway container that only prints them) and composes them with the EAR's bill.
# Usage: liberty/container/image-sbom.sh <image> <output file> <notejam-ear.cdx.json> [<notejam-web.cdx.json>…]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
export CONTAINERS_CONF="${CONTAINERS_CONF:-$here/containers.conf}"
usage="usage: image-sbom.sh <image> <output> <ear bom> [<web bom>...]"
image="${1:?$usage}"
out="${2:?$usage}"
shift 2
[ $# -gt 0 ] || { echo "$usage" >&2; exit 2; }
app_boms=()
for bom in "$@"; do app_boms+=(--ear-bom "$bom"); done
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

read_out() { podman run --rm --network=none --entrypoint "$1" "$image" "${@:2}"; }
read_out dpkg-query -W \
  -f '${Package}\t${Version}\t${Architecture}\t${source:Package}\t${source:Version}\n' >"$work/dpkg"
read_out cat /etc/os-release >"$work/os-release"
read_out cat /opt/ol/wlp/lib/versions/openliberty.properties >"$work/liberty"

python3 "$here/image-sbom.py" \
  --dpkg "$work/dpkg" --os-release "$work/os-release" --liberty "$work/liberty" \
  "${app_boms[@]}" --image "$image" \
  --image-id "$(podman image inspect --format '{{.Id}}' "$image")" >"$out.tmp"
mv "$out.tmp" "$out"
echo "image-sbom.sh: $out: $(grep -c '"purl"' "$out") components with a purl"

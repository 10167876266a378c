#!/usr/bin/env bash
# Builds liberty/Containerfile, and the backup job's image, from the context the Maven profile "container" staged, with buildah.
# Called by that profile (./mvnw -B -Pcontainer -DskipTests package -pl liberty -am); also by hand.
#   NOTEJAM_IMAGE       the app's tag to build (default localhost/notejam:dev)
#   NOTEJAM_BACKUP_IMAGE the backup job's (deploy/base/backup; default localhost/notejam-backup:dev)
#   NOTEJAM_IMAGE_BASE  the BASE build argument (default: the local Debian 12 of local-base.sh,
#                       made once and kept; in a pipeline with a registry, leave it to the
#                       Containerfile's pinned default by setting NOTEJAM_IMAGE_BASE=default)
# Writes the image's software bill of materials next to it: <context>/sbom.cdx.json (CycloneDX),
# from the image and the bills the Maven build staged (notejam-ear.cdx.json, notejam-web.cdx.json).
# Usage: liberty/container/build.sh <staged context, e.g. liberty/target/image>
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
export CONTAINERS_CONF="${CONTAINERS_CONF:-$here/containers.conf}"
context=$(cd "${1:?usage: build.sh <context>}" && pwd)
image="${NOTEJAM_IMAGE:-localhost/notejam:dev}"
backup_image="${NOTEJAM_BACKUP_IMAGE:-localhost/notejam-backup:dev}"
base="${NOTEJAM_IMAGE_BASE:-localhost/debian:12-slim}"
for tool in buildah podman unzip python3; do
  command -v "$tool" >/dev/null || { echo "build.sh: $tool is not installed (README, Run it in a container)" >&2; exit 1; }
done
start=$(date +%s)

# The runtime: the minified package's wlp/ without its usr/ (the server comes from config/).
rm -rf "$context/runtime"
mkdir -p "$context/runtime"
unzip -q "$context/liberty-runtime.zip" -d "$context/runtime"
rm -rf "$context/runtime/wlp/usr"
# The configuration, as in the repository; the entry point.
rm -rf "$context/config"
cp -r "$here/../src/main/liberty/config" "$context/config"
cp "$here/notejam-server" "$context/notejam-server"
# Fixed times, so that an unchanged file gives an unchanged layer whatever the checkout's age.
find "$context/runtime" "$context/config" "$context/jdbc" "$context/notejam-server" \
  -exec touch -h -d @0 {} +

# One image: build <tag> <Containerfile> <context>, FROM the chosen base.
build() {
  local args=(--layers --isolation=chroot -t "$1" -f "$2")
  [ "$base" = default ] || args+=(--build-arg "BASE=$base")
  buildah bud --quiet "${args[@]}" "$3" >/dev/null
}
[ "$base" != localhost/debian:12-slim ] || "$here/local-base.sh"

build "$image" "$here/../Containerfile" "$context"
echo "build.sh: built $image from $base in $(( $(date +%s) - start )) s;" \
  "$(podman image inspect --format '{{.Size}}' "$image") bytes, layers:"
podman history --format '  {{.ID}} {{.Size}}  {{.CreatedBy}}' "$image" | cut -c1-140 | head -12

# The image's bill of materials, from the image itself: its Debian packages (the JRE among them),
# its Debian release and the Liberty runtime, with the EAR's bill (the Maven build's) inside.
"$here/image-sbom.sh" "$image" "$context/sbom.cdx.json" \
  "$context/notejam-ear.cdx.json" "$context/notejam-web.cdx.json"

# The backup job's image (deploy/base/backup), from the same base.
start=$(date +%s)
build "$backup_image" "$here/../../deploy/base/backup/Containerfile" "$here/../../deploy/base/backup"
echo "build.sh: built $backup_image in $(( $(date +%s) - start )) s;" \
  "$(podman image inspect --format '{{.Size}}' "$backup_image") bytes"

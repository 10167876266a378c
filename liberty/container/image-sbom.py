#!/usr/bin/env python3
"""The image's software bill of materials, as CycloneDX 1.5 JSON on standard output.

Composed from what build.sh reads out of the built image and the build:
  --dpkg FILE        dpkg-query -W -f '${Package}\\t${Version}\\t${Architecture}\\t${source:Package}\\t${source:Version}\\n'
                     run inside the image: its Debian packages (the JRE among them)
  --os-release FILE  the image's /etc/os-release
  --liberty FILE     the image's wlp/lib/versions/openliberty.properties: the Liberty runtime
  --ear-bom FILE     the EAR's CycloneDX BOM (cyclonedx-maven-plugin, notejam-ear.cdx.json); again
                     for the web module's (notejam-web.cdx.json), which has the libraries in the
                     war's WEB-INF/lib (the plugin does not follow a war's dependencies from the EAR)
  --image NAME, --image-id ID   the image it describes
Scanners match the components by purl: pkg:deb/debian/... under an operating-system component
(as Trivy and Grype expect for Debian), pkg:maven/... for Liberty and the EAR's libraries.
"""
import argparse
import json
import sys
import urllib.parse
import uuid
from datetime import datetime, timezone


def properties(path):
    values = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if line and not line.startswith("#") and "=" in line:
                key, value = line.split("=", 1)
                values[key.strip()] = value.strip().strip('"')
    return values


def debian_packages(path, distro):
    components = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            name, version, arch, source, source_version = (line.rstrip("\n").split("\t") + [""] * 5)[:5]
            qualifiers = {"arch": arch, "distro": distro}
            # As syft writes it: the source package, and its version only where it differs.
            differs = source_version and source_version != version
            if source and (source != name or differs):
                qualifiers["upstream"] = source + ("@" + source_version if differs else "")
            purl = "pkg:deb/debian/%s@%s?%s" % (
                name,
                urllib.parse.quote(version, safe=""),
                urllib.parse.urlencode(qualifiers, safe=":@"),
            )
            components.append(
                {"type": "library", "bom-ref": purl, "name": name, "version": version, "purl": purl}
            )
    return components


def main(argv):
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    for option in ("--dpkg", "--os-release", "--liberty", "--image", "--image-id"):
        p.add_argument(option, required=True)
    p.add_argument("--ear-bom", action="append", required=True)
    a = p.parse_args(argv)

    os_release = properties(a.os_release)
    os_id = os_release.get("ID", "debian")
    os_version = os_release.get("VERSION_ID", "")
    distro = "%s-%s" % (os_id, os_version)
    packages = debian_packages(a.dpkg, distro)
    os_ref = "os:%s@%s" % (os_id, os_version)
    operating_system = {"type": "operating-system", "bom-ref": os_ref, "name": os_id, "version": os_version}

    liberty_version = properties(a.liberty)["com.ibm.websphere.productVersion"]
    liberty_purl = "pkg:maven/io.openliberty/openliberty-runtime@%s?type=zip" % liberty_version
    liberty = {
        "type": "framework",
        "bom-ref": liberty_purl,
        "group": "io.openliberty",
        "name": "openliberty-runtime",
        "version": liberty_version,
        "description": "Open Liberty, minified to the features server.xml uses",
        "purl": liberty_purl,
    }

    app_boms = []
    for path in a.ear_bom:
        with open(path, encoding="utf-8") as f:
            app_boms.append(json.load(f))
    ear = app_boms[0]["metadata"]["component"]
    ear.setdefault("bom-ref", ear.get("purl", "notejam-ear"))
    # The EAR, its modules and their libraries, each once; each one's dependencies, merged.
    app_components, seen, app_dependencies = [], set(), {}
    for app_bom in app_boms:
        for c in [app_bom["metadata"]["component"]] + app_bom.get("components", []):
            ref = c.get("bom-ref") or c.get("purl") or c["name"]
            if ref not in seen:
                seen.add(ref)
                app_components.append(c)
        for d in app_bom.get("dependencies", []):
            merged = app_dependencies.setdefault(d["ref"], [])
            merged += [r for r in d.get("dependsOn", []) if r not in merged]

    image_ref = "image:%s" % a.image
    name, tag = a.image.rsplit(":", 1) if ":" in a.image.rsplit("/", 1)[-1] else (a.image, "")
    image = {"type": "container", "bom-ref": image_ref, "name": name, "version": tag}
    image["properties"] = [{"name": "notejam:image-id", "value": a.image_id}]

    dependencies = [
        {"ref": image_ref, "dependsOn": [os_ref, liberty_purl, ear["bom-ref"]]},
        {"ref": os_ref, "dependsOn": [c["bom-ref"] for c in packages]},
    ]
    dependencies += [{"ref": ref, "dependsOn": on} for ref, on in app_dependencies.items()]

    bom = {
        "bomFormat": "CycloneDX",
        "specVersion": "1.5",
        "serialNumber": "urn:uuid:%s" % uuid.uuid4(),
        "version": 1,
        "metadata": {
            "timestamp": datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
            "tools": {"components": [{"type": "application", "name": "notejam image-sbom.py"}]},
            "component": image,
        },
        "components": [operating_system] + packages + [liberty] + app_components,
        "dependencies": dependencies,
    }
    json.dump(bom, sys.stdout, indent=2)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main(sys.argv[1:])

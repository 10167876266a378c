package net.notejam.container;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bills of materials: the EAR's, as the build writes it, and the image's, as
 * container/image-sbom.py composes it from what container/image-sbom.sh reads out of an image (here
 * stand-in files, so that no image is needed).
 */
class ImageSbomIT {

  private static final Path ROOT = Path.of(System.getProperty("notejam.repo.root", ".."));
  private static final Path EAR_BOM = ROOT.resolve("notejam-ear/target/notejam-ear.cdx.json");
  private static final Path WEB_BOM = ROOT.resolve("notejam-web/target/notejam-web.cdx.json");

  @TempDir Path dir;

  @Test
  void theEarsBillListsTheLibrariesItBundles() throws IOException {
    JsonObject bom = read(Files.readString(EAR_BOM));
    assertEquals("CycloneDX", bom.getString("bomFormat"));
    assertEquals(
        "notejam-ear", bom.getJsonObject("metadata").getJsonObject("component").getString("name"));
    Set<String> names = names(bom);
    assertTrue(names.containsAll(Set.of("notejam-ejb", "notejam-web", "flyway-core")), "" + names);
    assertTrue(!names.contains("jakarta.jakartaee-api"), "the APIs Liberty provides are not in it");
  }

  @Test
  void theWarsBillListsItsWebInfLib() throws IOException {
    // The EAR's bill stops at the war (the plugin does not follow a war's dependencies).
    Set<String> names = names(read(Files.readString(WEB_BOM)));
    assertTrue(names.contains("skeleton-css"), "" + names);
    assertTrue(!names.contains("com.ibm.websphere.appserver.api.hpel"), "provided by Liberty");
  }

  @Test
  void theImagesBillHasItsDebianPackagesLibertyAndTheEar() throws Exception {
    Path dpkg =
        write(
            "dpkg",
            "libc6\t2.36-9+deb12u10\tamd64\tglibc\t\n"
                + "openjdk-17-jre-headless\t17.0.16+8-1~deb12u1\tamd64\topenjdk-17\t\n"
                + "base-files\t12.4+deb12u12\tamd64\t\t\n");
    Path os =
        write(
            "os-release",
            "PRETTY_NAME=\"Debian GNU/Linux 12 (bookworm)\"\nID=debian\n" + "VERSION_ID=\"12\"\n");
    Path liberty = write("liberty", "com.ibm.websphere.productVersion=26.0.0.3\n");
    JsonObject bom =
        read(
            run(
                "--dpkg",
                dpkg,
                "--os-release",
                os,
                "--liberty",
                liberty,
                "--ear-bom",
                EAR_BOM,
                "--ear-bom",
                WEB_BOM,
                "--image",
                "localhost/notejam:dev",
                "--image-id",
                "abc123"));

    assertEquals("CycloneDX", bom.getString("bomFormat"));
    assertEquals("1.5", bom.getString("specVersion"));
    JsonObject image = bom.getJsonObject("metadata").getJsonObject("component");
    assertEquals("container", image.getString("type"));
    assertEquals("localhost/notejam", image.getString("name"));
    assertEquals("dev", image.getString("version"));
    Set<String> purls =
        bom.getJsonArray("components").getValuesAs(JsonObject.class).stream()
            .map(c -> c.getString("purl", ""))
            .collect(Collectors.toSet());
    assertTrue(
        purls.contains(
            "pkg:deb/debian/libc6@2.36-9%2Bdeb12u10?arch=amd64&distro=debian-12&upstream=glibc"),
        "" + purls);
    assertTrue(
        purls.contains("pkg:deb/debian/base-files@12.4%2Bdeb12u12?arch=amd64&distro=debian-12"));
    assertTrue(purls.contains("pkg:maven/io.openliberty/openliberty-runtime@26.0.0.3?type=zip"));
    Set<String> names = names(bom);
    assertTrue(names.containsAll(Set.of("debian", "openjdk-17-jre-headless", "notejam-ear")));
    assertTrue(names.contains("flyway-core"), "the EAR's libraries, from its bill");
    assertTrue(names.contains("skeleton-css"), "the war's libraries, from its bill");
    assertEquals(
        1,
        bom.getJsonArray("components").getValuesAs(JsonObject.class).stream()
            .filter(c -> c.getString("name").equals("notejam-web"))
            .count(),
        "the war once, though both bills name it");
    JsonObject osComponent =
        bom.getJsonArray("components").getValuesAs(JsonObject.class).stream()
            .filter(c -> c.getString("type").equals("operating-system"))
            .findFirst()
            .orElseThrow();
    assertEquals("12", osComponent.getString("version"));
    List<String> underImage =
        bom.getJsonArray("dependencies").getValuesAs(JsonObject.class).stream()
            .filter(d -> d.getString("ref").equals(image.getString("bom-ref")))
            .flatMap(d -> d.getJsonArray("dependsOn").getValuesAs(JsonString.class).stream())
            .map(JsonString::getString)
            .toList();
    assertEquals(3, underImage.size(), "the OS, Liberty and the EAR: " + underImage);
  }

  private static Set<String> names(JsonObject bom) {
    return bom.getJsonArray("components").getValuesAs(JsonObject.class).stream()
        .map(c -> c.getString("name"))
        .collect(Collectors.toSet());
  }

  private Path write(String name, String content) throws IOException {
    return Files.writeString(dir.resolve(name), content);
  }

  private static String run(Object... args) throws Exception {
    List<String> command =
        new java.util.ArrayList<>(
            List.of("python3", ROOT.resolve("liberty/container/image-sbom.py").toString()));
    for (Object arg : args) {
      command.add(arg.toString());
    }
    Process process = new ProcessBuilder(command).redirectErrorStream(false).start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, process.waitFor(), err);
    return out;
  }

  private static JsonObject read(String json) {
    try (JsonReader reader = Json.createReader(new StringReader(json))) {
      return reader.readObject();
    }
  }
}

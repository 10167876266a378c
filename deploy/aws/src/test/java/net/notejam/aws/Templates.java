package net.notejam.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import software.amazon.awscdk.assertions.Template;

/** Reading plain values out of synthesized templates. */
final class Templates {
  private Templates() {}

  /** Resources of one type, by logical id. */
  @SuppressWarnings("unchecked")
  static Map<String, Map<String, Object>> resources(Template template, String type) {
    return (Map<String, Map<String, Object>>) (Map<?, ?>) template.findResources(type);
  }

  /** The Properties of each resource of one type. */
  static List<Map<String, Object>> properties(Template template, String type) {
    return resources(template, type).values().stream()
        .map(resource -> map(resource.get("Properties")))
        .collect(Collectors.toList());
  }

  /**
   * A bucket of backups as every one must be: versioned, KMS-encrypted, private, with Object Lock
   * holding each object {@code days} days, in compliance mode in prod (not even root can shorten
   * it) and governance elsewhere.
   */
  static void assertVersionedEncryptedPrivateAndLocked(
      Map<String, Object> bucket, int days, boolean compliance) {
    assertEquals("Enabled", at(bucket, "VersioningConfiguration", "Status"));
    Map<String, Object> encryption =
        map(list(at(bucket, "BucketEncryption", "ServerSideEncryptionConfiguration")).get(0));
    assertEquals("aws:kms", at(encryption, "ServerSideEncryptionByDefault", "SSEAlgorithm"));
    assertEquals(
        Map.of(
            "BlockPublicAcls", true,
            "BlockPublicPolicy", true,
            "IgnorePublicAcls", true,
            "RestrictPublicBuckets", true),
        bucket.get("PublicAccessBlockConfiguration"));
    assertEquals(true, bucket.get("ObjectLockEnabled"));
    Map<String, Object> retention =
        map(at(bucket, "ObjectLockConfiguration", "Rule", "DefaultRetention"));
    assertEquals(days, number(retention.get("Days")));
    assertEquals(compliance ? "COMPLIANCE" : "GOVERNANCE", retention.get("Mode"));
  }

  /** The S3 bucket named {@code name}: fails if there is none. */
  static Map<String, Object> bucket(Template template, String name) {
    return properties(template, "AWS::S3::Bucket").stream()
        .filter(bucket -> name.equals(bucket.get("BucketName")))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no bucket " + name));
  }

  /** The only resource of a type: fails if there are none or several. */
  static Map<String, Object> single(Template template, String type) {
    List<Map<String, Object>> all = properties(template, type);
    if (all.size() != 1) {
      throw new AssertionError("Expected one " + type + " but found " + all.size());
    }
    return all.get(0);
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Object value) {
    return (Map<String, Object>) value;
  }

  @SuppressWarnings("unchecked")
  static List<Object> list(Object value) {
    return (List<Object>) value;
  }

  /** Follows a path of map keys, e.g. {@code at(props, "ScalingConfig", "MaxSize")}. */
  static Object at(Map<String, Object> from, String... keys) {
    Object current = from;
    for (String key : keys) {
      if (!(current instanceof Map)) {
        throw new AssertionError("No " + String.join(".", keys) + " in " + from);
      }
      current = map(current).get(key);
    }
    return current;
  }

  /** A resource's tags as a map; tags arrive as a list of Key/Value pairs. */
  static Map<String, Object> tags(Map<String, Object> properties) {
    Object tags = properties.get("Tags");
    if (tags == null) {
      return Map.of();
    }
    if (tags instanceof Map) {
      return map(tags);
    }
    return list(tags).stream()
        .map(Templates::map)
        .collect(Collectors.toMap(tag -> (String) tag.get("Key"), tag -> tag.get("Value")));
  }

  static int number(Object value) {
    return value instanceof Number n ? n.intValue() : Integer.parseInt(value.toString());
  }
}

package net.notejam.aws;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import net.notejam.deploy.Manifests;
import org.junit.jupiter.api.Test;

/**
 * The saved Logs Insights queries ({@link LogShipping}) look for the request id in the fields the
 * application writes it to: if the app renames one, the queries find nothing, and this fails.
 */
class LogFieldAgreementTest {

  @Test
  void accessLogCarriesTheRequestIdAsTheResponseHeaderTheQueryReads() throws IOException {
    String serverXml =
        Files.readString(Manifests.REPO.resolve("liberty/src/main/liberty/config/server.xml"));

    // Liberty's JSON access log names a logged response header ibm_responseHeader_<lower case>.
    assertTrue(serverXml.contains("%{X-Request-Id}o"), "X-Request-Id in the access log format");
    assertTrue(
        serverXml.contains("jsonAccessLogFields=\"logFormat\""), "its fields from the format");
    assertTrue(LogShipping.ACCESS_LOG_REQUEST_ID.contains("ibm_responseHeader_x-request-id"));
  }

  @Test
  void messagesCarryTheRequestIdAsTheExtensionTheQueryReads() throws IOException {
    Path filter =
        Manifests.REPO.resolve(
            "notejam-web/src/main/java/net/notejam/web/observe/RequestObservationFilter.java");

    // Liberty writes a LogRecordContext extension <name> as ext_<name> in JSON.
    assertTrue(Files.readString(filter).contains("LogRecordContext.addExtension(\"requestId\""));
    assertTrue(LogShipping.MESSAGE_REQUEST_ID.endsWith(".ext_requestId"));
  }
}

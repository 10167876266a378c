package net.notejam.deploy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/** What the manifests must agree with in the Liberty server's configuration. */
final class ServerXml {

  static final Path FILE =
      Path.of("..", "liberty", "src", "main", "liberty", "config", "server.xml");

  private ServerXml() {}

  /** The defaults of server.xml's {@code <variable>}s (such as http.port), by name. */
  static Map<String, String> variableDefaults() {
    try {
      NodeList variables =
          DocumentBuilderFactory.newInstance()
              .newDocumentBuilder()
              .parse(FILE.toFile())
              .getElementsByTagName("variable");
      Map<String, String> defaults = new LinkedHashMap<>();
      for (int i = 0; i < variables.getLength(); i++) {
        Element variable = (Element) variables.item(i);
        defaults.put(variable.getAttribute("name"), variable.getAttribute("defaultValue"));
      }
      return defaults;
    } catch (IOException | ParserConfigurationException | SAXException e) {
      throw new AssertionError("cannot read " + FILE, e);
    }
  }
}

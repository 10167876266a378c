package net.notejam.web;

import jakarta.faces.FacesException;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.ExternalContextFactory;
import jakarta.faces.context.ExternalContextWrapper;
import java.util.AbstractMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A Faces session map that does not set a session attribute to the value it already holds, for the
 * plain values (strings, numbers, booleans) whose equality says all.
 *
 * <p>Faces puts the response's character encoding into the session on every page of a signed-in
 * user ({@code jakarta.faces.request.charset}, always UTF-8 here). The session lives in PostgreSQL
 * and Liberty writes every attribute of it whenever one was set, so this one put wrote the whole
 * session row on every request, and concurrent requests of one user queued on that row (README
 * "Performance"). A value that changes, and every other kind of value, is set as before.
 */
public class UnchangedSessionValues extends ExternalContextWrapper {

  public UnchangedSessionValues(ExternalContext wrapped) {
    super(wrapped);
  }

  @Override
  public Map<String, Object> getSessionMap() {
    return new SkippingMap(super.getSessionMap());
  }

  /** True for the values that equality describes fully: setting an equal one changes nothing. */
  static boolean isPlain(Object value) {
    return value instanceof String || value instanceof Number || value instanceof Boolean;
  }

  /** The session map, with {@link #put} skipped when it would change nothing. */
  static final class SkippingMap extends AbstractMap<String, Object> {

    private final Map<String, Object> session;

    SkippingMap(Map<String, Object> session) {
      this.session = session;
    }

    @Override
    public Object put(String key, Object value) {
      Object held = session.get(key);
      if (isPlain(value) && Objects.equals(held, value)) {
        return held;
      }
      return session.put(key, value);
    }

    @Override
    public Object get(Object key) {
      return session.get(key);
    }

    @Override
    public boolean containsKey(Object key) {
      return session.containsKey(key);
    }

    @Override
    public Object remove(Object key) {
      return session.remove(key);
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
      return session.entrySet();
    }
  }

  /** Registered in faces-config.xml. */
  public static class Factory extends ExternalContextFactory {

    public Factory(ExternalContextFactory wrapped) {
      super(wrapped);
    }

    @Override
    public ExternalContext getExternalContext(Object context, Object request, Object response)
        throws FacesException {
      return new UnchangedSessionValues(
          getWrapped().getExternalContext(context, request, response));
    }
  }
}

package net.notejam.web;

import jakarta.el.ELContext;
import jakarta.el.ELException;
import jakarta.el.ELResolver;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Method calls in the pages ({@code #{routes.note(note.id())}}, a record's {@code note.name()}),
 * with the method looked up once per class instead of on every call: the standard bean resolver
 * scans all of a class's methods for each call, which was a tenth of a list page's time (50 rows of
 * several calls each). Only a method that is the one public method of its name and number of
 * parameters is taken; anything else is left to the standard resolvers, unchanged.
 */
public final class MethodCallResolver extends ELResolver {

  private record Signature(Class<?> type, String name, int parameters) {}

  private final ConcurrentMap<Signature, Optional<Method>> methods = new ConcurrentHashMap<>();

  @Override
  public Object invoke(
      ELContext context, Object base, Object method, Class<?>[] paramTypes, Object[] params) {
    // paramTypes are ignored: the EL implementation passes the arguments' own classes, and the
    // method is the only one of its name and arity anyway.
    if (base == null || !(method instanceof String name)) {
      return null;
    }
    Object[] given = params == null ? new Object[0] : params;
    Optional<Method> found =
        methods.computeIfAbsent(
            new Signature(base.getClass(), name, given.length), MethodCallResolver::unique);
    if (found.isEmpty()) {
      return null;
    }
    Method target = found.get();
    Class<?>[] types = target.getParameterTypes();
    Object[] arguments = new Object[given.length];
    for (int i = 0; i < given.length; i++) {
      arguments[i] = context.convertToType(given[i], types[i]);
    }
    try {
      Object result = target.invoke(base, arguments);
      context.setPropertyResolved(base, method);
      return result;
    } catch (InvocationTargetException e) {
      throw new ELException(e.getCause());
    } catch (IllegalAccessException e) {
      throw new ELException(e);
    }
  }

  /** The one public, non-variadic method of that name and arity in a public type, if any. */
  static Optional<Method> unique(Signature signature) {
    List<Method> candidates =
        Arrays.stream(signature.type().getMethods())
            .filter(m -> m.getName().equals(signature.name()))
            .filter(m -> m.getParameterCount() == signature.parameters())
            .filter(m -> !m.isBridge() && !m.isVarArgs())
            .toList();
    if (candidates.size() != 1
        || !Modifier.isPublic(candidates.get(0).getDeclaringClass().getModifiers())) {
      return Optional.empty();
    }
    return Optional.of(candidates.get(0));
  }

  @Override
  public Object getValue(ELContext context, Object base, Object property) {
    return null;
  }

  @Override
  public Class<?> getType(ELContext context, Object base, Object property) {
    return null;
  }

  @Override
  public void setValue(ELContext context, Object base, Object property, Object value) {
    // Values are for the other resolvers.
  }

  @Override
  public boolean isReadOnly(ELContext context, Object base, Object property) {
    return false;
  }

  @Override
  public Class<?> getCommonPropertyType(ELContext context, Object base) {
    return null;
  }
}

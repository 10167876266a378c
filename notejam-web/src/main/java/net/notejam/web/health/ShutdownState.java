package net.notejam.web.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.event.Observes;

/**
 * Remembers that the application has begun to stop, so that readiness turns DOWN at once and the
 * load balancer stops sending new requests while those in flight finish.
 */
@ApplicationScoped
public class ShutdownState {

  private volatile boolean stopping;

  void onStop(@Observes @BeforeDestroyed(ApplicationScoped.class) Object event) {
    stopping = true;
  }

  public boolean isStopping() {
    return stopping;
  }
}

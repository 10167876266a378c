package net.notejam.web.health;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import net.notejam.infrastructure.DatabaseStatus;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready to take traffic only while the database answers within a short timeout, and not once the
 * application has begun to stop. Asks afresh each time, so it turns UP again by itself when the
 * database is back: no restart needed.
 */
@Readiness
@ApplicationScoped
public class DatabaseReadinessCheck implements HealthCheck {

  @Inject private DatabaseStatus database;
  @Inject private ShutdownState shutdown;

  @Resource private ManagedExecutorService executor;

  /** How long the database gets to answer; also its query's timeout (see DatabaseStatus). */
  @Inject
  @ConfigProperty(name = "notejam.health.database-timeout-ms")
  private long timeoutMillis;

  @Override
  public HealthCheckResponse call() {
    if (shutdown.isStopping()) {
      return HealthCheckResponse.named("database").down().withData("stopping", true).build();
    }
    Duration timeout = Duration.ofMillis(timeoutMillis);
    Future<Boolean> answer = executor.submit(() -> database.answers(timeout));
    boolean up;
    try {
      up = answer.get(timeoutMillis, TimeUnit.MILLISECONDS);
    } catch (TimeoutException | ExecutionException e) {
      answer.cancel(true);
      up = false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      up = false;
    }
    return HealthCheckResponse.named("database").status(up).build();
  }
}

package net.notejam.web.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import net.notejam.service.DatabaseStatus;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready to take traffic only while the database answers. */
@Readiness
@ApplicationScoped
public class DatabaseReadinessCheck implements HealthCheck {

  @Inject private DatabaseStatus database;

  @Override
  public HealthCheckResponse call() {
    return HealthCheckResponse.named("database").status(database.answers()).build();
  }
}

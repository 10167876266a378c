package net.notejam.web.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import net.notejam.infrastructure.DatabaseMigration;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Startup;

/** Started once the database schema is up to date. */
@Startup
@ApplicationScoped
public class SchemaStartupCheck implements HealthCheck {

  @Inject private DatabaseMigration migration;

  @Override
  public HealthCheckResponse call() {
    return HealthCheckResponse.named("schema-migrated").status(migration.isMigrated()).build();
  }
}

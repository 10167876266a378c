package net.notejam.infrastructure;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Applies the Flyway migrations of {@code notejam-persistence} when the application starts, before
 * any page or service uses the database. Start-up fails if they cannot be applied, so an instance
 * never serves an old schema.
 */
@Startup
@Singleton
@TransactionManagement(TransactionManagementType.BEAN) // Flyway commits each migration itself
public class DatabaseMigration {

  private static final Logger LOG = Logger.getLogger(DatabaseMigration.class.getName());

  @Resource(lookup = "jdbc/notejam")
  private DataSource dataSource;

  private volatile boolean migrated;

  @PostConstruct
  void migrate() {
    Flyway flyway =
        Flyway.configure(DatabaseMigration.class.getClassLoader())
            .dataSource(dataSource)
            // Liberty's class loaders find db/migration and db/callback (Flyway's default for
            // callbacks) through their flyway.location marker files.
            .locations("classpath:db/migration")
            .failOnMissingLocations(true)
            // Liberty's session manager may create its "sessions" table before this runs: a
            // schema holding only that still gets every migration, from version 1 on.
            .baselineOnMigrate(true)
            .baselineVersion("0")
            .load();
    MigrateResult result = flyway.migrate();
    LOG.info(
        () ->
            "Database schema at version "
                + (result.targetSchemaVersion != null
                    ? result.targetSchemaVersion
                    : result.initialSchemaVersion)
                + " ("
                + result.migrationsExecuted
                + " migrations applied now)");
    migrated = true;
  }

  /** True once the schema is up to date; the start-up health check reports it. */
  @Lock(LockType.READ)
  public boolean isMigrated() {
    return migrated;
  }
}

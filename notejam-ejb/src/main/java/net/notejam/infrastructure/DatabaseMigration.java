package net.notejam.infrastructure;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import java.sql.Connection;
import java.sql.SQLException;
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
  private volatile boolean countsContentVersions;

  @PostConstruct
  void migrate() throws SQLException {
    String vendor = vendor();
    Flyway flyway =
        Flyway.configure(DatabaseMigration.class.getClassLoader())
            .dataSource(dataSource)
            // Liberty's class loaders find db/migration and db/callback (Flyway's default for
            // callbacks) through their flyway.location marker files. The few migrations that
            // differ by database (V5's full-text search) are in db/vendor/<postgresql|h2>.
            .locations("classpath:db/migration", "classpath:db/vendor/" + vendor)
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
    countsContentVersions = vendor.equals("postgresql");
    migrated = true;
  }

  /**
   * True when the database adds one to a user's content version at every write of their pads and
   * notes, as PostgreSQL's V10 triggers do; the embedded H2 has no such triggers (its triggers are
   * Java classes, which the server's class loaders keep apart from H2), so there the version never
   * moves and the pages are not kept (README "Performance").
   */
  @Lock(LockType.READ)
  public boolean countsContentVersions() {
    return countsContentVersions;
  }

  /** The folder name of this database's own migrations: {@code postgresql} or {@code h2}. */
  private String vendor() throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      String product = connection.getMetaData().getDatabaseProductName();
      return product.equalsIgnoreCase("PostgreSQL") ? "postgresql" : "h2";
    }
  }

  /** True once the schema is up to date; the start-up health check reports it. */
  @Lock(LockType.READ)
  public boolean isMigrated() {
    return migrated;
  }
}

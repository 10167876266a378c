package net.notejam.application;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * Empties the trash of old items: every {@code notejam.trash.purge-interval} each instance asks
 * {@link TrashService#purgeExpired}, which lets one instance do the work. A managed scheduled
 * executor rather than an EJB timer, because the interval is a setting; the first turn comes a
 * minute after start (or sooner, for a shorter interval), so that instances restarted more often
 * than the interval still purge. Starts after the schema is migrated.
 */
@Startup
@Singleton
@DependsOn("DatabaseMigration")
public class TrashPurgeJob {

  private static final Logger LOG = Logger.getLogger(TrashPurgeJob.class.getName());

  private static final Duration FIRST_TURN = Duration.ofMinutes(1);

  @Resource private ManagedScheduledExecutorService scheduler;
  @Inject private TrashService trash;
  @Inject private TrashSettings settings;

  private ScheduledFuture<?> turns;

  @PostConstruct
  void start() {
    long interval = settings.purgeInterval().toMillis();
    turns =
        scheduler.scheduleAtFixedRate(
            this::turn, Math.min(interval, FIRST_TURN.toMillis()), interval, TimeUnit.MILLISECONDS);
  }

  @PreDestroy
  void stop() {
    turns.cancel(false);
  }

  /** One turn; a failure (the database away, say) is logged and the next turn comes anyway. */
  private void turn() {
    try {
      trash.purgeExpired();
    } catch (RuntimeException e) {
      LOG.warning("Trash purge failed, trying again at the next turn: " + e);
    }
  }
}

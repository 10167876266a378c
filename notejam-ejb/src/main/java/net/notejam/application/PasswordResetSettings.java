package net.notejam.application;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The settings of the {@link PasswordResetService} (defaults in microprofile-config.properties):
 * how long a link stays usable, how many links an account gets in an hour, and {@code baseUrl},
 * where links point: the public address of Notejam, never taken from a request's Host (the path of
 * the page a link opens is the web layer's to say). Each component is an injected setting, as in
 * {@link ThrottleSettings}.
 */
@Dependent
public record PasswordResetSettings(
    @ConfigProperty(name = "notejam.reset.lifetime") Duration lifetime,
    @ConfigProperty(name = "notejam.reset.max-per-hour") int maxPerHour,
    @ConfigProperty(name = "notejam.base-url") String baseUrl) {

  @Inject
  public PasswordResetSettings {}
}

package net.notejam.application;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The settings of the {@link Throttle}, {@code notejam.throttle.*} (their meaning and defaults are
 * in microprofile-config.properties), read together: each component is an injected setting, checked
 * like any other {@code @ConfigProperty} injection point.
 */
@Dependent
public record ThrottleSettings(
    @ConfigProperty(name = "notejam.throttle.account.max-failures") int accountMaxFailures,
    @ConfigProperty(name = "notejam.throttle.account.first-lockout") Duration firstLockout,
    @ConfigProperty(name = "notejam.throttle.account.max-lockout") Duration maxLockout,
    @ConfigProperty(name = "notejam.throttle.account.forget-after") Duration forgetAfter,
    @ConfigProperty(name = "notejam.throttle.address.window") Duration addressWindow,
    @ConfigProperty(name = "notejam.throttle.address.max-failures") int addressMaxFailures,
    @ConfigProperty(name = "notejam.throttle.address.max-sign-ups") int addressMaxSignUps,
    @ConfigProperty(name = "notejam.throttle.address.max-reset-requests")
        int addressMaxResetRequests) {

  @Inject
  public ThrottleSettings {}
}

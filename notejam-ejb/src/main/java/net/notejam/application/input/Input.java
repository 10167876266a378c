package net.notejam.application.input;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * The value follows {@link #value() an input rule}; Bean Validation reports the rule's message. One
 * annotation for all rules, so that a rule and its message live in {@link InputRule} only.
 */
@Documented
@Constraint(validatedBy = InputRuleValidator.class)
@Target({FIELD, PARAMETER})
@Retention(RUNTIME)
public @interface Input {

  InputRule value();

  /** Unused: the message is the rule's. */
  String message() default "";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};
}

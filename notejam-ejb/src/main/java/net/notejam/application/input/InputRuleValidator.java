package net.notejam.application.input;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/** Checks an {@link Input @Input} value against its rule and reports the rule's message. */
public class InputRuleValidator implements ConstraintValidator<Input, String> {

  private InputRule rule;

  @Override
  public void initialize(Input input) {
    rule = input.value();
  }

  @Override
  public boolean isValid(String value, ConstraintValidatorContext context) {
    return rule.problem(value)
        .map(
            message -> {
              context.disableDefaultConstraintViolation();
              // A literal, not a template: the rule's messages hold no {placeholders}.
              context.buildConstraintViolationWithTemplate(message).addConstraintViolation();
              return false;
            })
        .orElse(true);
  }
}

package net.notejam.web.pad;

import static net.notejam.application.input.InputRule.PAD_NAME;

import net.notejam.application.input.Input;

/** The field of the pad form, shared by the create and edit pages. */
public abstract class PadFields {

  @Input(PAD_NAME)
  private String name;

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }
}

package net.notejam.web.pad;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import net.notejam.application.Names;
import net.notejam.web.FormMessages;

/** The field of the pad form, shared by the create and edit pages. */
public abstract class PadFields {

  @NotBlank(message = FormMessages.REQUIRED)
  @Size(max = Names.NAME_MAX_LENGTH, message = FormMessages.NAME_TOO_LONG)
  private String name;

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }
}

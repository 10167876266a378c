package net.notejam.web.trash;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import net.notejam.application.TrashSettings;

/**
 * How long the trash keeps a deleted item, in the words of the pages ({@code
 * #{trashRetention.text}}: "30 days"), for the trash page and the delete confirmations.
 */
@Named
@ApplicationScoped
public class TrashRetention {

  @Inject private TrashSettings settings;

  public String getText() {
    long days = settings.retentionDays();
    return days == 1 ? "1 day" : days + " days";
  }
}

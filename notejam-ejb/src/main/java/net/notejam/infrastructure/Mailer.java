package net.notejam.infrastructure;

import jakarta.annotation.Resource;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.Stateless;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Sends Notejam's mail through the server's mail session ({@code mail/notejam}), in the background
 * so that a slow mail server never holds up a page. With no SMTP host configured (the zero-setup
 * default) the mail is written to the server log instead, clearly marked, so that a local user can
 * still follow its link.
 */
@Stateless
public class Mailer {

  private static final Logger LOG = Logger.getLogger(Mailer.class.getName());

  @Resource(lookup = "mail/notejam")
  private Session session;

  /** Sends a plain-text mail to {@code to}; failures are logged, never shown to anyone. */
  @Asynchronous
  public void send(String to, String subject, String body) {
    if (!isConfigured()) {
      LOG.warning(
          "NO SMTP SERVER CONFIGURED (set SMTP_HOST): this mail to "
              + to
              + " is written to the log instead of being sent. It may hold a password reset"
              + " link: only the local default setup does this.\n"
              + "----- mail -----\nSubject: "
              + subject
              + "\n\n"
              + body
              + "\n----- end of mail -----");
      return;
    }
    try {
      MimeMessage message = new MimeMessage(session);
      message.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
      message.setSubject(subject, "UTF-8");
      message.setText(body, "UTF-8");
      Transport.send(message);
      LOG.fine(() -> "Mail sent: " + subject);
    } catch (MessagingException e) {
      LOG.log(Level.WARNING, "Could not send the mail \"" + subject + "\": " + e.getMessage());
    }
  }

  private boolean isConfigured() {
    String host = session.getProperty("mail.smtp.host");
    if (host == null || host.isBlank()) {
      host = session.getProperty("mail.host");
    }
    return host != null && !host.isBlank();
  }
}

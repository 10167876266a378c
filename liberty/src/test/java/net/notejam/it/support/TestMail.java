package net.notejam.it.support;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * GreenMail, the real SMTP server the test server sends its mail to, running in the test JVM, and
 * what the tests read from the mail it caught.
 */
public final class TestMail {

  private static final Pattern RESET_LINK =
      Pattern.compile("https?://[^/\\s]+(/reset-password/[^\\s]+/)");

  private TestMail() {}

  /** An SMTP server on the port the test server sends to, up for a whole test class. */
  public static GreenMailExtension server() {
    return new GreenMailExtension(
            new ServerSetup(
                Integer.getInteger("notejam.smtp.port", 3025),
                "127.0.0.1",
                ServerSetup.PROTOCOL_SMTP))
        .withPerMethodLifecycle(false);
  }

  /** The mails caught for {@code address}, oldest first. */
  public static List<MimeMessage> to(GreenMailExtension mail, String address) {
    return Arrays.stream(mail.getReceivedMessages())
        .filter(
            m -> {
              try {
                return Arrays.stream(m.getAllRecipients())
                    .anyMatch(r -> r.toString().equalsIgnoreCase(address));
              } catch (MessagingException e) {
                throw new IllegalStateException(e);
              }
            })
        .toList();
  }

  /** The path of the reset link in {@code mail}, such as {@code /reset-password/abc/}. */
  public static String resetLink(MimeMessage mail) {
    Matcher matcher = RESET_LINK.matcher(GreenMailUtil.getBody(mail));
    if (!matcher.find()) {
      throw new AssertionError("No reset link in: " + GreenMailUtil.getBody(mail));
    }
    return matcher.group(1);
  }

  /** Waits up to 15 s for {@code count} mails to {@code address} and returns them. */
  public static List<MimeMessage> await(GreenMailExtension mail, String address, int count)
      throws InterruptedException {
    long deadline = System.currentTimeMillis() + 15_000;
    List<MimeMessage> mails = to(mail, address);
    while (mails.size() < count && System.currentTimeMillis() < deadline) {
      Thread.sleep(100);
      mails = to(mail, address);
    }
    return mails;
  }
}

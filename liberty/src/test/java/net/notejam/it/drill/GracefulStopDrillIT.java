package net.notejam.it.drill;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import net.notejam.it.support.Accounts;
import net.notejam.it.support.Browser;
import net.notejam.it.support.Page;
import org.junit.jupiter.api.Test;

/**
 * Drill: SIGTERM (what Kubernetes sends a pod) while requests are in flight. Every request the
 * server had accepted is answered in full; only connections attempted after it stopped listening
 * are refused, which a load balancer retries elsewhere.
 */
class GracefulStopDrillIT {

  private static final int REQUESTS = 12;

  @Test
  void sigtermLetsEveryRequestInFlightFinish() throws Exception {
    LibertyInstance server = LibertyInstance.create("notejam-drill-stop", 9183, null);
    server.start();
    try {
      drill(server);
    } finally {
      server.stopQuietly();
    }
  }

  private void drill(LibertyInstance server) throws Exception {
    Browser setup = new Browser(server.url, null);
    String email = Accounts.newEmail();
    Accounts.signUp(setup, email, Accounts.PASSWORD, Accounts.PASSWORD);

    // Sign-ins are the slowest requests (PBKDF2): a dozen at once keep the server busy.
    List<Browser> browsers = new ArrayList<>();
    List<Page> forms = new ArrayList<>();
    for (int i = 0; i < REQUESTS; i++) {
      Browser b = new Browser(server.url, null);
      browsers.add(b);
      forms.add(b.get("/signin/"));
    }
    ExecutorService pool = Executors.newFixedThreadPool(REQUESTS);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<String>> results = new ArrayList<>();
    for (int i = 0; i < REQUESTS; i++) {
      Browser b = browsers.get(i);
      Page form = forms.get(i);
      results.add(
          pool.submit(
              () -> {
                go.await();
                try {
                  // The sign-in's own answer (a redirect): following it would be a new request,
                  // sent after the stop began, which a balancer would not send any more.
                  Page page =
                      b.submitOnce(
                          form,
                          "signin",
                          Map.of("email", email, "password", Accounts.PASSWORD),
                          "submit");
                  return page.status() == 303
                      ? "answered"
                      : "wrong answer " + page.status() + " " + page.path();
                } catch (RuntimeException e) {
                  Throwable cause = e.getCause();
                  return cause instanceof ConnectException
                          || cause instanceof HttpConnectTimeoutException
                      ? "refused"
                      : "broken: " + e;
                }
              }));
    }
    go.countDown();
    Thread.sleep(150); // the requests are in the server now
    long stop = System.nanoTime();
    server.terminate();
    List<String> outcomes = new ArrayList<>();
    for (Future<String> result : results) {
      outcomes.add(result.get(60, TimeUnit.SECONDS));
    }
    pool.shutdownNow();
    long answered = outcomes.stream().filter("answered"::equals).count();
    long refused = outcomes.stream().filter("refused"::equals).count();
    System.out.printf(
        "Graceful stop drill: SIGTERM with %d sign-ins sent; %d answered in full, %d refused at"
            + " connect (after the listener closed), %d broken; server gone %d ms after SIGTERM%n",
        REQUESTS, answered, refused, REQUESTS - answered - refused, waitGone(server, stop));
    assertEquals(REQUESTS, answered + refused, "no request broken mid-way: " + outcomes);
    assertTrue(answered > 0, "requests really were in flight: " + outcomes);
  }

  private static long waitGone(LibertyInstance server, long since) throws Exception {
    server.awaitReadiness(-1, java.time.Duration.ofSeconds(60));
    return (System.nanoTime() - since) / 1_000_000;
  }
}

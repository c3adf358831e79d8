package dev.latchkey.benchmarks;

import java.net.http.HttpResponse;
import java.util.List;

/**
 * One person with one browser and one passkey, doing what the pages' script does over HTTP.
 * Each request's time is added to the given {@link Latencies}; a response other than the
 * expected status counts as an error there (and the journey stops).
 */
final class VirtualUser {

    /** The latencies of one phase, by request. */
    record Timings(Latencies signInPage, Latencies options, Latencies finish, Latencies accountPage) {
        static Timings named(String phase) {
            return new Timings(new Latencies(phase + " GET /signin"), new Latencies(phase + " options"),
                    new Latencies(phase + " finish"), new Latencies(phase + " GET /account"));
        }

        Latencies[] all() {
            return new Latencies[] {signInPage, options, finish, accountPage};
        }
    }

    private static final String SIGN_IN_FINISH = "/api/signin/finish?next=%2Faccount%2Fsecurity";

    final String email;
    private final BrowserProfile browser;
    private final SoftwarePasskey passkey;

    /** @param instances the servers' base addresses; the first is the public origin (see {@link BrowserProfile}) */
    VirtualUser(List<String> instances, String email) {
        this.email = email;
        this.browser = new BrowserProfile(instances.get(0), instances);
        this.passkey = new SoftwarePasskey(instances.get(0));
    }

    /** Signs up with a new passkey (the browser is signed in afterwards). */
    void signUp() {
        String body = SoftwarePasskey.JSON.createObjectNode().put("email", email).put("displayName", "Bench User").toString();
        HttpResponse<String> options = expect(browser.postJson("/api/signup/options", body), 200, "sign-up options");
        String credential = passkey.create(options.body());
        expect(browser.postJson("/api/signup/finish", SoftwarePasskey.finishBody(credential)), 200, "sign-up finish");
    }

    /** A passkey sign-in (options, then finish) from a browser whose session ended. */
    boolean signIn(Timings t) {
        browser.dropSession();
        long start = System.nanoTime();
        HttpResponse<String> options = browser.postJson("/api/signin/options", "{\"mediation\":\"modal\"}");
        if (!ok(options, 200, t.options(), start)) {
            return false;
        }
        String assertion = passkey.get(options.body()); // the authenticator's part: not the server's time
        start = System.nanoTime();
        return ok(browser.postJson(SIGN_IN_FINISH, SoftwarePasskey.finishBody(assertion)), 200, t.finish(), start);
    }

    /** The sign-in page, as a browser without a session loads it. */
    boolean signInPage(Timings t) {
        browser.dropSession();
        long start = System.nanoTime();
        return ok(browser.get("/signin"), 200, t.signInPage(), start);
    }

    /** The account page, signed in. */
    boolean accountPage(Timings t) {
        long start = System.nanoTime();
        return ok(browser.get("/account/security"), 200, t.accountPage(), start);
    }

    /** What a returning user does: the sign-in page, a passkey sign-in, the account page. */
    boolean journey(Timings t) {
        return signInPage(t) && signIn(t) && accountPage(t);
    }

    private static boolean ok(HttpResponse<String> response, int status, Latencies into, long start) {
        long elapsed = System.nanoTime() - start;
        if (response.statusCode() != status) {
            into.error();
            if (into.errors() <= 3) {
                System.err.println(into.name + ": HTTP " + response.statusCode() + " " + abbreviate(response.body()));
            }
            return false;
        }
        into.add(elapsed);
        return true;
    }

    private static HttpResponse<String> expect(HttpResponse<String> response, int status, String what) {
        if (response.statusCode() != status) {
            throw new IllegalStateException(what + ": HTTP " + response.statusCode() + " " + abbreviate(response.body()));
        }
        return response;
    }

    private static String abbreviate(String s) {
        return s.length() > 300 ? s.substring(0, 300) + "..." : s;
    }
}

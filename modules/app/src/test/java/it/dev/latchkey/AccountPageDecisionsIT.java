package it.dev.latchkey;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every view of the account page decides whether its card applies, and each decision that matters
 * is stored with its reason; a view where nothing changed since the device's last stored
 * account-page decision adds no row, and a card that stays on the page is counted as shown once.
 */
class AccountPageDecisionsIT {

    private static final String ACCOUNT_OF = "(select id from idn_account where pending_email = ?)";

    @Test
    void repeatedViewsStoreADecisionOnlyWhenSomethingChanged() {
        String email = Journeys.uniqueEmail("decisions");
        Browser laptop = new Browser().withUserAgent(DevicesAndSessionsIT.WINDOWS_EDGE);
        Journeys.signUp(laptop, new Authenticator(), email);

        // The card (scenario d: every passkey on one device) stays on every view while it is true, but it is one
        // decision and is counted as shown once, not once per view.
        for (int i = 0; i < 6; i++) {
            assertThat(laptop.get("/account/security").body()).contains("data-nudge-card");
        }
        assertThat(reasons(email)).as("one decision for the card, not one per view")
                .containsExactly("ALL_PASSKEYS_ON_ONE_DEVICE");
        assertThat(shown(email)).as("shown once in the funnel").isOne();

        // A period later the same card is a new decision, shown once more; again not once per view.
        Database.execute("update ndg_event set occurred_at = occurred_at - interval '8' day where account_id = "
                + ACCOUNT_OF, email);
        Database.execute("update ndg_decision set decided_at = decided_at - interval '8' day where account_id = "
                + ACCOUNT_OF, email);
        assertThat(laptop.get("/account/security").body()).contains("data-nudge-card");
        laptop.get("/account/security");
        laptop.get("/account/security");
        assertThat(reasons(email)).containsExactly("ALL_PASSKEYS_ON_ONE_DEVICE", "ALL_PASSKEYS_ON_ONE_DEVICE");
        assertThat(shown(email)).isEqualTo(2);
    }

    private static long shown(String email) {
        return Database.count("select count(*) from ndg_event where type = 'SHOWN' and account_id = " + ACCOUNT_OF, email);
    }

    private static List<String> reasons(String email) {
        return Database.strings("select reason from ndg_decision where moment = 'ACCOUNT_PAGE' and account_id = "
                + ACCOUNT_OF + " order by decided_at", email);
    }
}

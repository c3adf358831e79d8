package it.dev.latchkey;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every view of the account page decides whether its card applies, and each decision that matters
 * is stored with its reason; a view where nothing changed since the device's last stored
 * account-page decision adds no row.
 */
class AccountPageDecisionsIT {

    private static final String ACCOUNT_OF = "(select id from idn_account where pending_email = ?)";

    @Test
    void repeatedViewsStoreADecisionOnlyWhenSomethingChanged() {
        String email = Journeys.uniqueEmail("decisions");
        Browser laptop = new Browser().withUserAgent(DevicesAndSessionsIT.WINDOWS_EDGE);
        Journeys.signUp(laptop, new Authenticator(), email);

        // The first view shows the card (scenario d: every passkey on one device); the next ones do not.
        assertThat(laptop.get("/account/security").body()).contains("data-nudge-card");
        for (int i = 0; i < 5; i++) {
            assertThat(laptop.get("/account/security").statusCode()).isEqualTo(200);
        }
        List<String> reasons = reasons(email);
        assertThat(reasons).as("the prompt, then one row for 'prompted recently', not one per view")
                .containsExactly("ALL_PASSKEYS_ON_ONE_DEVICE", "DEVICE_PROMPTED_RECENTLY");

        // A period later the card is due again: that decision is stored, and so is the next change.
        Database.execute("update ndg_event set occurred_at = occurred_at - interval '8' day where account_id = "
                + ACCOUNT_OF, email);
        Database.execute("update ndg_decision set decided_at = decided_at - interval '8' day where account_id = "
                + ACCOUNT_OF, email);
        assertThat(laptop.get("/account/security").body()).contains("data-nudge-card");
        laptop.get("/account/security");
        laptop.get("/account/security");
        assertThat(reasons(email)).containsExactly("ALL_PASSKEYS_ON_ONE_DEVICE", "DEVICE_PROMPTED_RECENTLY",
                "ALL_PASSKEYS_ON_ONE_DEVICE", "DEVICE_PROMPTED_RECENTLY");

    }

    private static List<String> reasons(String email) {
        return Database.strings("select reason from ndg_decision where moment = 'ACCOUNT_PAGE' and account_id = "
                + ACCOUNT_OF + " order by decided_at", email);
    }
}

package it.dev.latchkey;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A person tells their devices apart by a name of their own ("Work laptop" instead of a third
 * "Edge on Windows"): only their own devices, length-limited, shown escaped, refused with a 4xx.
 */
class DeviceNamesIT {

    private static final Pattern DEVICE = Pattern.compile("<input type=\"hidden\" name=\"device\" value=\"([0-9a-f-]{36})\"");

    @Test
    void aPersonNamesTheirDeviceAndSeesTheNameInsteadOfTheAutomaticLabel() {
        Browser laptop = new Browser().withUserAgent(DevicesAndSessionsIT.WINDOWS_EDGE);
        Journeys.signUp(laptop, new Authenticator(), Journeys.uniqueEmail("device-name"));
        String device = deviceIds(laptop).get(0);
        assertThat(devicesList(laptop, "/account/security")).contains("<strong>Edge on Windows</strong>")
                .contains("Name this device");

        HttpResponse<String> named = name(laptop, device, "Work laptop");
        assertThat(named.statusCode()).isEqualTo(302);
        assertThat(named.headers().firstValue("Location").orElseThrow()).contains("deviceNamed").endsWith("#device-" + device);
        assertThat(laptop.get("/account/security?deviceNamed").body()).contains("The device&#39;s name is saved.");
        assertThat(devicesList(laptop, "/account/security")).contains("<strong>Work laptop</strong>")
                .contains("(Edge on Windows)").doesNotContain("<strong>Edge on Windows</strong>");
        assertThat(Database.string("select given_name from idn_device where id = cast(? as uuid)", device))
                .isEqualTo("Work laptop");

        // Shown escaped, never as markup.
        assertThat(name(laptop, device, "<b>Büro</b>").statusCode()).isEqualTo(302);
        assertThat(devicesList(laptop, "/account/security")).contains("<strong>&lt;b&gt;Büro&lt;/b&gt;</strong>")
                .doesNotContain("<b>Büro</b>");

        // An empty name goes back to the automatic one.
        assertThat(name(laptop, device, "  ").statusCode()).isEqualTo(302);
        assertThat(devicesList(laptop, "/account/security")).contains("<strong>Edge on Windows</strong>")
                .doesNotContain("automatic-label");
        assertThat(Database.string("select given_name from idn_device where id = cast(? as uuid)", device)).isNull();
    }

    @Test
    void badNamesAreRefusedWithA4xxAndChangeNothing() {
        Browser laptop = new Browser().withUserAgent(DevicesAndSessionsIT.WINDOWS_EDGE);
        Journeys.signUp(laptop, new Authenticator(), Journeys.uniqueEmail("device-name-bad"));
        String device = deviceIds(laptop).get(0);
        assertThat(name(laptop, device, "Home").statusCode()).isEqualTo(302);

        HttpResponse<String> tooLong = name(laptop, device, "x".repeat(41));
        assertThat(tooLong.statusCode()).isEqualTo(422);
        assertThat(tooLong.body()).contains("Use at most 40 characters for the name.");
        assertThat(name(laptop, device, "a\u202Eb").statusCode()).as("a bidi override").isEqualTo(422);
        assertThat(name(laptop, device, "a\u0007b").statusCode()).isEqualTo(422);
        assertThat(name(laptop, device, "x".repeat(40)).statusCode()).as("40 is allowed").isEqualTo(302);
        assertThat(name(laptop, device, "Home").statusCode()).isEqualTo(302);

        HttpResponse<String> garbage = laptop.postForm("/account/devices/name", "device=not-a-device&name=x");
        assertThat(garbage.statusCode()).isEqualTo(400);
        assertThat(name(laptop, "00000000-0000-0000-0000-000000000000", "x").statusCode()).isEqualTo(404);

        // Cross-site: no CSRF token, nothing changes.
        assertThat(laptop.postFormWithoutCsrfToken("/account/devices/name", "device=" + device + "&name=Evil")
                .statusCode()).isEqualTo(403);
        assertThat(Database.string("select given_name from idn_device where id = cast(? as uuid)", device))
                .isEqualTo("Home");
    }

    @Test
    void nobodyRenamesAnotherPersonsDevice() {
        Browser owner = new Browser().withUserAgent(DevicesAndSessionsIT.WINDOWS_EDGE);
        Journeys.signUp(owner, new Authenticator(), Journeys.uniqueEmail("device-owner"));
        String ownersDevice = deviceIds(owner).get(0);
        Browser other = new Browser().withUserAgent(DevicesAndSessionsIT.WINDOWS_EDGE);
        Journeys.signUp(other, new Authenticator(), Journeys.uniqueEmail("device-other"));

        HttpResponse<String> refused = name(other, ownersDevice, "Mine now");
        assertThat(refused.statusCode()).isEqualTo(404);
        assertThat(Database.string("select given_name from idn_device where id = cast(? as uuid)", ownersDevice)).isNull();
        assertThat(new Browser().postForm("/account/devices/name", "device=" + ownersDevice + "&name=x").statusCode())
                .as("signed out").isIn(302, 303, 401, 403);
        assertThat(Database.string("select given_name from idn_device where id = cast(? as uuid)", ownersDevice)).isNull();
    }

    @Test
    void theDevicesListIsInGerman() {
        Browser laptop = new Browser().withUserAgent(DevicesAndSessionsIT.WINDOWS_EDGE)
                .withHeader("Accept-Language", "de");
        Journeys.signUp(laptop, new Authenticator(), Journeys.uniqueEmail("device-de"));
        assertThat(laptop.get("/account/security").body()).contains("Zuerst gesehen am").contains("Diesem Gerät einen Namen geben");
    }

    private static HttpResponse<String> name(Browser browser, String device, String name) {
        return browser.postForm("/account/devices/name", "device=" + device + "&name="
                + URLEncoder.encode(name, StandardCharsets.UTF_8));
    }

    /** The account page's list of devices (the coverage card elsewhere on the page names devices too). */
    private static String devicesList(Browser browser, String path) {
        String page = browser.get(path).body();
        int start = page.indexOf("<ul class=\"devices\">");
        assertThat(start).as("the devices list").isNotNegative();
        return page.substring(start, page.indexOf("</ul>", start));
    }

    private static List<String> deviceIds(Browser browser) {
        return DEVICE.matcher(browser.get("/account/security").body()).results().map(r -> r.group(1)).toList();
    }
}

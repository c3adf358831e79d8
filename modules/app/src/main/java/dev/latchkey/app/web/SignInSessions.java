package dev.latchkey.app.web;

import dev.latchkey.app.security.Cookies;
import dev.latchkey.identity.api.AbuseLimits;
import dev.latchkey.identity.api.ClientDescription;
import dev.latchkey.identity.api.Device;
import dev.latchkey.identity.api.Devices;
import dev.latchkey.identity.api.Sessions;
import dev.latchkey.identity.api.SignInMethod;
import dev.latchkey.identity.api.SignIns;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import java.util.UUID;

/**
 * What every successful sign-in does, whatever the method: recognise the device, log the
 * sign-in, and start a fresh session (a new row and cookie; the previous session ends).
 */
@ApplicationScoped
public class SignInSessions {

    @Inject
    Devices devices;

    @Inject
    SignIns signIns;

    @Inject
    Sessions sessions;

    @Inject
    Cookies cookies;

    @Inject
    AbuseLimits abuseLimits;

    /** Signs the browser in after account creation (no sign-in event: it was a sign-up). */
    public Device startAfterSignUp(HttpServletRequest request, HttpServletResponse response, UUID accountId,
                            ClientDescription client) {
        Device device = devices.seen(accountId, BrowserContext.deviceKey(cookies, request, response), client);
        // The passkey was created and verified this minute: that counts as a passkey sign-in for step-up.
        start(request, response, accountId, device, SignInMethod.PASSKEY);
        return device;
    }

    public Device signIn(HttpServletRequest request, HttpServletResponse response, UUID accountId, SignInMethod method,
                  ClientDescription client) {
        Device device = devices.seen(accountId, BrowserContext.deviceKey(cookies, request, response), client);
        signIns.recordSuccess(accountId, device, method);
        if (method.isPasskey()) {
            // A passkey proves possession: it ends any pause on the fallback methods.
            abuseLimits.lift(accountId);
        }
        start(request, response, accountId, device, method);
        return device;
    }

    public void failed(SignInMethod method, ClientDescription client, String reason) {
        failed(method, client, reason, Optional.empty());
    }

    /** A failed attempt against a known account (the abuse limiter counts these per account). */
    public void failed(SignInMethod method, ClientDescription client, String reason, Optional<UUID> accountId) {
        signIns.recordFailure(accountId, devices.label(client), method, reason);
    }

    private void start(HttpServletRequest request, HttpServletResponse response, UUID accountId, Device device,
                       SignInMethod method) {
        cookies.read(request, Cookies.SESSION).ifPresent(sessions::end);
        Sessions.SessionToken token = sessions.start(accountId, Optional.of(device.id()), method);
        cookies.write(response, Cookies.SESSION, token.value(), "Lax");
    }
}

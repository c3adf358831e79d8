package dev.latchkey.app.web;

import dev.latchkey.app.security.Cookies;
import dev.latchkey.identity.api.ClientDescription;
import dev.latchkey.identity.api.DeviceKey;
import dev.latchkey.identity.api.Sessions;
import dev.latchkey.identity.api.SignInContext;
import dev.latchkey.identity.api.SignedIn;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The cookies around a sign-in, and nothing else: what the browser brings to it (device cookie,
 * session cookie, client address) and what it keeps afterwards. Every rule of a sign-in is
 * identity's ({@code SignIns.complete}); this class only carries values between cookies and it.
 */
@ApplicationScoped
public class SignInSessions {

    @Inject
    Cookies cookies;

    @Inject
    ReaderLanguage language;

    /** What this request brings to a sign-in, with the page's language (a new account's mail language). */
    public SignInContext context(HttpServletRequest request, ClientDescription client) {
        return new SignInContext(cookies.read(request, Cookies.DEVICE).flatMap(DeviceKey::parse), client,
                ClientAddress.of(request), cookies.read(request, Cookies.SESSION).map(Sessions.SessionToken::new),
                java.util.Optional.of(language.of(request)));
    }

    /** The browser keeps its device key (refreshed) and the new session's token. */
    public void keep(HttpServletResponse response, SignedIn signedIn) {
        cookies.writeLasting(response, Cookies.DEVICE, signedIn.deviceKey().value());
        cookies.write(response, Cookies.SESSION, signedIn.session().value(), "Lax");
    }
}

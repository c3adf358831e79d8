package dev.latchkey.app.web.handoff;

import dev.latchkey.identity.api.Sessions;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * {@code POST /account/handoff/pair} (form {@code h}, {@code code}): the pairing code from device 2
 * ({@link HandoffPages}, whose page a GET shows).
 */
@WebServlet(HandoffPages.PATH + "/pair")
public class HandoffPairing extends HandoffPages {
    private static final long serialVersionUID = 1L;

    @Override
    void post(HttpServletRequest request, HttpServletResponse response, Sessions.SignedInSession s) throws IOException {
        pair(request, response, s);
    }
}

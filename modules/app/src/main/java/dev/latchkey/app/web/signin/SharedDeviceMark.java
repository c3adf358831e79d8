package dev.latchkey.app.web.signin;

import dev.latchkey.app.web.Paths;
import dev.latchkey.app.web.SharedDevices;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** {@code POST /device/shared}: "This is a shared or public computer" (or "This is my own device"). */
@WebServlet("/device/shared")
public class SharedDeviceMark extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Inject
    transient SharedDevices sharedDevices;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        sharedDevices.mark(response, "on".equals(request.getParameter("shared")));
        response.sendRedirect("/signin?next=" + java.net.URLEncoder.encode(Paths.safeNext(request.getParameter("next")),
                java.nio.charset.StandardCharsets.UTF_8));
    }
}

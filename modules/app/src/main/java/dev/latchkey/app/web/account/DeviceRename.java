package dev.latchkey.app.web.account;

import dev.latchkey.app.web.Paths;
import dev.latchkey.identity.api.Account;
import dev.latchkey.identity.api.Devices;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code POST /account/devices/name} (form {@code device}, {@code name}): gives one of the account's
 * devices a name of the person's own (a blank name goes back to the automatic one). Identity checks
 * the name and that the device is the account's; a refusal shows the page again, the reason next to
 * that device's form (templates/devices.html reads it from the request), with a 4xx. A GET leads to the page.
 */
@WebServlet(DeviceRename.PATH)
public class DeviceRename extends AccountSecurityPage {
    private static final long serialVersionUID = 1L;

    static final String PATH = "/account/devices/name";
    /** Request attributes the devices fragment shows: which refusal (a message key's last part), and for which device. */
    static final String PROBLEM = "deviceNameProblem";
    static final String PROBLEM_DEVICE = "deviceNameProblemDevice";

    @Override
    void get(HttpServletRequest request, HttpServletResponse response, Account account) throws IOException {
        response.sendRedirect(Paths.ACCOUNT);
    }

    @Override
    void post(HttpServletRequest request, HttpServletResponse response, Account account) throws IOException {
        Optional<UUID> device = dev.latchkey.app.web.nudges.NudgePage.uuid(request.getParameter("device"));
        if (device.isEmpty()) {
            refuse(request, response, account, 400, "notFound", "");
            return;
        }
        String anchor = "#device-" + device.get();
        switch (devices.rename(account.id(), device.get(), Optional.ofNullable(request.getParameter("name")).orElse(""))) {
            case NAMED, CLEARED -> response.sendRedirect(Paths.ACCOUNT + "?deviceNamed" + anchor);
            case TOO_LONG -> refuse(request, response, account, 422, "tooLong", device.get().toString());
            case NOT_ALLOWED_CHARACTERS -> refuse(request, response, account, 422, "characters", device.get().toString());
            case NOT_FOUND -> refuse(request, response, account, 404, "notFound", "");
        }
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, Account account, int status,
                        String problem, String deviceId) throws IOException {
        request.setAttribute(PROBLEM, problem);
        request.setAttribute(PROBLEM_DEVICE, deviceId);
        render(request, response, status, account, AccountSecurityView.Refused.NONE);
    }
}

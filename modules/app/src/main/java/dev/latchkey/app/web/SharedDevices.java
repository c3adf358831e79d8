package dev.latchkey.app.web;

import dev.latchkey.app.security.Cookies;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Shared and public devices: a bank branch's counter computer, a library PC. Such a device is
 * never offered passkey autofill or a passkey of its own; sign-in there uses a phone (hybrid) or a
 * security key. A device is shared when the person said so at sign-in (a cookie that identifies
 * no one) or when the request comes from a configured address range ({@code latchkey.shared.networks},
 * CIDR notation, for example {@code 10.20.0.0/16}).
 */
@ApplicationScoped
public class SharedDevices {

    private static final Logger LOG = Logger.getLogger(SharedDevices.class.getName());
    static final String COOKIE = "latchkey_shared";
    private static final int MAX_AGE_SECONDS = 400 * 24 * 3600;

    @Inject
    Cookies cookies;

    private final List<Network> networks;

    public SharedDevices() {
        String configured = ConfigProvider.getConfig(SharedDevices.class.getClassLoader())
                .getOptionalValue("latchkey.shared.networks", String.class).orElse("");
        this.networks = Arrays.stream(configured.split(","))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .map(SharedDevices::parse)
                .flatMap(Optional::stream)
                .toList();
    }

    public boolean isShared(HttpServletRequest request) {
        return markedByPerson(request) || inSharedNetwork(ClientAddress.of(request));
    }

    /** Whether the shared mark comes from configuration, which the person cannot take off. */
    public boolean inSharedNetwork(String address) {
        return literal(address).map(a -> networks.stream().anyMatch(n -> n.contains(a))).orElse(false);
    }

    boolean markedByPerson(HttpServletRequest request) {
        return cookies.read(request, COOKIE).filter("1"::equals).isPresent();
    }

    public void mark(HttpServletResponse response, boolean shared) {
        if (shared) {
            cookies.writeLasting(response, COOKIE, "1");
        } else {
            cookies.clear(response, COOKIE);
        }
    }

    /** {@code address/prefix} with a literal IPv4 or IPv6 address; anything else is logged and ignored. */
    static Optional<Network> parse(String cidr) {
        String[] parts = cidr.split("/", 2);
        Optional<InetAddress> base = literal(parts[0]);
        try {
            if (base.isPresent()) {
                int bits = base.get().getAddress().length * 8;
                int prefix = parts.length == 2 ? Integer.parseInt(parts[1]) : bits;
                if (prefix >= 0 && prefix <= bits) {
                    return Optional.of(new Network(base.get().getAddress(), prefix));
                }
            }
        } catch (NumberFormatException e) {
            // fall through
        }
        LOG.warning(() -> "Ignoring latchkey.shared.networks entry that is not CIDR notation: " + cidr);
        return Optional.empty();
    }

    /** Parses only literal addresses: never a DNS lookup. */
    static Optional<InetAddress> literal(String address) {
        if (address == null || address.isBlank() || address.length() > 45
                || !address.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == '.' || c == ':')) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(address));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    record Network(byte[] base, int prefix) {
        boolean contains(InetAddress address) {
            byte[] a = address.getAddress();
            if (a.length != base.length) {
                return false;
            }
            int bits = a.length * 8;
            BigInteger mask = prefix == 0 ? BigInteger.ZERO
                    : BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE).shiftRight(bits - prefix).shiftLeft(bits - prefix);
            return new BigInteger(1, a).and(mask).equals(new BigInteger(1, base).and(mask));
        }
    }
}

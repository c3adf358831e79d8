package dev.latchkey.federation.api;

import com.nimbusds.jose.util.JSONObjectUtils;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The clients file ({@code LATCHKEY_OIDC_CLIENTS}), read once at start-up. Every mistake is reported
 * as one readable sentence and stops the start (the README's "Sign applications in with OpenID
 * Connect" shows an example):
 * <pre>
 * {"clients": [{"client_id": "intranet", "name": "Intranet",
 *               "client_secret_sha256": "9f86d081...",
 *               "redirect_uris": ["https://intranet.example.com/callback"],
 *               "post_logout_redirect_uris": ["https://intranet.example.com/"],
 *               "id_token_signed_response_alg": "ES256", "require_acr": "phr",
 *               "backchannel_logout_uri": "https://intranet.example.com/backchannel-logout",
 *               "subject_type": "pairwise"}]}
 * </pre>
 * A client that authenticates with {@code private_key_jwt} registers its public keys inline instead of a
 * secret: {@code "jwks": {"keys": [{"kty": "EC", "crv": "P-256", "kid": "...", "x": "...", "y": "..."}]}}.
 * {@code jwks_uri} is refused: Latchkey fetches nothing over the network.
 */
public final class OidcClients {

    /** The phishing-resistant level: only a passkey reaches it. */
    public static final String ACR_PHISHING_RESISTANT = "phr";
    /** Any other way Latchkey signs a person in (email code, password, recovery code). */
    public static final String ACR_BASIC = "basic";

    private static final Pattern CLIENT_ID = Pattern.compile("[A-Za-z0-9._-]{1,100}");
    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");
    private static final Set<String> KEYS = Set.of("client_id", "name", "client_secret_sha256", "redirect_uris",
            "post_logout_redirect_uris", "id_token_signed_response_alg", "require_acr", "backchannel_logout_uri", "jwks",
            "jwks_uri", "subject_type");

    private OidcClients() {
    }

    /** What a clients file held: the clients when {@code problems} is empty. */
    public record Parsed(List<OidcClient> clients, List<String> problems) {
        public Parsed {
            clients = List.copyOf(clients);
            problems = List.copyOf(problems);
        }
    }

    /** Reads the file's text; never throws. */
    public static Parsed parse(String json) {
        List<String> problems = new ArrayList<>();
        List<OidcClient> clients = new ArrayList<>();
        Map<String, Object> root;
        try {
            root = JSONObjectUtils.parse(json == null ? "" : json);
        } catch (java.text.ParseException | RuntimeException e) {
            return new Parsed(List.of(), List.of("LATCHKEY_OIDC_CLIENTS must be a JSON object like {\"clients\": [...]}: "
                    + e.getMessage()));
        }
        if (!(root.get("clients") instanceof List<?> entries)) {
            return new Parsed(List.of(), List.of("LATCHKEY_OIDC_CLIENTS must have a \"clients\" list"));
        }
        Set<String> ids = new HashSet<>();
        int index = 0;
        for (Object entry : entries) {
            index++;
            if (!(entry instanceof Map<?, ?> map)) {
                problems.add("LATCHKEY_OIDC_CLIENTS client " + index + " must be a JSON object");
                continue;
            }
            String where = "LATCHKEY_OIDC_CLIENTS client " + index;
            int before = problems.size();
            for (Object key : map.keySet()) {
                if (!KEYS.contains(String.valueOf(key))) {
                    problems.add(where + " has an unknown field \"" + key + "\" (known: " + String.join(", ", KEYS.stream().sorted().toList()) + ")");
                }
            }
            String id = map.get("client_id") instanceof String s ? s : "";
            if (!CLIENT_ID.matcher(id).matches()) {
                problems.add(where + " needs a client_id of 1 to 100 letters, digits, '.', '_' or '-'");
            } else if (!ids.add(id)) {
                problems.add(where + ": client_id '" + id + "' is registered twice");
            } else {
                where = "LATCHKEY_OIDC_CLIENTS client '" + id + "'";
            }
            String name = map.get("name") instanceof String s && !s.isBlank() ? s.strip() : id;
            Optional<String> secret = Optional.empty();
            if (map.containsKey("client_secret_sha256")) {
                String hash = map.get("client_secret_sha256") instanceof String s ? s : "";
                if (!SHA256_HEX.matcher(hash).matches()) {
                    problems.add(where + ": client_secret_sha256 must be 64 lowercase hex digits (sha256sum of the secret)");
                } else {
                    secret = Optional.of(hash);
                }
            }
            List<String> redirects = uris(map.get("redirect_uris"), where, "redirect_uris", problems);
            if (redirects.isEmpty() && !(map.get("redirect_uris") instanceof List<?> l && !l.isEmpty())) {
                problems.add(where + " needs at least one entry in redirect_uris");
            }
            List<String> logouts = map.containsKey("post_logout_redirect_uris")
                    ? uris(map.get("post_logout_redirect_uris"), where, "post_logout_redirect_uris", problems) : List.of();
            String alg = map.containsKey("id_token_signed_response_alg")
                    ? String.valueOf(map.get("id_token_signed_response_alg")) : "ES256";
            if (!alg.equals("ES256") && !alg.equals("RS256")) {
                problems.add(where + ": id_token_signed_response_alg must be ES256 or RS256, not '" + alg + "'");
            }
            Optional<String> acr = Optional.empty();
            if (map.containsKey("require_acr")) {
                String value = String.valueOf(map.get("require_acr"));
                if (!value.equals(ACR_PHISHING_RESISTANT)) {
                    problems.add(where + ": require_acr can only be '" + ACR_PHISHING_RESISTANT + "', not '" + value + "'");
                } else {
                    acr = Optional.of(value);
                }
            }
            Optional<String> backchannel = Optional.empty();
            if (map.containsKey("backchannel_logout_uri")) {
                List<String> uri = uris(List.of(String.valueOf(map.get("backchannel_logout_uri"))), where,
                        "backchannel_logout_uri", problems);
                backchannel = uri.stream().findFirst();
            }
            Optional<String> jwks = Optional.empty();
            if (map.containsKey("jwks_uri")) {
                problems.add(where + ": jwks_uri is not supported (Latchkey fetches nothing over the network);"
                        + " put the client's public keys inline in \"jwks\"");
            }
            if (map.containsKey("jwks")) {
                jwks = jwks(map.get("jwks"), where, problems);
                if (secret.isPresent()) {
                    problems.add(where + " has both client_secret_sha256 and jwks: register one way to authenticate");
                }
            }
            String subjectType = OidcClient.PUBLIC;
            if (map.containsKey("subject_type")) {
                String value = String.valueOf(map.get("subject_type"));
                if (!value.equals(OidcClient.PUBLIC) && !value.equals(OidcClient.PAIRWISE)) {
                    problems.add(where + ": subject_type must be public or pairwise, not '" + value + "'");
                } else if (value.equals(OidcClient.PAIRWISE)
                        && redirects.stream().map(u -> java.net.URI.create(u).getHost()).distinct().count() > 1) {
                    // Core §8.1: redirect URIs on several hosts need a sector_identifier_uri, which would be fetched.
                    problems.add(where + ": a pairwise client needs all its redirect_uris on one host (its sector);"
                            + " sector_identifier_uri is not supported");
                } else {
                    subjectType = value;
                }
            }
            if (problems.size() == before) {
                clients.add(new OidcClient(id, name, secret, redirects, logouts, alg, acr, backchannel, jwks, subjectType));
            }
        }
        return new Parsed(problems.isEmpty() ? clients : List.of(), problems);
    }

    /**
     * A client's public signing keys for {@code private_key_jwt} (RFC 7523 §3): EC P-256 or RSA of at least
     * 2048 bits, public parts only (a private key in the file is a leaked key), each with a {@code kid}.
     * Returned as the JWK set's JSON, public parts only.
     */
    private static Optional<String> jwks(Object value, String where, List<String> problems) {
        if (!(value instanceof Map<?, ?> map)) {
            problems.add(where + ": jwks must be a JWK set, a JSON object like {\"keys\": [...]}");
            return Optional.empty();
        }
        com.nimbusds.jose.jwk.JWKSet set;
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> json = (Map<String, Object>) map;
            set = com.nimbusds.jose.jwk.JWKSet.parse(json);
        } catch (java.text.ParseException | RuntimeException e) {
            problems.add(where + ": jwks is not a valid JWK set: " + e.getMessage());
            return Optional.empty();
        }
        if (set.getKeys().isEmpty()) {
            problems.add(where + ": jwks needs at least one key");
            return Optional.empty();
        }
        int before = problems.size();
        for (com.nimbusds.jose.jwk.JWK key : set.getKeys()) {
            String kid = key.getKeyID() == null ? "" : key.getKeyID();
            if (kid.isBlank()) {
                problems.add(where + ": every key in jwks needs a \"kid\"");
            } else if (key.isPrivate()) {
                problems.add(where + ": the jwks key '" + kid + "' holds a private key; register only the public part"
                        + " (and replace that key: it has been written down)");
            } else if (key instanceof com.nimbusds.jose.jwk.ECKey ec && !com.nimbusds.jose.jwk.Curve.P_256.equals(ec.getCurve())) {
                problems.add(where + ": the jwks key '" + kid + "' must be on curve P-256 (ES256)");
            } else if (key instanceof com.nimbusds.jose.jwk.RSAKey rsa && rsa.size() < 2048) {
                problems.add(where + ": the jwks key '" + kid + "' must be an RSA key of at least 2048 bits");
            } else if (!(key instanceof com.nimbusds.jose.jwk.ECKey) && !(key instanceof com.nimbusds.jose.jwk.RSAKey)) {
                problems.add(where + ": the jwks key '" + kid + "' must be an EC (P-256) or RSA key");
            } else if (key.getKeyUse() != null && !com.nimbusds.jose.jwk.KeyUse.SIGNATURE.equals(key.getKeyUse())) {
                problems.add(where + ": the jwks key '" + kid + "' must be for signing (\"use\": \"sig\")");
            }
        }
        return problems.size() == before ? Optional.of(set.toString(true)) : Optional.empty();
    }

    /**
     * Absolute https URIs without a fragment; plain http only for loopback hosts (a developer's
     * machine; RFC 8252 §7.3 and OAuth 2.0 Security BCP §4.1.1).
     */
    private static List<String> uris(Object value, String where, String field, List<String> problems) {
        if (!(value instanceof List<?> list)) {
            problems.add(where + ": " + field + " must be a list of URIs");
            return List.of();
        }
        List<String> uris = new ArrayList<>();
        for (Object item : list) {
            String text = String.valueOf(item);
            try {
                URI uri = new URI(text);
                String host = uri.getHost() == null ? "" : uri.getHost();
                boolean loopback = host.equals("localhost") || host.equals("127.0.0.1") || host.equals("[::1]");
                boolean scheme = "https".equals(uri.getScheme()) || ("http".equals(uri.getScheme()) && loopback);
                if (!uri.isAbsolute() || host.isEmpty() || uri.getRawFragment() != null || !scheme) {
                    problems.add(where + ": " + field + " entries must be absolute https:// URIs without a fragment"
                            + " (http:// only for localhost), not '" + text + "'");
                } else {
                    uris.add(text);
                }
            } catch (java.net.URISyntaxException e) {
                problems.add(where + ": '" + text + "' in " + field + " is not a URI");
            }
        }
        return uris;
    }
}

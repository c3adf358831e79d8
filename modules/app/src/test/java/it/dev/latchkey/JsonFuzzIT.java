package it.dev.latchkey;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A seeded fuzzer for every JSON endpoint: it starts from the bodies the page script really sends
 * (real ceremony responses from the software authenticator) and mutates them, types, depth, sizes,
 * numbers, Unicode, base64url garbage, truncation, for a bounded time. The assertion: not one answer
 * of 500 or more. On failure it prints the seed; {@code -Dlatchkey.fuzz.seed=N} replays a run and
 * {@code -Dlatchkey.fuzz.seconds=S} (default 30) bounds it.
 */
class JsonFuzzIT {

    /** Every JSON endpoint under /api (CeremonyApi, AccountCeremonyApi, AutomaticUpgradeApi, HandoffApi). */
    static final List<String> JSON_ENDPOINTS = List.of(
            "/api/signup/options", "/api/signup/finish", "/api/signin/options", "/api/signin/finish",
            "/api/account/stepup/options", "/api/account/stepup/finish",
            "/api/account/passkeys/options", "/api/account/passkeys/finish",
            "/api/account/upgrade/options", "/api/account/upgrade/finish",
            "/api/handoff/options", "/api/handoff/finish", "/api/handoff/status");

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    @Test
    void noMutatedBodyGetsAServerError() {
        long seed = Long.getLong("latchkey.fuzz.seed", System.nanoTime());
        long seconds = Long.getLong("latchkey.fuzz.seconds", 30);
        System.out.println("JsonFuzzIT seed " + seed + " (replay with -Dlatchkey.fuzz.seed=" + seed + ")");
        Random random = new Random(seed);

        // Real bodies to start from: a signed-in browser fresh from sign-up (its step-up is satisfied).
        Browser browser = new Browser();
        Authenticator authenticator = new Authenticator();
        Journeys.signUp(browser, authenticator, Journeys.uniqueEmail("fuzz"));
        String registration = new Authenticator().create(Journeys.signUpOptions(new Browser(), Journeys.uniqueEmail("fuzz-r"), "Fuzz"));
        String assertion = authenticator.get(Journeys.signInOptions(new Browser(), "modal"));
        HandoffIT.Link link = HandoffIT.issue(browser);
        Map<String, String> seeds = Map.ofEntries(
                Map.entry("/api/signup/options", "{\"email\":\"fuzz@example.com\",\"displayName\":\"Fuzz\"}"),
                Map.entry("/api/signup/finish", Journeys.finishBody(registration)),
                Map.entry("/api/signin/options", "{\"mediation\":\"conditional\",\"hint\":\"hybrid\"}"),
                Map.entry("/api/signin/finish", Journeys.finishBody(assertion)),
                Map.entry("/api/account/stepup/options", "{}"),
                Map.entry("/api/account/stepup/finish", Journeys.finishBody(assertion)),
                Map.entry("/api/account/passkeys/options", "{\"hint\":\"client-device\"}"),
                Map.entry("/api/account/passkeys/finish", Journeys.finishBody(registration)),
                Map.entry("/api/account/upgrade/options", "{}"),
                Map.entry("/api/account/upgrade/finish", Journeys.finishBody(registration)),
                Map.entry("/api/handoff/options", "{\"token\":\"" + link.token() + "\"}"),
                Map.entry("/api/handoff/finish", "{\"token\":\"" + link.token() + "\","
                        + Journeys.finishBody(registration).substring(1)),
                Map.entry("/api/handoff/status", "{\"token\":\"" + link.token() + "\"}"));
        assertThat(seeds.keySet()).containsExactlyInAnyOrderElementsOf(JSON_ENDPOINTS);

        List<String> failures = new ArrayList<>();
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        int sent = 0;
        while (System.nanoTime() < deadline && failures.size() < 10) {
            String path = JSON_ENDPOINTS.get(random.nextInt(JSON_ENDPOINTS.size()));
            String body = mutate(seeds.get(path), random);
            try {
                HttpResponse<String> answer = browser.postJson(path, body);
                if (answer.statusCode() >= 500) {
                    failures.add(answer.statusCode() + " from " + path + " for " + abbreviate(body) + ": "
                            + abbreviate(answer.body()));
                }
            } catch (IllegalStateException e) {
                failures.add("no answer from " + path + " for " + abbreviate(body) + ": " + e.getMessage());
            }
            sent++;
        }
        System.out.println("JsonFuzzIT sent " + sent + " requests in at most " + seconds + " s");
        assertThat(failures).as("server errors with seed %d (replay with -Dlatchkey.fuzz.seed=%d)", seed, seed).isEmpty();
        assertThat(sent).as("requests sent").isPositive();
    }

    // ------------------------------------------------------------------ mutations

    static String mutate(String valid, Random random) {
        int rounds = 1 + random.nextInt(3);
        String body = valid;
        for (int i = 0; i < rounds; i++) {
            body = switch (random.nextInt(10)) {
                case 0, 1, 2, 3 -> mutateTree(body, random);
                case 4 -> truncate(body, random);
                case 5 -> nest(body, random);
                case 6 -> splice(body, random);
                case 7 -> duplicateKey(body, random);
                case 8 -> randomScalar(random).toString();
                default -> mutateTree(mutateTree(body, random), random);
            };
        }
        return body;
    }

    private static String mutateTree(String body, Random random) {
        JsonNode root;
        try {
            root = Authenticator.JSON.readTree(body);
        } catch (RuntimeException e) {
            return splice(body, random);
        }
        if (root == null || !root.isContainer()) {
            return randomValue(random, 2).toString();
        }
        List<JsonNode> containers = new ArrayList<>();
        collect(root, containers);
        JsonNode target = containers.get(random.nextInt(containers.size()));
        if (target instanceof ObjectNode object) {
            List<String> names = new ArrayList<>(object.propertyNames());
            int choice = random.nextInt(4);
            if (names.isEmpty() || choice == 0) {
                object.set(randomKey(random, names), randomValue(random, 3));
            } else if (choice == 1) {
                object.remove(names.get(random.nextInt(names.size())));
            } else {
                object.set(names.get(random.nextInt(names.size())), randomValue(random, 3));
            }
        } else if (target instanceof ArrayNode array) {
            if (array.isEmpty() || random.nextBoolean()) {
                array.add(randomValue(random, 2));
            } else {
                array.set(random.nextInt(array.size()), randomValue(random, 2));
            }
        }
        return root.toString();
    }

    private static void collect(JsonNode node, List<JsonNode> containers) {
        if (node.isContainer()) {
            containers.add(node);
            for (Iterator<JsonNode> it = node.values().iterator(); it.hasNext(); ) {
                collect(it.next(), containers);
            }
        }
    }

    private static String randomKey(Random random, List<String> existing) {
        List<String> keys = new ArrayList<>(List.of("type", "id", "rawId", "response", "credential", "client", "token",
                "hint", "mediation", "email", "displayName", "clientDataJSON", "attestationObject", "authenticatorData",
                "signature", "userHandle", "transports", "authenticatorAttachment", "clientExtensionResults", "__proto__",
                "\u0000", "\uD83D\uDD11", ""));
        keys.addAll(existing);
        return keys.get(random.nextInt(keys.size()));
    }

    static JsonNode randomValue(Random random, int depth) {
        if (depth <= 0 || random.nextInt(3) > 0) {
            return randomScalar(random);
        }
        if (random.nextBoolean()) {
            ObjectNode object = NODES.objectNode();
            for (int i = random.nextInt(4); i > 0; i--) {
                object.set(randomKey(random, List.of()), randomValue(random, depth - 1));
            }
            return object;
        }
        ArrayNode array = NODES.arrayNode();
        for (int i = random.nextInt(4); i > 0; i--) {
            array.add(randomValue(random, depth - 1));
        }
        return array;
    }

    private static JsonNode randomScalar(Random random) {
        return switch (random.nextInt(16)) {
            case 0 -> NODES.nullNode();
            case 1 -> NODES.booleanNode(random.nextBoolean());
            case 2 -> NODES.numberNode(random.nextLong());
            case 3 -> NODES.numberNode(new java.math.BigDecimal("1e" + (random.nextInt(2) == 0 ? "" : "-") + random.nextInt(100_000)));
            case 4 -> NODES.numberNode(new java.math.BigInteger(1 + random.nextInt(2_000), random));
            case 5 -> NODES.numberNode(random.nextDouble() * Double.MAX_VALUE);
            case 6 -> NODES.stringNode("");
            case 7 -> NODES.stringNode("public-key");
            case 8 -> NODES.stringNode(base64Garbage(random));
            case 9 -> NODES.stringNode("A".repeat(random.nextInt(70_000)));
            case 10 -> NODES.stringNode(unicode(random));
            case 11 -> NODES.stringNode("%%%not-base64%%%");
            case 12 -> NODES.stringNode(Authenticator.b64(new byte[random.nextInt(300)]));
            case 13 -> NODES.stringNode(Authenticator.b64(Authenticator.JSON.createObjectNode()
                    .put("type", random.nextBoolean() ? "webauthn.get" : "webauthn.create")
                    .put("challenge", base64Garbage(random)).put("origin", Browser.BASE_URL).toString().getBytes()));
            case 14 -> NODES.numberNode(-0.0);
            default -> NODES.stringNode(Long.toString(random.nextLong()));
        };
    }

    private static String base64Garbage(Random random) {
        byte[] bytes = new byte[random.nextInt(200)];
        random.nextBytes(bytes);
        String encoded = Authenticator.b64(bytes);
        return random.nextBoolean() ? encoded : encoded + "==" + "+/".repeat(random.nextInt(3));
    }

    private static String unicode(Random random) {
        StringBuilder s = new StringBuilder();
        for (int i = random.nextInt(40); i > 0; i--) {
            int[] pool = {0x00, 0x1F, 0x7F, 0xA0, 0x202E, 0xFEFF, 0xFFFD, 0x1F511, 0x0301, 0x2028, 'a', '"', '\\'};
            s.appendCodePoint(pool[random.nextInt(pool.length)]);
        }
        if (random.nextInt(4) == 0) {
            s.append('\uD800'); // a lone surrogate
        }
        return s.toString();
    }

    private static String truncate(String body, Random random) {
        return body.isEmpty() ? body : body.substring(0, random.nextInt(body.length()));
    }

    private static String nest(String body, Random random) {
        int depth = 1 + random.nextInt(random.nextBoolean() ? 40 : 2_000);
        return random.nextBoolean() ? "[".repeat(depth) + body + "]".repeat(depth)
                : "{\"credential\":".repeat(depth) + body + "}".repeat(depth);
    }

    private static String splice(String body, Random random) {
        if (body.isEmpty()) {
            return "{";
        }
        StringBuilder s = new StringBuilder(body);
        String[] junk = {"{", "}", "[", "]", ",", ":", "\"", "\\", "\\u", "\\ud800", "null", "1e999999", "-", "NaN",
                "Infinity", "/*", "\u0000", "\t", "'"};
        for (int i = 1 + random.nextInt(4); i > 0; i--) {
            int at = random.nextInt(s.length() + 1);
            if (random.nextBoolean() && at < s.length()) {
                s.deleteCharAt(at);
            } else {
                s.insert(at, junk[random.nextInt(junk.length)]);
            }
        }
        return s.toString();
    }

    private static String duplicateKey(String body, Random random) {
        int brace = body.indexOf('{');
        return brace < 0 ? body : body.substring(0, brace + 1) + "\"type\":" + randomScalar(random) + ","
                + body.substring(brace + 1);
    }

    private static String abbreviate(String s) {
        return s.length() > 200 ? s.substring(0, 200) + "... (" + s.length() + " chars)" : s;
    }
}

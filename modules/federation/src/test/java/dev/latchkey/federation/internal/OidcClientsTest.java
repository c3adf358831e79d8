package dev.latchkey.federation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.federation.api.OidcClient;
import dev.latchkey.federation.api.OidcClients;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The clients file an operator writes: what it registers, and the sentence each mistake earns. */
class OidcClientsTest {

    private static final String HASH = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    @Test
    void aConfidentialAndAPublicClientAreRegistered() {
        OidcClients.Parsed parsed = OidcClients.parse("""
                {"clients": [
                  {"client_id": "intranet", "name": "Intranet", "client_secret_sha256": "%s",
                   "redirect_uris": ["https://intranet.example.com/callback"],
                   "post_logout_redirect_uris": ["https://intranet.example.com/"],
                   "id_token_signed_response_alg": "RS256", "require_acr": "phr",
                   "backchannel_logout_uri": "https://intranet.example.com/logout"},
                  {"client_id": "cli", "redirect_uris": ["http://localhost:8765/cb"]}
                ]}""".formatted(HASH));
        assertThat(parsed.problems()).isEmpty();
        assertThat(parsed.clients()).containsExactly(
                new OidcClient("intranet", "Intranet", Optional.of(HASH), List.of("https://intranet.example.com/callback"),
                        List.of("https://intranet.example.com/"), "RS256", Optional.of("phr"),
                        Optional.of("https://intranet.example.com/logout"), Optional.empty(), "public"),
                new OidcClient("cli", "cli", Optional.empty(), List.of("http://localhost:8765/cb"), List.of(), "ES256",
                        Optional.empty(), Optional.empty(), Optional.empty(), "public"));
        assertThat(parsed.clients().get(0).confidential()).isTrue();
        assertThat(parsed.clients().get(1).confidential()).isFalse();
    }

    @Test
    void everyMistakeIsNamedAndNoClientIsRegistered() {
        OidcClients.Parsed parsed = OidcClients.parse("""
                {"clients": [
                  {"client_id": "a b", "redirect_uris": ["https://a.example/cb"]},
                  {"client_id": "plain", "redirect_uris": ["http://app.example.com/cb", "https://app.example.com/cb#x"],
                   "client_secret_sha256": "secret", "redirect_uri": "typo"},
                  {"client_id": "dup", "redirect_uris": ["https://d.example/cb"], "id_token_signed_response_alg": "HS256"},
                  {"client_id": "dup", "redirect_uris": [], "require_acr": "gold"}
                ]}""");
        assertThat(parsed.clients()).isEmpty();
        assertThat(parsed.problems()).containsExactly(
                "LATCHKEY_OIDC_CLIENTS client 1 needs a client_id of 1 to 100 letters, digits, '.', '_' or '-'",
                "LATCHKEY_OIDC_CLIENTS client 2 has an unknown field \"redirect_uri\" (known: backchannel_logout_uri, client_id,"
                        + " client_secret_sha256, id_token_signed_response_alg, jwks, jwks_uri, name, post_logout_redirect_uris,"
                        + " redirect_uris, require_acr, subject_type)",
                "LATCHKEY_OIDC_CLIENTS client 'plain': client_secret_sha256 must be 64 lowercase hex digits (sha256sum of the secret)",
                "LATCHKEY_OIDC_CLIENTS client 'plain': redirect_uris entries must be absolute https:// URIs without a fragment"
                        + " (http:// only for localhost), not 'http://app.example.com/cb'",
                "LATCHKEY_OIDC_CLIENTS client 'plain': redirect_uris entries must be absolute https:// URIs without a fragment"
                        + " (http:// only for localhost), not 'https://app.example.com/cb#x'",
                "LATCHKEY_OIDC_CLIENTS client 'dup': id_token_signed_response_alg must be ES256 or RS256, not 'HS256'",
                "LATCHKEY_OIDC_CLIENTS client 4: client_id 'dup' is registered twice",
                "LATCHKEY_OIDC_CLIENTS client 4 needs at least one entry in redirect_uris",
                "LATCHKEY_OIDC_CLIENTS client 4: require_acr can only be 'phr', not 'gold'");
    }

    @Test
    void aFileThatIsNotTheExpectedJsonSaysSo() {
        assertThat(OidcClients.parse("clients: intranet").problems()).singleElement().asString()
                .startsWith("LATCHKEY_OIDC_CLIENTS must be a JSON object like {\"clients\": [...]}");
        assertThat(OidcClients.parse("{\"apps\": []}").problems())
                .containsExactly("LATCHKEY_OIDC_CLIENTS must have a \"clients\" list");
    }

    @Test
    void aClientWithInlineKeysAuthenticatesWithPrivateKeyJwt() throws Exception {
        com.nimbusds.jose.jwk.ECKey key = new com.nimbusds.jose.jwk.gen.ECKeyGenerator(com.nimbusds.jose.jwk.Curve.P_256)
                .keyID("k1").generate();
        OidcClients.Parsed parsed = OidcClients.parse("""
                {"clients": [{"client_id": "portal", "redirect_uris": ["https://portal.example/cb"],
                  "jwks": {"keys": [%s]}}]}""".formatted(key.toPublicJWK().toJSONString()));
        assertThat(parsed.problems()).isEmpty();
        OidcClient client = parsed.clients().get(0);
        assertThat(client.confidential()).isTrue();
        assertThat(client.authMethod()).isEqualTo("private_key_jwt");
        assertThat(com.nimbusds.jose.jwk.JWKSet.parse(client.jwks().orElseThrow()).getKeyByKeyId("k1").toECKey().getX())
                .isEqualTo(key.getX());
    }

    @Test
    void aPrivateKeyAJwksUriOrBothASecretAndKeysAreRefused() throws Exception {
        com.nimbusds.jose.jwk.ECKey key = new com.nimbusds.jose.jwk.gen.ECKeyGenerator(com.nimbusds.jose.jwk.Curve.P_256)
                .keyID("leaked").generate();
        OidcClients.Parsed parsed = OidcClients.parse("""
                {"clients": [
                  {"client_id": "a", "redirect_uris": ["https://a.example/cb"], "jwks": {"keys": [%s]}},
                  {"client_id": "b", "redirect_uris": ["https://b.example/cb"], "jwks_uri": "https://b.example/jwks"},
                  {"client_id": "c", "redirect_uris": ["https://c.example/cb"], "client_secret_sha256": "%s",
                   "jwks": {"keys": [%s]}},
                  {"client_id": "d", "redirect_uris": ["https://d.example/cb"], "jwks": {"keys": []}}
                ]}""".formatted(key.toJSONString(), HASH, key.toPublicJWK().toJSONString()));
        assertThat(parsed.clients()).isEmpty();
        assertThat(parsed.problems()).containsExactly(
                "LATCHKEY_OIDC_CLIENTS client 'a': the jwks key 'leaked' holds a private key; register only the public part"
                        + " (and replace that key: it has been written down)",
                "LATCHKEY_OIDC_CLIENTS client 'b': jwks_uri is not supported (Latchkey fetches nothing over the network);"
                        + " put the client's public keys inline in \"jwks\"",
                "LATCHKEY_OIDC_CLIENTS client 'c' has both client_secret_sha256 and jwks: register one way to authenticate",
                "LATCHKEY_OIDC_CLIENTS client 'd': jwks needs at least one key");
    }

    @Test
    void aPairwiseClientHasOneSectorTheHostOfItsRedirects() {
        OidcClients.Parsed parsed = OidcClients.parse("""
                {"clients": [
                  {"client_id": "shop", "redirect_uris": ["https://shop.example/cb", "https://shop.example/cb2"],
                   "subject_type": "pairwise"},
                  {"client_id": "two-hosts", "redirect_uris": ["https://a.example/cb", "https://b.example/cb"],
                   "subject_type": "pairwise"},
                  {"client_id": "odd", "redirect_uris": ["https://odd.example/cb"], "subject_type": "secret"}
                ]}""");
        assertThat(parsed.problems()).containsExactly(
                "LATCHKEY_OIDC_CLIENTS client 'two-hosts': a pairwise client needs all its redirect_uris on one host (its"
                        + " sector); sector_identifier_uri is not supported",
                "LATCHKEY_OIDC_CLIENTS client 'odd': subject_type must be public or pairwise, not 'secret'");
        OidcClient shop = OidcClients.parse("""
                {"clients": [{"client_id": "shop", "redirect_uris": ["https://shop.example/cb"], "subject_type": "pairwise"}]}
                """).clients().get(0);
        assertThat(shop.pairwise()).isTrue();
        assertThat(shop.sector()).isEqualTo("shop.example");
    }
}

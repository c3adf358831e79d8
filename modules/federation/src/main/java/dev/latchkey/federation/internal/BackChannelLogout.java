package dev.latchkey.federation.internal;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.id.Audience;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.JWTID;
import com.nimbusds.oauth2.sdk.id.Subject;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.openid.connect.sdk.BackChannelLogoutRequest;
import com.nimbusds.openid.connect.sdk.claims.LogoutTokenClaimsSet;
import dev.latchkey.federation.api.FederationEvent;
import dev.latchkey.federation.api.FederationSettings;
import dev.latchkey.federation.api.OidcClient;
import dev.latchkey.identity.api.SignInRevoked;
import dev.latchkey.platform.api.NativeColumns;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * OpenID Connect Back-Channel Logout 1.0: when a Latchkey session ends (sign-out, RP-initiated logout),
 * every client that got a code from it and registered a {@code backchannel_logout_uri} is sent a signed
 * logout token, after the commit and off the person's request (a slow client never delays a sign-out).
 * One try with short timeouts; the outcome is recorded in {@code fed_event}.
 */
@ApplicationScoped
class BackChannelLogout {

    private static final Logger LOG = Logger.getLogger(BackChannelLogout.class.getName());
    private static final int TIMEOUT_MILLIS = 5_000;

    @PersistenceContext(unitName = "federation")
    EntityManager em;

    @Inject
    FederationSettings settings;

    @Inject
    KeyRing keys;

    @Inject
    FederationEvents events;

    @Inject
    Identifiers identifiers;

    @Resource
    ManagedExecutorService executor;

    void sessionEnded(@Observes(during = TransactionPhase.AFTER_SUCCESS) SignInRevoked revoked) {
        revoked.sessionId().ifPresent(session -> executor.execute(() -> notifyClients(session)));
    }

    @Transactional
    void notifyClients(UUID session) {
        try {
            List<?> rows = em.createNativeQuery("select distinct client_id, account_id from fed_session_client where session_id = ?")
                    .setParameter(1, session).getResultList();
            em.createNativeQuery("delete from fed_session_client where session_id = ?").setParameter(1, session).executeUpdate();
            for (Object row : rows) {
                Object[] c = (Object[]) row;
                UUID accountId = NativeColumns.uuid(c[1]);
                settings.clients().stream().filter(client -> client.id().equals(c[0])).findFirst()
                        .filter(client -> client.backchannelLogoutUri().isPresent())
                        .ifPresent(client -> send(client, accountId, session));
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Back-channel logout failed: " + e.getMessage(), e);
        }
    }

    private void send(OidcClient client, UUID accountId, UUID session) {
        String outcome;
        try {
            // Back-Channel Logout 1.0 §2.4: iss, aud, iat, exp (short: 2 minutes), jti, events, sub, and the sid
            // of the ended session as the client's ID tokens named it.
            Date now = new Date();
            LogoutTokenClaimsSet claims = new LogoutTokenClaimsSet(new Issuer(settings.issuer()),
                    new Subject(identifiers.subject(client, accountId)),
                    List.of(new Audience(client.id())), now, new Date(now.getTime() + 120_000), new JWTID(),
                    new com.nimbusds.openid.connect.sdk.claims.SessionID(identifiers.sid(client.id(), session)));
            SignedJWT token = keys.sign(JWSAlgorithm.parse(client.idTokenAlg()), new JOSEObjectType("logout+jwt"),
                    claims.toJWTClaimsSet());
            HTTPRequest request = new BackChannelLogoutRequest(URI.create(client.backchannelLogoutUri().orElseThrow()), token)
                    .toHTTPRequest();
            request.setConnectTimeout(TIMEOUT_MILLIS);
            request.setReadTimeout(TIMEOUT_MILLIS);
            request.setFollowRedirects(false);
            HTTPResponse response = request.send();
            outcome = response.getStatusCode() / 100 == 2 ? "backchannel_delivered" : "backchannel_status_" + response.getStatusCode();
        } catch (Exception e) {
            outcome = "backchannel_unreachable";
            LOG.info(() -> "Back-channel logout to " + client.id() + " failed: " + e.getMessage());
        }
        events.record(FederationEvent.Type.LOGGED_OUT, client.id(), accountId, outcome);
    }
}

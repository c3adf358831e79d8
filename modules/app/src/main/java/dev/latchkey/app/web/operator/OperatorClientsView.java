package dev.latchkey.app.web.operator;

import dev.latchkey.app.web.PageView;
import dev.latchkey.federation.api.RegisteredClients;
import java.util.List;

/** {@code operator-clients}: the registered applications, in words (no secrets). */
public record OperatorClientsView(List<Row> clients) implements PageView {

    @Override
    public String template() {
        return "operator-clients";
    }

    /** One application as listed; empty strings where there is nothing to show. */
    public record Row(String id, String name, String authentication, String keyIds, List<String> redirectUris,
                      List<String> postLogoutRedirectUris, String idTokenAlg, String requiredAcr,
                      String backchannelLogoutUri, String subjectType) {
    }

    static OperatorClientsView of(List<RegisteredClients.Summary> clients) {
        return new OperatorClientsView(clients.stream().map(c -> new Row(c.id(), c.name(), authentication(c.authMethod()),
                String.join(", ", c.keyIds()), c.redirectUris(), c.postLogoutRedirectUris(), c.idTokenAlg(),
                c.requiredAcr().map(acr -> "phr".equals(acr) ? "passkey only (phr)" : acr).orElse(""),
                c.backchannelLogoutUri().orElse(""), c.subjectType())).toList());
    }

    private static String authentication(String method) {
        return switch (method) {
            case "client_secret_basic" -> "secret (client_secret_basic)";
            case "private_key_jwt" -> "signed assertion (private_key_jwt)";
            default -> "none: public client with PKCE";
        };
    }
}

package dev.latchkey.app.web.operator;

import dev.latchkey.app.web.PageView;
import dev.latchkey.federation.api.RegisteredClients;
import java.util.List;

/** {@code operator-clients}: the registered applications (no secrets). */
public record OperatorClientsView(List<Row> clients) implements PageView {

    @Override
    public String template() {
        return "operator-clients";
    }

    /**
     * One application as listed; empty strings where there is nothing to show. The authentication method
     * and the required ACR are codes ({@code op.clients.auth.<method>}, {@code op.clients.acr.<acr>}).
     */
    public record Row(String id, String name, String authentication, String keyIds, List<String> redirectUris,
                      List<String> postLogoutRedirectUris, String idTokenAlg, String requiredAcr,
                      String backchannelLogoutUri, String subjectType) {
    }

    static OperatorClientsView of(List<RegisteredClients.Summary> clients) {
        return new OperatorClientsView(clients.stream().map(c -> new Row(c.id(), c.name(), c.authMethod(),
                String.join(", ", c.keyIds()), c.redirectUris(), c.postLogoutRedirectUris(), c.idTokenAlg(),
                c.requiredAcr().orElse(""), c.backchannelLogoutUri().orElse(""), c.subjectType())).toList());
    }
}

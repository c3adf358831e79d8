package dev.latchkey.app.web.operator;

import dev.latchkey.app.web.PageView;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * {@code operator-recovery}: assisted recovery in the console, in one of three stages: {@code form}
 * (the start form again, with what was wrong), {@code case} (one recovery: its state, and the link's QR
 * code and text only in the answer that issued it) and {@code list} (recoveries waiting for an approval,
 * and the latest others). {@code null} means absent.
 */
public record OperatorRecoveryView(String stage, String error, Form form, Row recovery, String link, String shortLink,
                                   String qrPath, String qrViewBox, List<Row> rows, Times when) implements PageView {

    /** What the agent typed, shown again after a refusal. */
    public record Form(String accountId, String reason, String idDocument, List<Option> documents) {
    }

    /** An identity document by its code ({@code op.document.<value>}). */
    public record Option(String value) {
    }

    /**
     * One recovery: the state as a code ({@code op.recovery.state.<state>}), the ID document as a code
     * ({@code op.document.<idDocument>}, or as stored when it is none of ours), times for {@code when}.
     */
    public record Row(String id, String accountId, String accountEmail, String startedBy, String approvedBy,
                      String reason, String idDocument, String state, Instant startedAt,
                      Optional<Instant> linkExpiresAt, boolean mayApprove) {
    }

    @Override
    public String template() {
        return "operator-recovery";
    }
}

package dev.latchkey.identity.internal;

import dev.latchkey.identity.api.SignInMethod;
import dev.latchkey.identity.api.StepUpProof;
import java.time.Instant;
import java.util.UUID;

/**
 * The one way to make a {@link StepUpProof}: its class hands its private constructor here when it
 * is initialised. This package is not exported, so no other module can reach it (JPMS); within
 * identity only {@link JpaStepUp} mints, after checking the session's re-authentication.
 */
public final class ProofMint {

    /** The proof's private constructor. */
    @FunctionalInterface
    public interface Maker {
        StepUpProof make(UUID sessionId, UUID accountId, SignInMethod method, Instant provenAt);
    }

    private static volatile Maker maker;

    private ProofMint() {
    }

    /** Called once, by {@link StepUpProof}'s static initialiser; later calls change nothing. */
    public static synchronized void install(Maker constructor) {
        if (maker == null) {
            maker = constructor;
        }
    }

    static StepUpProof mint(UUID sessionId, UUID accountId, SignInMethod method, Instant provenAt) {
        if (maker == null) {
            try {
                Class.forName(StepUpProof.class.getName(), true, StepUpProof.class.getClassLoader());
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
        }
        return maker.make(sessionId, accountId, method, provenAt);
    }
}

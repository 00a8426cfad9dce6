package io.cti.platform.bridge;

import org.springframework.boot.autoconfigure.condition.ConditionMessage;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Which PBX the platform talks to, decided from the configuration alone: an external Asterisk when
 * {@code cti.bridge.host} is set; otherwise the embedded pbx-sim unless {@code cti.platform.pbx.embedded=false}, in
 * which case none (no AMI link at all). The bean conditions below ask this one decision, so the bridge and the
 * embedded PBX never disagree. Stateless.
 */
public enum PbxChoice {

    EXTERNAL_ASTERISK,
    EMBEDDED_PBX_SIM,
    NONE;

    static final String HOST_PROPERTY = "cti.bridge.host";
    static final String EMBEDDED_PROPERTY = "cti.platform.pbx.embedded";

    /** Conditions run before any bean exists, so the properties are bound from the environment here. */
    public static PbxChoice of(Environment environment) {
        Binder binder = Binder.get(environment);
        String host = binder.bind(HOST_PROPERTY, String.class).orElse("");
        if (!host.isBlank()) {
            return EXTERNAL_ASTERISK;
        }
        return binder.bind(EMBEDDED_PROPERTY, Boolean.class).orElse(true) ? EMBEDDED_PBX_SIM : NONE;
    }

    abstract static class ChoiceCondition extends SpringBootCondition {

        private final boolean wantsAnyPbx;
        private final PbxChoice wanted;

        ChoiceCondition(PbxChoice wanted, boolean wantsAnyPbx) {
            this.wanted = wanted;
            this.wantsAnyPbx = wantsAnyPbx;
        }

        @Override
        public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
            PbxChoice choice = of(context.getEnvironment());
            boolean matches = wantsAnyPbx ? choice != NONE : choice == wanted;
            return new ConditionOutcome(matches, ConditionMessage.forCondition(getClass().getSimpleName())
                    .because("the PBX is " + choice + " (" + HOST_PROPERTY + ", " + EMBEDDED_PROPERTY + ")"));
        }
    }

    /** Matches when the platform starts pbx-sim itself. */
    public static final class OnEmbeddedPbxSim extends ChoiceCondition {
        public OnEmbeddedPbxSim() {
            super(EMBEDDED_PBX_SIM, false);
        }
    }

    /** Matches when {@code cti.bridge.host} names an Asterisk. */
    static final class OnExternalAsterisk extends ChoiceCondition {
        OnExternalAsterisk() {
            super(EXTERNAL_ASTERISK, false);
        }
    }

    /** Matches when there is a PBX to link to, embedded or external. */
    static final class OnAnyPbx extends ChoiceCondition {
        OnAnyPbx() {
            super(null, true);
        }
    }

    /** Matches when there is none. */
    static final class OnNoPbx extends ChoiceCondition {
        OnNoPbx() {
            super(NONE, false);
        }
    }
}

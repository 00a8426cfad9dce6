package io.cti.platform.infrastructure;

import org.springframework.boot.autoconfigure.condition.ConditionMessage;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

import java.util.function.Predicate;

/**
 * Bean conditions that ask {@link InfrastructurePlan} whether an embedded server is started, so beans
 * for the embedded and the external case never disagree with the plan that is logged. Stateless.
 */
final class PlanConditions {

    private PlanConditions() {
    }

    /** Conditions run before any bean exists, so the plan is computed from the environment here. */
    abstract static class PlanCondition extends SpringBootCondition {

        private final String description;
        private final Predicate<InfrastructurePlan> test;

        PlanCondition(String description, Predicate<InfrastructurePlan> test) {
            this.description = description;
            this.test = test;
        }

        @Override
        public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
            PlatformProperties properties = Binder.get(context.getEnvironment())
                    .bindOrCreate(PlatformProperties.PREFIX, PlatformProperties.class);
            boolean matches = test.test(InfrastructurePlan.from(properties));
            ConditionMessage message = ConditionMessage.forCondition(getClass().getSimpleName())
                    .because((matches ? "the plan uses " : "the plan does not use ") + description);
            return new ConditionOutcome(matches, message);
        }
    }

    static final class OnEmbeddedDatabase extends PlanCondition {
        OnEmbeddedDatabase() {
            super("the embedded PostgreSQL", InfrastructurePlan::startsEmbeddedDatabase);
        }
    }

    static final class OnExternalDatabase extends PlanCondition {
        OnExternalDatabase() {
            super("an external PostgreSQL", plan -> !plan.startsEmbeddedDatabase());
        }
    }

    static final class OnEmbeddedRedis extends PlanCondition {
        OnEmbeddedRedis() {
            super("the embedded Redis", InfrastructurePlan::startsEmbeddedRedis);
        }
    }

    static final class OnExternalRedis extends PlanCondition {
        OnExternalRedis() {
            super("an external Redis", plan -> !plan.startsEmbeddedRedis());
        }
    }
}

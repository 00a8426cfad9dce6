package io.cti.platform.infrastructure;

import io.cti.core.CoreException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.io.support.SpringFactoriesLoader;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** A platform that cannot start its embedded servers says why in Spring Boot's short report, and what to do. */
class EmbeddedServerFailureAnalyzerTest {

    @Test
    void aDataFolderInUseIsReportedWithItsLockAndTheWaysOut() {
        CoreException inUse = CoreException.dataFolderInUse("Redis", Path.of("data/redis").toString(),
                "/srv/cti/data/redis.lock");

        FailureAnalysis analysis = registered().analyze(new BeanCreationException("embeddedRedisServer",
                "Failed to instantiate", inUse));

        assertThat(analysis).isNotNull();
        assertThat(analysis.getDescription()).contains("data/redis", "/srv/cti/data/redis.lock");
        assertThat(analysis.getAction()).contains("CTI_DATA_DIR", "More than one router process");
    }

    @Test
    void otherFailuresOfTheKernelAreLeftToSpringBootsOwnReport() {
        CoreException other = CoreException.invalidPhoneNumber("12", "too short");

        assertThat(registered().analyze(new IllegalStateException("wrapped", other))).isNull();
    }

    /**
     * The analyzer as Spring Boot finds it, through META-INF/spring.factories (the others listed there need a bean
     * factory to be made, and are skipped).
     */
    private static FailureAnalyzer registered() {
        return SpringFactoriesLoader.forDefaultResourceLocation().load(FailureAnalyzer.class,
                        null, (type, name, failure) -> { /* needs a bean factory: not the one under test */ }).stream()
                .filter(EmbeddedServerFailureAnalyzer.class::isInstance).findFirst().orElseThrow();
    }
}

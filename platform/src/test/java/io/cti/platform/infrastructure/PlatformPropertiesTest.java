package io.cti.platform.infrastructure;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Binding and validation of {@code cti.platform.*}, without starting any server. */
class PlatformPropertiesTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(PropertiesOnly.class);

    @Test
    void defaultsNeedNoConfigurationAtAll() {
        runner.run(context -> {
            PlatformProperties properties = context.getBean(PlatformProperties.class);
            assertThat(properties.dataDir()).isEqualTo(Path.of("data"));
            assertThat(properties.wipeData()).isFalse();
            assertThat(properties.database().url()).isNull();
            assertThat(properties.database().embeddedPort()).isZero();
            assertThat(properties.database().maximumPoolSize()).isEqualTo(10);
            assertThat(properties.redis().url()).isNull();
            assertThat(properties.redis().embeddedPort()).isZero();
        });
    }

    @Test
    void bindsKebabCaseProperties() {
        runner.withPropertyValues(
                "cti.platform.data-dir=/var/lib/cti",
                "cti.platform.wipe-data=true",
                "cti.platform.database.url=jdbc:postgresql://db:5432/cti",
                "cti.platform.database.username=cti",
                "cti.platform.database.maximum-pool-size=20",
                "cti.platform.redis.url=rediss://redis:6380").run(context -> {
            PlatformProperties properties = context.getBean(PlatformProperties.class);
            assertThat(properties.dataDir()).isEqualTo(Path.of("/var/lib/cti"));
            assertThat(properties.wipeData()).isTrue();
            assertThat(properties.database().url()).isEqualTo("jdbc:postgresql://db:5432/cti");
            assertThat(properties.database().username()).isEqualTo("cti");
            assertThat(properties.database().maximumPoolSize()).isEqualTo(20);
            assertThat(properties.redis().url()).isEqualTo("rediss://redis:6380");
        });
    }

    @Test
    void emptyUrlsAreValid() {
        runner.withPropertyValues("cti.platform.database.url=", "cti.platform.redis.url=")
                .run(context -> assertThat(context).hasNotFailed());
    }

    @Test
    void rejectsADatabaseUrlThatIsNotJdbc() {
        // a libpq-style URL is the usual mistake; the driver would only fail later with a vaguer message
        runner.withPropertyValues("cti.platform.database.url=postgres://db:5432/cti").run(context ->
                assertThat(context).getFailure().rootCause().hasMessageContaining("must be a JDBC URL"));
    }

    @Test
    void rejectsARedisUrlWithoutScheme() {
        runner.withPropertyValues("cti.platform.redis.url=redis.example.com:6379").run(context ->
                assertThat(context).getFailure().rootCause().hasMessageContaining("must be a Redis URI"));
    }

    @Test
    void rejectsImpossiblePorts() {
        runner.withPropertyValues("cti.platform.redis.embedded-port=70000").run(context ->
                assertThat(context).hasFailed());
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(PlatformProperties.class)
    static class PropertiesOnly {
    }
}

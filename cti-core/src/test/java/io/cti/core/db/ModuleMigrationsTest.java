package io.cti.core.db;

import com.zaxxer.hikari.HikariDataSource;
import io.cti.core.testing.EmbeddedServers;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ModuleMigrationsTest {

    @Test
    void aModulesMigrationsRunAfterTheCoreOnesWithTheirOwnHistory() {
        try (HikariDataSource database = EmbeddedServers.shared().emptyDatabase()) {
            Migrations.applyModule(database, "probe_module");
            Migrations.applyModule(database, "probe_module");

            JdbcClient jdbc = JdbcClient.create(database);
            assertThat(jdbc.sql("select count(*) from probe_module_item").query(Long.class).single()).isZero();
            assertThat(jdbc.sql("select count(*) from flyway_history_probe_module where success and version = '1'")
                    .query(Long.class).single()).isEqualTo(1);
            assertThat(jdbc.sql("select count(*) from flyway_schema_history where version = '1'")
                    .query(Long.class).single()).as("core history").isEqualTo(1);
        }
    }

    @Test
    void aModuleNameThatIsNotAnIdentifierIsRefused() {
        assertThatThrownBy(() -> Migrations.applyModule(null, "router; drop table customer"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("router; drop table customer");
    }
}

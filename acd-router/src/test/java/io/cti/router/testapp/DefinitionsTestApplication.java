package io.cti.router.testapp;

import com.zaxxer.hikari.HikariDataSource;
import io.cti.core.testing.EmbeddedServers;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * The smallest application the router's definition API runs in: a fresh database of the shared embedded
 * PostgreSQL, and the API itself arriving through acd-router's auto-configurations exactly as in the platform
 * (this package holds nothing else to scan). Stateless.
 */
@SpringBootApplication
public class DefinitionsTestApplication {

    @Bean(destroyMethod = "close")
    HikariDataSource dataSource() {
        return EmbeddedServers.shared().freshDatabase();
    }
}

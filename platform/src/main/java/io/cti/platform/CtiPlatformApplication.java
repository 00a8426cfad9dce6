package io.cti.platform;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Starts the CTI platform: one JVM running the roles it is configured for, on embedded PostgreSQL and
 * Redis unless external ones are configured. Entry point only; holds no state.
 */
@SpringBootApplication
public class CtiPlatformApplication {

    public static void main(String[] args) {
        SpringApplication.run(CtiPlatformApplication.class, args);
    }
}

package io.cti.console.access;

import io.cti.console.ConsoleProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.server.servlet.CookieSameSiteSupplier;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import tools.jackson.databind.json.JsonMapper;

import javax.sql.DataSource;
import java.time.Clock;
import java.util.Map;

/**
 * Puts the console's access control into any servlet web application that has agent-console on its classpath: the
 * users and roles in the application's PostgreSQL (migrated here), login with lockout, session lifetime, the security
 * rules of every page and API, the session and user-administration APIs, and on a demo run the demo users. It
 * injects the application's {@code DataSource}, {@code Clock} and {@code JsonMapper}, and, when the application
 * has one, a {@link KnownAgents}. Runs before Spring Boot's own security defaults, which then back off. Wiring only.
 */
@AutoConfiguration(beforeName = {
        "org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration"})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(ConsoleProperties.class)
@Import({ConsoleSecurityConfiguration.class, SessionController.class, HomeController.class, UserAdminController.class,
        ConsoleApiErrors.class})
public class AccessAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    ConsoleSchema consoleSchema(DataSource dataSource) {
        return ConsoleSchema.migrate(dataSource);
    }

    @Bean
    @ConditionalOnMissingBean
    UserRepository consoleUserRepository(DataSource dataSource, ConsoleSchema schema) {
        return new UserRepository(dataSource, schema);
    }

    /** BCrypt, with the encoder's id stored in front of each hash, so a stronger scheme can take over later. */
    @Bean
    @ConditionalOnMissingBean
    PasswordEncoder consolePasswordEncoder(ConsoleProperties properties) {
        return new DelegatingPasswordEncoder("bcrypt", Map.of("bcrypt",
                new BCryptPasswordEncoder(properties.bcryptStrength())));
    }

    /**
     * The one way in, for form login and HTTP Basic alike, with no parent to fall back to (a failed check must count
     * once). Being a bean, it also keeps Spring Boot from making its default in-memory user.
     */
    @Bean
    AuthenticationManager consoleAuthenticationManager(UserRepository users, PasswordEncoder passwords,
                                                       ConsoleProperties properties, Clock clock) {
        return new ProviderManager(new ConsoleAuthenticationProvider(users, passwords,
                new LockoutPolicy(properties.lockout().maxFailures(), properties.lockout().duration()), clock));
    }

    @Bean
    ApiErrorResponses consoleApiErrorResponses(JsonMapper json) {
        return new ApiErrorResponses(json);
    }

    @Bean
    LoginSessions consoleLoginSessions() {
        return new LoginSessions();
    }

    /** A servlet listener (Spring Boot registers listener beans with the server). */
    @Bean
    SessionLifetime consoleSessionLifetime(ConsoleProperties properties) {
        return new SessionLifetime(properties.sessionTimeout());
    }

    /** The session cookie is not sent along when another site links or posts here. */
    @Bean
    CookieSameSiteSupplier consoleSessionCookieSameSite() {
        return CookieSameSiteSupplier.ofLax().whenHasName("JSESSIONID");
    }

    @Bean
    SessionRevoker consoleSessionRevoker(LoginSessions sessions, ApplicationEventPublisher events) {
        return new SessionRevoker(sessions, events);
    }

    @Bean
    UserValidator consoleUserValidator(ConsoleProperties properties, ObjectProvider<KnownAgents> knownAgents) {
        return new UserValidator(properties.passwordMinLength(), knownAgents.getIfAvailable(() -> agent -> true));
    }

    @Bean
    UserAdmin consoleUserAdmin(UserRepository users, UserValidator validator, PasswordEncoder passwords,
                               SessionRevoker revoker, Clock clock) {
        return new UserAdmin(users, validator, passwords, revoker, clock);
    }

    @Bean
    @ConditionalOnProperty(prefix = "cti.console.demo", name = "enabled", havingValue = "true", matchIfMissing = true)
    DemoUsers consoleDemoUsers(UserAdmin admin, UserRepository users, PasswordEncoder passwords,
                               ConsoleProperties properties) {
        return new DemoUsers(admin, users, passwords, properties.demo().agents());
    }
}

package io.cti.console.access;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.authentication.ExceptionMappingAuthenticationFailureHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.util.matcher.RequestMatcher;

import java.util.Map;

/**
 * Who may reach what in the console's web application: form login with CSRF protection for people, HTTP Basic for
 * API clients (no session, no CSRF token: a script in a browser cannot send an Authorization header to another
 * site), role checks on every page and API, 401/403 with the error JSON for APIs and the push socket, a redirect to
 * the login page for pages. Wiring only.
 *
 * <p>The rules name the router's and the coming dialer's APIs too: the console is the one web edge of the
 * application, and an API nobody listed is for administrators only.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
class ConsoleSecurityConfiguration {

    static final String LOGIN_PAGE = "/login.html";

    /** A request that brings its own credentials: no ambient cookie a foreign site could ride on. */
    private static final RequestMatcher BASIC_AUTHORIZATION = request -> {
        String header = request.getHeader("Authorization");
        return header != null && header.regionMatches(true, 0, "Basic ", 0, 6);
    };

    @Bean
    SecurityFilterChain consoleSecurityFilterChain(HttpSecurity http, AuthenticationManager authentication,
                                                   ApiErrorResponses apiErrors, LoginSessions sessions)
            throws Exception {
        AuthenticationEntryPoint pages = (request, response, failure) -> response.sendRedirect(
                request.getContextPath() + LOGIN_PAGE + (expired(request) ? "?expired" : ""));
        AccessDeniedHandler pageDenied = new AccessDeniedHandlerImpl();
        HttpSessionRequestCache requestCache = new HttpSessionRequestCache();
        // Only a page asked for before login is worth returning to; an API call or a socket is not.
        requestCache.setRequestMatcher(request -> "GET".equals(request.getMethod()) && !ApiErrorResponses.API.matches(request));
        SavedRequestAwareAuthenticationSuccessHandler success = new SavedRequestAwareAuthenticationSuccessHandler();
        success.setDefaultTargetUrl("/");
        success.setRequestCache(requestCache);
        ExceptionMappingAuthenticationFailureHandler failure = new ExceptionMappingAuthenticationFailureHandler();
        failure.setDefaultFailureUrl(LOGIN_PAGE + "?error");
        failure.setExceptionMappings(Map.of(LockedException.class.getName(), LOGIN_PAGE + "?locked",
                DisabledException.class.getName(), LOGIN_PAGE + "?disabled"));

        http.authenticationManager(authentication)
                .authorizeHttpRequests(rules -> rules
                        .requestMatchers(LOGIN_PAGE, "/css/**", "/js/**", "/favicon.ico", "/error", "/api/session")
                        .permitAll()
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info",
                                "/actuator/prometheus").permitAll()
                        .requestMatchers("/api/session/**").authenticated()
                        .requestMatchers("/actuator/**", "/admin.html", "/api/admin/**").hasRole("ADMIN")
                        .requestMatchers("/agent.html", "/api/agent", "/api/agent/**").hasRole("AGENT")
                        .requestMatchers("/supervisor.html", "/api/calls/**").hasAnyRole("SUPERVISOR", "ADMIN")
                        // GET only: a PUT to these paths is the replace of a queue named "stats" or an agent "states"
                        .requestMatchers(HttpMethod.GET, "/api/queues/stats", "/api/queues/stats/day",
                                "/api/agents/states")
                        .hasAnyRole("SUPERVISOR", "ADMIN")
                        // the router's callbacks: supervisors watch, schedule and cancel them (agents through wrap-up)
                        .requestMatchers("/api/callbacks", "/api/callbacks/**").hasAnyRole("SUPERVISOR", "ADMIN")
                        .requestMatchers("/campaigns.html", "/api/campaigns/**", "/api/call-lists/**")
                        .hasAnyRole("CAMPAIGN_MANAGER", "ADMIN")
                        .requestMatchers("/customers.html", "/api/customers", "/api/customers/**")
                        .hasAnyRole("AGENT", "SUPERVISOR", "ADMIN")
                        // agents pick a reason when they go Not ready
                        .requestMatchers(HttpMethod.GET, "/api/reason-codes", "/api/reason-codes/**").authenticated()
                        .requestMatchers(HttpMethod.GET, "/api/queues", "/api/queues/**", "/api/agents", "/api/agents/**")
                        .hasAnyRole("SUPERVISOR", "CAMPAIGN_MANAGER", "ADMIN")
                        // every other method on every other API, the definitions' writes above all: administrators
                        .requestMatchers("/api/**").hasRole("ADMIN")
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage(LOGIN_PAGE).loginProcessingUrl("/login")
                        .successHandler((request, response, user) -> {
                            sessions.loggedIn(user.getName(), request.getSession());
                            success.onAuthenticationSuccess(request, response, user);
                        })
                        .failureHandler(failure).permitAll())
                .httpBasic(basic -> basic.authenticationEntryPoint(apiErrors))
                // The cookie goes too, so the next page is a plain login rather than "your session has ended".
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl(LOGIN_PAGE + "?logged-out")
                        .deleteCookies("JSESSIONID"))
                .csrf(csrf -> csrf.ignoringRequestMatchers(BASIC_AUTHORIZATION))
                .requestCache(cache -> cache.requestCache(requestCache))
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint((request, response, e) -> (ApiErrorResponses.API.matches(request)
                                ? apiErrors : pages).commence(request, response, e))
                        .accessDeniedHandler((request, response, e) -> (ApiErrorResponses.API.matches(request)
                                ? apiErrors : pageDenied).handle(request, response, e)))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(
                        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:;"
                                + " connect-src 'self'; frame-ancestors 'none'; form-action 'self'")));
        return http.build();
    }

    private static boolean expired(HttpServletRequest request) {
        return request.getRequestedSessionId() != null && !request.isRequestedSessionIdValid();
    }
}

package dev.vigil.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.util.matcher.RequestMatcher;

import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;

import dev.vigil.security.ui.LoginView;

/**
 * Two filter chains: the API ({@code /api/**}, {@code /v2/**}) with Bearer tokens and problem-JSON
 * 401/403, and the UI with Vaadin's form login and CSRF protection.
 */
@Configuration
@EnableWebSecurity
@EnableMethodSecurity(jsr250Enabled = true)
@EnableConfigurationProperties({SecurityProperties.class, LoginThrottleProperties.class})
class SecurityConfig {

    /** Intakes that authenticate by the service's integration key in the request, as PagerDuty does. */
    private static final String[] INTEGRATION_KEY_INTAKES = {"/v2/enqueue", "/api/v1/integrations/**"};

    /**
     * The SMS's one-tap acknowledge links: no login and no CSRF token, because the signed single-use token
     * in the path is the credential (checked by the notification module).
     */
    /**
     * No Micrometer observation around every security filter, authentication and authorization: on the
     * API's hot paths they cost about a tenth of the CPU per request (issue #9's load profile) and feed
     * no dashboard; {@code http.server.requests} still times every request.
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    /** Found by Spring Security's {@code WebSecurity} and used for every firewall refusal. */
    @Bean
    RequestRejectedHandler problemRequestRejectedHandler() {
        return new ProblemRequestRejectedHandler();
    }

    @Bean
    @Order(0)
    SecurityFilterChain oneTapLinks(HttpSecurity http) throws Exception {
        http.securityMatcher("/a/**")
                .authorizeHttpRequests(a -> a.anyRequest().permitAll())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(c -> c.disable())
                .requestCache(r -> r.disable())
                .formLogin(f -> f.disable())
                .logout(l -> l.disable());
        return http.build();
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiSecurity(HttpSecurity http, ApiTokenService tokens) throws Exception {
        ProblemSecurityHandlers problems = new ProblemSecurityHandlers();
        http.securityMatcher("/api/**", "/v2/**")
                .authorizeHttpRequests(a -> a
                        .requestMatchers(INTEGRATION_KEY_INTAKES).permitAll()
                        .anyRequest().authenticated())
                .addFilterBefore(new BearerTokenFilter(tokens), AnonymousAuthenticationFilter.class)
                // A logged-in browser may call the API with its session; scripts use tokens and no session.
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.NEVER))
                .csrf(c -> c.requireCsrfProtectionMatcher(unsafeRequestWithSessionCookie()))
                .requestCache(r -> r.disable())
                .formLogin(f -> f.disable())
                .httpBasic(b -> b.disable())
                .logout(l -> l.disable())
                .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain uiSecurity(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(a -> a
                .requestMatchers("/webjars/**", "/styles/**", "/images/**", "/icons/**").permitAll()
                .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info",
                        "/actuator/prometheus").permitAll()
                .requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/v3/api-docs.yaml", "/swagger-ui/**",
                        "/swagger-ui.html").permitAll());
        http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.loginView(LoginView.class));
        // After Vaadin's configurer, so it sets the login page first (else Spring's own page is generated);
        // a failure handler set here is kept instead of the "?error" default that comes with the page.
        http.formLogin(f -> f.failureHandler(SecurityConfig::loginFailed));
        return http.build();
    }

    /**
     * Back to the login form with {@code ?error}, and {@code &locked=N} (minutes) when the username or the
     * address is locked after too many failures. The lock is kept for unknown usernames too, so the answer
     * never tells whether a user exists.
     */
    private static void loginFailed(HttpServletRequest request, HttpServletResponse response,
            AuthenticationException failure) throws IOException {
        String target = failure instanceof LoginThrottledException locked
                ? "/login?error&" + LoginView.LOCKED_MINUTES + "=" + locked.minutes()
                : "/login?error";
        response.sendRedirect(request.getContextPath() + target);
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /**
     * CSRF matters only where the browser adds credentials by itself: a session cookie. A request that
     * carries an Authorization header, or no session at all, cannot be forged that way.
     */
    private static RequestMatcher unsafeRequestWithSessionCookie() {
        return (HttpServletRequest request) -> switch (request.getMethod()) {
            case "GET", "HEAD", "OPTIONS", "TRACE" -> false;
            default -> request.getHeader(HttpHeaders.AUTHORIZATION) == null
                    && request.getRequestedSessionId() != null;
        };
    }
}

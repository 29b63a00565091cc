package org.askonce.system;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.askonce.accounts.LoginThrottle;
import org.askonce.accounts.PublishRight;
import org.askonce.accounts.Role;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;
import org.springframework.security.web.authentication.logout.SimpleUrlLogoutSuccessHandler;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may open what. Two filter chains:
 * <ol>
 * <li>Citizens' side, no login, no session, no CSRF: the chat page and its assets, {@code /api/chat}, the
 * items' guide pages and their QR codes ({@code /guide/**}),
 * {@code /api/explain}, the WeChat callback and simulator ({@code /wx/**}; WeChat signs its own
 * requests; the simulator is off unless enabled, and then for this machine only) and the health check.</li>
 * <li>Staff side, everything else: form login at {@code /login} (pages, session, CSRF on every form)
 * or HTTP Basic (API callers such as a 12345 hotline system), both throttled by the
 * {@link LoginThrottle} (429 when refused). {@code /console/**} and
 * {@code /api/agent/**} for agents and admins, {@code /hall/**} (窗口预约) for hall staff and admins, {@code /admin/**} and {@code /api/admin/**} for
 * admins, {@code /editor/**} and {@code /api/editor/**} for editors, reviewers and admins
 * ({@link Role#mayEditKnowledge()}) except that publishing, rolling back and importing
 * ({@link PublishingRequests}) are for reviewers and admins ({@link Role#mayPublish()}), the Prometheus
 * metrics ({@code /actuator/prometheus}) for admins, anything else for any logged-in user.
 * {@code /api/**} answers 401/403 as JSON {@code {"error": …}}; pages redirect to the login page or
 * show the 403 page (saying who may publish when that was what was refused). Every state-changing
 * request needs the CSRF token except a program's Basic-authenticated API call ({@link BasicApiCalls}).
 * No response ever asks for Basic credentials ({@code WWW-Authenticate}).</li>
 * </ol>
 * Both chains send the {@link #CONTENT_SECURITY_POLICY} and {@code Referrer-Policy: same-origin}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET) // no HTTP, nothing to secure
class SecurityConfiguration {

    /** Open to everyone; WeChat and the chat page post without a CSRF token. */
    static final String[] PUBLIC = {"/", "/index.html", "/css/**", "/js/**", "/favicon.ico",
        "/api/chat/**", "/api/appointments/**", "/api/explain/**", "/wx/**", "/actuator/health/**", "/guide/**"};

    private static final RequestMatcher API = path("/api/**");
    private static final RequestMatcher PUBLISHING = new PublishingRequests();
    /** Set on a request refused for want of the publish right; templates/error/403.html shows it. */
    static final String DENIED_REASON = "deniedReason";
    private static final AuthenticationEntryPoint LOGIN = new LoginUrlAuthenticationEntryPoint("/login");
    private static final String UNAUTHORIZED = "{\"error\":\"需要登录\"}";
    private static final String FORBIDDEN = "{\"error\":\"没有权限\"}";
    private static final String CSRF_REFUSED = "{\"error\":\"缺少有效的 CSRF 令牌，请刷新页面后重试\"}";
    /**
     * Scripts, styles, images, fonts and connections from AskOnce itself only (images also as data: URIs,
     * which Swagger UI's stylesheet uses); no inline script or style, no plugins, no framing, forms post
     * only to AskOnce. Pages therefore keep their scripts and styles in files under /js and /css.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
    /** The same for Swagger UI (staff only), whose bundled script applies inline styles: those are allowed there, scripts still not. */
    static final String SWAGGER_UI_POLICY = CONTENT_SECURITY_POLICY.replace("style-src 'self';", "style-src 'self' 'unsafe-inline';");
    private static final RequestMatcher SWAGGER_UI = path("/swagger-ui/**");
    /** Where a refused form login is forwarded to be shown with 429; the request attribute carries the message. */
    static final String LOGIN_REFUSED_PAGE = "/login/refused";
    static final String LOGIN_REFUSED = "loginRefused";

    /**
     * No Micrometer observation around each security filter, authentication and authorization:
     * measured under the WeChat load, starting and stopping them was about a tenth of all CPU.
     * Requests are still counted and timed per endpoint ({@code http.server.requests}).
     */
    @Bean
    SecurityObservationSettings securityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    @Order(1)
    SecurityFilterChain citizenSecurity(HttpSecurity http) throws Exception {
        http.securityMatcher(new OrRequestMatcher(Arrays.stream(PUBLIC).map(SecurityConfiguration::path).toList()))
                .authorizeHttpRequests(a -> a.anyRequest().permitAll())
                .csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(r -> r.disable())
                .headers(h -> pageHeaders(h.cacheControl(c -> c.disable())));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain staffSecurity(HttpSecurity http, UserDetailsService users, PasswordEncoder encoder, LoginThrottle throttle)
            throws Exception {
        String admin = Role.ADMIN.name();
        DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(users);
        passwords.setPasswordEncoder(encoder);
        HttpSessionRequestCache pagesOnly = new HttpSessionRequestCache();
        // only a page is worth returning to after logging in; an API caller gets 401 and no session
        pagesOnly.setRequestMatcher(new AndRequestMatcher(PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.GET, "/**"),
                new NegatedRequestMatcher(API), new NegatedRequestMatcher(path("/error"))));
        http.authenticationManager(new ProviderManager(new ThrottledAuthenticationProvider(passwords, throttle)))
                .authorizeHttpRequests(a -> a
                        .requestMatchers(path("/login"), path(LOGIN_REFUSED_PAGE), path("/error")).permitAll()
                        .requestMatchers(path("/console/**"), path("/api/agent/**")).hasAnyRole(Role.AGENT.name(), admin)
                        .requestMatchers(path("/admin/**"), path("/api/admin/**")).hasRole(admin)
                        .requestMatchers(path("/hall"), path("/hall/**")).hasAnyRole(Role.HALL_STAFF.name(), admin)
                        .requestMatchers(PUBLISHING).hasAnyRole(Role.publishers())
                        .requestMatchers(path("/editor/**"), path("/api/editor/**")).hasAnyRole(Role.knowledgeEditors())
                        .requestMatchers(path("/actuator/prometheus")).hasRole(admin)
                        .requestMatchers(path("/v3/api-docs/**"), path("/swagger-ui/**"), path("/swagger-ui.html")).authenticated()
                        .anyRequest().authenticated())
                .formLogin(f -> f.loginPage("/login").successHandler(new LandingByRole()).failureHandler(loginFailed()).permitAll())
                .httpBasic(b -> b.authenticationEntryPoint(SecurityConfiguration::unauthorized))
                .logout(l -> l.logoutUrl("/logout").logoutSuccessHandler(toLoginPage()))
                // only a program's Basic-authenticated API call goes without the token (see BasicApiCalls)
                .csrf(c -> c.ignoringRequestMatchers(new BasicApiCalls()))
                .requestCache(r -> r.requestCache(pagesOnly))
                .headers(SecurityConfiguration::pageHeaders)
                .exceptionHandling(e -> e.authenticationEntryPoint(SecurityConfiguration::unauthorized)
                        .accessDeniedHandler(forbidden()));
        return http.build();
    }

    /**
     * On every response of both chains, besides Spring Security's defaults (no framing, no sniffing,
     * no caching on the staff side): the {@link #CONTENT_SECURITY_POLICY} (Swagger UI's
     * {@link #SWAGGER_UI_POLICY}) and a Referrer-Policy that keeps staff URLs (item ids, conversation
     * ids) from other sites.
     */
    private static void pageHeaders(HeadersConfigurer<HttpSecurity> headers) {
        headers.addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(new NegatedRequestMatcher(SWAGGER_UI),
                        new ContentSecurityPolicyHeaderWriter(CONTENT_SECURITY_POLICY)))
                .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(SWAGGER_UI, new ContentSecurityPolicyHeaderWriter(SWAGGER_UI_POLICY)))
                .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN));
    }

    /**
     * A failed form login: back to the login page saying so, or, when the throttle refused it, 429 with the
     * login page saying why and for how long (forwarded to {@link LoginController}).
     */
    private static AuthenticationFailureHandler loginFailed() {
        AuthenticationFailureHandler wrong = new SimpleUrlAuthenticationFailureHandler("/login?error");
        return (request, response, e) -> {
            if (e instanceof LoginRefusedException refused) {
                response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
                response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(refused.retryAfter().toSeconds()));
                request.setAttribute(LOGIN_REFUSED, refused.getMessage());
                request.getRequestDispatcher(LOGIN_REFUSED_PAGE).forward(request, response);
            } else {
                wrong.onAuthenticationFailure(request, response, e);
            }
        };
    }

    /**
     * Not logged in. API: 401 JSON; a page with wrong Basic credentials: 401; another page: to the login
     * page; refused by the throttle (HTTP Basic): 429 JSON. Never a {@code WWW-Authenticate: Basic}
     * challenge: a browser would show its password dialog and then keep sending the credentials by itself,
     * also with forged cross-site requests. API clients send Basic credentials without being asked.
     */
    private static void unauthorized(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException, ServletException {
        if (e instanceof LoginRefusedException refused) {
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(refused.retryAfter().toSeconds()));
            json(response, HttpStatus.TOO_MANY_REQUESTS.value(), error(refused.getMessage()));
        } else if (API.matches(request)) {
            json(response, HttpServletResponse.SC_UNAUTHORIZED, UNAUTHORIZED);
        } else if (request.getHeader(HttpHeaders.AUTHORIZATION) != null) {
            response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
        } else {
            LOGIN.commence(request, response, e);
        }
    }

    private static AccessDeniedHandler forbidden() {
        return (request, response, e) -> {
            boolean publishing = e instanceof PublishRight.Refused || !(e instanceof CsrfException) && PUBLISHING.matches(request);
            if (API.matches(request)) {
                json(response, HttpServletResponse.SC_FORBIDDEN,
                        e instanceof CsrfException ? CSRF_REFUSED : publishing ? error(PublishRight.REFUSED) : FORBIDDEN);
            } else {
                if (publishing) {
                    request.setAttribute(DENIED_REASON, PublishRight.REFUSED);
                }
                response.sendError(HttpServletResponse.SC_FORBIDDEN); // templates/error/403.html
            }
        };
    }

    /** {@code {"error": "…"}} for a message of ours. */
    private static String error(String message) {
        return "{\"error\":\"" + message.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}";
    }

    /** Always back to the login page (HTTP Basic would otherwise answer 204 to a request that does not ask for HTML). */
    private static LogoutSuccessHandler toLoginPage() {
        SimpleUrlLogoutSuccessHandler handler = new SimpleUrlLogoutSuccessHandler();
        handler.setDefaultTargetUrl("/login?logout");
        return handler;
    }

    private static void json(HttpServletResponse response, int status, String body) throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(body);
    }

    private static RequestMatcher path(String pattern) {
        return PathPatternRequestMatcher.withDefaults().matcher(pattern);
    }

    /** After logging in: back to the page asked for, else the role's own start page. */
    static final class LandingByRole extends SavedRequestAwareAuthenticationSuccessHandler {

        @Override
        protected String determineTargetUrl(HttpServletRequest request, HttpServletResponse response, Authentication authentication) {
            return landing(authentication);
        }

        static String landing(Authentication authentication) {
            var authorities = authentication.getAuthorities().stream().map(a -> a.getAuthority()).toList();
            if (authorities.contains(Role.ADMIN.authority())) {
                return "/admin/users";
            }
            if (authorities.contains(Role.AGENT.authority())) {
                return "/console";
            }
            if (authorities.contains(Role.HALL_STAFF.authority())) {
                return "/hall";
            }
            for (Role role : Role.values()) {
                if (role.mayEditKnowledge() && authorities.contains(role.authority())) {
                    return "/editor";
                }
            }
            return "/";
        }
    }
}

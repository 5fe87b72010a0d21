package io.team365.identity.internal;

import io.team365.core.web.ProblemResponses;
import io.team365.identity.SignedInUser;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.header.HeaderWriter;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may reach what. Pages use the session cookie with CSRF protection; the API also takes personal access
 * tokens. Read-only users can change nothing but their own profile, password and tokens; administration needs
 * the admin role. The rules are by path and method, so a new route is protected before anyone remembers to.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
            + "form-action 'self'; frame-ancestors 'none'";

    private static final String[] PUBLIC_PAGES = {
        "/",
        "/signup",
        "/login",
        "/forgot-password",
        "/reset-password",
        "/verify-email",
        "/verify-email/resend",
        "/invitations/accept",
        // single sign-on: finding a Client's provider by work email, finishing a sign-up a provider started
        "/login/sso",
        "/login/sso/**",
        "/signup/sso",

        // the second factor of a pending sign-in (the session holds no Authentication until it is passed)
        "/login/second-factor",
        "/login/second-factor/**",
        // public privacy pages: the preference centre, one-click unsubscribe, data-subject requests, legal notices
        "/preferences/**",
        "/unsubscribe/**",
        "/privacy/request",
        "/privacy/request/**",
        "/legal/**",
        "/css/**",
        "/js/**",
        "/img/**",
        "/webjars/**",
        "/favicon.ico",
        "/favicon.svg",
        "/error",
        "/actuator/health",
        "/actuator/health/**",
        "/v3/api-docs",
        "/v3/api-docs/**",
        "/swagger-ui/**",
        "/swagger-ui.html"
    };

    private static final String[] SELF_SERVICE = {
        "/settings/profile/**",
        "/settings/password/**",
        "/settings/tokens/**",
        "/settings/account",
        "/settings/account/**",
        // two-factor authentication, step-up confirmation, sessions (and the SSO and passkey pages under it)
        "/settings/security",
        "/settings/security/**",
        "/api/v1/me",
        "/api/v1/me/**",
        "/switch-client",
        "/logout",
        // personal list views change no CRM data; sharing one is checked by the views module
        "/views/**",
        "/api/v1/views/**"
    };

    private static final String[] ADMINISTRATION = {
        "/settings/users/**",
        "/settings/audit/**",
        "/settings/fields/**",
        "/settings/pipelines/**",
        "/settings/privacy/**",
        "/settings/teams/**",
        "/api/v1/teams/**",
        "/api/v1/members/**",
        "/api/v1/invitations/**",
        "/api/v1/audit/**",
        "/api/v1/privacy/restrictions/**",
        "/privacy/restrictions/**",
        "/settings/retention/**",
        "/api/v1/retention/**",
        "/settings/operator-access/**",
        "/settings/client/sign-in",
        "/api/v1/operator-grants/**",
        // data-subject requests: filing (POST /api/v1/privacy/requests) stays open to members; every step after it
        "/api/v1/privacy/requests/*/*"
    };

    /** Team365 staff only (ROLE_OPERATOR); what they may see of a Client is decided by that Client's grants. */
    private static final String[] OPERATOR_CONSOLE = {"/operator", "/operator/**"};

    /**
     * The strict policy everywhere but Swagger UI, a third-party page that sets inline styles; it still may run no
     * script but its own files.
     */
    private static HeaderWriter contentSecurityPolicy() {
        RequestMatcher swagger = request -> request.getRequestURI().startsWith("/swagger-ui/");
        HeaderWriter strict = new ContentSecurityPolicyHeaderWriter(CONTENT_SECURITY_POLICY);
        HeaderWriter swaggerPolicy = new ContentSecurityPolicyHeaderWriter(
                CONTENT_SECURITY_POLICY.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'"));
        // a mail thread may load remote images, but only after the reader clicks "Show images" (mail.js)
        RequestMatcher mailThread = request -> request.getRequestURI().startsWith("/mail/threads/");
        HeaderWriter mailPolicy = new ContentSecurityPolicyHeaderWriter(
                CONTENT_SECURITY_POLICY.replace("img-src 'self' data:", "img-src 'self' data: https: http:"));
        return (request, response) -> (swagger.matches(request)
                        ? swaggerPolicy
                        : mailThread.matches(request) ? mailPolicy : strict)
                .writeHeaders(request, response);
    }

    /** At the CSRF filter, the only authentication there can be is the one loaded from the session. */
    private static boolean signedInSession(HttpServletRequest request) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.isAuthenticated();
    }

    /** Only pages are remembered for after sign-in; remembering API calls would start a session for each. */
    static HttpSessionRequestCache requestCache() {
        var requestCache = new HttpSessionRequestCache();
        requestCache.setRequestMatcher(
                request -> "GET".equals(request.getMethod()) && !ProblemResponses.isApi(request));
        requestCache.setMatchingRequestParameterName(null);
        return requestCache;
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8();
    }

    @Bean
    static RoleHierarchy roleHierarchy() {
        return RoleHierarchyImpl.withDefaultRolePrefix()
                .role("OWNER")
                .implies("ADMIN")
                .role("ADMIN")
                .implies("MEMBER")
                .role("MEMBER")
                .implies("READ_ONLY")
                .build();
    }

    /** Prometheus metrics are not public: HTTP Basic with the configured scrape password, or no access at all. */
    @Bean
    @Order(1)
    SecurityFilterChain metrics(HttpSecurity http, @Value("${team365.metrics.scrape-password}") String password)
            throws Exception {
        var users = new InMemoryUserDetailsManager();
        if (!password.isBlank()) {
            users.createUser(User.withUsername("prometheus")
                    .password(passwordEncoder().encode(password))
                    .roles("METRICS")
                    .build());
        }
        var provider = new DaoAuthenticationProvider(users);
        provider.setPasswordEncoder(passwordEncoder());
        http.securityMatcher("/actuator/**")
                .authorizeHttpRequests(auth -> auth.requestMatchers("/actuator/health", "/actuator/health/**")
                        .permitAll()
                        .anyRequest()
                        .hasRole("METRICS"))
                .authenticationManager(new ProviderManager(provider))
                .httpBasic(basic -> {})
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(
                        org.springframework.security.config.http.SessionCreationPolicy.STATELESS));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain application(
            HttpSecurity http,
            ApiTokens tokens,
            Memberships memberships,
            OperatorAccounts operators,
            SignInFailureHandler failures,
            io.team365.identity.internal.sso.SsoLogin ssoLogin,
            SignInCompletion completion,
            StepUp stepUp,
            io.team365.identity.internal.mfa.ClientMfaPolicy mfaPolicy,
            io.team365.identity.internal.mfa.SecondFactors secondFactors,
            PasskeySignIn passkeys,
            io.team365.identity.internal.sso.SsoPolicy ssoPolicy,
            WorkspaceSelector workspaces)
            throws Exception {
        // plain objects, not beans: as beans Boot would also register them as servlet filters outside this chain
        var bearerTokens = new BearerTokenFilter(tokens);
        var tenantBinding = new TenantBindingFilter(memberships, operators, ssoPolicy);
        RequestMatcher bearer = request -> ProblemResponses.isApi(request) && BearerTokenFilter.hasBearerToken(request);
        // CSRF protects a signed-in browser session; API calls without one have nothing to protect and get a 401
        // the preference centre's forms likewise: the secret in the address is what a forger lacks, and the pages
        // stay without a session (no cookie)
        RequestMatcher unsubscribe = request -> request.getRequestURI().startsWith("/unsubscribe/")
                || request.getRequestURI().startsWith("/preferences/");
        RequestMatcher apiWithoutSession = request -> ProblemResponses.isApi(request) && !signedInSession(request);
        var requestCache = requestCache();
        // the form-login filter has already saved the Authentication when this runs: SignInCompletion takes it out
        // again while a second factor is owed (issue 7)
        AuthenticationSuccessHandler success = (request, response, authentication) -> completion.primaryFactorDone(
                request, response, (SignedInUser) authentication.getPrincipal(), SignInMethod.PASSWORD);
        // the password provider is a bean, so it becomes the global AuthenticationManager's only provider; adding it
        // here as well would make a failed attempt run (and count) twice
        http.authorizeHttpRequests(auth -> auth.requestMatchers(PUBLIC_PAGES)
                        .permitAll()
                        // passkeys are registered and removed on /settings/security/passkeys (validated, audited);
                        // Spring's own register and delete endpoints stay shut. Its options endpoints answer before
                        // this rule is consulted.
                        .requestMatchers("/webauthn/register", "/webauthn/register/*")
                        .denyAll()
                        .requestMatchers(HttpMethod.POST, "/api/v1/signup", "/api/v1/password-resets")
                        .permitAll()
                        .requestMatchers(SELF_SERVICE)
                        .authenticated()
                        .requestMatchers(OPERATOR_CONSOLE)
                        .hasRole("OPERATOR")
                        .requestMatchers(ADMINISTRATION)
                        .hasRole("ADMIN")
                        .requestMatchers(HttpMethod.POST, "/settings/client/**")
                        .hasRole("ADMIN")
                        .requestMatchers(HttpMethod.PATCH, "/api/v1/client")
                        .hasRole("ADMIN")
                        .requestMatchers(HttpMethod.POST, "/api/v1/custom-fields")
                        .hasRole("ADMIN")
                        .requestMatchers(HttpMethod.PATCH, "/api/v1/custom-fields/**")
                        .hasRole("ADMIN")
                        .requestMatchers(HttpMethod.DELETE, "/api/v1/custom-fields/**")
                        .hasRole("ADMIN")
                        .requestMatchers(HttpMethod.POST, "/api/v1/consent-purposes")
                        .hasRole("ADMIN")
                        .requestMatchers(HttpMethod.PATCH, "/api/v1/consent-purposes/**")
                        .hasRole("ADMIN")
                        .requestMatchers(HttpMethod.POST, "/api/v1/pipelines")
                        .hasRole("ADMIN")
                        .requestMatchers(HttpMethod.PATCH, "/api/v1/pipelines/**")
                        .hasRole("ADMIN")
                        .requestMatchers(HttpMethod.DELETE, "/api/v1/pipelines/**")
                        .hasRole("ADMIN")
                        .requestMatchers(HttpMethod.GET, "/**")
                        .authenticated()
                        .requestMatchers(HttpMethod.HEAD, "/**")
                        .authenticated()
                        .anyRequest()
                        .hasRole("MEMBER"))
                .formLogin(form -> form.loginPage("/login")
                        .loginProcessingUrl("/login")
                        .successHandler(success)
                        .failureHandler(failures)
                        .permitAll())
                .requestCache(cache -> cache.requestCache(requestCache))
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?signedOut"))
                // RFC 8058: mail providers post one-click unsubscribes without cookies; the unguessable token is the
                // proof
                .csrf(csrf -> csrf.ignoringRequestMatchers(bearer, apiWithoutSession, unsubscribe))
                .addFilterBefore(bearerTokens, UsernamePasswordAuthenticationFilter.class)
                .addFilterBefore(tenantBinding, AuthorizationFilter.class)
                .addFilterAfter(new SecondFactorRequiredFilter(mfaPolicy, secondFactors), AuthorizationFilter.class)
                .addFilterAfter(new OwnProviderSessionFilter(workspaces), AuthorizationFilter.class)
                .addFilterAfter(new StepUpFilter(stepUp), AuthorizationFilter.class)
                .exceptionHandling(errors -> errors.authenticationEntryPoint((request, response, e) -> {
                            if (ProblemResponses.isApi(request)) {
                                response.setHeader("WWW-Authenticate", "Bearer");
                                ProblemResponses.write(
                                        response,
                                        HttpStatus.UNAUTHORIZED,
                                        "Sign in, or send a personal access token as 'Authorization: Bearer t365_…'.",
                                        request.getRequestURI());
                            } else {
                                new LoginUrlAuthenticationEntryPoint("/login").commence(request, response, e);
                            }
                        })
                        .accessDeniedHandler((request, response, e) -> {
                            if (ProblemResponses.isApi(request)) {
                                ProblemResponses.write(
                                        response,
                                        HttpStatus.FORBIDDEN,
                                        "Your role does not allow this action (or a browser request lacked its CSRF token).",
                                        request.getRequestURI());
                            } else {
                                response.sendError(HttpStatus.FORBIDDEN.value());
                            }
                        }))
                .headers(headers -> headers.addHeaderWriter(contentSecurityPolicy())
                        .referrerPolicy(referrer -> referrer.policy(
                                ReferrerPolicyHeaderWriter.ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                        .permissionsPolicyHeader(permissions ->
                                permissions.policy("camera=(), microphone=(), geolocation=(), payment=(), usb=()"))
                        .httpStrictTransportSecurity(
                                hsts -> hsts.includeSubDomains(true).maxAgeInSeconds(31536000)));
        ssoLogin.configure(http);
        passkeys.configure(http);
        return http.build();
    }
}

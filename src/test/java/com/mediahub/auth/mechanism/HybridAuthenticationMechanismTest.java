package com.mediahub.auth.mechanism;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.mediahub.audit.AuditEvent;
import com.mediahub.auth.apppassword.control.AppPasswordCaller;
import com.mediahub.auth.apppassword.control.AppPasswordCheck;
import com.mediahub.auth.apppassword.control.AppPasswordFormat;
import com.mediahub.auth.cookie.SessionCookies;
import com.mediahub.auth.mfa.control.SecondFactorSignIn;
import com.mediahub.auth.password.control.BasicCredentialCache;
import com.mediahub.auth.password.control.LoginThrottle;
import com.mediahub.auth.token.control.AccessTokenService;
import com.mediahub.auth.token.control.TokenVersionCache;
import com.mediahub.auth.token.keys.SigningSecret;
import com.mediahub.config.ConfigFile;
import com.mediahub.config.OperationsSettings;
import com.mediahub.config.Settings;
import com.mediahub.platform.error.ErrorCatalogue;
import com.mediahub.platform.error.JsonErrorPageServlet;
import com.mediahub.platform.rest.DeployedRoutes;
import com.mediahub.platform.rest.ResourceClasses;
import com.mediahub.security.BasicAuthenticated;
import com.mediahub.security.CallerIdentity;
import com.mediahub.security.CurrentCaller;
import com.mediahub.testing.InMemoryUsers;
import com.mediahub.testing.RecordingAudit;
import com.mediahub.testing.SteppedClock;

import jakarta.enterprise.event.Event;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The mechanism's decisions without a server: which requests pass untouched, which are
 * authenticated by which credential, and which are refused with which error, on a clock the
 * test moves. The HTTP side (status codes, bodies, headers on three servers) is the ITs' part.
 */
class HybridAuthenticationMechanismTest {

    private static final Settings SETTINGS = Settings.defaults().withBcryptCost(4);

    private final SteppedClock clock = new SteppedClock();
    private final InMemoryUsers users = new InMemoryUsers();
    private final RecordingAudit audit = new RecordingAudit();
    private final IdentityStoreHandler identityStores = mock(IdentityStoreHandler.class);
    private final LoginThrottle throttle = mock(LoginThrottle.class);
    private final SecondFactorSignIn secondFactors = mock(SecondFactorSignIn.class);
    private final AppPasswordCheck appPasswords = mock(AppPasswordCheck.class);
    @SuppressWarnings("unchecked")
    private final Event<BasicAuthenticated> basicAuthenticated = mock(Event.class);
    private final HybridAuthenticationMechanism mechanism = new HybridAuthenticationMechanism();
    private final Map<String, Object> attributes = new HashMap<>();
    private AccessTokenService accessTokens;
    private TokenVersionCache versions;
    private HttpMessageContext context;

    @BeforeEach
    void wire() {
        users.add(7, "alice", Set.of("user"));
        accessTokens = new AccessTokenService(SETTINGS, new SigningSecret("0123456789abcdef0123456789abcdef-test", "test"), clock);
        versions = new TokenVersionCache(users, SETTINGS, clock);
        BasicCredentialCache basicCache = new BasicCredentialCache(SETTINGS, clock); // basic_cache_seconds = 0: off
        DeployedRoutes routes = mock(DeployedRoutes.class);
        when(routes.get()).thenReturn(ResourceClasses.routes());
        when(throttle.reserve(anyString(), anyString()))
                .thenAnswer(call -> new LoginThrottle.Attempt(call.getArgument(0), "net", List.of(), Optional.empty()));
        when(throttle.reserveSecondFactor(anyString(), anyString()))
                .thenAnswer(call -> new LoginThrottle.Attempt(call.getArgument(0), "net", List.of(), Optional.empty()));
        when(throttle.check(any(), any(), any())).thenAnswer(call -> ((java.util.function.Supplier<?>) call.getArgument(1)).get());
        passwordSide(basicCache);
        tokenSide();
        requestSide(routes);
        context = mock(HttpMessageContext.class);
        when(context.doNothing()).thenReturn(AuthenticationStatus.NOT_DONE);
        when(context.notifyContainerAboutLogin(anyString(), any())).thenReturn(AuthenticationStatus.SUCCESS);
        when(context.responseUnauthorized()).thenReturn(AuthenticationStatus.SEND_FAILURE);
        when(context.getResponse()).thenReturn(mock(HttpServletResponse.class));
    }

    private void passwordSide(BasicCredentialCache basicCache) {
        mechanism.identityStores = identityStores;
        mechanism.throttle = throttle;
        mechanism.basicCache = basicCache;
        mechanism.audit = audit;
        mechanism.secondFactors = secondFactors;
        mechanism.appPasswords = appPasswords;
        mechanism.basicAuthenticated = basicAuthenticated;
    }

    private void tokenSide() {
        mechanism.accessTokens = accessTokens;
        mechanism.tokenVersions = versions;
    }

    private void requestSide(DeployedRoutes routes) {
        mechanism.cookies = new SessionCookies(SETTINGS);
        mechanism.operations = operations("");
        mechanism.routes = routes;
        mechanism.readAccessRules();
    }

    private static OperationsSettings operations(String toml) {
        return OperationsSettings.from(ConfigFile.parse(Path.of("config.toml"), toml));
    }

    private HttpServletRequest request(String method, String path, String authorization) {
        HttpServletRequest request = mock(HttpServletRequest.class);
        when(request.getMethod()).thenReturn(method);
        when(request.getRequestURI()).thenReturn(path);
        when(request.getContextPath()).thenReturn("");
        when(request.getServletPath()).thenReturn(path.startsWith("/api") ? "/api" : path);
        when(request.getPathInfo()).thenReturn(path.startsWith("/api/") ? path.substring(4) : null);
        when(request.getHeader("Authorization")).thenReturn(authorization);
        when(request.getHeaders("Authorization")).thenAnswer(call ->
                Collections.enumeration(authorization == null ? List.of() : List.of(authorization)));
        when(request.getRemoteAddr()).thenReturn("203.0.113.5");
        when(request.getContentLengthLong()).thenReturn(-1L);
        when(request.getAttribute(anyString())).thenAnswer(call -> attributes.get(call.<String>getArgument(0)));
        org.mockito.Mockito.doAnswer(call -> attributes.put(call.getArgument(0), call.getArgument(1)))
                .when(request).setAttribute(anyString(), any());
        org.mockito.Mockito.doAnswer(call -> attributes.remove(call.<String>getArgument(0)))
                .when(request).removeAttribute(anyString());
        return request;
    }

    private AuthenticationStatus send(HttpServletRequest request) {
        return mechanism.validateRequest(request, (HttpServletResponse) context.getResponse(), context);
    }

    private String bearer() {
        return "Bearer " + accessTokens.issue(new CallerIdentity(7, "alice", Set.of("user"), 42L), 0, clock.instant());
    }

    private static String basic(String username, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private Object error() {
        return attributes.get(JsonErrorPageServlet.ERROR_ATTRIBUTE);
    }

    private CallerIdentity caller() {
        return (CallerIdentity) attributes.get(CurrentCaller.ATTRIBUTE);
    }

    @Test
    void publicEndpointsPassWithoutReadingAnyCredential() {
        assertEquals(AuthenticationStatus.NOT_DONE, send(request("POST", "/api/token/refresh", "Bearer garbage")));
        assertEquals(AuthenticationStatus.NOT_DONE, send(request("GET", "/index.html", null)));
        assertNull(caller());
    }

    @Test
    void aProtectedEndpointWithoutCredentialsIsChallenged() {
        assertEquals(AuthenticationStatus.SEND_FAILURE, send(request("GET", "/api/users/me", null)));
        assertEquals(ErrorCatalogue.AUTHORIZATION_HEADER_REQUIRED, error());
    }

    @Test
    void aValidBearerTokenAuthenticatesWithoutAnyPasswordCheck() {
        assertEquals(AuthenticationStatus.SUCCESS, send(request("GET", "/api/users/me", bearer())));
        assertEquals(7, caller().id());
        assertEquals(42L, caller().sessionId());
        verify(identityStores, never()).validate(any());
        verify(throttle, never()).reserve(anyString(), anyString());
    }

    /** A token accepted now is refused with {@code refusal} once {@code change} has happened. */
    private void refusedAfter(String token, Runnable change, ErrorCatalogue refusal) {
        assertEquals(AuthenticationStatus.SUCCESS, send(request("GET", "/api/users/me", token)));
        change.run();
        attributes.clear();
        assertEquals(AuthenticationStatus.SEND_FAILURE, send(request("GET", "/api/users/me", token)));
        assertEquals(refusal, error());
    }

    @Test
    void anAccessTokenExpiresOnTheClockNotOnTheWall() {
        String token = bearer();
        clock.advance(Duration.ofMinutes(5).plusSeconds(59)); // within lifetime plus the allowed skew (60 s)
        refusedAfter(token, () -> clock.advance(Duration.ofSeconds(1)), ErrorCatalogue.TOKEN_EXPIRED);
    }

    @Test
    void aTokenOfAnOlderVersionIsRefusedOnceTheCacheSeesTheNewOne() {
        refusedAfter(bearer(), () -> {
            users.bumpElsewhere(7); // a logout-all on another instance
            clock.advance(Duration.ofSeconds(5));
        }, ErrorCatalogue.TOKEN_INVALID);
    }

    @Test
    void theTokenEndpointTakesAPasswordNeverAToken() {
        assertEquals(AuthenticationStatus.SEND_FAILURE, send(request("POST", "/api/token", bearer())));
        assertEquals(ErrorCatalogue.AUTHENTICATION_FAILED, error());
        assertNull(caller());
    }

    @Test
    void basicCredentialsGoThroughTheThrottleAndTheIdentityStore() {
        when(identityStores.validate(any(UsernamePasswordCredential.class)))
                .thenReturn(new CredentialValidationResult(null, "alice", null, "7", Set.of("user")));
        assertEquals(AuthenticationStatus.SUCCESS, send(request("POST", "/api/token", basic("alice", "correct horse"))));
        assertEquals(true, caller().provedPassword());
        assertEquals(Optional.of("pwd"), caller().authenticationMethods());
        verify(throttle).reserve("alice", "203.0.113.5");
        verify(throttle).succeeded(any());
    }

    @Test
    void anEnrolledUsersPasswordBasicIsRefusedOnResourceEndpointsEvenWithACode() {
        aliceHasASecondFactor();
        HttpServletRequest request = request("GET", "/api/users/me", basic("alice", "correct horse"));
        when(request.getHeader("X-OTP")).thenReturn("123456");
        assertEquals(AuthenticationStatus.SEND_FAILURE, send(request));
        assertEquals(ErrorCatalogue.SECOND_FACTOR_REQUIRED, error());
        assertNull(caller());
        verify(secondFactors, never()).verify(anyLong(), anyString());
    }

    @Test
    void theTokenEndpointAsksForTheCodeWithoutCountingAFailure() {
        aliceHasASecondFactor();
        assertEquals(AuthenticationStatus.SEND_FAILURE, send(request("POST", "/api/token", basic("alice", "correct horse"))));
        assertEquals(ErrorCatalogue.SECOND_FACTOR_REQUIRED, error());
        verify(throttle, times(1)).reserve("alice", "203.0.113.5"); // the password's attempt only
        // The right password alone counts as nothing: no failure, and no success that would make
        // this network one alice signs in from (that takes the code too).
        verify(throttle).abandoned(any());
        verify(throttle, never()).succeeded(any());
        verify(throttle, never()).failed(any());
        assertEquals(List.of(), audit.events());
    }

    @Test
    void aWrongCodeIsCountedByTheThrottleAndAudited() {
        aliceHasASecondFactor();
        HttpServletRequest request = request("POST", "/api/token", basic("alice", "correct horse"));
        when(request.getHeader("X-OTP")).thenReturn("654321");
        assertEquals(AuthenticationStatus.SEND_FAILURE, send(request));
        assertEquals(ErrorCatalogue.SECOND_FACTOR_INVALID, error());
        verify(throttle).reserve("alice", "203.0.113.5"); // the password's,
        verify(throttle).reserveSecondFactor("alice", "203.0.113.5"); // then the code's, where no known network is exempt
        assertEquals(List.of(AuditEvent.LOGIN_SECOND_FACTOR_FAILED), audit.events());
        assertNull(caller());
    }

    @Test
    void aRightCodeSignsInWithBothFactors() {
        aliceHasASecondFactor();
        when(secondFactors.verify(7, "123456")).thenReturn(true);
        HttpServletRequest request = request("POST", "/api/token", basic("alice", "correct horse"));
        when(request.getHeader("X-OTP")).thenReturn("123456");
        assertEquals(AuthenticationStatus.SUCCESS, send(request));
        assertEquals(Optional.of("pwd otp"), caller().authenticationMethods());
    }

    private void aliceHasASecondFactor() {
        when(identityStores.validate(any(UsernamePasswordCredential.class)))
                .thenReturn(new CredentialValidationResult(null, "alice", null, "7", Set.of("user")));
        when(secondFactors.required(7)).thenReturn(true);
    }

    @Test
    void aWrongPasswordIsA401AndAnAuditedFailureWithoutTheName() {
        when(identityStores.validate(any(UsernamePasswordCredential.class))).thenReturn(CredentialValidationResult.INVALID_RESULT);
        assertEquals(AuthenticationStatus.SEND_FAILURE, send(request("GET", "/api/users/me", basic("alice", "wrong"))));
        assertEquals(ErrorCatalogue.AUTHENTICATION_FAILED, error());
        assertEquals(List.of(AuditEvent.LOGIN_FAILED), audit.events());
        assertNull(audit.records.get(0).userId());
    }

    @Test
    void aThrottledUserGets429WithRetryAfterAndNoPasswordCheck() {
        when(throttle.reserve(anyString(), anyString())).thenReturn(
                new LoginThrottle.Attempt("alice", "net", List.of(), Optional.of(Duration.ofSeconds(90))));
        HttpServletRequest request = request("GET", "/api/users/me", basic("alice", "any"));
        assertEquals(AuthenticationStatus.SEND_FAILURE, send(request));
        assertEquals(ErrorCatalogue.TOO_MANY_ATTEMPTS, error());
        assertEquals(91L, attributes.get(JsonErrorPageServlet.RETRY_AFTER_ATTRIBUTE));
        verify(identityStores, never()).validate(any());
    }

    @Test
    void anonymousSignUpPassesOnlyWhenRegistrationIsOpen() {
        assertEquals(AuthenticationStatus.SEND_FAILURE, send(request("POST", "/api/users", null)), "closed by default");
        mechanism.operations = operations("[auth]\nregistration = \"open\"\n");
        attributes.clear();
        assertEquals(AuthenticationStatus.NOT_DONE, send(request("POST", "/api/users", null)));
        attributes.clear();
        assertEquals(AuthenticationStatus.SEND_FAILURE, send(request("GET", "/api/users", null)), "listing stays protected");
    }

    @Test
    void aBrokenHeaderIsRefusedBeforeAnythingIsChecked() {
        assertEquals(AuthenticationStatus.SEND_FAILURE, send(request("GET", "/api/users/me", "Digest abc")));
        verify(identityStores, never()).validate(any());
        verify(throttle, never()).reserve(anyString(), anyString());
        assertEquals(0, users.tokenVersionReads);
    }

    @Test
    void anUnreadableDatabaseIsA503NotA401() {
        String token = bearer();
        users.failNextRead = new jakarta.persistence.PersistenceException("connection refused",
                new java.sql.SQLTransientConnectionException("refused", "08001"));
        assertEquals(AuthenticationStatus.SEND_FAILURE, send(request("GET", "/api/users/me", token)));
        assertEquals(ErrorCatalogue.SERVICE_UNAVAILABLE, error());
    }

    // --- app passwords (issue 19) ------------------------------------------------------------------

    private static final String APP_PASSWORD = AppPasswordFormat.generate(new java.security.SecureRandom());

    private void aliceHasTheAppPassword(boolean readOnly) {
        when(appPasswords.verify("alice", APP_PASSWORD)).thenReturn(Optional.of(
                new AppPasswordCaller(CallerIdentity.byAppPassword(7, "alice", Set.of("user")), readOnly)));
    }

    private void alicesPasswordIs(String password) {
        when(identityStores.validate(any(UsernamePasswordCredential.class))).thenAnswer(call ->
                password.equals(call.<UsernamePasswordCredential>getArgument(0).getPasswordAsString())
                        ? new CredentialValidationResult(null, "alice", null, "7", Set.of("user"))
                        : CredentialValidationResult.INVALID_RESULT);
    }

    @Test
    void anAppPasswordLetsInWithoutBcryptThrottleOrSecondFactor() {
        aliceHasTheAppPassword(false);
        when(secondFactors.required(7)).thenReturn(true); // two-factor on: app passwords still work
        assertEquals(AuthenticationStatus.SUCCESS, send(request("POST", "/api/databases", basic("alice", APP_PASSWORD))));
        assertEquals(CallerIdentity.Credential.APP_PASSWORD, caller().credential());
        assertEquals(false, caller().provedPassword(), "an app password is not the account password");
        verify(identityStores, never()).validate(any());
        verify(throttle, never()).reserve(anyString(), anyString());
        verify(secondFactors, never()).required(anyLong());
        verify(basicAuthenticated).fire(new BasicAuthenticated(CallerIdentity.Credential.APP_PASSWORD));
        assertEquals(List.of(), audit.events());
    }

    @Test
    void aPasswordThatStartsWithThePrefixIsStillAPassword() {
        String password = "mhp_my own passphrase";
        alicesPasswordIs(password);
        when(secondFactors.required(7)).thenReturn(false);
        assertEquals(AuthenticationStatus.SUCCESS, send(request("GET", "/api/users/me", basic("alice", password))));
        assertEquals(CallerIdentity.Credential.PASSWORD, caller().credential());
        verify(appPasswords, never()).verify(anyString(), anyString()); // no checksum: not even looked up
        verify(basicAuthenticated).fire(new BasicAuthenticated(CallerIdentity.Credential.PASSWORD));
    }

    @Test
    void aPasswordWithTheWholeShapeOfAnAppPasswordIsStillAPasswordWhenNoAppPasswordHasIt() {
        String password = AppPasswordFormat.generate(new java.security.SecureRandom()); // checksum and all
        alicesPasswordIs(password);
        when(appPasswords.verify("alice", password)).thenReturn(Optional.empty());
        assertEquals(AuthenticationStatus.SUCCESS, send(request("POST", "/api/token", basic("alice", password))));
        assertEquals(CallerIdentity.Credential.PASSWORD, caller().credential());
        verify(throttle).succeeded(any());
    }

    @Test
    void anUnknownAppPasswordIsAWrongPasswordForTheAnswerTheBcryptAndTheThrottle() {
        alicesPasswordIs("correct horse");
        String unknown = AppPasswordFormat.generate(new java.security.SecureRandom());
        when(appPasswords.verify("alice", unknown)).thenReturn(Optional.empty());
        assertEquals(AuthenticationStatus.SEND_FAILURE, send(request("GET", "/api/users/me", basic("alice", unknown))));
        assertEquals(ErrorCatalogue.AUTHENTICATION_FAILED, error());
        verify(identityStores).validate(any(UsernamePasswordCredential.class)); // the same bcrypt a wrong password costs
        verify(throttle).reserve("alice", "203.0.113.5");
        verify(throttle).failed(any());
        assertEquals(List.of(AuditEvent.LOGIN_APP_PASSWORD_FAILED), audit.events());
        assertNull(audit.records.get(0).userId());
        assertNull(caller());
    }

    @Test
    void anAppPasswordNeverSignsIn() {
        aliceHasTheAppPassword(false);
        assertEquals(AuthenticationStatus.SEND_FAILURE, send(request("POST", "/api/token", basic("alice", APP_PASSWORD))));
        assertEquals(ErrorCatalogue.APP_PASSWORD_NO_SESSIONS, error());
        assertNull(caller());
    }

    @Test
    void anAppPasswordNeverChangesHowTheAccountIsProtected() {
        aliceHasTheAppPassword(false);
        for (String[] call : new String[][] {{"PUT", "/api/users/7/password"}, {"POST", "/api/users/me/totp"},
                {"DELETE", "/api/users/me/totp"}, {"POST", "/api/users/me/recovery-codes"},
                {"GET", "/api/users/me/app-passwords"}, {"POST", "/api/users/me/app-passwords"},
                {"DELETE", "/api/users/me/app-passwords/3"}, {"DELETE", "/api/users/9/app-passwords/3"},
                {"HEAD", "/api/users/me/app-passwords"}, {"POST", "/api/users"}, {"DELETE", "/api/users/9"},
                {"POST", "/api/logout-all"}, {"GET", "/api/sessions"}, {"DELETE", "/api/users/9/sessions"}}) {
            attributes.clear();
            assertEquals(AuthenticationStatus.SEND_FAILURE, send(request(call[0], call[1], basic("alice", APP_PASSWORD))), call[1]);
            assertEquals(ErrorCatalogue.APP_PASSWORD_ACCOUNT_SECURITY, error(), call[0] + " " + call[1]);
            assertNull(caller());
        }
    }

    @Test
    void aReadOnlyAppPasswordOnlyReads() {
        aliceHasTheAppPassword(true);
        for (String method : List.of("GET", "HEAD")) {
            attributes.clear();
            assertEquals(AuthenticationStatus.SUCCESS, send(request(method, "/api/databases", basic("alice", APP_PASSWORD))), method);
        }
        for (String method : List.of("POST", "PUT", "PATCH", "DELETE", "OPTIONS")) {
            attributes.clear();
            assertEquals(AuthenticationStatus.SEND_FAILURE, send(request(method, "/api/databases/1", basic("alice", APP_PASSWORD))), method);
            assertEquals(ErrorCatalogue.APP_PASSWORD_READ_ONLY, error(), method);
        }
    }
}

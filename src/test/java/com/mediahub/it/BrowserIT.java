package com.mediahub.it;

import static com.mediahub.it.Chromium.type;
import static com.mediahub.it.Chromium.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;

import com.sun.net.httpserver.HttpServer;

/**
 * The SPA in headless Chromium against the WAR on Payara Micro and PostgreSQL, used as a person
 * would: through the form fields, links and buttons. Access tokens live 3 seconds here
 * (it-config-browser.toml), so the page's silent refresh is exercised for real.
 */
class BrowserIT {

    private static final Duration ACCESS_LIFETIME = Duration.ofSeconds(3);
    private static final Db DB = new Db(ItEnvironment.BROWSER_DB);

    @TempDir
    static Path workDir;
    private static PayaraProcess server;
    private static Api api;
    /** localhost, not 127.0.0.1: the same host the attacker page below shares a site with. */
    private static String app;

    private final List<ChromeDriver> browsers = new java.util.ArrayList<>();

    @BeforeAll
    static void startServer() {
        server = new PayaraProcess(ItEnvironment.serverOn(ItEnvironment.BROWSER_DB, "it-config-browser.toml"),
                workDir, "browser").start();
        api = new Api(server.baseUrl());
        app = server.baseUrl().replace("127.0.0.1", "localhost") + "/";
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    @AfterEach
    void closeBrowsers() {
        browsers.forEach(WebDriver::quit);
    }

    private ChromeDriver browser() {
        ChromeDriver driver = Chromium.start();
        browsers.add(driver);
        return driver;
    }

    @Test
    void signInCreateDatabaseAndEntryWithTokensOutOfJavaScriptsReach() {
        Api.TestUser user = api.createUser("browser", "browser-password-1", "user");
        ChromeDriver browser = browser();
        browser.get(app);
        waitFor(browser, d -> d.findElement(By.id("username")).isDisplayed());
        assertFalse(browser.findElement(By.id("nav")).isDisplayed(), "no navigation while signed out");
        Chromium.screenshot(browser, "login");
        // Registration is closed here (the default): not offered, and its page says so.
        assertFalse(browser.findElement(By.id("register-offer")).isDisplayed(), "no registration offered");
        browser.get(app + "#/register");
        waitFor(browser, d -> d.findElement(By.id("register-error")).getText()
                .equals("This server does not take registrations: ask an admin for an account."));
        browser.get(app + "#/login");
        waitFor(browser, d -> d.findElement(By.id("username")).isDisplayed());

        type(browser, "username", user.username());
        type(browser, "password", "wrong-password");
        browser.findElement(By.cssSelector("form.login button[type=submit]")).click();
        waitFor(browser, d -> d.findElement(By.id("login-error")).getText().equals("Wrong username or password."));

        signIn(browser, user);
        assertEquals("Account (" + user.username() + ")", browser.findElement(By.id("account-link")).getText());
        // Checked while it is fresh: it lives 3 s here (it-config-browser.toml), and is only renewed
        // by the next call that needs it.
        Cookie access = browser.manage().getCookieNamed("__Host-access_token");
        assertTrue(access != null && access.isHttpOnly() && access.isSecure(), "HttpOnly, Secure access cookie: " + access);

        type(browser, "database-name", "");
        browser.findElement(By.cssSelector("#new-database button")).click();
        waitFor(browser, d -> !d.findElement(By.id("database-error")).getText().isEmpty());
        assertTrue(browser.findElement(By.id("database-error")).getText().contains("name"),
                "the API's validation message is shown: " + browser.findElement(By.id("database-error")).getText());

        type(browser, "database-name", "holiday-photos");
        browser.findElement(By.cssSelector("#new-database button")).click();
        waitFor(browser, d -> d.findElement(By.id("entries-title")).getText().equals("Entries"));
        type(browser, "entry-title", "Beach <b>day</b>");
        type(browser, "entry-content", "Sunny, 28 °C");
        browser.findElement(By.cssSelector("#new-entry button")).click();
        waitFor(browser, d -> d.findElements(By.cssSelector("#entries td.entry-title")).stream()
                .anyMatch(cell -> cell.getText().equals("Beach <b>day</b>")));
        Chromium.screenshot(browser, "databases");

        assertEquals(1L, DB.count("SELECT count(*) FROM entries e JOIN databases d ON d.id = e.database_id "
                + "WHERE d.name = 'holiday-photos' AND e.title = 'Beach <b>day</b>'"));

        String visibleToScript = (String) browser.executeScript("return document.cookie");
        assertTrue(visibleToScript.contains("csrf_token="), "the CSRF token is readable: " + visibleToScript);
        assertFalse(visibleToScript.contains("access_token") || visibleToScript.contains("refresh_token"),
                "no token is readable by JavaScript: " + visibleToScript);
        assertEquals(0L, browser.executeScript("return localStorage.length + sessionStorage.length"));
    }

    @Test
    void pageKeepsWorkingThroughASilentSingleFlightRefresh() throws Exception {
        Api.TestUser user = api.createUser("silent", "silent-password-1", "user");
        ChromeDriver browser = browser();
        signIn(browser, user);
        long family = DB.count("SELECT family_id FROM refresh_tokens WHERE user_id = ?", user.id());

        Thread.sleep(ACCESS_LIFETIME.plusMillis(500).toMillis());
        Map<?, ?> burst = burst(browser);
        assertEquals(5L, burst.get("ok"), "all five parallel calls succeed: " + burst);
        assertEquals(1L, burst.get("refreshes"), "one refresh for five waiting calls: " + burst);

        Thread.sleep(ACCESS_LIFETIME.plusMillis(500).toMillis());
        type(browser, "database-name", "after-expiry");
        browser.findElement(By.cssSelector("#new-database button")).click();
        waitFor(browser, d -> d.findElement(By.id("entries-title")).getText().equals("Entries"));

        assertEquals(family, DB.count("SELECT family_id FROM refresh_tokens WHERE user_id = ?", user.id()),
                "still the one session, rotated");
        assertTrue(DB.count("SELECT generation FROM refresh_tokens WHERE user_id = ?", user.id()) >= 2,
                "the refresh token rotated at least twice");
    }

    @Test
    void twoTabsRefreshingAtOnceBothStaySignedInAndSignOutReachesBoth() throws Exception {
        Api.TestUser user = api.createUser("tabs", "tabs-password-1", "user");
        ChromeDriver browser = browser();
        signIn(browser, user);
        String first = browser.getWindowHandle();
        browser.switchTo().newWindow(WindowType.TAB);
        String second = browser.getWindowHandle();
        browser.get(app);
        waitFor(browser, d -> d.findElement(By.tagName("h1")).getText().equals("Your databases"));

        Thread.sleep(ACCESS_LIFETIME.plusMillis(500).toMillis());
        // Both tabs start five calls each on the same BroadcastChannel message, with expired cookies.
        for (String tab : List.of(second, first)) {
            browser.switchTo().window(tab);
            browser.executeScript("performance.clearResourceTimings(); window.burstResult = null;"
                    + "new BroadcastChannel('test-go').onmessage = () => window.runBurst();"
                    + "window.runBurst = () => import(new URL('app/api.js', document.baseURI).href)"
                    + ".then(api => Promise.all([1,2,3,4,5].map(() => api.call('GET', 'api/databases'))))"
                    + ".then(r => window.burstResult = {ok: r.length}, e => window.burstResult = {error: String(e)});");
        }
        browser.executeScript("new BroadcastChannel('test-go').postMessage('go'); window.runBurst();");

        long refreshes = 0;
        for (String tab : List.of(first, second)) {
            browser.switchTo().window(tab);
            waitFor(browser, d -> js(d, "return window.burstResult") != null);
            assertEquals(Map.of("ok", 5L), js(browser, "return window.burstResult"), "tab " + tab);
            refreshes += (Long) js(browser, "return performance.getEntriesByType('resource')"
                    + ".filter(e => e.name.includes('/api/token/refresh')).length");
        }
        assertEquals(1L, refreshes, "the tabs shared one refresh");
        assertEquals(1L, DB.count("SELECT count(*) FROM refresh_tokens WHERE user_id = ?", user.id()),
                "one live session, not revoked as a replay");

        browser.switchTo().window(first);
        browser.findElement(By.id("sign-out")).click();
        waitFor(browser, d -> d.findElement(By.id("username")).isDisplayed());
        browser.switchTo().window(second);
        waitFor(browser, d -> d.findElement(By.id("login-message")).getText().equals("You signed out in another tab."));
        assertEquals(0L, DB.count("SELECT count(*) FROM refresh_tokens WHERE user_id = ?", user.id()));
    }

    @Test
    void signOutOfOneSessionAndEverywhereEndsTheOtherBrowsersSession() throws Exception {
        Api.TestUser user = api.createUser("devices", "devices-password-1", "user");
        ChromeDriver laptop = browser();
        ChromeDriver phone = browser();
        ChromeDriver tablet = browser();
        signIn(laptop, user);
        signIn(phone, user);
        signIn(tablet, user);

        laptop.findElement(By.id("account-link")).click();
        waitFor(laptop, d -> d.findElements(By.cssSelector("#sessions tbody tr")).size() == 3);
        assertEquals(1, laptop.findElements(By.cssSelector("#sessions .badge")).size(), "one session is this browser");
        Chromium.screenshot(laptop, "sessions");

        // "Sign out" on a row that is not this browser: that device's session ends.
        laptop.findElement(By.xpath("//tbody/tr[not(.//span[@class='badge'])][1]//button")).click();
        waitFor(laptop, d -> d.findElements(By.cssSelector("#sessions tbody tr")).size() == 2);
        // The signed-out device notices when its access cookie expires and the refresh is refused.
        Thread.sleep(ACCESS_LIFETIME.plusMillis(500).toMillis());
        for (ChromeDriver device : List.of(phone, tablet)) {
            device.findElement(By.id("account-link")).click();
        }
        List<ChromeDriver> stillIn = List.of(phone, tablet).stream().filter(d -> waitForPage(d) == Page.SIGNED_IN).toList();
        assertEquals(1, stillIn.size(), "exactly one of the other devices was signed out");

        laptop.findElement(By.id("sign-out-everywhere")).click();
        // It ends this browser's session too, so it asks first (issue 16).
        assertEquals("Sign out everywhere? This ends 2 sessions, this browser's included.", laptop.switchTo().alert().getText());
        laptop.switchTo().alert().accept();
        waitFor(laptop, d -> d.findElement(By.id("username")).isDisplayed());
        // The remaining device's access cookie may still be fresh: its next call is refused all the same.
        ChromeDriver last = stillIn.get(0);
        last.findElement(By.linkText("Databases")).click();
        waitFor(last, d -> d.findElement(By.id("login-message")).getText()
                .equals("Your session has ended. Please sign in again."));
        assertEquals(0L, DB.count("SELECT count(*) FROM refresh_tokens WHERE user_id = ?", user.id()));
    }

    @Test
    void forgedPostsFromAnotherOriginAreRefused() throws Exception {
        Api.TestUser user = api.createUser("victim", "victim-password-1", "user");
        ChromeDriver browser = browser();
        signIn(browser, user);
        int port = ItEnvironment.freePort();
        HttpServer attacker = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        String target = app + "api/databases";
        // /form: a form that posts itself (a top-level navigation); /fetch: a credentialed no-cors fetch.
        serve(attacker, "/form", "<form id=f method=POST enctype=text/plain action='" + target + "'>"
                + "<input name='{\"name\":\"forged\",\"x\":\"' value='\"}'></form>"
                + "<script>document.getElementById('f').submit()</script>");
        serve(attacker, "/fetch", "<script>fetch('" + target + "', {method: 'POST', mode: 'no-cors', "
                + "credentials: 'include', headers: {'Content-Type': 'text/plain'}, body: '{\"name\":\"forged\"}'})"
                + ".finally(() => document.title = 'sent')</script>");
        attacker.start();
        try {
            // Same site, other origin: SameSite=Lax lets the cookies through; a body that is not
            // declared JSON is refused before anything else (security review item 5).
            browser.get("http://localhost:" + port + "/form");
            waitFor(browser, d -> d.getPageSource().contains("Content-Type must be application/json"));
            browser.get("http://localhost:" + port + "/fetch");
            waitFor(browser, d -> d.getTitle().equals("sent"));
            // Another site: the browser does not even send the cookies.
            browser.get("http://127.0.0.1:" + port + "/fetch");
            waitFor(browser, d -> d.getTitle().equals("sent"));
        } finally {
            attacker.stop(0);
        }
        assertEquals(0L, DB.count("SELECT count(*) FROM databases WHERE name = 'forged'"), "nothing was created");
    }

    @Test
    void swaggerUiListsEveryEndpointAndAuthorizeWorksForBasicAndBearer() {
        Api.TestUser user = api.createUser("swagger", "swagger-password-1", "user");
        ChromeDriver browser = browser();
        browser.get(app + "swagger/");
        waitFor(browser, d -> d.findElements(By.cssSelector(".opblock")).size() == documentedOperations());
        assertTrue(browser.findElement(By.id("swagger-ui")).getText().contains("/api/token/refresh"));
        // Issue 15: the server list names this server's address, not the document's relative ".".
        String server = app.replaceAll("/$", "");
        assertEquals(server + " - This server", browser.findElement(By.cssSelector(".servers select option")).getText());
        Chromium.screenshot(browser, "swagger");

        String bearer = api.login(user.username(), user.password()).access();
        authorize(browser, "bearerAuth", bearer, null);
        assertEquals("200", tryMe(browser), "GET /api/users/me with the Bearer token from Authorize");

        browser.get(app + "swagger/"); // a new page: the authorization is forgotten
        waitFor(browser, d -> d.findElements(By.cssSelector(".opblock")).size() == documentedOperations());
        assertEquals("401", tryMe(browser), "without authorization");
        browser.get(app + "swagger/");
        waitFor(browser, d -> d.findElements(By.cssSelector(".opblock")).size() == documentedOperations());
        authorize(browser, "basicAuth", user.username(), user.password());
        assertEquals("200", tryMe(browser), "GET /api/users/me with Basic credentials from Authorize");
    }

    /** Swagger UI's Authorize dialog: fills the scheme's fields, authorizes, closes. */
    private static void authorize(ChromeDriver browser, String scheme, String first, String password) {
        browser.findElement(By.cssSelector("button.btn.authorize")).click();
        waitFor(browser, d -> !d.findElements(By.cssSelector(".auth-container")).isEmpty());
        var container = browser.findElements(By.cssSelector(".auth-container")).stream()
                .filter(c -> c.getText().contains(scheme)).findFirst().orElseThrow();
        var inputs = container.findElements(By.cssSelector("input"));
        inputs.get(0).sendKeys(first);
        if (password != null) {
            inputs.get(1).sendKeys(password);
        }
        container.findElement(By.cssSelector("button.authorize")).click();
        browser.findElement(By.cssSelector("button.btn-done")).click();
    }

    /** Try it out on GET /api/users/me; returns the status Swagger UI shows. */
    private static String tryMe(ChromeDriver browser) {
        var operation = browser.findElement(By.id("operations-Users-me"));
        if (!operation.getAttribute("class").contains("is-open")) {
            click(browser, operation.findElement(By.cssSelector(".opblock-summary-control")));
        }
        waitFor(browser, d -> !operation.findElements(By.cssSelector("button.try-out__btn")).isEmpty());
        if (operation.findElements(By.cssSelector("button.execute")).isEmpty()) {
            click(browser, operation.findElement(By.cssSelector("button.try-out__btn")));
        }
        waitFor(browser, d -> !operation.findElements(By.cssSelector("button.execute")).isEmpty());
        click(browser, operation.findElement(By.cssSelector("button.execute")));
        waitFor(browser, d -> !operation.findElements(By.cssSelector(".live-responses-table tbody td.response-col_status")).isEmpty());
        return operation.findElement(By.cssSelector(".live-responses-table tbody td.response-col_status")).getText().trim();
    }

    /** A click through the page's own event path (Swagger UI's sticky parts can cover a button). */
    private static void click(ChromeDriver browser, org.openqa.selenium.WebElement element) {
        browser.executeScript("arguments[0].scrollIntoView({block: 'center'}); arguments[0].click();", element);
    }

    private static void serve(HttpServer server, String path, String html) {
        byte[] page = ("<!DOCTYPE html><title>attacker</title>" + html).getBytes(StandardCharsets.UTF_8);
        server.createContext(path, exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, page.length);
            exchange.getResponseBody().write(page);
            exchange.close();
        });
    }

    private enum Page { SIGNED_IN, SIGNED_OUT }

    private static Page waitForPage(ChromeDriver browser) {
        waitFor(browser, d -> !d.findElements(By.id("username")).isEmpty()
                || d.findElement(By.tagName("h1")).getText().equals("Your account"));
        return browser.findElements(By.id("username")).isEmpty() ? Page.SIGNED_IN : Page.SIGNED_OUT;
    }

    private static void signIn(ChromeDriver browser, Api.TestUser user) {
        browser.get(app);
        waitFor(browser, d -> d.findElement(By.id("username")).isDisplayed());
        type(browser, "username", user.username());
        type(browser, "password", user.password());
        browser.findElement(By.cssSelector("form.login button[type=submit]")).click();
        waitFor(browser, d -> d.findElement(By.tagName("h1")).getText().equals("Your databases"));
    }

    /** Five parallel API calls through the page's own fetch wrapper; counts the refreshes they caused. */
    private static Map<?, ?> burst(ChromeDriver browser) {
        return (Map<?, ?>) browser.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "performance.clearResourceTimings();"
                + "import(new URL('app/api.js', document.baseURI).href)"
                + ".then(api => Promise.all([1,2,3,4,5].map(() => api.call('GET', 'api/databases'))))"
                + ".then(r => done({ok: r.length, refreshes: performance.getEntriesByType('resource')"
                + ".filter(e => e.name.includes('/api/token/refresh')).length}), e => done({error: String(e)}));");
    }

    private static Object js(WebDriver driver, String script) {
        return ((JavascriptExecutor) driver).executeScript(script);
    }

    /** How many operations openapi.json documents (every one is an .opblock in Swagger UI). */
    private static int documentedOperations() {
        try (var reader = jakarta.json.Json.createReader(java.nio.file.Files.newBufferedReader(
                ItEnvironment.basedir().resolve("src/main/webapp/openapi.json")))) {
            return reader.readObject().getJsonObject("paths").values().stream()
                    .mapToInt(path -> (int) path.asJsonObject().keySet().stream()
                            .filter(java.util.Set.of("get", "put", "post", "delete", "patch")::contains).count())
                    .sum();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}

package com.mediahub.it;

import static com.mediahub.it.Chromium.type;
import static com.mediahub.it.Chromium.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;

import jakarta.json.JsonObject;

/**
 * The web app as people use it (issue 16), in headless Chromium at a desktop and a phone size,
 * against the real WAR started by run.sh on PostgreSQL: the navigation of a signed-out page, no
 * sideways scrolling, words for people, the account page, an unknown page, a stopped server, the
 * admin pages, renaming and deleting, editing and deleting, and lists that load more.
 */
class WebAppIT {

    enum Screen {
        DESKTOP(1280, 800), PHONE(390, 844);

        final int width;
        final int height;

        Screen(int width, int height) {
            this.width = width;
            this.height = height;
        }
    }

    @TempDir
    static Path workDir;
    private static PayaraProcess server;
    private static Api api;
    private static String app;

    private final List<ChromeDriver> browsers = new ArrayList<>();

    @BeforeAll
    static void startServer() {
        IntegrationTestSession.recreate(ItEnvironment.WEBAPP_DB);
        server = new PayaraProcess(ItEnvironment.serverOn(ItEnvironment.WEBAPP_DB, "it-config-webapp.toml"), workDir, "webapp")
                .start();
        api = new Api(server.baseUrl());
        app = server.baseUrl().replace("127.0.0.1", "localhost") + "/";
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    /** Every test signs in from 127.0.0.1, some with wrong passwords or codes: none inherits another's count. */
    @BeforeEach
    void forgetFailedLogins() {
        new Db(ItEnvironment.WEBAPP_DB).update("DELETE FROM login_failures");
    }

    @AfterEach
    void closeBrowsers() {
        browsers.forEach(WebDriver::quit);
    }

    private ChromeDriver browser(Screen screen, String... arguments) {
        ChromeDriver driver = Chromium.start(screen.width, screen.height, arguments);
        browsers.add(driver);
        driver.get(app);
        assertEquals((long) screen.width, js(driver, "return window.innerWidth"), "the viewport is " + screen);
        return driver;
    }

    @ParameterizedTest
    @EnumSource(Screen.class)
    void theNavigationIsHiddenWhileSignedOut(Screen screen) {
        Api.TestUser user = api.createUser("nav", "nav-password-1", "user");
        ChromeDriver browser = browser(screen);
        browser.get(app);
        waitFor(browser, d -> d.findElement(By.id("username")).isDisplayed());
        assertFalse(browser.findElement(By.id("nav")).isDisplayed(), "no navigation on the sign-in page");
        assertFalse(browser.findElement(By.id("sign-out")).isDisplayed(), "no Sign out on the sign-in page");
        signIn(browser, user);
        assertTrue(browser.findElement(By.id("sign-out")).isDisplayed(), "Sign out once signed in");
        browser.findElement(By.id("sign-out")).click();
        waitFor(browser, d -> d.findElement(By.id("username")).isDisplayed());
        assertFalse(browser.findElement(By.id("nav")).isDisplayed(), "no navigation after signing out");
    }

    @ParameterizedTest
    @EnumSource(Screen.class)
    void noPageScrollsSidewaysEvenWithLongWords(Screen screen) {
        Api.TestUser user = api.createUser("wide", "wide-password-1", "user");
        String longName = "x".repeat(100);
        long database = api.post("/api/databases", user.basic(), "{\"name\":\"" + longName + "\"}").expect(201).json()
                .getJsonNumber("id").longValue();
        api.post("/api/entry", user.basic(), "{\"database_id\":" + database + ",\"title\":\"" + "T".repeat(200)
                + "\",\"content\":\"" + "c".repeat(3000) + "\"}").expect(201);
        ChromeDriver browser = browser(screen);
        browser.get(app);
        waitFor(browser, d -> d.findElement(By.id("username")).isDisplayed());
        assertNoSidewaysScroll(browser, "sign-in");
        signIn(browser, user);
        assertNoSidewaysScroll(browser, "databases");
        browser.get(app + "#/databases/" + database);
        waitFor(browser, d -> d.findElement(By.id("entries-title")).isDisplayed());
        assertNoSidewaysScroll(browser, "a database with long words");
        Chromium.screenshot(browser, "webapp-database-" + screen.name().toLowerCase());
        browser.findElement(By.id("account-link")).click();
        waitFor(browser, d -> d.findElement(By.tagName("h1")).getText().equals("Your account"));
        assertNoSidewaysScroll(browser, "account");
        Chromium.screenshot(browser, "webapp-account-" + screen.name().toLowerCase());
        browser.get(app + "#/databases/999999");
        waitFor(browser, d -> d.findElement(By.id("problem-message")).isDisplayed());
        assertNoSidewaysScroll(browser, "an unknown database");
    }

    @ParameterizedTest
    @EnumSource(Screen.class)
    void everyPageHasNoSeriousOrCriticalAccessibilityViolation(Screen screen) {
        Axe axe = new Axe();
        Api.TestUser user = api.createUser("axe", "axe-password-1", "user");
        long database = api.post("/api/databases", user.basic(), "{\"name\":\"axe-db\"}").expect(201).json()
                .getJsonNumber("id").longValue();
        api.post("/api/entry", user.basic(), "{\"database_id\":" + database + ",\"title\":\"one\",\"content\":\"text\"}")
                .expect(201);
        ChromeDriver browser = browser(screen);
        Map<String, List<String>> violations = new LinkedHashMap<>();
        browser.get(app);
        waitFor(browser, d -> d.findElement(By.id("username")).isDisplayed());
        violations.put("sign-in", axe.seriousViolations(browser));
        signIn(browser, user);
        violations.put("databases", axe.seriousViolations(browser));
        browser.get(app + "#/databases/" + database);
        waitFor(browser, d -> d.findElement(By.id("entries-title")).isDisplayed());
        violations.put("a database", axe.seriousViolations(browser));
        browser.findElement(By.id("account-link")).click();
        waitFor(browser, d -> d.findElement(By.tagName("h1")).getText().equals("Your account"));
        violations.put("account", axe.seriousViolations(browser));
        browser.get(app + "#/databases/999999");
        waitFor(browser, d -> d.findElement(By.id("problem-message")).isDisplayed());
        violations.put("problem page", axe.seriousViolations(browser));
        // The dark scheme keeps the contrast too.
        browser.executeCdpCommand("Emulation.setEmulatedMedia",
                Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", "dark"))));
        browser.get(app + "#/databases/" + database);
        waitFor(browser, d -> d.findElement(By.id("entries-title")).isDisplayed());
        assertEquals("rgb(18, 20, 23)", js(browser, "return getComputedStyle(document.documentElement).backgroundColor"),
                "the dark scheme is in use");
        violations.put("a database, dark", axe.seriousViolations(browser));
        Chromium.screenshot(browser, "webapp-dark-" + screen.name().toLowerCase());
        browser.findElement(By.id("account-link")).click();
        waitFor(browser, d -> d.findElement(By.tagName("h1")).getText().equals("Your account"));
        violations.put("account, dark", axe.seriousViolations(browser));
        violations.values().removeIf(List::isEmpty);
        assertEquals(Map.of(), violations, "serious or critical axe-core violations at " + screen);
    }

    @Test
    void thePageSpeaksToPeopleWhileTheApiKeepsItsTexts() {
        Api.TestUser user = api.createUser("words", "words-password-1", "user");
        ChromeDriver browser = browser(Screen.DESKTOP);
        browser.get(app);
        waitFor(browser, d -> d.findElement(By.id("username")).isDisplayed());
        try {
            // Wrong passwords until the throttle refuses (max_failures = 3 here): each refusal before
            // that is the people's sentence, the lockout is told with the Retry-After in minutes.
            int wrong = 0;
            String said = "";
            while (wrong < 6) {
                js(browser, "document.getElementById('login-error').textContent = ''");
                submitLogin(browser, user.username(), "not-the-password");
                waitFor(browser, d -> !d.findElement(By.id("login-error")).getText().isEmpty());
                said = browser.findElement(By.id("login-error")).getText();
                if (!said.equals("Wrong username or password.")) {
                    break;
                }
                wrong++;
            }
            // Other tests' wrong passwords count for this network too, so at least one here.
            assertTrue(wrong >= 1, "refused as a wrong password first, " + wrong + " times");
            assertEquals("Too many attempts: try again in 15 minutes.", said);
            api.post("/api/token", user.basic(), null).expectError(429, "Too many failed login attempts; try again later");
        } finally {
            // The lockout covers this test's whole network (127.0.0.1): lift it for the other tests.
            new Db(ItEnvironment.WEBAPP_DB).update("DELETE FROM login_failures");
        }

        Api.TestUser other = api.createUser("words2", "words-password-2", "user");
        signIn(browser, other);
        type(browser, "database-name", "");
        browser.findElement(By.cssSelector("#new-database button")).click();
        waitFor(browser, d -> d.findElement(By.id("database-error")).getText().equals("Enter a name."));
        type(browser, "database-name", "only-one");
        browser.findElement(By.cssSelector("#new-database button")).click();
        waitFor(browser, d -> d.findElement(By.id("status")).getText().equals("Database “only-one” created."));
        waitFor(browser, d -> d.findElement(By.id("database-name-heading")).getText().equals("only-one"));
        browser.findElement(By.linkText("← Your databases")).click();
        waitFor(browser, d -> d.findElement(By.cssSelector("#databases caption")).getText().equals("1 database"));
        // The toast belongs to the page it was said on.
        browser.findElement(By.id("account-link")).click();
        waitFor(browser, d -> d.findElement(By.tagName("h1")).getText().equals("Your account"));
        assertEquals("", browser.findElement(By.id("status")).getText(), "the toast did not follow onto the account page");

        browser.get(app + "#/databases/999999");
        waitFor(browser, d -> d.findElement(By.id("problem-message")).isDisplayed());
        assertEquals("That database does not exist (any more).", browser.findElement(By.id("problem-message")).getText());
    }

    @ParameterizedTest
    @EnumSource(Screen.class)
    void whileRegistrationIsOpenAnybodyCanCreateAnAccountAndIsSignedIn(Screen screen) {
        ChromeDriver browser = browser(screen);
        browser.get(app);
        waitFor(browser, d -> d.findElement(By.id("register-offer")).isDisplayed());
        browser.findElement(By.linkText("Create one")).click();
        waitFor(browser, d -> d.findElement(By.id("register-title")).isDisplayed());
        assertFalse(browser.findElement(By.id("nav")).isDisplayed());
        String name = "newcomer" + screen.ordinal() + System.nanoTime() % 100000;
        type(browser, "new-username", name);
        type(browser, "new-user-password", "short");
        type(browser, "new-user-repeat", "short");
        browser.findElement(By.cssSelector("#register button[type=submit]")).click();
        waitFor(browser, d -> d.findElement(By.id("register-error")).getText().equals("The password must be at least 8 characters long."));
        type(browser, "new-user-password", "newcomer-password-1");
        type(browser, "new-user-repeat", "newcomer-password-1");
        assertNoSidewaysScroll(browser, "register");
        assertEquals(List.of(), new Axe().seriousViolations(browser), "serious or critical axe-core violations on the register page");
        Chromium.screenshot(browser, "webapp-register-" + screen.name().toLowerCase());
        browser.findElement(By.cssSelector("#register button[type=submit]")).click();
        waitFor(browser, d -> d.findElement(By.tagName("h1")).getText().equals("Your databases"));
        assertEquals("Account (" + name + ")", browser.findElement(By.id("account-link")).getText());
        api.get("/api/users/me", Api.basic(name, "newcomer-password-1")).expect(200);
    }

    @Test
    void addingAnEntryKeepsTheFocusInTheForm() {
        Api.TestUser user = api.createUser("focus", "focus-password-1", "user");
        long database = api.post("/api/databases", user.basic(), "{\"name\":\"focus-db\"}").expect(201).json()
                .getJsonNumber("id").longValue();
        ChromeDriver browser = browser(Screen.DESKTOP);
        signIn(browser, user);
        browser.get(app + "#/databases/" + database);
        waitFor(browser, d -> d.findElement(By.id("entry-title")).isDisplayed());
        type(browser, "entry-title", "first");
        browser.findElement(By.cssSelector("#new-entry button")).click();
        waitFor(browser, d -> d.findElements(By.cssSelector("#entries td.entry-title")).size() == 1);
        assertEquals("entry-title", js(browser, "return document.activeElement.id"));
    }

    @Test
    void anAdminIsToldThatTheListHoldsEveryonesDatabases() {
        Api.TestUser admin = api.createUser("boss", "boss-password-1", "admin", "user");
        ChromeDriver browser = browser(Screen.DESKTOP);
        browser.get(app);
        waitFor(browser, d -> d.findElement(By.id("username")).isDisplayed());
        submitLogin(browser, admin.username(), admin.password());
        waitFor(browser, d -> d.findElement(By.tagName("h1")).getText().equals("All databases"));
        assertEquals("As an admin you see the databases of every user.", browser.findElement(By.id("admin-note")).getText());
    }

    @Test
    void theIconIsServed() {
        Reply icon = api.get("/favicon.svg", null).expect(200);
        assertTrue(icon.header("Content-Type").startsWith("image/svg+xml"), icon.header("Content-Type"));
        ChromeDriver browser = browser(Screen.DESKTOP);
        browser.get(app);
        assertEquals(app + "favicon.svg", js(browser, "return document.querySelector('link[rel=icon]').href"));
    }

    @Test
    void plainHttpOnAnotherHostNameSaysWhyTheSignInDidNotHold() {
        Api.TestUser user = api.createUser("lan", "lan-password-1", "user");
        // Not localhost: Chromium drops Secure cookies over plain HTTP there, as on a LAN address.
        ChromeDriver browser = browser(Screen.DESKTOP, "--host-resolver-rules=MAP mediahub.test 127.0.0.1");
        String lan = server.baseUrl().replace("127.0.0.1", "mediahub.test") + "/";
        browser.get(lan);
        waitFor(browser, d -> d.findElement(By.id("username")).isDisplayed());
        submitLogin(browser, user.username(), user.password());
        waitFor(browser, d -> !d.findElement(By.id("login-error")).getText().isEmpty());
        String said = browser.findElement(By.id("login-error")).getText();
        assertTrue(said.contains("served over plain HTTP") && said.contains("https://") && said.contains("FDB_COOKIE_SECURE=false"), said);
        assertFalse(browser.findElement(By.id("nav")).isDisplayed(), said);
    }

    @Test
    void signOutEverywhereAsksFirst() {
        Api.TestUser user = api.createUser("asks", "asks-password-1", "user");
        ChromeDriver browser = browser(Screen.DESKTOP);
        signIn(browser, user);
        browser.findElement(By.id("account-link")).click();
        waitFor(browser, d -> d.findElement(By.id("sign-out-everywhere")).isDisplayed());
        browser.findElement(By.id("sign-out-everywhere")).click();
        assertEquals("Sign out everywhere? This ends 1 session, this browser's included.", browser.switchTo().alert().getText());
        browser.switchTo().alert().dismiss();
        assertEquals(1L, new Db(ItEnvironment.WEBAPP_DB).count("SELECT count(*) FROM refresh_tokens WHERE user_id = ?", user.id()),
                "nothing was signed out");
        assertTrue(browser.findElement(By.id("sign-out")).isDisplayed());
    }

    @Test
    void changingThePasswordOnTheAccountPageEndsTheOtherSessionsOnly() {
        Api.TestUser user = api.createUser("account", "account-password-1", "user");
        ChromeDriver browser = browser(Screen.PHONE);
        ChromeDriver other = browser(Screen.DESKTOP);
        signIn(browser, user);
        signIn(other, user);
        browser.findElement(By.id("account-link")).click();
        waitFor(browser, d -> d.findElement(By.id("change-password")).isDisplayed());
        assertEquals("Signed in as " + user.username() + " (user)", browser.findElement(By.id("account-summary")).getText());

        changePassword(browser, "wrong-current-password", "brand-new-password-2", "brand-new-password-2");
        waitFor(browser, d -> d.findElement(By.id("password-error")).getText().equals("Your current password is not correct."));
        changePassword(browser, user.password(), "brand-new-password-2", "something-else-3");
        waitFor(browser, d -> d.findElement(By.id("password-error")).getText().equals("The two new passwords are not the same."));
        changePassword(browser, user.password(), "brand-new-password-2", "brand-new-password-2");
        waitFor(browser, d -> d.findElement(By.id("status")).getText().equals("Password changed; 1 other session signed out."));
        Chromium.screenshot(browser, "webapp-password-changed-phone");

        api.get("/api/users/me", user.basic()).expectError(401, "Authentication failed");
        api.get("/api/users/me", Api.basic(user.username(), "brand-new-password-2")).expect(200);
        // This browser goes on; the other one is signed out at its next call.
        browser.findElement(By.linkText("Databases")).click();
        waitFor(browser, d -> d.findElement(By.tagName("h1")).getText().equals("Your databases"));
        other.findElement(By.id("account-link")).click();
        waitFor(other, d -> d.findElement(By.id("login-message")).getText().equals("Your session has ended. Please sign in again."));
    }

    @Test
    void whenTheServerIsDownThePageSaysSoAndRecoversWithTryAgain() {
        Api.TestUser user = api.createUser("outage", "outage-password-1", "user");
        ChromeDriver browser = browser(Screen.DESKTOP);
        signIn(browser, user);
        server.stop();
        try {
            browser.findElement(By.id("account-link")).click();
            waitFor(browser, d -> d.findElement(By.tagName("h1")).getText().equals("MediaHub cannot be reached"));
            assertEquals("Cannot reach MediaHub. Check your connection, then try again.",
                    browser.findElement(By.id("problem-message")).getText());
            assertEquals(0, browser.findElements(By.cssSelector("nav a[aria-current]")).size(), "no tab pretends to be shown");
            Chromium.screenshot(browser, "webapp-server-down");
        } finally {
            server.start();
        }
        browser.findElement(By.id("retry")).click();
        waitFor(browser, d -> d.findElement(By.tagName("h1")).getText().equals("Your account"));
    }

    @ParameterizedTest
    @EnumSource(Screen.class)
    void anAdminManagesUsersEndToEnd(Screen screen) {
        Db db = new Db(ItEnvironment.WEBAPP_DB);
        Axe axe = new Axe();
        Map<String, List<String>> violations = new LinkedHashMap<>();
        Api.TestUser admin = api.createUser("chief", "chief-password-1", "admin", "user");
        Api.TestUser member = api.createUser("member", "member-password-1", "user");
        api.login(member.username(), member.password());
        api.login(member.username(), member.password());
        ChromeDriver browser = browser(screen);
        signIn(browser, admin, "All databases");
        browser.findElement(By.id("admin-link")).click();
        waitFor(browser, d -> d.findElement(By.tagName("h1")).getText().equals("Users"));
        By memberRow = By.cssSelector("#users tr[data-user='" + member.id() + "']");
        waitFor(browser, d -> d.findElement(memberRow).isDisplayed());
        assertEquals("user", browser.findElement(memberRow).findElements(By.tagName("td")).get(1).getText().replace("Roles: ", ""));
        assertEquals("2", browser.findElement(memberRow).findElement(By.className("session-count")).getText().replace("Sessions: ", ""),
                "the member's two sessions are counted");
        assertNoSidewaysScroll(browser, "users");
        violations.put("users", axe.seriousViolations(browser));

        // Create a user with both roles; the list and the API show them.
        String created = "made" + screen.ordinal() + System.nanoTime() % 100000;
        type(browser, "create-username", created);
        type(browser, "create-password", "short");
        browser.findElement(By.cssSelector("#new-user button[type=submit]")).click();
        waitFor(browser, d -> d.findElement(By.id("new-user-error")).getText().equals("The password must be at least 8 characters long."));
        type(browser, "create-password", "made-password-1");
        browser.findElement(By.id("role-admin")).click();
        browser.findElement(By.cssSelector("#new-user button[type=submit]")).click();
        waitFor(browser, d -> d.findElement(By.id("status")).getText().equals("User “" + created + "” created."));
        waitFor(browser, d -> d.findElements(By.linkText(created)).size() == 1);
        assertEquals(List.of("admin", "user"), api.get("/api/users/me", Api.basic(created, "made-password-1")).expect(200).json()
                .getJsonArray("roles").getValuesAs(jakarta.json.JsonString::getString));
        Chromium.screenshot(browser, "webapp-users-" + screen.name().toLowerCase());

        // One user's page: their sessions, signing them out everywhere (asked first).
        browser.findElement(By.linkText(member.username())).click();
        waitFor(browser, d -> d.findElement(By.id("user-heading")).getText().equals(member.username()));
        waitFor(browser, d -> d.findElements(By.cssSelector("#sessions tbody tr")).size() == 2);
        assertNoSidewaysScroll(browser, "a user");
        violations.put("a user", axe.seriousViolations(browser));
        Chromium.screenshot(browser, "webapp-user-" + screen.name().toLowerCase());
        browser.findElement(By.id("sign-user-out")).click();
        assertEquals("Sign " + member.username() + " out everywhere? This ends 2 sessions.", browser.switchTo().alert().getText());
        browser.switchTo().alert().accept();
        waitFor(browser, d -> d.findElement(By.id("status")).getText().equals(member.username() + " was signed out of 2 sessions."));
        waitFor(browser, d -> d.findElement(By.id("no-sessions")).isDisplayed());
        assertEquals(0L, db.count("SELECT count(*) FROM refresh_tokens WHERE user_id = ?", member.id()));

        // A new password: the old one fails at once, the new one works.
        type(browser, "user-new-password", "member-password-2");
        type(browser, "user-repeat-password", "member-password-2");
        browser.findElement(By.cssSelector("#set-password button[type=submit]")).click();
        waitFor(browser, d -> d.findElement(By.id("status")).getText().equals("New password set for " + member.username() + "."));
        api.get("/api/users/me", member.basic()).expectError(401, "Authentication failed");
        api.get("/api/users/me", Api.basic(member.username(), "member-password-2")).expect(200);

        // Delete, with a question that names the user; "Cancel" keeps them.
        browser.findElement(By.id("delete-user")).click();
        String question = browser.switchTo().alert().getText();
        assertTrue(question.startsWith("Delete the user “" + member.username() + "”"), question);
        browser.switchTo().alert().dismiss();
        assertEquals(1L, db.count("SELECT count(*) FROM users WHERE id = ?", member.id()), "Cancel deleted nobody");
        browser.findElement(By.id("delete-user")).click();
        browser.switchTo().alert().accept();
        waitFor(browser, d -> d.findElement(By.id("status")).getText().equals("User “" + member.username() + "” deleted."));
        waitFor(browser, d -> d.findElement(By.tagName("h1")).getText().equals("Users"));
        assertEquals(0, browser.findElements(memberRow).size(), "gone from the list");
        assertEquals(0L, db.count("SELECT count(*) FROM users WHERE id = ?", member.id()));

        // The admin's own row leads to the account page, not to deleting themself.
        browser.findElement(By.linkText(admin.username())).click();
        waitFor(browser, d -> d.findElement(By.id("yourself")).isDisplayed());
        assertEquals(0, browser.findElements(By.id("delete-user")).size());
        violations.values().removeIf(List::isEmpty);
        assertEquals(Map.of(), violations, "serious or critical axe-core violations at " + screen);
    }

    @Test
    void aUserSeesNoAdministration() {
        Api.TestUser user = api.createUser("plain", "plain-password-1", "user");
        ChromeDriver browser = browser(Screen.DESKTOP);
        signIn(browser, user);
        assertFalse(browser.findElement(By.id("admin-link")).isDisplayed(), "no Users link for a user");
        browser.get(app + "#/admin");
        waitFor(browser, d -> d.findElement(By.id("problem-message")).isDisplayed());
        assertEquals("Only an admin may do this.", browser.findElement(By.id("problem-message")).getText());
    }

    @ParameterizedTest
    @EnumSource(Screen.class)
    void ownersRenameAndDeleteDatabasesAndEditAndDeleteEntries(Screen screen) {
        Axe axe = new Axe();
        Map<String, List<String>> violations = new LinkedHashMap<>();
        Api.TestUser user = api.createUser("editor", "editor-password-1", "user");
        long database = api.post("/api/databases", user.basic(), "{\"name\":\"films\"}").expect(201).json()
                .getJsonNumber("id").longValue();
        String longText = "Directed by Ridley Scott.\\n" + "w".repeat(400);
        long entry = api.post("/api/entry", user.basic(), "{\"database_id\":" + database + ",\"title\":\"Alien\",\"content\":\""
                + longText + "\"}").expect(201).json().getJsonNumber("id").longValue();
        ChromeDriver browser = browser(screen);
        signIn(browser, user);
        browser.findElement(By.linkText("films")).click();
        waitFor(browser, d -> d.findElement(By.id("database-name-heading")).getText().equals("films"));

        // Rename: a blank name is refused in words, a good one is shown at once.
        type(browser, "new-database-name", " ");
        browser.findElement(By.cssSelector("#rename-database button[type=submit]")).click();
        waitFor(browser, d -> d.findElement(By.id("rename-error")).getText().equals("Enter a name."));
        type(browser, "new-database-name", "Films I love");
        browser.findElement(By.cssSelector("#rename-database button[type=submit]")).click();
        waitFor(browser, d -> d.findElement(By.id("database-name-heading")).getText().equals("Films I love"));
        assertEquals("Films I love", api.get("/api/databases/" + database, user.basic()).expect(200).json().getString("name"));
        String preview = browser.findElement(By.cssSelector("#entries td:nth-child(2)")).getText().replace("Content: ", "");
        assertTrue(preview.endsWith("…") && preview.length() <= 141, "the table shows the start of the text: " + preview);
        assertNoSidewaysScroll(browser, "a database");
        violations.put("a database", axe.seriousViolations(browser));

        // The entry's own page: the whole text; edit; delete.
        browser.findElement(By.linkText("Alien")).click();
        waitFor(browser, d -> d.findElement(By.id("entry-heading")).getText().equals("Alien"));
        assertEquals(longText.replace("\\n", "\n"), browser.findElement(By.id("entry-content-text")).getText());
        assertNoSidewaysScroll(browser, "an entry");
        violations.put("an entry", axe.seriousViolations(browser));
        Chromium.screenshot(browser, "webapp-entry-" + screen.name().toLowerCase());
        type(browser, "edit-entry-title", "");
        browser.findElement(By.cssSelector("#edit-entry button[type=submit]")).click();
        waitFor(browser, d -> d.findElement(By.id("edit-error")).getText().equals("Enter a title."));
        type(browser, "edit-entry-title", "Alien (1979)");
        type(browser, "edit-entry-content", "A classic.");
        browser.findElement(By.cssSelector("#edit-entry button[type=submit]")).click();
        waitFor(browser, d -> d.findElement(By.id("entry-heading")).getText().equals("Alien (1979)"));
        assertEquals("A classic.", browser.findElement(By.id("entry-content-text")).getText());
        assertEquals("A classic.", api.get("/api/entry/" + entry, user.basic()).expect(200).json().getString("content"));
        browser.findElement(By.id("delete-entry")).click();
        assertEquals("Delete the entry “Alien (1979)”? This cannot be undone.", browser.switchTo().alert().getText());
        browser.switchTo().alert().accept();
        waitFor(browser, d -> d.findElement(By.id("no-entries")).isDisplayed());
        api.get("/api/entry/" + entry, user.basic()).expectError(404, "Entry not found");

        // Delete the database, asked first with its name.
        browser.findElement(By.id("delete-database")).click();
        assertEquals("Delete the database “Films I love” and all its entries? This cannot be undone.",
                browser.switchTo().alert().getText());
        browser.switchTo().alert().accept();
        waitFor(browser, d -> d.findElement(By.id("no-databases")).isDisplayed());
        api.get("/api/databases/" + database, user.basic()).expectError(404, "Database not found");
        browser.get(app + "#/entries/" + entry);
        waitFor(browser, d -> d.findElement(By.id("problem-message")).isDisplayed());
        assertEquals("That entry does not exist (any more).", browser.findElement(By.id("problem-message")).getText());
        violations.values().removeIf(List::isEmpty);
        assertEquals(Map.of(), violations, "serious or critical axe-core violations at " + screen);
    }

    @ParameterizedTest
    @EnumSource(Screen.class)
    void aLongListLoadsMoreOnRequest(Screen screen) {
        Api.TestUser user = api.createUser("many", "many-password-1", "user");
        long database = api.post("/api/databases", user.basic(), "{\"name\":\"many\"}").expect(201).json()
                .getJsonNumber("id").longValue();
        for (int i = 1; i <= 51; i++) {
            api.post("/api/entry", user.basic(), "{\"database_id\":" + database + ",\"title\":\"entry " + i + "\"}").expect(201);
        }
        ChromeDriver browser = browser(screen);
        signIn(browser, user);
        browser.get(app + "#/databases/" + database);
        waitFor(browser, d -> d.findElements(By.cssSelector("#entries td.entry-title")).size() == 50);
        assertEquals("50 entries shown, more below", browser.findElement(By.cssSelector("#entry-list caption")).getText());
        browser.findElement(By.id("more-entries")).click();
        waitFor(browser, d -> d.findElements(By.cssSelector("#entries td.entry-title")).size() == 51);
        assertEquals("51 entries", browser.findElement(By.cssSelector("#entry-list caption")).getText());
        assertFalse(browser.findElement(By.id("more-entries")).isDisplayed(), "nothing more to load");
        assertEquals("entry 51", js(browser, "return document.activeElement.textContent"), "the focus is on the first new row");
        assertNoSidewaysScroll(browser, "a long list");
    }

    /**
     * Issue 18 in a real browser: turn two-factor authentication on by reading the secret from the
     * page and computing the code as an app would, keep the recovery codes the page shows, then
     * sign in with a code and with a recovery code.
     */
    @Test
    void twoFactorEnrolThenSignInWithACodeAndWithARecoveryCode() {
        Axe axe = new Axe();
        Api.TestUser user = api.createUser("totp", "totp-password-1", "user");
        ChromeDriver browser = browser(Screen.DESKTOP);
        signIn(browser, user);
        browser.findElement(By.id("account-link")).click();
        waitFor(browser, d -> d.findElement(By.id("two-factor-state")).getText().startsWith("Off."));
        type(browser, "totp-password", "wrong-password-9");
        browser.findElement(By.cssSelector("#totp-start button[type=submit]")).click();
        waitFor(browser, d -> d.findElement(By.id("totp-start-error")).getText().equals("Your current password is not correct."));
        type(browser, "totp-password", user.password());
        browser.findElement(By.cssSelector("#totp-start button[type=submit]")).click();
        waitFor(browser, d -> d.findElement(By.id("totp-secret")).isDisplayed());
        assertTrue(browser.findElement(By.cssSelector("#totp-qr svg path")).isDisplayed(), "the QR code is drawn");
        String secret = browser.findElement(By.id("totp-secret")).getText().replace(" ", "");
        assertTrue(secret.matches("[A-Z2-7]{32}"), secret);
        assertEquals("totp-code", js(browser, "return document.activeElement.id"), "the focus is on the code field");
        assertEquals(List.of(), axe.seriousViolations(browser), "serious or critical axe-core violations while enrolling");
        Chromium.screenshot(browser.findElement(By.id("two-factor")), "webapp-two-factor-enrol");

        SecondFactorIT.awaitRoomInStep();
        long step = SecondFactorIT.currentStep();
        type(browser, "totp-code", SecondFactorIT.codeAt(secret, step));
        browser.findElement(By.cssSelector("#totp-confirm button[type=submit]")).click();
        waitFor(browser, d -> d.findElement(By.id("recovery-codes")).isDisplayed());
        List<String> recovery = browser.findElements(By.cssSelector("#recovery-codes li")).stream().map(e -> e.getText()).toList();
        assertEquals(10, recovery.size(), recovery.toString());
        assertEquals(List.of(), axe.seriousViolations(browser), "serious or critical axe-core violations on the recovery codes");
        Chromium.screenshot(browser.findElement(By.id("two-factor")), "webapp-two-factor-recovery-codes");
        browser.findElement(By.id("recovery-codes-done")).click();
        waitFor(browser, d -> d.findElement(By.id("two-factor-state")).getText().equals("On. 10 recovery codes left."));

        browser.findElement(By.id("sign-out")).click();
        waitFor(browser, d -> d.findElement(By.id("username")).isDisplayed());
        submitLogin(browser, user.username(), user.password());
        waitFor(browser, d -> d.findElement(By.id("code-step")).isDisplayed());
        assertEquals("one-time-code", browser.findElement(By.id("code")).getAttribute("autocomplete"));
        assertEquals("code", js(browser, "return document.activeElement.id"), "the focus is on the code field");
        assertEquals(List.of(), axe.seriousViolations(browser), "serious or critical axe-core violations on the code step");
        Chromium.screenshot(browser, "webapp-two-factor-code-step");
        type(browser, "code", "000000".equals(SecondFactorIT.codeAt(secret, step + 1)) ? "111111" : "000000");
        browser.findElement(By.cssSelector("#code-step button[type=submit]")).click();
        waitFor(browser, d -> d.findElement(By.id("code-error")).getText().startsWith("That code is not right."));
        type(browser, "code", SecondFactorIT.codeAt(secret, step + 1));
        browser.findElement(By.cssSelector("#code-step button[type=submit]")).click();
        waitFor(browser, d -> d.findElement(By.id("who")).getText().equals(user.username())); // signed in, back at #/account

        browser.findElement(By.id("sign-out")).click();
        waitFor(browser, d -> d.findElement(By.id("username")).isDisplayed());
        submitLogin(browser, user.username(), user.password());
        waitFor(browser, d -> d.findElement(By.id("code-step")).isDisplayed());
        browser.findElement(By.id("use-recovery-code")).click();
        waitFor(browser, d -> d.findElement(By.cssSelector("label[for=code]")).getText().equals("Recovery code"));
        type(browser, "code", recovery.get(0));
        browser.findElement(By.cssSelector("#code-step button[type=submit]")).click();
        waitFor(browser, d -> d.findElement(By.id("who")).getText().equals(user.username()));
        waitFor(browser, d -> d.findElement(By.id("two-factor-state")).getText().equals("On. 9 recovery codes left."));
        api.post("/api/token", null, "{\"username\":\"" + user.username() + "\",\"password\":\"" + user.password()
                + "\",\"otp\":\"" + recovery.get(0) + "\"}").expectError(401, "Invalid second factor");

        // New recovery codes replace the old; turning it off needs the password and a code.
        new Db(ItEnvironment.WEBAPP_DB).update("DELETE FROM login_failures"); // max_failures = 3 here; three wrong so far
        type(browser, "renew-code", recovery.get(1));
        browser.findElement(By.cssSelector("#recovery-codes-renew button[type=submit]")).click();
        waitFor(browser, d -> d.findElement(By.id("recovery-codes")).isDisplayed());
        List<String> renewed = browser.findElements(By.cssSelector("#recovery-codes li")).stream().map(e -> e.getText()).toList();
        assertEquals(10, renewed.size(), renewed.toString());
        browser.findElement(By.id("recovery-codes-done")).click();
        waitFor(browser, d -> d.findElement(By.id("two-factor-state")).getText().equals("On. 10 recovery codes left."));
        type(browser, "off-password", "wrong-password-9");
        type(browser, "off-code", renewed.get(0));
        browser.findElement(By.cssSelector("#totp-off button[type=submit]")).click();
        waitFor(browser, d -> d.findElement(By.id("totp-off-error")).getText().equals("Your current password is not correct."));
        assertEquals("", browser.findElement(By.id("off-password")).getAttribute("value"), "the password is not left in the page");
        type(browser, "off-password", user.password());
        browser.findElement(By.cssSelector("#totp-off button[type=submit]")).click();
        waitFor(browser, d -> d.findElement(By.id("two-factor-state")).getText().startsWith("Off."));
        api.get("/api/users/me", user.basic()).expect(200);
    }

    /**
     * Issue 19: make an app password on the account page, use it with Basic from the test, revoke
     * it in the page, and the next call is refused.
     */
    @Test
    void appPasswordsAreMadeShownOnceUsedAndRevokedOnTheAccountPage() {
        Axe axe = new Axe();
        Api.TestUser user = api.createUser("scripts", "scripts-password-1", "user");
        ChromeDriver browser = browser(Screen.DESKTOP);
        signIn(browser, user);
        browser.findElement(By.id("account-link")).click();
        waitFor(browser, d -> d.findElement(By.id("app-passwords-empty")).getText().equals("No app passwords yet."));

        type(browser, "app-password-name", "backup script");
        type(browser, "app-password-password", "wrong-password-9");
        browser.findElement(By.cssSelector("#app-password-create button[type=submit]")).click();
        waitFor(browser, d -> d.findElement(By.id("app-password-create-error")).getText().equals("Your current password is not correct."));
        assertEquals("", browser.findElement(By.id("app-password-password")).getAttribute("value"), "the password is not left in the page");
        type(browser, "app-password-password", user.password());
        browser.findElement(By.cssSelector("#app-password-create button[type=submit]")).click();
        waitFor(browser, d -> d.findElement(By.id("new-app-password")).isDisplayed());
        String value = browser.findElement(By.id("new-app-password")).getText();
        assertTrue(value.matches("mhp_[0-9A-Za-z]{36}"), value);
        assertEquals("App password \"backup script\" created.", browser.findElement(By.id("app-password-created")).getText());
        assertTrue(browser.findElement(By.id("copy-app-password")).isDisplayed(), "Copy is offered");
        assertEquals("app-password-done", js(browser, "return document.activeElement.id"), "the focus is on Done");
        assertEquals(List.of(), axe.seriousViolations(browser), "serious or critical axe-core violations on the new app password");
        Chromium.screenshot(browser.findElement(By.id("app-passwords")), "webapp-app-password-created");

        JsonObject me = api.get("/api/users/me", Api.basic(user.username(), value)).expect(200).json();
        assertEquals(user.username(), me.getString("username"), me.toString());
        browser.findElement(By.id("app-password-done")).click();
        By row = By.cssSelector("#app-password-list tbody tr");
        waitFor(browser, d -> d.findElement(row).findElement(By.className("name")).getText().equals("backup script"));
        assertEquals(1, browser.findElements(row).size());
        assertTrue(browser.findElement(row).getText().contains("Read and write"), browser.findElement(row).getText());
        assertNotEquals("Never", browser.findElement(row).findElement(By.className("last-used")).getText(), "the use shows");
        assertEquals(List.of(), axe.seriousViolations(browser), "serious or critical axe-core violations on the list");
        Chromium.screenshot(browser.findElement(By.id("app-passwords")), "webapp-app-passwords");

        browser.findElement(By.cssSelector("button[aria-label='Revoke backup script']")).click();
        assertEquals("Revoke \"backup script\"? Whatever uses it stops working at once.", browser.switchTo().alert().getText());
        browser.switchTo().alert().accept();
        waitFor(browser, d -> d.findElement(By.id("app-passwords-empty")).isDisplayed());
        api.get("/api/users/me", Api.basic(user.username(), value)).expectError(401, "Authentication failed");
    }

    private static void changePassword(ChromeDriver browser, String current, String next, String repeat) {
        type(browser, "current-password", current);
        type(browser, "new-password", next);
        type(browser, "repeat-password", repeat);
        browser.findElement(By.cssSelector("#change-password button[type=submit]")).click();
    }

    private static void assertNoSidewaysScroll(ChromeDriver browser, String page) {
        long overflow = (Long) js(browser, "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
        assertTrue(overflow <= 0, page + " scrolls sideways by " + overflow + " px at width "
                + js(browser, "return window.innerWidth"));
    }

    private static void submitLogin(ChromeDriver browser, String username, String password) {
        type(browser, "username", username);
        type(browser, "password", password);
        browser.findElement(By.cssSelector("form.login button[type=submit]")).click();
    }

    private static void signIn(ChromeDriver browser, Api.TestUser user) {
        signIn(browser, user, "Your databases");
    }

    private static void signIn(ChromeDriver browser, Api.TestUser user, String firstHeading) {
        browser.get(app);
        waitFor(browser, d -> d.findElement(By.id("username")).isDisplayed());
        submitLogin(browser, user.username(), user.password());
        waitFor(browser, d -> d.findElement(By.tagName("h1")).getText().equals(firstHeading));
    }

    private static Object js(ChromeDriver browser, String script) {
        return browser.executeScript(script);
    }
}

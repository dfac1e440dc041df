package com.mediahub.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The web app under a context path (/mediahub, as WildFly and TomEE deploy it), where the secure
 * cookies are named __Secure- rather than __Host-: sign in and change something (a POST that
 * needs the CSRF header the app reads from its cookie).
 */
class BrowserContextPathIT extends DeployedWar {

    private ChromeDriver browser;

    @AfterEach
    void quit() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void signInAndCreateADatabaseUnderMediahub() {
        Api.TestUser user = api.createUser("context", "context-password-1", "user");
        browser = Chromium.start();
        browser.get(base.toString().replace("127.0.0.1", "localhost"));
        // The page re-renders while it signs in: an element read a moment ago may be replaced (stale).
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
        wait.until(d -> d.findElement(By.id("username")).isDisplayed());
        browser.findElement(By.id("username")).sendKeys(user.username());
        browser.findElement(By.id("password")).sendKeys(user.password());
        browser.findElement(By.cssSelector("form.login button[type=submit]")).click();
        wait.until(d -> d.findElement(By.tagName("h1")).getText().equals("Your databases"));
        assertEquals("__Secure-csrf_token", browser.manage().getCookies().stream()
                .filter(c -> c.getName().endsWith("csrf_token")).findFirst().orElseThrow().getName());

        browser.findElement(By.id("database-name")).sendKeys("under-a-context-path");
        browser.findElement(By.cssSelector("#new-database button")).click();
        wait.until(d -> d.findElement(By.id("database-name-heading")).getText().equals("under-a-context-path"));
        browser.navigate().refresh();
        wait.until(d -> d.findElement(By.id("database-name-heading")).getText().equals("under-a-context-path"));
    }
}

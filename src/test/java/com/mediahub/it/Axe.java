package com.mediahub.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;

import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The accessibility check of the browser tests: axe-core from npm (src/test/node/axe, tests
 * only), injected into the page under test and run there. The web app itself never loads it.
 */
final class Axe {

    private final String script;

    Axe() {
        NpmPackage axe = new NpmPackage("axe", List.of("package.json", "package-lock.json"), "node_modules/axe-core/axe.min.js");
        try {
            script = Files.readString(axe.resolve("node_modules/axe-core/axe.min.js"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The serious and critical violations on the page as it is now, one line each: rule, what it
     * means, and the elements (CSS selectors). Empty when there are none.
     */
    List<String> seriousViolations(ChromeDriver browser) {
        browser.executeScript(script);
        Object result = browser.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "axe.run(document, { resultTypes: ['violations'] })"
                + ".then(r => done(r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')"
                + ".map(v => v.id + ' (' + v.impact + '): ' + v.help + ' at ' + v.nodes.map(n => n.target.join(' ')).join(', '))),"
                + " e => done(['axe failed: ' + e]));");
        @SuppressWarnings("unchecked")
        List<String> violations = (List<String>) result;
        return violations;
    }
}

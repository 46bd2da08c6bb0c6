package io.policybot.app.web;

import java.io.File;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium through chromedriver for the console's browser tests (scripts/find-chromium.sh installs
 * both when missing); the test is skipped, saying why, where neither could be installed.
 */
final class HeadlessChromium {
    private HeadlessChromium() {
    }

    /** @param prefs Chromium preferences (a download folder...), may be empty */
    static ChromeDriver start(Map<String, Object> prefs) {
        String driver = System.getenv().getOrDefault("POLICYBOT_CHROMEDRIVER", "/usr/bin/chromedriver");
        String chromium = System.getenv().getOrDefault("POLICYBOT_CHROMIUM",
                new File("/usr/bin/chromium").canExecute() ? "/usr/bin/chromium" : "/usr/bin/chromium-browser");
        Assumptions.assumeTrue(new File(driver).canExecute() && new File(chromium).canExecute(),
                "Browser tests skipped: Chromium could not be installed here (scripts/find-chromium.sh installs "
                        + "Debian's chromium and chromium-driver when apt-get may run)");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1280,900", "--lang=en-US");
        if (!prefs.isEmpty()) {
            options.setExperimentalOption("prefs", prefs);
        }
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(driver))
                .usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }

    /** Waits up to 15 s; a page that navigates while the wait polls leaves the element it read stale: poll again. */
    static WebDriverWait waiting(WebDriver browser) {
        return (WebDriverWait) new WebDriverWait(browser, Duration.ofSeconds(15))
                .ignoring(StaleElementReferenceException.class);
    }
}

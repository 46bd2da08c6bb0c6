package io.policybot.app.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The console in a real headless Chromium (Debian's chromium and chromium-driver, which ./verify installs when
 * missing through scripts/find-chromium.sh): sign in with a link, the overview chart, filtering people, the CSV
 * export, Chinese, a phone-width page, and a manager's narrower view. Screenshots go to target/console-screenshots
 * (the README's are copies of them in docs/console/).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsoleBrowserTest {
    private static final Path SHOTS = Path.of("target", "console-screenshots");
    private ConsoleWorld world;
    private ChromeDriver browser;
    private Path downloads;

    @BeforeAll
    void start() throws IOException {
        downloads = Files.createTempDirectory("console-downloads");
        browser = HeadlessChromium.start(Map.of("download.default_directory", downloads.toString(),
                "download.prompt_for_download", false));
        world = new ConsoleWorld();
        Files.createDirectories(SHOTS);
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (world != null) {
            world.close();
        }
    }

    private WebDriverWait waiting() {
        return HeadlessChromium.waiting(browser);
    }

    private void shot(String name) throws IOException {
        Files.write(SHOTS.resolve(name + ".png"), browser.getScreenshotAs(OutputType.BYTES));
    }

    private void signInAs(String userId, String language) {
        browser.get(world.base() + "/signin?token=" + world.token(userId, language));
        browser.findElement(By.id("signin")).click();
        waiting().until(d -> d.findElements(By.id("people-count")).size() == 1);
    }

    private List<String> names() {
        return browser.findElements(By.cssSelector("#people tbody tr td:first-child")).stream().map(WebElement::getText)
                .toList();
    }

    @Test
    void hrSignsInSeesTheChartFiltersPeopleExportsAndSwitchesToChinese() throws IOException {
        browser.manage().window().setSize(new Dimension(1280, 900));
        signInAs("HR1", "en");
        assertEquals("8", browser.findElement(By.id("people-count")).getText());
        waiting().until(d -> "true".equals(d.findElement(By.id("chart")).getAttribute("data-ready")));
        assertEquals(1, browser.findElements(By.cssSelector("#chart canvas")).size(), "uPlot drew the chart");
        assertTrue(browser.findElement(By.id("behind")).getText().contains("Sales"));
        shot("overview");

        browser.findElement(By.linkText("People")).click();
        waiting().until(d -> d.findElements(By.id("filters")).size() == 1);
        assertEquals(8, names().size());
        new Select(browser.findElement(By.id("team"))).selectByVisibleText("Sales");
        new Select(browser.findElement(By.id("status"))).selectByValue("overdue");
        browser.findElement(By.id("apply")).click();
        waiting().until(d -> d.getCurrentUrl().contains("status=overdue"));
        assertEquals(List.of("Mia Manager"), names());
        new Select(browser.findElement(By.id("status"))).selectByIndex(0);
        browser.findElement(By.id("apply")).click();
        waiting().until(d -> !d.getCurrentUrl().contains("status=overdue"));
        assertEquals(List.of("Eli Lead", "Eva Junior", "Flo Field", "Mia Manager"), names());
        shot("people");

        browser.findElement(By.id("export")).click();
        Path csv = waiting().until(d -> {
            try (Stream<Path> files = Files.list(downloads)) {
                return files.filter(p -> p.toString().endsWith(".csv")).findFirst().orElse(null);
            } catch (IOException e) {
                return null;
            }
        });
        List<String> rows = Files.readAllLines(csv, StandardCharsets.UTF_8);
        assertEquals(List.of("Eli Lead", "Eva Junior", "Flo Field", "Mia Manager"),
                rows.stream().skip(1).map(l -> l.split(",")[1]).toList(), "the CSV holds the rows on the screen");

        browser.findElement(By.linkText("Eva Junior")).click();
        waiting().until(d -> d.findElements(By.id("attempts")).size() == 1);
        assertTrue(browser.findElement(By.id("attempts")).getText().contains("90%"));
        shot("person");

        browser.findElement(By.id("language")).click();
        waiting().until(d -> d.findElement(By.tagName("html")).getAttribute("lang").equals("zh"));
        assertTrue(browser.findElement(By.tagName("h2")).getText().contains("培训记录"));
        browser.findElement(By.linkText("概览")).click();
        waiting().until(d -> "true".equals(d.findElement(By.id("chart")).getAttribute("data-ready")));
        assertTrue(browser.findElement(By.tagName("h1")).getText().contains("概览"));
        shot("overview-zh");

        browser.findElement(By.linkText("审计日志")).click();
        waiting().until(d -> d.findElements(By.id("audit")).size() == 1);
        assertTrue(browser.findElement(By.id("audit")).getText().contains("report.export"), "the export was audited");
        shot("audit-zh");
        browser.findElement(By.id("signout")).click();
        waiting().until(d -> d.getPageSource().contains("控制台") || d.getPageSource().contains("console"));
    }

    @Test
    void aManagerOnAPhoneSeesOnlyTheirOrg() throws IOException {
        browser.manage().deleteAllCookies();
        browser.manage().window().setSize(new Dimension(390, 844));
        signInAs("M1", "en");
        assertEquals("2", browser.findElement(By.id("people-count")).getText());
        browser.findElement(By.linkText("People")).click();
        waiting().until(d -> d.findElements(By.id("filters")).size() == 1);
        assertEquals(List.of("Eli Lead", "Eva Junior"), names());
        assertTrue(browser.findElements(By.linkText("Audit log")).isEmpty(), "no audit log for a manager");
        long overflow = (Long) browser.executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertTrue(overflow <= 0, "the page fits a phone's width (the table scrolls inside itself): " + overflow);
        shot("people-phone-manager");
        browser.manage().window().setSize(new Dimension(1280, 900));
    }

    // ---- Announcements and Questions pages (webann) ----

    /** Signs in on {@code w} (another world than the class's: these tests publish and send). */
    private void signInOn(ConsoleWorld w, String userId) {
        browser.get(w.base() + "/signin?token=" + w.token(userId, "en"));
        browser.findElement(By.id("signin")).click();
        waiting().until(d -> d.findElements(By.id("people-count")).size() == 1);
    }

    @Test
    void hrSendsAnAnnouncementSeesTheDiffWatchesItReachSentAndMarksAQuestionHandled() throws Exception {
        browser.manage().window().setSize(new Dimension(1280, 900));
        try (ConsoleWorld w = new ConsoleWorld()) {
            w.publishRevision("1.1");
            w.asked("E2", "May I post photos from the office party?", false, null);
            w.asked("E1", "Can I post photos of the office party?", false, null);
            w.asked("E4", "When does the canteen open?", false, null);
            signInOn(w, "HR1");

            browser.findElement(By.linkText("Announcements")).click();
            waiting().until(d -> d.findElements(By.id("prepare")).size() == 1);
            browser.findElement(By.id("prepare-button")).click();
            waiting().until(d -> d.findElements(By.id("confirm")).size() == 1);
            assertEquals("8 people · slack 8", browser.findElement(By.id("audience")).getText());
            WebElement changed = browser.findElement(By.cssSelector("[data-language='en'] [data-section='identifying-yourself']"));
            List<String> added = changed.findElements(By.cssSelector(".side-by-side .after ins")).stream()
                    .map(WebElement::getText).toList();
            assertEquals(List.of("(revised)"), added, "the words added, marked in the right-hand column");
            assertTrue(changed.findElements(By.cssSelector(".inline-diff")).getFirst().getText().isEmpty(),
                    "side by side on a laptop: the inline diff is hidden");
            shot("announcement-diff");
            browser.manage().window().setSize(new Dimension(390, 844));
            waiting().until(d -> changed.findElement(By.cssSelector(".inline-diff")).isDisplayed());
            assertTrue(changed.findElement(By.cssSelector(".inline-diff ins")).getText().contains("(revised)"));
            shot("announcement-diff-phone");
            browser.manage().window().setSize(new Dimension(1280, 900));

            browser.findElement(By.id("confirm")).click();
            waiting().until(d -> d.findElements(By.id("history")).size() == 1);
            WebElement badge = browser.findElement(By.cssSelector("#history [data-field='stateLabel']"));
            assertEquals("Sending", badge.getText());
            assertEquals("8", browser.findElement(By.cssSelector("#history [data-field='pending']")).getText());
            shot("announcements-sending");
            browser.executeScript("window.policybotSamePage = true;");
            assertEquals(9, w.deliver(), "serve's delivery sends the 8 DMs and the channel post");
            waiting().until(d -> "Sent".equals(badge.getText()));
            assertEquals(Boolean.TRUE, browser.executeScript("return window.policybotSamePage === true;"),
                    "the counts changed while HR watched, without a reload");
            assertEquals("8", browser.findElement(By.cssSelector("#history [data-field='sent']")).getText());
            assertEquals("0", browser.findElement(By.cssSelector("#history [data-field='pending']")).getText());
            waiting().until(d -> "done".equals(d.findElement(By.id("history")).getAttribute("data-live")));
            shot("announcements-sent");

            browser.findElement(By.linkText("Questions")).click();
            waiting().until(d -> d.findElements(By.id("gaps")).size() == 1);
            List<WebElement> groups = browser.findElements(By.cssSelector("#gaps tbody tr"));
            assertEquals(2, groups.size());
            assertTrue(groups.getFirst().getText().contains("May I post photos from the office party?"));
            groups.getFirst().findElement(By.cssSelector("button.mark-handled")).click();
            waiting().until(d -> d.findElements(By.id("notice")).size() == 1);
            WebElement first = browser.findElements(By.cssSelector("#gaps tbody tr")).getFirst();
            assertTrue(first.getText().contains("Handled by Hana HR"), first.getText());
            assertTrue(first.findElements(By.cssSelector("button.mark-handled")).isEmpty());
            shot("questions");
        }
    }

    @Test
    void singleSignOnThroughTheCompanysIdentityProvider() throws Exception {
        try (FakeIssuer issuer = new FakeIssuer(world.clock); ConsoleWorld sso = new ConsoleWorld(issuer)) {
            browser.manage().deleteAllCookies();
            browser.manage().window().setSize(new Dimension(1280, 900));
            browser.get(sso.base() + "/");
            browser.findElement(By.id("sso")).click();
            waiting().until(d -> d.findElements(By.id("approve")).size() == 1);
            assertEquals("eva@acme.example", browser.findElement(By.id("who")).getText(), "at the provider's page");
            browser.findElement(By.id("approve")).click();
            waiting().until(d -> d.findElements(By.id("people-count")).size() == 1);
            assertTrue(browser.getCurrentUrl().endsWith("/console/"), browser.getCurrentUrl());
            assertTrue(browser.findElement(By.className("me")).getText().contains("Eva Junior"));
            assertEquals("1", browser.findElement(By.id("people-count")).getText(), "an employee sees their own record");
            shot("sso-signed-in");

            browser.navigate().back(); // the provider's page again: its button sends the same state a second time
            waiting().until(d -> d.findElements(By.id("approve")).size() == 1);
            browser.findElement(By.id("approve")).click();
            waiting().until(d -> d.findElements(By.className("problem")).size() == 1);
            assertTrue(browser.findElement(By.className("problem")).getText().contains("no longer valid"));

            issuer.email = "stranger@elsewhere.example";
            browser.manage().deleteAllCookies();
            browser.get(sso.base() + "/");
            browser.findElement(By.id("sso")).click();
            waiting().until(d -> d.findElements(By.id("approve")).size() == 1);
            browser.findElement(By.id("approve")).click();
            waiting().until(d -> d.findElements(By.className("problem")).size() == 1);
            assertTrue(browser.findElement(By.className("problem")).getText()
                    .contains("No one in the PolicyBot roster has the e-mail address stranger@elsewhere.example"));
            shot("sso-unknown-email");
        }
    }
}

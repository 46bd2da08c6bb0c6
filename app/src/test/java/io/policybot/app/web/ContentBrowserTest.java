package io.policybot.app.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
 * HR on the Content page in a real headless Chromium (as {@link ConsoleBrowserTest}): the completion-over-time line
 * chart on the Overview, a person's acknowledgement evidence, the content check, a diff of two versions, trying a
 * question, and the page in Chinese. Screenshots go to target/console-screenshots.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ContentBrowserTest {
    private static final Path SHOTS = Path.of("target", "console-screenshots");
    private ContentWorld content;
    private ChromeDriver browser;

    @BeforeAll
    void start() throws IOException {
        browser = HeadlessChromium.start(java.util.Map.of());
        content = new ContentWorld();
        Files.createDirectories(SHOTS);
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (content != null) {
            content.close();
        }
    }

    private WebDriverWait waiting() {
        return HeadlessChromium.waiting(browser);
    }

    private void shot(String name) throws IOException {
        Files.write(SHOTS.resolve(name + ".png"), browser.getScreenshotAs(OutputType.BYTES));
    }

    /** The whole page, not only the window (the Content and diff pages are long): the viewport made as tall. */
    private void fullShot(String name) throws IOException {
        long height = (Long) browser.executeScript("return document.documentElement.scrollHeight;");
        browser.executeCdpCommand("Emulation.setDeviceMetricsOverride", java.util.Map.of("width", 1280,
                "height", (int) Math.min(3000, Math.max(900, height)), "deviceScaleFactor", 1, "mobile", false));
        shot(name);
        browser.executeCdpCommand("Emulation.clearDeviceMetricsOverride", java.util.Map.of());
    }

    @Test
    void hrSeesTheLineChartComparesVersionsTriesAQuestionAndReadsItInChinese() throws IOException {
        browser.get(content.base() + "/signin?token=" + content.world.token("HR1", "en"));
        browser.findElement(By.id("signin")).click();
        waiting().until(d -> d.findElements(By.id("people-count")).size() == 1);

        // Completion over time: uPlot drew the lines; the table beside it has today's figures.
        waiting().until(d -> "true".equals(d.findElement(By.id("timeline")).getAttribute("data-ready")));
        assertEquals(1, browser.findElements(By.cssSelector("#timeline canvas")).size());
        String legend = browser.findElement(By.id("timeline")).getText();
        assertTrue(legend.contains("Social Media Policy 1.0: acknowledged") && legend.contains("passed"), legend);
        assertTrue(browser.findElement(By.id("timeline-table")).getText().contains("2/8 (25%)"));
        browser.executeScript("document.getElementById('timeline').scrollIntoView();");
        shot("overview-timeline");
        browser.executeScript("window.scrollTo(0, 0);");

        // A person's acknowledgement evidence.
        browser.get(content.base() + "/person?key=slack:E2");
        WebElement acks = waiting().until(d -> d.findElement(By.id("acknowledgements")));
        assertTrue(acks.getText().contains("2026-12-14 16:30") && acks.getText().contains("discord"), acks.getText());
        shot("person-evidence");

        // The Content page from the nav: the directory is valid and is what is served.
        browser.findElement(By.linkText("Content")).click();
        waiting().until(d -> d.findElements(By.id("validation")).size() == 1);
        assertTrue(browser.findElement(By.id("valid")).getText().contains("Valid"));
        fullShot("content");

        // Compare 0.9 with 1.0.
        WebElement policy = browser.findElement(By.id("policy-social-media"));
        new Select(policy.findElement(By.name("from"))).selectByValue("0.9");
        new Select(policy.findElement(By.name("to"))).selectByValue("1.0");
        policy.findElement(By.className("show-diff")).click();
        waiting().until(d -> d.findElements(By.id("diff-en")).size() == 1);
        List<String> removed = browser.findElements(By.cssSelector("#diff-en del")).stream().map(WebElement::getText).toList();
        List<String> added = browser.findElements(By.cssSelector("#diff-en ins")).stream().map(WebElement::getText).toList();
        assertEquals(List.of("in a safe place,", "during work hours"), removed);
        assertEquals(List.of("only in the company password manager,", "at work"), added);
        fullShot("content-diff");

        // Try a question: the reply as chat shows it, and the ranked sections with their scores.
        browser.findElement(By.linkText("← Content")).click();
        waiting().until(d -> d.findElements(By.id("question")).size() == 1);
        browser.findElement(By.id("question")).sendKeys("Can I give my colleague the password of our Instagram account?");
        browser.findElement(By.id("ask")).click();
        WebElement reply = waiting().until(d -> d.findElement(By.id("reply")));
        assertTrue(reply.getText().contains("password manager"), reply.getText());
        List<WebElement> ranked = browser.findElements(By.cssSelector("#ranked tbody tr"));
        assertTrue(ranked.size() >= 2);
        assertTrue(ranked.getFirst().getText().contains("Account security"), ranked.getFirst().getText());
        fullShot("content-try");

        // Chinese, on the page HR is on.
        browser.findElement(By.id("language")).click();
        waiting().until(d -> d.findElement(By.tagName("html")).getAttribute("lang").equals("zh"));
        browser.findElement(By.linkText("内容")).click();
        waiting().until(d -> d.findElements(By.id("validation")).size() == 1);
        assertTrue(browser.findElement(By.tagName("h1")).getText().contains("内容"));
        assertTrue(browser.findElement(By.id("try")).getText().contains("试问一个问题"));
        browser.findElement(By.id("question")).sendKeys("我可以把公司账号的密码告诉同事吗？");
        browser.findElement(By.id("ask")).click();
        WebElement zh = waiting().until(d -> d.findElement(By.id("reply")));
        assertTrue(browser.findElement(By.id("verdict")).getText().endsWith("zh"), browser.findElement(By.id("verdict")).getText());
        assertFalse(zh.getText().isBlank());
        fullShot("content-try-zh");
        browser.findElement(By.linkText("概览")).click();
        waiting().until(d -> "true".equals(d.findElement(By.id("timeline")).getAttribute("data-ready")));
        assertTrue(browser.findElement(By.id("timeline")).getText().contains("已确认"));
    }
}

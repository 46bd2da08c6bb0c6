package io.policybot.answering;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import org.junit.jupiter.api.Test;

class LanguageDetectorTest {
    private final LanguageDetector detector = new LanguageDetector(Set.of("en", "zh"));

    @Test
    void tellsChineseFromEnglish() {
        assertEquals("en", detector.detect("Can I post on LinkedIn?", "zh"));
        assertEquals("zh", detector.detect("我可以发朋友圈吗", "en"));
        assertEquals("zh", detector.detect("我可以在 LinkedIn 上写公司吗", "en"));
        assertEquals("en", detector.detect("Can I post on 微信 about work?", "zh"));
    }

    @Test
    void textWithoutLettersKeepsTheFallback() {
        assertEquals("zh", detector.detect("\ud83d\ude00 123 ?!", "zh"));
    }

    @Test
    void languagesTheContentLacksFallBack() {
        assertEquals("en", new LanguageDetector(Set.of("en")).detect("我可以发朋友圈吗", "en"));
    }
}

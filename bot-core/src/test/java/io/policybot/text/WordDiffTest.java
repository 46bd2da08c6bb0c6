package io.policybot.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The word diff behind announcement previews (B20). */
class WordDiffTest {
    private static String diff(String a, String b) {
        return WordDiff.inline(a, b, r -> "[-" + r + "-]", x -> "{+" + x + "+}");
    }

    @Test
    void B20_anAddedSentenceIsShownWithContextNotCutOff() {
        String before = "Yes, you may list Acme as your employer; say that you work here, add \"views are my own\", and never "
                + "imply you speak for Acme.";
        String after = before + " Do not use the company logo in your banner image.";
        assertEquals("… imply you speak for Acme. {+Do not use the company logo in your banner image.+}",
                diff(before, after));
    }

    @Test
    void replacedWordsShowBothSides() {
        assertEquals("Keep it {-short-} {+brief and kind+} when you reply.",
                diff("Keep it short when you reply.", "Keep it brief and kind when you reply.").replace("[-", "{-")
                        .replace("-]", "-}"));
    }

    @Test
    void chineseIsComparedByCharacterWithoutSpaces() {
        assertEquals("不要使用公司{-标志-}{+徽标+}。", diff("不要使用公司标志。", "不要使用公司徽标。").replace("[-", "{-")
                .replace("-]", "-}"));
    }

    @Test
    void equalTextsHaveNoDiff() {
        assertEquals("", diff("same words", "same  words"));
    }
}

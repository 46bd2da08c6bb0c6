package io.policybot.answering;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Chat text as a question: platform mark-up that carries no words of the question is removed (Slack's
 * {@code <!channel>}, {@code <@U123>}, Discord's {@code <@123>} and custom emoji, {@code @everyone}, emoji and
 * {@code :shortcodes:}), link labels are kept. Also tells small talk (greetings, thanks, "who are you") and bare
 * noise from a question, by a closed list of such phrases in each language: they are never policy questions.
 */
final class ChatText {
    private static final Pattern SLACK_LINK = Pattern.compile("<(?:https?://|mailto:)[^|>]*\\|([^>]*)>");
    private static final Pattern SLACK_URL = Pattern.compile("<((?:https?://|mailto:)[^|>]*)>");
    private static final Pattern SLACK_CHANNEL = Pattern.compile("<#[A-Z0-9]+\\|([^>]*)>");
    private static final Pattern MARKUP = Pattern.compile("<(?:[@#!][^>]*|a?:\\w+:\\d+)>");
    private static final Pattern AT_ALL = Pattern.compile("(?i)(?<![\\w@])@(?:everyone|here|channel|all)\\b");
    private static final Pattern SHORTCODE = Pattern.compile(":[a-z0-9_+\\-]{2,}:");
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}']+");

    /** Words that make up small talk; a message of only these (and punctuation) is not a question. */
    private static final Set<String> SMALLTALK_WORDS = Set.of("hi", "hello", "hey", "heya", "hiya", "yo", "howdy",
            "hallo", "morning", "afternoon", "evening", "good", "night", "gm", "thanks", "thank", "thx", "ty", "tysm",
            "cheers", "ta", "appreciate", "appreciated", "it", "you", "u", "so", "much", "very", "a", "lot", "lots",
            "many", "great", "cool", "nice", "awesome", "perfect", "ok", "okay", "k", "kk", "sure", "alright", "got",
            "bye", "goodbye", "later", "see", "ya", "cya", "lol", "haha", "hahaha", "lmao", "wow", "yes", "yeah",
            "yep", "no", "nope", "nah", "there", "bot", "policybot", "team", "all", "everyone", "folks", "guys",
            "how", "are", "is", "going", "doing", "what's", "whats", "up", "sup", "who", "what", "can", "do", "r",
            "the", "for", "help", "helping", "that", "this", "was", "helpful", "useful", "understood", "noted",
            "fine", "well", "oh", "ah", "hmm", "test", "testing", "ping", "again", "dear", "welcome", "your", "name");
    private static final Set<String> SMALLTALK_ZH = Set.of("你好", "您好", "嗨", "哈喽", "哈罗", "早上好", "早安", "下午好",
            "晚上好", "晚安", "谢谢", "多谢", "谢了", "感谢", "谢谢你", "谢谢您", "好的", "好", "嗯", "哦", "行", "收到", "明白",
            "了解", "知道了", "再见", "拜拜", "在吗", "在不在", "你是谁", "你能做什么", "你会什么", "哈哈", "测试", "大家好",
            "辛苦了", "太好了", "不错", "可以", "没问题", "你", "您", "啊", "呀", "吗", "呢", "了", "的", "非常", "很", "大家",
            "机器人", "帮助", "有用", "没事");
    /** At least one of these must be there: "good" or "you" alone is not small talk. */
    private static final Set<String> SMALLTALK_CORE = Set.of("hi", "hello", "hey", "heya", "hiya", "yo", "howdy", "hallo",
            "morning", "afternoon", "evening", "gm", "thanks", "thank", "thx", "ty", "tysm", "cheers", "ta", "appreciate",
            "appreciated", "ok", "okay", "k", "kk", "bye", "goodbye", "cya", "lol", "haha", "hahaha", "lmao", "wow",
            "sup", "test", "testing", "ping", "great", "cool", "nice", "awesome", "perfect", "noted", "understood",
            "alright", "yes", "yeah", "yep", "no", "nope", "nah", "sure");
    private static final Set<String> CAPABILITY = Set.of("who are you", "what are you", "what can you do",
            "what do you do", "how can you help", "what can i ask", "what can i ask you", "how does this work",
            "what is your name", "what's your name", "how are you", "how are you doing", "what's up", "whats up");

    private ChatText() {
    }

    /** The question without platform mark-up, emoji and shortcodes; white space folded. */
    static String clean(String text) {
        String s = SLACK_LINK.matcher(text).replaceAll("$1");
        s = SLACK_URL.matcher(s).replaceAll("$1");
        s = SLACK_CHANNEL.matcher(s).replaceAll("#$1");
        s = MARKUP.matcher(s).replaceAll(" ");
        s = AT_ALL.matcher(s).replaceAll(" ");
        s = SHORTCODE.matcher(s).replaceAll(" ");
        StringBuilder out = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> out.appendCodePoint(isEmoji(cp) ? ' ' : cp));
        return out.toString().replaceAll("\\s+", " ").strip();
    }

    /** Emoji and their joiners: chat noise, not punctuation. */
    static boolean isNoise(int cp) {
        return isEmoji(cp);
    }

    private static boolean isEmoji(int cp) {
        return Character.getType(cp) == Character.OTHER_SYMBOL && cp >= 0x2190
                || cp >= 0x1F000 && cp <= 0x1FAFF || cp == 0xFE0F || cp == 0x200D || cp >= 0x1F3FB && cp <= 0x1F3FF;
    }

    /**
     * True for greetings, thanks, "who are you" and the like, and for input with nothing to look up: no words, or a
     * bare number or letter (an answer to buttons that are not there).
     */
    static boolean isSmallTalk(String cleaned) {
        String lower = cleaned.toLowerCase(Locale.ROOT).strip();
        if (lower.codePoints().noneMatch(Character::isLetterOrDigit)) {
            return true;
        }
        String bare = lower.replaceAll("[\\p{P}\\p{S}\\s]+", "");
        if (bare.matches("\\d{1,3}|[a-z]")) {
            return true;
        }
        String phrase = lower.replaceAll("[\\p{P}\\p{S}]+", " ").replaceAll("\\s+", " ").strip();
        if (CAPABILITY.contains(phrase) || CAPABILITY.contains(phrase.replaceFirst("^(hi|hello|hey) ", ""))) {
            return true;
        }
        if (containsHan(lower)) {
            return isChineseSmallTalk(bare);
        }
        boolean core = false;
        var m = WORD.matcher(lower);
        while (m.find()) {
            String w = m.group();
            if (!SMALLTALK_WORDS.contains(w)) {
                return false;
            }
            core |= SMALLTALK_CORE.contains(w);
        }
        return core;
    }

    /** A Chinese message made only of small-talk words (greedy longest match), with at least one greeting or thanks. */
    private static boolean isChineseSmallTalk(String bare) {
        int i = 0;
        boolean core = false;
        while (i < bare.length()) {
            int matched = 0;
            for (int len = Math.min(6, bare.length() - i); len > 0; len--) {
                String piece = bare.substring(i, i + len);
                if (SMALLTALK_ZH.contains(piece) || SMALLTALK_WORDS.contains(piece)) {
                    matched = len;
                    core |= len > 1 || piece.equals("嗨") || piece.equals("好");
                    break;
                }
            }
            if (matched == 0) {
                return false;
            }
            i += matched;
        }
        return core;
    }

    static boolean containsHan(String text) {
        return text.codePoints().anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN);
    }

    /** Both Chinese characters and Latin words: "我可以在LinkedIn上post我同事的photos吗". */
    static boolean isMixed(String text) {
        return containsHan(text) && text.codePoints().anyMatch(cp -> cp < 0x250 && Character.isLetter(cp));
    }
}

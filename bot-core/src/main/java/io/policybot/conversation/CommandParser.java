package io.policybot.conversation;

import java.util.Locale;
import java.util.Map;

/**
 * Reads a message as a command ("quiz", "状态", "ask can I...") or as a question. Command words are accepted in
 * every language the bot speaks, whatever the person's locale.
 */
final class CommandParser {

    enum Command { HELP, ASK, QUIZ, ROLEPLAY, STATUS, CANCEL, REPORT, GAPS, ANNOUNCE, CONSOLE, TOPICS, QUESTION }

    /** @param language the language of the command word when it tells one ("测验": zh), else null */
    record Parsed(Command command, String argument, String language) {
        Parsed(Command command, String argument) {
            this(command, argument, null);
        }
    }

    private static final Map<String, Command> WORDS = Map.ofEntries(
            Map.entry("help", Command.HELP), Map.entry("?", Command.HELP), Map.entry("帮助", Command.HELP),
            Map.entry("ask", Command.ASK), Map.entry("问", Command.ASK), Map.entry("提问", Command.ASK),
            Map.entry("quiz", Command.QUIZ), Map.entry("测验", Command.QUIZ), Map.entry("测试", Command.QUIZ),
            Map.entry("roleplay", Command.ROLEPLAY), Map.entry("role-play", Command.ROLEPLAY),
            Map.entry("角色扮演", Command.ROLEPLAY), Map.entry("情景演练", Command.ROLEPLAY), Map.entry("演练", Command.ROLEPLAY),
            Map.entry("status", Command.STATUS), Map.entry("状态", Command.STATUS),
            Map.entry("cancel", Command.CANCEL), Map.entry("stop", Command.CANCEL), Map.entry("abandon", Command.CANCEL),
            Map.entry("取消", Command.CANCEL), Map.entry("停止", Command.CANCEL), Map.entry("放弃", Command.CANCEL),
            Map.entry("退出测验", Command.CANCEL), Map.entry("退出演练", Command.CANCEL), Map.entry("结束测验", Command.CANCEL),
            Map.entry("停止测验", Command.CANCEL), Map.entry("取消测验", Command.CANCEL), Map.entry("退出情景演练", Command.CANCEL),
            Map.entry("report", Command.REPORT), Map.entry("报告", Command.REPORT),
            Map.entry("topics", Command.TOPICS), Map.entry("contents", Command.TOPICS), Map.entry("toc", Command.TOPICS),
            Map.entry("menu", Command.TOPICS), Map.entry("sections", Command.TOPICS), Map.entry("目录", Command.TOPICS),
            Map.entry("主题", Command.TOPICS), Map.entry("章节", Command.TOPICS),
            Map.entry("gaps", Command.GAPS), Map.entry("announce", Command.ANNOUNCE), Map.entry("公告", Command.ANNOUNCE),
            Map.entry("console", Command.CONSOLE), Map.entry("控制台", Command.CONSOLE));

    /** Whole messages that ask for the list of topics. */
    private static final java.util.Set<String> TOPIC_PHRASES = java.util.Set.of("table of contents", "list sections",
            "list topics", "list the sections", "show topics", "show sections", "all sections", "all topics",
            "what topics", "which topics", "what topics do you cover", "what do the policies cover", "政策目录", "有哪些章节",
            "所有章节", "目录列表");

    /** What may follow "cancel", "stop", "quit" when the training is meant. */
    private static final java.util.Set<String> TRAINING_WORDS = java.util.Set.of("quiz", "the quiz", "my quiz",
            "roleplay", "role-play", "role play", "the roleplay", "the role-play", "the role play", "training",
            "this", "it", "测验", "演练", "情景演练");

    static Parsed parse(String text, boolean command) {
        String trimmed = text.strip();
        if (trimmed.isEmpty()) {
            return new Parsed(command ? Command.HELP : Command.QUESTION, "");
        }
        String phrase = trimmed.toLowerCase(Locale.ROOT).replaceAll("[?？!！.。]+$", "").strip();
        if (TOPIC_PHRASES.contains(phrase)) {
            return new Parsed(Command.TOPICS, "");
        }
        int space = firstSpace(trimmed);
        String head = (space < 0 ? trimmed : trimmed.substring(0, space)).toLowerCase(Locale.ROOT);
        String rest = space < 0 ? "" : trimmed.substring(space).strip();
        if (head.startsWith("/")) {
            head = head.substring(1);
        }
        Command c = WORDS.get(head);
        if (c == null && (head.equals("quit") || head.equals("exit") || head.equals("end")) && TRAINING_WORDS.contains(
                rest.toLowerCase(Locale.ROOT))) {
            c = Command.CANCEL; // "quit quiz", "exit the role-play"
        }
        if (c == null) {
            return new Parsed(Command.QUESTION, trimmed);
        }
        // "stop sharing customer data?" is a question; "stop", "cancel quiz" and "取消" are commands.
        if (c == Command.CANCEL && !rest.isEmpty() && !TRAINING_WORDS.contains(rest.toLowerCase(Locale.ROOT))) {
            return new Parsed(Command.QUESTION, trimmed);
        }
        String language = head.codePoints().anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN)
                ? "zh" : null;
        // "help me with my LinkedIn profile" is a question, not a command: most commands take no words after them.
        if (!rest.isEmpty() && (c == Command.HELP || c == Command.TOPICS || c == Command.CONSOLE
                || c == Command.STATUS && !command)) {
            return new Parsed(Command.QUESTION, trimmed);
        }
        return new Parsed(c == Command.ASK && rest.isEmpty() ? Command.HELP : c, c == Command.CANCEL ? "" : rest, language);
    }

    private static int firstSpace(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isWhitespace(s.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    private CommandParser() {
    }
}

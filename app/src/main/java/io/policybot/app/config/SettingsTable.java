package io.policybot.app.config;

import java.util.stream.Collectors;

/** The settings as the Markdown table of docs/configuration.md (a test keeps the page and this list the same). */
public final class SettingsTable {
    public static final String BEGIN = "<!-- settings table: generated from io.policybot.app.config.Settings -->";
    public static final String END = "<!-- end of settings table -->";

    private SettingsTable() {
    }

    public static String markdown() {
        StringBuilder sb = new StringBuilder(BEGIN).append('\n');
        sb.append("| key in policybot.yaml | environment variable | type | default | what it is |\n");
        sb.append("|---|---|---|---|---|\n");
        for (Setting s : Settings.ALL) {
            String key = s.secret() ? "`" + s.fileKey() + "` (a file holding it; never the value)" : "`" + s.key() + "`";
            String type = s.secret() ? "secret" : s.type() == Setting.Type.CHOICE
                    ? s.choices().stream().map(c -> "`" + c + "`").collect(Collectors.joining(", "))
                    : s.type().label();
            sb.append("| ").append(key)
                    .append(" | ").append(s.env() == null ? "" : "`" + s.env() + "`")
                    .append(" | ").append(type)
                    .append(" | ").append(s.defaultText() == null ? "" : s.defaultText())
                    .append(" | ").append(s.description().replace("|", "\\|"))
                    .append(" |\n");
        }
        return sb.append(END).append('\n').toString();
    }
}

package io.policybot.text;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/**
 * The one way a day is written to people, per language: "31 December 2026", "2026年12月31日". Status, announcements,
 * reminders and reports all use it, so the same due date never reads two ways. (CSV files keep ISO dates.)
 */
public final class Dates {
    private static final DateTimeFormatter EN = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter ZH = DateTimeFormatter.ofPattern("yyyy年M月d日", Locale.CHINA);

    private Dates() {
    }

    public static String day(LocalDate day, String language) {
        if (day == null) {
            return "?";
        }
        String lang = language == null ? "en" : Locale.forLanguageTag(language).getLanguage();
        return switch (lang) {
            case "zh" -> ZH.format(day);
            case "en", "" -> EN.format(day);
            default -> DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(Locale.forLanguageTag(language))
                    .format(day);
        };
    }

    public static String day(Instant at, ZoneId zone, String language) {
        return at == null ? "?" : day(LocalDate.ofInstant(at, zone), language);
    }
}

package io.policybot.importing;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The owner and the contact a document states about itself in its opening: a document-control row
 * ("Owner | People team", "Contact | people@company.com, #ask-people") or a labelled line ("Policy owner: People team",
 * "Questions: email people@company.com", "负责部门：人力资源部", "联系方式：hr@company.cn"). As with {@link StatedDates},
 * only a label that opens a paragraph, list item or cell counts, never a sentence that mentions an owner.
 */
final class StatedOwnership {
    /** The owner named and the text it came from, to quote in the report. */
    record Owner(String name, String text) {
    }

    /**
     * A contact the document gives for questions: a name (the owner's when the line gives only an address), and an
     * email and a chat channel where given (either may be empty, never both with an empty name).
     */
    record StatedContact(String name, String email, String channel, String text) {
    }

    /** What the opening states; either may be absent. */
    record Found(Optional<Owner> owner, Optional<StatedContact> contact) {
    }

    private static final Pattern OWNER_LABEL = Pattern.compile(
            "(?:(?:policy|document|content)\\s+owner|owner|owned\\s+by|responsible\\s+(?:team|department|function|unit|owner)"
                    + "|accountable\\s+(?:team|department|owner)|maintained\\s+by"
                    + "|负责部门|归口部门|归口管理部门|主管部门|责任部门|制定部门|编制部门|政策负责人|负责人)",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern CONTACT_LABEL = Pattern.compile(
            "(?:contacts?|contact\\s+(?:person|point|details|for\\s+questions)|point\\s+of\\s+contact|questions?|queries"
                    + "|enquiries|inquiries|questions?\\s+(?:to|about\\s+this\\s+policy)|help|ask"
                    + "|联系人|联系方式|联系部门|咨询|咨询方式|咨询部门|联系)",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    /** "Owner: People team" — the label, a colon (or a dash), the value up to a separator. */
    private static final Pattern LINE = Pattern.compile("^\\s*(?<label>[\\p{L} ]{2,40}?)\\s*[?？]?\\s*(?:[:：]|\\s[-–—])\\s*(?<value>.+)$");
    private static final Pattern EMAIL = Pattern.compile("[\\p{L}\\p{N}._%+-]+@[\\p{L}\\p{N}-]+(?:\\.[\\p{L}\\p{N}-]+)+");
    private static final Pattern CHANNEL = Pattern.compile("(?<![\\p{L}\\p{N}&])#[\\p{L}\\p{N}_-]+");
    /** Words around an address that are not a name: "email", "or", "on Slack", "mailto". */
    private static final Pattern FILLER = Pattern.compile(
            "(?i)\\b(?:e-?mail(?:\\s+us)?|ask|contact|mail\\s+to|mailto|write\\s+to|at|or|and|on\\s+slack|slack(?:\\s+channel)?|channel|via|in)\\b"
                    + "|邮箱|邮件|电子邮件|频道|或");
    /** "Questions? Email people@company.com": a question mark instead of a colon. */
    private static final Pattern QUESTIONS = Pattern.compile("^(?<label>questions?|queries|enquiries)\\s*[?？]\\s*(?<value>.+)$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final int LONGEST_VALUE = 120;

    private StatedOwnership() {
    }

    /** The first owner and the first contact stated in {@code blocks}, in document order. */
    static Found find(List<Block> blocks) {
        Optional<Owner> owner = Optional.empty();
        Optional<StatedContact> contact = Optional.empty();
        for (Block b : blocks) {
            for (Labelled l : labelled(b)) {
                if (owner.isEmpty() && OWNER_LABEL.matcher(l.label()).matches()) {
                    owner = ownerOf(l);
                } else if (contact.isEmpty() && CONTACT_LABEL.matcher(l.label()).matches()) {
                    contact = contactOf(l);
                }
            }
        }
        // a contact line without a name takes the owner's, when the owner came later in the opening
        Optional<Owner> named = owner;
        contact = contact.map(c -> c.name().isEmpty() ? new StatedContact(named.map(Owner::name).orElse(c.email().isEmpty()
                ? c.channel() : c.email()), c.email(), c.channel(), c.text()) : c);
        // an owner given with an address ("Owner: People team (people@company.com)") is the contact too
        if (contact.isEmpty() && owner.isPresent()) {
            contact = addressIn(owner.get().text()).map(a -> new StatedContact(named.get().name(), a.email(), a.channel(),
                    named.get().text()));
        }
        return new Found(owner, contact);
    }

    private record Labelled(String label, String value, String text) {
    }

    private record Address(String email, String channel) {
    }

    private static List<Labelled> labelled(Block b) {
        return switch (b) {
            case Block.Paragraph p -> line(p.text()).stream().toList();
            case Block.ListItem li -> line(li.text()).stream().toList();
            case Block.Table t -> t.rows().stream().filter(row -> row.size() >= 2)
                    .map(row -> new Labelled(label(row.get(0)), row.get(1).strip(), row.get(0).strip() + " | " + row.get(1).strip()))
                    .toList();
            default -> List.of();
        };
    }

    /** "Owner: People team" or "Questions? Email hr@company.com"; the first part of "Version 2 | Owner: People team" too. */
    private static Optional<Labelled> line(String text) {
        for (String part : text.split("\\s[|·•]\\s|\\s*；\\s*|;\\s+")) {
            Matcher m = LINE.matcher(part.strip());
            if (m.matches()) {
                String label = label(m.group("label"));
                if (OWNER_LABEL.matcher(label).matches() || CONTACT_LABEL.matcher(label).matches()) {
                    return Optional.of(new Labelled(label, m.group("value").strip(), part.strip()));
                }
            }
            Matcher q = QUESTIONS.matcher(part.strip());
            if (q.matches()) {
                return Optional.of(new Labelled(label(q.group("label")), q.group("value").strip(), part.strip()));
            }
        }
        return Optional.empty();
    }

    private static String label(String cell) {
        return cell.strip().replaceAll("[:：?？*]+$", "").strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    private static Optional<Owner> ownerOf(Labelled l) {
        String name = EMAIL.matcher(l.value()).replaceAll("").replaceAll("[()（）<>\\[\\]]", " ").replaceAll("\\s+", " ")
                .replaceAll("[\\s,;:，、]+$", "").strip();
        // a name, not a sentence: short, and no full stop inside
        if (name.isEmpty() || l.value().length() > LONGEST_VALUE || name.split("\\s+").length > 8 || name.matches(".*[.。]\\s.*")) {
            return Optional.empty();
        }
        return Optional.of(new Owner(name.replaceAll("[.。]$", ""), l.text()));
    }

    private static Optional<StatedContact> contactOf(Labelled l) {
        if (l.value().length() > LONGEST_VALUE) {
            return Optional.empty();
        }
        Optional<Address> address = addressIn(l.value());
        String name = CHANNEL.matcher(EMAIL.matcher(l.value()).replaceAll(" ")).replaceAll(" ");
        name = FILLER.matcher(name).replaceAll(" ").replaceAll("[()（）<>\\[\\]]", " ").replaceAll("^[\\s,;:，、：.-]+|[\\s,;:，、：.-]+$", "")
                .replaceAll("\\s+", " ").strip();
        if (address.isEmpty()) {
            // a name alone is a contact only when it reads as one: "Contact: People team", not "Ask: your manager first."
            if (name.isEmpty() || name.split("\\s+").length > 6 || name.matches(".*[.。!?].*")) {
                return Optional.empty();
            }
            return Optional.of(new StatedContact(name, "", "", l.text()));
        }
        if (name.split("\\s+").length > 6) {
            name = ""; // words around the address, not a name: the owner's name is used
        }
        return Optional.of(new StatedContact(name, address.get().email(), address.get().channel(), l.text()));
    }

    private static Optional<Address> addressIn(String text) {
        Matcher e = EMAIL.matcher(text);
        String email = e.find() ? e.group() : "";
        Matcher c = CHANNEL.matcher(EMAIL.matcher(text).replaceAll(" "));
        String channel = c.find() ? c.group() : "";
        return email.isEmpty() && channel.isEmpty() ? Optional.empty() : Optional.of(new Address(email, channel));
    }
}

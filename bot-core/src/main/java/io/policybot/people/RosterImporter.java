package io.policybot.people;

import io.policybot.audit.AuditEntry;
import io.policybot.audit.AuditLog;
import io.policybot.text.Csv;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Imports HR's roster, a CSV file with a header row. Columns (any order, names case-insensitive):
 * {@code platform, platform_user_id, name} (required), {@code email, team, manager_email} (or {@code manager}:
 * an email, a {@code platform:userId} or a user id on the row's platform), {@code joined_on} (YYYY-MM-DD) and
 * {@code role} (employee, manager, hr, admin). All or nothing: one bad row and nothing is imported, and every bad
 * row is reported with its number (the header is row 1).
 */
public final class RosterImporter {
    static final List<String> REQUIRED = List.of("platform", "platform_user_id", "name");
    static final List<String> KNOWN = List.of("platform", "platform_user_id", "name", "email", "team", "manager_email",
            "manager", "joined_on", "role");

    private final PersonRepository people;
    private final RosterRepository roster;
    private final AuditLog audit;
    private final Clock clock;

    public RosterImporter(PersonRepository people, RosterRepository roster, AuditLog audit, Clock clock) {
        this.people = people;
        this.roster = roster;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Validates and imports {@code csv}; throws {@link RosterException} listing every bad row, with nothing written.
     *
     * @param actor who imports it, for the audit log ({@code cli})
     * @param source the file name, for the audit log
     */
    public RosterResult importCsv(String csv, String actor, String source) {
        List<RosterEntry> entries = validate(csv);
        RosterResult result = roster.upsert(entries, clock.instant());
        audit.record(new AuditEntry(clock.instant(), actor, AuditEntry.ROSTER_IMPORT, source,
                entries.size() + (entries.size() == 1 ? " row: " : " rows: ") + result.created() + " created, "
                + result.updated() + " updated, " + result.unchanged() + " unchanged"));
        for (RosterResult.RoleChange c : result.roleChanges()) {
            audit.record(new AuditEntry(clock.instant(), actor, AuditEntry.ROLE_CHANGE, c.personKey(),
                    (c.from() == null ? "none" : c.from().code()) + " -> " + (c.to() == null ? "none" : c.to().code())
                            + " (roster " + source + ")"));
        }
        return result;
    }

    /** The valid entries of {@code csv}, or a {@link RosterException} with every problem. */
    public List<RosterEntry> validate(String csv) {
        List<RosterException.Problem> problems = new ArrayList<>();
        List<Csv.Record> records;
        try {
            records = Csv.parse(csv);
        } catch (Csv.CsvException e) {
            throw new RosterException(List.of(new RosterException.Problem(e.line(), "a quoted field is not closed")));
        }
        if (records.isEmpty()) {
            throw new RosterException(List.of(new RosterException.Problem(1, "the file is empty: expected a header row")));
        }
        Map<String, Integer> columns = new HashMap<>();
        List<String> header = records.getFirst().fields();
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i).strip().toLowerCase(Locale.ROOT);
            if (!KNOWN.contains(name)) {
                problems.add(new RosterException.Problem(1, "unknown column '" + header.get(i) + "' (expected "
                        + String.join(", ", KNOWN) + ")"));
            } else if (columns.putIfAbsent(name, i) != null) {
                problems.add(new RosterException.Problem(1, "column '" + name + "' appears twice"));
            }
        }
        for (String required : REQUIRED) {
            if (!columns.containsKey(required)) {
                problems.add(new RosterException.Problem(1, "missing column '" + required + "'"));
            }
        }
        if (!problems.isEmpty()) {
            throw new RosterException(problems);
        }
        String managerColumn = columns.containsKey("manager_email") ? "manager_email" : "manager";

        // Pass 1: each row on its own.
        record Raw(int row, String platform, String userId, String name, String email, String team, String manager,
                   LocalDate joined, Role role) {
        }
        List<Raw> raws = new ArrayList<>();
        Map<String, Integer> firstRowOfKey = new HashMap<>();
        Map<String, Integer> firstRowOfEmail = new HashMap<>();
        for (int r = 1; r < records.size(); r++) {
            int row = r + 1;
            List<String> f = records.get(r).fields();
            if (f.size() != header.size()) {
                problems.add(new RosterException.Problem(row, "expected " + header.size() + " columns, found " + f.size()));
                continue;
            }
            int before = problems.size();
            String platform = value(f, columns, "platform").toLowerCase(Locale.ROOT);
            String userId = value(f, columns, "platform_user_id");
            String name = value(f, columns, "name");
            for (String req : REQUIRED) {
                if (value(f, columns, req).isEmpty()) {
                    problems.add(new RosterException.Problem(row, "missing " + req));
                }
            }
            if (!platform.isEmpty() && !Person.PLATFORMS.contains(platform)) {
                problems.add(new RosterException.Problem(row, "platform '" + value(f, columns, "platform")
                        + "' is not slack, discord or console"));
            }
            String email = value(f, columns, "email").toLowerCase(Locale.ROOT);
            if (!email.isEmpty() && !email.matches("[^@\\s]+@[^@\\s]+")) {
                problems.add(new RosterException.Problem(row, "'" + email + "' is not an email address"));
            }
            LocalDate joined = null;
            String date = value(f, columns, "joined_on");
            if (!date.isEmpty()) {
                try {
                    joined = LocalDate.parse(date);
                } catch (DateTimeParseException e) {
                    problems.add(new RosterException.Problem(row, "joined_on '" + date + "' is not a date (YYYY-MM-DD)"));
                }
            }
            Role role = null;
            String roleText = value(f, columns, "role");
            if (!roleText.isEmpty()) {
                role = Role.parse(roleText).orElse(null);
                if (role == null) {
                    problems.add(new RosterException.Problem(row, "role '" + roleText + "' is not employee, manager, hr or admin"));
                }
            }
            if (!platform.isEmpty() && !userId.isEmpty()) {
                Integer first = firstRowOfKey.putIfAbsent(platform + ":" + userId, row);
                if (first != null) {
                    problems.add(new RosterException.Problem(row, "duplicate id " + platform + ":" + userId
                            + " (already on row " + first + ")"));
                }
            }
            if (!email.isEmpty()) {
                Integer first = firstRowOfEmail.putIfAbsent(email, row);
                if (first != null) {
                    problems.add(new RosterException.Problem(row, "duplicate email " + email + " (already on row " + first + ")"));
                }
            }
            if (problems.size() == before) {
                raws.add(new Raw(row, platform, userId, name, email.isEmpty() ? null : email,
                        blankToNull(value(f, columns, "team")), value(f, columns, managerColumn), joined, role));
            }
        }

        // Pass 2: managers, against the file and then the people already known.
        Map<String, String> keyOfEmail = new HashMap<>();
        raws.forEach(r -> {
            if (r.email() != null) {
                keyOfEmail.put(r.email(), r.platform() + ":" + r.userId());
            }
        });
        Map<String, Person> known = new HashMap<>();
        Map<String, String> keyOfId = new HashMap<>();
        for (Person p : people.all()) {
            known.put(p.platform() + ":" + p.platformUserId(), p);
            keyOfId.put(p.id(), p.platform() + ":" + p.platformUserId());
        }
        Map<String, String> managerOf = new HashMap<>(); // person key -> manager key, file over store
        known.forEach((k, p) -> {
            if (p.managerId() != null && keyOfId.containsKey(p.managerId())) {
                managerOf.put(k, keyOfId.get(p.managerId()));
            }
        });
        List<RosterEntry> entries = new ArrayList<>();
        for (Raw r : raws) {
            String key = r.platform() + ":" + r.userId();
            String managerKey = null;
            if (!r.manager().isEmpty()) {
                managerKey = resolveManager(r.manager(), r.platform(), keyOfEmail, firstRowOfKey, known);
                if (managerKey == null) {
                    problems.add(new RosterException.Problem(r.row(), "unknown manager '" + r.manager() + "'"));
                    continue;
                }
            }
            if (managerKey == null) {
                managerOf.remove(key);
            } else {
                managerOf.put(key, managerKey);
            }
            entries.add(new RosterEntry(r.row(), r.platform(), r.userId(), r.name(), r.email(), r.team(), managerKey,
                    r.joined(), r.role()));
        }

        // Pass 3: no one may end up managing themselves, directly or through others.
        for (RosterEntry e : entries) {
            Set<String> chain = new LinkedHashSet<>();
            String at = e.key();
            while (at != null && chain.add(at)) {
                at = managerOf.get(at);
            }
            if (at != null && at.equals(e.key())) {
                problems.add(new RosterException.Problem(e.row(), "manager cycle: " + String.join(" -> ", chain)
                        + " -> " + at));
            }
        }
        if (!problems.isEmpty()) {
            problems.sort(java.util.Comparator.comparingInt(RosterException.Problem::row));
            throw new RosterException(problems);
        }
        return entries;
    }

    private static String resolveManager(String manager, String platform, Map<String, String> keyOfEmail,
                                         Map<String, Integer> inFile, Map<String, Person> known) {
        String m = manager.strip();
        if (m.contains("@")) {
            String email = m.toLowerCase(Locale.ROOT);
            if (keyOfEmail.containsKey(email)) {
                return keyOfEmail.get(email);
            }
            return known.values().stream().filter(p -> email.equalsIgnoreCase(p.email())).findFirst()
                    .map(p -> p.platform() + ":" + p.platformUserId()).orElse(null);
        }
        List<String> candidates = m.contains(":") ? List.of(m) : List.of(platform + ":" + m);
        for (String k : candidates) {
            if (inFile.containsKey(k) || known.containsKey(k)) {
                return k;
            }
        }
        return null;
    }

    private static String value(List<String> fields, Map<String, Integer> columns, String name) {
        Integer i = columns.get(name);
        return i == null ? "" : fields.get(i).strip();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}

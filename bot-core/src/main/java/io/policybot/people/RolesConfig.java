package io.policybot.people;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Roles granted by configuration rather than the roster. Each entry is a person, {@code platform:userId}
 * ({@code slack:U0123}, {@code discord:81234}, {@code console:alice}), or a platform group,
 * {@code platform:group:id} (a Slack user group {@code slack:group:S0HR}, a Discord role {@code discord:group:9876}).
 *
 * @param users  role -> person keys ({@code platform:userId})
 * @param groups role -> group keys ({@code platform:groupId})
 */
public record RolesConfig(Map<Role, Set<String>> users, Map<Role, Set<String>> groups) {
    public RolesConfig {
        users = copy(users);
        groups = copy(groups);
    }

    public static RolesConfig none() {
        return new RolesConfig(Map.of(), Map.of());
    }

    /** This configuration plus one person ({@code platform:userId}) with {@code role}. */
    public RolesConfig with(Role role, String personKey) {
        Map<Role, Set<String>> more = new EnumMap<>(Role.class);
        more.putAll(users);
        Set<String> keys = new HashSet<>(more.getOrDefault(role, Set.of()));
        keys.add(personKey);
        more.put(role, keys);
        return new RolesConfig(more, groups);
    }

    /** Parses entries per role, e.g. {@code HR -> ["slack:U1", "slack:group:S0HR"]}. */
    public static RolesConfig of(Map<Role, List<String>> entries) {
        Map<Role, Set<String>> users = new EnumMap<>(Role.class);
        Map<Role, Set<String>> groups = new EnumMap<>(Role.class);
        entries.forEach((role, list) -> {
            for (String raw : list) {
                String e = raw.strip();
                if (e.isEmpty()) {
                    continue;
                }
                String[] parts = e.split(":", 3);
                if (parts.length == 3 && (parts[1].equals("group") || parts[1].equals("role"))) {
                    groups.computeIfAbsent(role, r -> new HashSet<>()).add(parts[0] + ":" + parts[2]);
                } else if (parts.length >= 2 && !parts[0].isEmpty() && !parts[1].isEmpty()) {
                    users.computeIfAbsent(role, r -> new HashSet<>()).add(e);
                } else {
                    throw new IllegalArgumentException("role entry '" + e + "' is not platform:userId or platform:group:id");
                }
            }
        });
        return new RolesConfig(users, groups);
    }

    /**
     * From the environment ({@code POLICYBOT_HR}, {@code POLICYBOT_ADMINS}, {@code POLICYBOT_MANAGERS}: comma
     * separated entries) and, when it exists, {@code rolesFile} (YAML: {@code hr:}, {@code admin:},
     * {@code manager:} each a list of entries). Both are merged.
     */
    public static RolesConfig load(Map<String, String> env, Path rolesFile) {
        Map<Role, List<String>> entries = new EnumMap<>(Role.class);
        addEnv(entries, Role.HR, env.get("POLICYBOT_HR"));
        addEnv(entries, Role.ADMIN, env.get("POLICYBOT_ADMINS"));
        addEnv(entries, Role.MANAGER, env.get("POLICYBOT_MANAGERS"));
        if (rolesFile != null && Files.isRegularFile(rolesFile)) {
            Object root;
            try {
                root = new Yaml(new SafeConstructor(new LoaderOptions()))
                        .load(Files.readString(rolesFile, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + rolesFile, e);
            }
            if (root != null && !(root instanceof Map<?, ?>)) {
                throw new IllegalArgumentException(rolesFile + ": expected 'hr:', 'admin:' or 'manager:' lists");
            }
            if (root instanceof Map<?, ?> map) {
                for (Map.Entry<?, ?> e : map.entrySet()) {
                    Role role = Role.parse(String.valueOf(e.getKey())).orElseThrow(() -> new IllegalArgumentException(
                            rolesFile + ": unknown role '" + e.getKey() + "' (employee, manager, hr, admin)"));
                    if (e.getValue() instanceof List<?> list) {
                        list.forEach(v -> entries.computeIfAbsent(role, r -> new ArrayList<>()).add(String.valueOf(v)));
                    } else if (e.getValue() != null) {
                        entries.computeIfAbsent(role, r -> new ArrayList<>()).add(String.valueOf(e.getValue()));
                    }
                }
            }
        }
        return of(entries);
    }

    private static void addEnv(Map<Role, List<String>> entries, Role role, String value) {
        if (value != null && !value.isBlank()) {
            entries.computeIfAbsent(role, r -> new ArrayList<>()).addAll(List.of(value.split(",")));
        }
    }

    private static Map<Role, Set<String>> copy(Map<Role, Set<String>> m) {
        Map<Role, Set<String>> out = new EnumMap<>(Role.class);
        m.forEach((k, v) -> out.put(k, Set.copyOf(v)));
        return Map.copyOf(out);
    }
}

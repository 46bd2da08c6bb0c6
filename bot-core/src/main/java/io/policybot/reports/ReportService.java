package io.policybot.reports;

import io.policybot.content.ContentLibrary;
import io.policybot.content.Policy;
import io.policybot.content.PolicyDocument;
import io.policybot.people.Person;
import io.policybot.text.Csv;
import io.policybot.training.Acknowledged;
import io.policybot.training.Completion;
import io.policybot.training.TrainingRules;
import io.policybot.training.TrainingStatus;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Builds training reports. Where each person stands on each policy (its current version) is judged by
 * {@link TrainingRules}, the same rule as {@code status}, so a report never disagrees with what people see:
 * completed (done, including a passed update quiz, or an earlier version when the update needed no retraining),
 * overdue (not done and past due), in progress (a quiz running, or tried without passing yet), update due (an
 * earlier version passed, the update quiz not yet), not started. A policy without a quiz is trained by reading it:
 * completed once acknowledged (then "passed" is the acknowledgement), update due when an earlier version was read
 * and sections changed since. Loading is set-based: one query for every completion of the policy in scope, whatever
 * the module and version, and one for its acknowledgements.
 */
public final class ReportService {
    private final ReportRepository repository;
    private final Supplier<ContentLibrary> content;
    private final TrainingRules rules;
    private final Clock clock;
    /** Reports recently made, by scope and language (a 2,000-person report is a few hundred kilobytes). */
    private final com.github.benmanes.caffeine.cache.Cache<Key, Made> recent =
            com.github.benmanes.caffeine.cache.Caffeine.newBuilder().maximumSize(32).build();

    public ReportService(ReportRepository repository, Supplier<ContentLibrary> content, TrainingRules rules,
                         Clock clock) {
        this.repository = repository;
        this.content = content;
        this.rules = rules;
        this.clock = clock;
    }

    public ReportRepository repository() {
        return repository;
    }

    /** "Policy title > Section title" for a {@code policy/section} id, in {@code language}; the id when unknown. */
    public String sectionTitle(String policySection, String language) {
        int slash = policySection.indexOf('/');
        if (slash < 0) {
            return policySection;
        }
        String policyId = policySection.substring(0, slash);
        String sectionId = policySection.substring(slash + 1);
        return content.get().policy(policyId).map(p -> p.document(language)).flatMap(d -> d.section(sectionId)
                .map(s -> d.title() + " > " + s.title())).orElse(policySection);
    }

    /** The longest a timeline reaches back: a year of days is as much as a chart shows legibly. */
    static final int TIMELINE_DAYS = 366;

    /**
     * Completion over time of a policy version since {@code since} (its announcement), for the people in scope:
     * one query for the counts per day, added up here. Starts at most {@value #TIMELINE_DAYS} days back.
     *
     * @param people how many people are in scope (the report's count, so the chart and the table agree)
     */
    public CompletionTimeline timeline(ReportScope scope, int people, String policyId, String version,
                                       java.time.Instant since) {
        ZoneId zone = clock.getZone();
        LocalDate today = LocalDate.now(clock);
        LocalDate first = LocalDate.ofInstant(since, zone);
        if (first.isBefore(today.minusDays(TIMELINE_DAYS - 1))) {
            first = today.minusDays(TIMELINE_DAYS - 1);
        }
        if (first.isAfter(today)) {
            first = today;
        }
        List<ReportRepository.DayCount> counts = repository.firstDoneByDay(scope, policyId, version,
                zone.getRules().getOffset(clock.instant()));
        List<LocalDate> days = new ArrayList<>();
        List<Integer> passed = new ArrayList<>();
        List<Integer> acknowledged = new ArrayList<>();
        int p = 0;
        int a = 0;
        int next = 0;
        for (LocalDate day = first; !day.isAfter(today); day = day.plusDays(1)) {
            while (next < counts.size() && !counts.get(next).day().isAfter(day)) {
                p += counts.get(next).passed();
                a += counts.get(next).acknowledged();
                next++;
            }
            days.add(day);
            passed.add(p);
            acknowledged.add(a);
        }
        return new CompletionTimeline(policyId, version, first, people, days, passed, acknowledged);
    }

    /**
     * The report of {@code scope}. A report already made is given again while nothing it reads has changed: the
     * store's change stamp (moved by every write to people, training, acknowledgements, versions and announcements,
     * on any replica), the day, the zone and the content are all the same. The stamp is read before the data, so a
     * write that lands while the report is made moves the stamp past it and the next request makes it again.
     */
    public Report report(ReportScope scope, String scopeLabel, String language) {
        java.util.OptionalLong stamp = repository.changeStamp();
        ContentLibrary library = content.get();
        LocalDate today = LocalDate.now(clock);
        ZoneId zone = clock.getZone();
        if (stamp.isEmpty()) {
            return make(scope, scopeLabel, language, library, today, zone);
        }
        Key key = new Key(scope, scopeLabel, language, today, zone);
        Made made = recent.getIfPresent(key);
        if (made != null && made.stamp() == stamp.getAsLong() && made.library() == library) {
            return made.report();
        }
        Report report = make(scope, scopeLabel, language, library, today, zone);
        recent.put(key, new Made(stamp.getAsLong(), library, report));
        return report;
    }

    private record Key(ReportScope scope, String label, String language, LocalDate today, ZoneId zone) {
    }

    /** A report as made at {@code stamp} from {@code library} (compared by identity: a reload is a new library). */
    private record Made(long stamp, ContentLibrary library, Report report) {
    }

    private Report make(ReportScope scope, String scopeLabel, String language, ContentLibrary library,
                        LocalDate today, ZoneId zone) {
        List<Person> people = repository.people(scope);
        TrainingRules rule = rules.with(TrainingRules.remembering(rules.updates()));
        List<Report.Row> rows = new ArrayList<>();
        List<Report.PolicySummary> summaries = new ArrayList<>();
        for (Policy policy : library.all()) {
            PolicyDocument doc = policy.document(language);
            String version = policy.version();
            Map<String, List<Completion>> completions = repository.completions(scope, policy.id());
            Set<String> active = repository.activeQuizzes(scope, policy.id());
            Map<String, List<Acknowledged>> read = repository.acknowledgements(scope, policy.id());
            String rpLanguage = policy.bestLanguage(language);
            int[] counts = new int[TrainingState.values().length];
            int scored = 0;
            long scoreSum = 0;
            int acknowledged = 0;
            for (Person p : people) {
                List<Completion> mine = completions.getOrDefault(p.id(), List.of());
                List<Acknowledged> myReads = read.getOrDefault(p.id(), List.of());
                TrainingStatus.PolicyTraining t = rule.policy(p, policy, language, mine, myReads, today, zone);
                boolean tried = t.best() != null || active.contains(p.id());
                TrainingState state = t.done() ? TrainingState.COMPLETED
                        : t.overdue() ? TrainingState.OVERDUE
                        : tried ? TrainingState.IN_PROGRESS
                        : t.update() != null ? TrainingState.UPDATE_DUE
                        : TrainingState.NOT_STARTED;
                counts[state.ordinal()]++;
                Completion scoring = t.passed() != null ? t.passed() : t.best();
                Integer score = scoring == null ? null : scoring.percent();
                if (score != null) {
                    scored++;
                    scoreSum += score;
                }
                boolean ack = myReads.stream().anyMatch(a -> a.policyVersion().equals(version));
                if (ack) {
                    acknowledged++;
                }
                List<TrainingStatus.RolePlayProgress> rps = rule.rolePlays(mine, policy, rpLanguage);
                Completion last = t.lastAttempt();
                rows.add(new Report.Row(p.platform() + ":" + p.platformUserId(), p.displayName(), p.email(), p.team(),
                        policy.id(), version, state, score, ack, t.dueOn(),
                        passedVersion(t), passedOn(t, zone),
                        last == null ? null : LocalDate.ofInstant(last.completedAt(), zone),
                        last == null ? null : last.percent(),
                        (int) rps.stream().filter(TrainingStatus.RolePlayProgress::done).count(), rps.size()));
            }
            summaries.add(new Report.PolicySummary(policy.id(), doc.title(), version,
                    counts[TrainingState.COMPLETED.ordinal()], counts[TrainingState.IN_PROGRESS.ordinal()],
                    counts[TrainingState.UPDATE_DUE.ordinal()], counts[TrainingState.OVERDUE.ordinal()],
                    counts[TrainingState.NOT_STARTED.ordinal()],
                    scored == 0 ? null : (int) Math.round((double) scoreSum / scored), acknowledged));
        }
        return new Report(scopeLabel, people.size(), rows, summaries);
    }

    /** The version of the training that counts: the passed quiz's, or for a policy without a quiz the reading's. */
    private static String passedVersion(TrainingStatus.PolicyTraining t) {
        if (t.acknowledgementOnly()) {
            return t.read() == null ? null : t.read().policyVersion();
        }
        return t.passed() == null ? null : t.passed().policyVersion();
    }

    private static LocalDate passedOn(TrainingStatus.PolicyTraining t, ZoneId zone) {
        if (t.acknowledgementOnly()) {
            return t.read() == null ? null : LocalDate.ofInstant(t.read().at(), zone);
        }
        return t.passed() == null ? null : LocalDate.ofInstant(t.passed().completedAt(), zone);
    }

    /** The report as CSV (UTF-8, RFC 4180, header row, cells guarded against spreadsheet formulas). */
    public static byte[] csv(Report report) {
        StringBuilder sb = new StringBuilder();
        sb.append(Csv.row(List.of("person", "name", "email", "team", "policy", "version", "status", "score",
                "acknowledged", "due_on", "passed_version", "passed_on", "last_attempt_on", "last_attempt_score",
                "roleplays_done", "roleplays_total")));
        for (Report.Row r : report.rows()) {
            sb.append(Csv.row(java.util.Arrays.asList(r.personKey(), r.name(), r.email(), r.team(), r.policyId(),
                    r.version(), r.state().code(), r.score(), r.acknowledged() ? "yes" : "no", r.dueOn(),
                    r.passedVersion(), r.passedOn(), r.lastAttemptOn(), r.lastAttemptScore(), r.rolePlaysDone(),
                    r.rolePlaysTotal())));
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }
}

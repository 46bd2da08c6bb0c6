package io.policybot.reports;

import io.policybot.content.ContentLibrary;
import io.policybot.content.Policy;
import io.policybot.content.PolicyDocument;
import io.policybot.people.Person;
import io.policybot.text.Csv;
import io.policybot.training.TrainingSettings;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Builds training reports. For each person in scope and each policy with a quiz (its current version): completed
 * (passed that version's quiz), overdue (not passed and past due), in progress (a quiz running, or tried and not
 * passed yet), not started; the best score on that version; whether they acknowledged that version. Due dates
 * follow training's rule: {@code dueDays} after joining (or first seen), or after the version took effect if later.
 */
public final class ReportService {
    private final ReportRepository repository;
    private final Supplier<ContentLibrary> content;
    private final TrainingSettings settings;
    private final Clock clock;

    public ReportService(ReportRepository repository, Supplier<ContentLibrary> content, TrainingSettings settings,
                         Clock clock) {
        this.repository = repository;
        this.content = content;
        this.settings = settings;
        this.clock = clock;
    }

    public ReportRepository repository() {
        return repository;
    }

    public Report report(ReportScope scope, String scopeLabel, String language) {
        List<Person> people = repository.people(scope);
        LocalDate today = LocalDate.now(clock);
        List<Report.Row> rows = new ArrayList<>();
        List<Report.PolicySummary> summaries = new ArrayList<>();
        for (Policy policy : content.get().all()) {
            if (policy.languages().stream().allMatch(l -> policy.quiz(l).isEmpty())) {
                continue;
            }
            PolicyDocument doc = policy.document(language);
            String version = policy.version();
            Map<String, ReportRepository.QuizRecord> quizzes = repository.quizRecords(scope, policy.id(), version);
            Set<String> active = repository.activeQuizzes(scope, policy.id());
            Set<String> acks = repository.acknowledged(scope, policy.id(), version);
            int[] counts = new int[TrainingState.values().length];
            int scored = 0;
            long scoreSum = 0;
            int acknowledged = 0;
            for (Person p : people) {
                LocalDate start = p.startDate(clock.getZone());
                if (doc.effective() != null && doc.effective().isAfter(start)) {
                    start = doc.effective();
                }
                LocalDate due = start.plusDays(settings.dueDays());
                ReportRepository.QuizRecord q = quizzes.get(p.id());
                TrainingState state;
                if (q != null && q.passed()) {
                    state = TrainingState.COMPLETED;
                } else if (today.isAfter(due)) {
                    state = TrainingState.OVERDUE;
                } else if (q != null || active.contains(p.id())) {
                    state = TrainingState.IN_PROGRESS;
                } else {
                    state = TrainingState.NOT_STARTED;
                }
                counts[state.ordinal()]++;
                if (q != null) {
                    scored++;
                    scoreSum += q.bestPercent();
                }
                boolean ack = acks.contains(p.id());
                if (ack) {
                    acknowledged++;
                }
                rows.add(new Report.Row(p.platform() + ":" + p.platformUserId(), p.displayName(), p.email(), p.team(),
                        policy.id(), version, state, q == null ? null : q.bestPercent(), ack, due));
            }
            summaries.add(new Report.PolicySummary(policy.id(), doc.title(), version,
                    counts[TrainingState.COMPLETED.ordinal()], counts[TrainingState.IN_PROGRESS.ordinal()],
                    counts[TrainingState.OVERDUE.ordinal()], counts[TrainingState.NOT_STARTED.ordinal()],
                    scored == 0 ? null : (int) Math.round((double) scoreSum / scored), acknowledged));
        }
        return new Report(scopeLabel, people.size(), rows, summaries);
    }

    /** The report as CSV (UTF-8, RFC 4180, header row, cells guarded against spreadsheet formulas). */
    public static byte[] csv(Report report) {
        StringBuilder sb = new StringBuilder();
        sb.append(Csv.row(List.of("person", "name", "email", "team", "policy", "version", "status", "score",
                "acknowledged", "due_on")));
        for (Report.Row r : report.rows()) {
            sb.append(Csv.row(java.util.Arrays.asList(r.personKey(), r.name(), r.email(), r.team(), r.policyId(),
                    r.version(), r.state().code(), r.score(), r.acknowledged() ? "yes" : "no", r.dueOn())));
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }
}

package io.policybot.testing;

import io.policybot.content.ContentLibrary;
import io.policybot.content.Policy;
import io.policybot.content.PolicyDocument;
import io.policybot.content.Section;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Edited copies of the bundled social media policy: a new version with sections reworded or removed. */
public final class Revisions {
    public static final String POLICY = "social-media";

    private Revisions() {
    }

    /** {@code base} as {@code version}, each section of {@code reword} with " (revised)" after its short answer. */
    public static ContentLibrary reworded(ContentLibrary base, String version, Set<String> reword) {
        return edit(base, version, reword, Set.of());
    }

    public static ContentLibrary edit(ContentLibrary base, String version, Set<String> reword, Set<String> remove) {
        Policy p = base.policy(POLICY).orElseThrow();
        Map<String, PolicyDocument> docs = new HashMap<>();
        p.documents().forEach((lang, d) -> {
            List<Section> sections = new ArrayList<>();
            for (Section s : d.sections()) {
                if (remove.contains(s.id())) {
                    continue;
                }
                sections.add(reword.contains(s.id()) ? new Section(s.id(), s.title(), s.shortAnswer() + " (revised)",
                        s.passages(), s.keywords(), s.markdown(), s.line()) : s);
            }
            docs.put(lang, new PolicyDocument(d.policyId(), lang, d.title(), version, d.effective(), d.owner(), d.link(),
                    d.contactRole(), d.intro(), sections, d.source()));
        });
        Policy edited = new Policy(p.id(), docs, p.quizzes(), p.scenarios());
        return new ContentLibrary(base.settings(), Map.of(POLICY, edited), base.fingerprint() + "/" + version + reword + remove);
    }
}

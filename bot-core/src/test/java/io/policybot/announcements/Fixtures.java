package io.policybot.announcements;

import io.policybot.content.ContentLibrary;
import io.policybot.chat.Block;
import io.policybot.chat.ChatGateway;
import io.policybot.chat.DeliveryResult;
import io.policybot.chat.Reply;
import io.policybot.testing.TestClock;
import io.policybot.testing.TestContent;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Test helpers: edited copies of the bundled content, a recording chat platform, a sleeper that moves a clock. */
final class Fixtures {
    static final String POLICY = "social-media";
    static final String CHANGED = "identifying-yourself";
    static final String ALSO_CHANGED = "account-security";
    static final String REMOVED = "personal-use";

    private Fixtures() {
    }

    /** The bundled content as version {@code version}, with {@link #CHANGED} and {@link #ALSO_CHANGED} reworded. */
    static ContentLibrary v11() {
        return edit(TestContent.bundled(), "1.1", Set.of(CHANGED, ALSO_CHANGED), Set.of());
    }

    static ContentLibrary edit(ContentLibrary base, String version, Set<String> reword, Set<String> remove) {
        return io.policybot.testing.Revisions.edit(base, version, reword, remove);
    }

    /** Waiting moves the test clock: simulated time, no real sleep. */
    static Sleeper sleeper(TestClock clock) {
        return d -> clock.advance(d);
    }

    /** A chat platform that records what it delivers and answers from a script per user (default: sent). */
    static final class FakeGateway implements ChatGateway {
        final String platform;
        final TestClock clock;
        final List<String> delivered = Collections.synchronizedList(new ArrayList<>());
        final List<java.time.Instant> times = Collections.synchronizedList(new ArrayList<>());
        final List<String> attempts = Collections.synchronizedList(new ArrayList<>());
        final List<String> channelPosts = Collections.synchronizedList(new ArrayList<>());
        final Map<String, Deque<DeliveryResult>> script = new HashMap<>();

        FakeGateway(String platform, TestClock clock) {
            this.platform = platform;
            this.clock = clock;
        }

        FakeGateway answer(String userId, DeliveryResult... results) {
            script.computeIfAbsent(userId, k -> new ArrayDeque<>()).addAll(List.of(results));
            return this;
        }

        @Override
        public String platform() {
            return platform;
        }

        @Override
        public synchronized DeliveryResult sendDirect(String userId, List<Block> blocks, String fallback) {
            Deque<DeliveryResult> next = script.get(userId);
            DeliveryResult r = next == null || next.isEmpty() ? new DeliveryResult.Sent("m" + delivered.size()) : next.poll();
            times.add(clock.instant());
            attempts.add(userId);
            if (r instanceof DeliveryResult.Sent) {
                delivered.add(userId);
            }
            return r;
        }

        @Override
        public synchronized DeliveryResult sendToChannel(Reply.ChannelRole role, List<Block> blocks, String fallback) {
            channelPosts.add(role + ": " + fallback);
            return new DeliveryResult.Sent("c" + channelPosts.size());
        }
    }

    static Duration seconds(double s) {
        return Duration.ofMillis(Math.round(s * 1000));
    }
}

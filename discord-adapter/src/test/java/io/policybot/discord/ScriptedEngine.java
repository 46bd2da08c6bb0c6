package io.policybot.discord;

import io.policybot.chat.Actor;
import io.policybot.chat.Block;
import io.policybot.chat.ConversationEngine;
import io.policybot.chat.Inbound;
import io.policybot.chat.Reply;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/** A fake engine: answers each inbound with the script's replies and keeps what it received. */
final class ScriptedEngine implements ConversationEngine {
    final List<Inbound> received = new CopyOnWriteArrayList<>();
    private final Function<Inbound, List<Reply>> script;

    ScriptedEngine(Function<Inbound, List<Reply>> script) {
        this.script = script;
    }

    static ScriptedEngine answering(Reply... replies) {
        return new ScriptedEngine(inbound -> List.of(replies));
    }

    @Override
    public List<Reply> handle(Inbound inbound) {
        received.add(inbound);
        return script.apply(inbound);
    }

    @Override
    public List<Block> home(Actor actor) {
        return List.of();
    }

    Inbound only() {
        if (received.size() != 1) {
            throw new AssertionError("expected one inbound, got " + received.size());
        }
        return received.get(0);
    }
}

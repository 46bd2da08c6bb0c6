package io.policybot.slack.testing;

import io.policybot.chat.Actor;
import io.policybot.chat.Block;
import io.policybot.chat.ConversationEngine;
import io.policybot.chat.Inbound;
import io.policybot.chat.Reply;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/** An engine that answers from a script and remembers what it was asked, so tests see only the translation. */
public final class ScriptedEngine implements ConversationEngine {
    private final List<Inbound> inbounds = new CopyOnWriteArrayList<>();
    private final List<Actor> homes = new CopyOnWriteArrayList<>();
    private volatile Function<Inbound, List<Reply>> script = in -> List.of();
    private volatile Function<Actor, List<Block>> home = actor -> List.of(new Block.Heading("Home"));

    public ScriptedEngine answer(Function<Inbound, List<Reply>> script) {
        this.script = script;
        return this;
    }

    public ScriptedEngine home(Function<Actor, List<Block>> home) {
        this.home = home;
        return this;
    }

    @Override
    public List<Reply> handle(Inbound inbound) {
        inbounds.add(inbound);
        return script.apply(inbound);
    }

    @Override
    public List<Block> home(Actor actor) {
        homes.add(actor);
        return home.apply(actor);
    }

    public List<Inbound> inbounds() {
        return List.copyOf(inbounds);
    }

    public List<Actor> homes() {
        return List.copyOf(homes);
    }
}

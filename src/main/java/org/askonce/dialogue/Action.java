package org.askonce.dialogue;

/** What happened with a message. */
public enum Action {
    /** Answered from the knowledge base. */
    ANSWER,
    /** Asked a short clarifying question (a numbered menu of candidate items). */
    CLARIFY,
    /** Handed over to a human agent. */
    HANDOFF,
    /** Greeting, thanks: a short friendly reply. */
    SMALLTALK,
    /** Could not answer: said so honestly, with the 12345 hotline. */
    UNKNOWN,
    /** The conversation is waiting for or with an agent: the message went to them, the bot stayed silent. */
    WITH_AGENT,
    /** An agent's message to the citizen. */
    AGENT_REPLY,
    /** A notice about the hand-off (waiting cancelled, handed back to the bot). */
    NOTICE,
    /** A hand-off finished: the citizen was told so and asked to rate it. */
    RESOLVED,
    /** The citizen rated an answer or a hand-off (满意 / 基本满意 / 不满意). */
    RATED
}

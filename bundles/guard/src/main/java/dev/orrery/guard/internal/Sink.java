package dev.orrery.guard.internal;

/** Receives what a rule found. */
interface Sink {
    /**
     * @param rule the rule id
     * @param reason one human line
     * @return true when recorded (the rule is active): the caller may stop looking
     */
    boolean block(String rule, String reason);
}

package dev.orrery.agent.action.internal;

/**
 * The validated settings of the action runner.
 *
 * @param defaultTimeoutSeconds timeout of an action naming none, at least 1
 * @param maxSteps the most steps in one tree, at least 1
 * @param maxDepth the deepest nesting, at least 1
 * @param maxStepOutputBytes cap per step and stream, 0 or more
 * @param maxOutputBytes cap of all step output together, 0 or more
 */
record ActionSettings(int defaultTimeoutSeconds, int maxSteps, int maxDepth, int maxStepOutputBytes, int maxOutputBytes) {
    /** The largest total accepted: a result must still fit a frame. */
    static final int MAX_OUTPUT_LIMIT = 3 * 1024 * 1024;

    ActionSettings {
        if (defaultTimeoutSeconds < 1) {
            throw new IllegalArgumentException("defaultTimeoutSeconds must be at least 1: " + defaultTimeoutSeconds);
        }
        if (maxSteps < 1) {
            throw new IllegalArgumentException("maxSteps must be at least 1: " + maxSteps);
        }
        if (maxDepth < 1) {
            throw new IllegalArgumentException("maxDepth must be at least 1: " + maxDepth);
        }
        if (maxStepOutputBytes < 0) {
            throw new IllegalArgumentException("maxStepOutputBytes must not be negative: " + maxStepOutputBytes);
        }
        if (maxOutputBytes < 0 || maxOutputBytes > MAX_OUTPUT_LIMIT) {
            throw new IllegalArgumentException("maxOutputBytes must be within 0.." + MAX_OUTPUT_LIMIT + ": " + maxOutputBytes);
        }
    }

    /**
     * @param c the typed configuration
     * @return the validated settings
     */
    static ActionSettings of(ActionConfig c) {
        return new ActionSettings(c.defaultTimeoutSeconds(), c.maxSteps(), c.maxDepth(), c.maxStepOutputBytes(), c.maxOutputBytes());
    }
}

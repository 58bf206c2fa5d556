package dev.orrery.guard.internal;

import java.util.List;

/**
 * A program about to run, as the rules see it.
 *
 * @param prog the program's base name
 * @param args its arguments
 * @param ctx the analysis context (current folder)
 * @param paths path classification
 */
record Cmd(String prog, List<Field> args, Ctx ctx, Paths paths) {
    /** @return the normalized absolute path of an argument, or null when unknown */
    String path(Field f) {
        return Paths.normalize(f.marked(), ctx.cwd);
    }

    /** @return the path of a plain string argument value */
    String path(String value) {
        return value == null ? null : Paths.normalize(value, ctx.cwd);
    }

    /** @return whether the only argument is {@code --help} or {@code --version} */
    boolean helpOnly() {
        return args.size() == 1 && ("--help".equals(args.get(0).plain()) || "--version".equals(args.get(0).plain()));
    }
}

package io.liqvol.engine;

/**
 * A setting refused by a config's {@code conclude()}: the setting's name (as its setter spells it) and what is
 * wrong with it, so that a launcher can report the problem under its own name for the setting, such as a flag.
 */
public final class InvalidSettingException extends IllegalArgumentException
{
    private static final long serialVersionUID = 1L;

    private final String setting;
    private final String problem;

    public InvalidSettingException(final String setting, final String problem)
    {
        super(setting + " " + problem);
        this.setting = setting;
        this.problem = problem;
    }

    /** The setting's name, such as {@code stageThreads}. */
    public String setting()
    {
        return setting;
    }

    /** What is wrong, such as {@code must be 1, 2 or 4, was 3}. */
    public String problem()
    {
        return problem;
    }
}

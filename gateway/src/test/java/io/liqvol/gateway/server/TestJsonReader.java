package io.liqvol.gateway.server;

/** Public access to {@link TestJson} for tests in other packages. */
public final class TestJsonReader
{
    private TestJsonReader()
    {
    }

    /** A top-level field of a JSON object. */
    public static Object field(final String json, final String name)
    {
        return TestJson.object(json).get(name);
    }
}

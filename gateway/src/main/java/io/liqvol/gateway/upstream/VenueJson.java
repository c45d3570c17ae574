package io.liqvol.gateway.upstream;

import java.util.List;

/** The little JSON the clients write: arrays of plain names (topics and symbols never need escaping). */
final class VenueJson
{
    private VenueJson()
    {
    }

    static void appendStrings(final StringBuilder json, final List<String> values)
    {
        json.append('[');
        for (int i = 0; i < values.size(); i++)
        {
            json.append(i == 0 ? "\"" : ",\"").append(values.get(i)).append('"');
        }
        json.append(']');
    }
}

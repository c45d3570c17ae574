package io.liqvol.engine;

/** The kind of a JSON value, as far as reading a field's value needs it. */
final class ValueType
{
    static final int STRING = 0;
    static final int INTEGER = 1;
    static final int FLOAT = 2;
    /** true, false, null, an object or an array. */
    static final int OTHER = 3;

    private ValueType()
    {
    }
}

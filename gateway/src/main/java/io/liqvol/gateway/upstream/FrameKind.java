package io.liqvol.gateway.upstream;

/** What a venue's frame is, once read on the cold path. */
enum FrameKind
{
    /** A liquidation push: goes to the sink whole. */
    LIQUIDATION,
    /** An acknowledgement, already handed to the connection. */
    ANSWER,
    /** The venue's answer to a keep-alive. */
    PONG,
    /** An error the venue reported outside any answer: counted and logged. */
    ERROR,
    /** Well-formed, but nothing this client consumes. */
    IGNORED,
    /** Not a frame the venue's protocol has. */
    MALFORMED
}

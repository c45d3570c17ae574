package io.liqvol.gateway.upstream;

import io.netty.buffer.ByteBuf;

/** Sorts the text frames of one venue's connection: liquidations to the sink, answers to the connection. */
interface InboundRouter
{
    void route(ByteBuf frame, long receiveTimeNs, FrameRouter.AnswerHandler answers);
}

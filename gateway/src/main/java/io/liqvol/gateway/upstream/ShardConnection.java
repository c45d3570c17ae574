package io.liqvol.gateway.upstream;

import io.netty.util.concurrent.Future;

/** What a {@link StreamShard} needs of the connection that carries its streams, whatever the venue. */
interface ShardConnection
{
    /** The shard that owns the connection. */
    interface Listener
    {
        void onLive(ShardConnection connection);

        void onClosed(ShardConnection connection);
    }

    /** Every wanted stream is subscribed and acknowledged. */
    boolean isLive();

    long openedAtMs();

    /** When the connection became live, 0 if it never did. */
    long liveSinceMs();

    /** Completes once the connection ended, whether its channel ever opened or not. */
    Future<Void> ended();

    /** The shard's wanted streams changed. */
    void wantedChanged();

    /** Closes after the exchange's close answer, so every frame it sent before is still delivered. */
    void closeGracefully();
}
